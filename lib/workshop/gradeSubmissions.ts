import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { InputError } from '../InputError';
import type { Notebook } from './Notebook';
import { notebookText } from './Notebook';
import type { GradeRow } from './gradeReport';
import { gradesCsv, gradesHtml } from './gradeReport';
import { gradingNotebook } from './gradingNotebook';
import type { GradingPlanEntry } from './gradingNotebook';
import { GRADING_RUNNER_PY } from './gradingRunner';
import { JupyterSetupError, SYSTEM_PYTHON, checkPythonJupyter, jupyterEnvironment, packageRoot, registerTslabKernel } from './jupyterKernel';
import type { RunnerReport } from './readGrades';
import { readGrades } from './readGrades';

/** Options of `gradeSubmissions`. */
export interface GradeSubmissionsOptions {
  /** Folder with one folder per student holding their `.ipynb` files (any depth). Never modified. */
  submissionsDir: string;
  /** Folder for `grades.csv` and `grades.html`; created if missing, the two files replaced. */
  reportDir: string;
  /** Seconds a cell may run before its kernel is replaced. Default 60. */
  timeoutSeconds?: number;
  /** Seconds a kernel may take to start. Default 120. */
  startupSeconds?: number;
  /** Notebooks graded at once (one kernel each). Default: the number of cores, at most 4. */
  jobs?: number;
  /** The Python with Jupyter and nbclient. Default `/usr/bin/python3`. */
  python?: string;
  /** Receives one progress line per graded notebook. Default: none. */
  log?: (line: string) => void;
  /** Keep the temporary work folder (grading copies, executed notebooks) for inspection. Default false. */
  keepWorkDir?: boolean;
}

/** What `gradeSubmissions` returns. */
export interface GradeSubmissionsResult {
  /** One row per student, notebook and exercise. */
  rows: GradeRow[];
  /** Paths of the report files. */
  csvPath: string;
  htmlPath: string;
  /** `student/notebook` of each notebook whose grading stopped early (its unreached exercises failed). */
  unfinished: string[];
  /** Students graded. */
  students: string[];
  /** The work folder, when kept. */
  workDir?: string;
}

/** One notebook to grade. */
interface Task {
  student: string;
  /** Path inside the student's folder, e.g. `06-hyper-v-port-cap.ipynb`. */
  notebook: string;
  /** The notebook inside the work copy of the student's folder. */
  copy: string;
}

/** Folders and files a grader skips: hidden ones (`.ipynb_checkpoints`, `.git`). */
const hidden = (name: string) => name.startsWith('.');

function notebooksUnder(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (hidden(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...notebooksUnder(path));
    else if (entry.isFile() && entry.name.endsWith('.ipynb')) found.push(path);
  }
  return found;
}

/**
 * Grades every student's notebooks in Jupyter with the tslab kernel and writes `grades.csv` and
 * `grades.html` to `reportDir`.
 *
 * Each student's folder is copied to a temporary work folder (the submissions are only read). For each
 * notebook a grading copy (`gradingNotebook`) gets, after each exercise cell, a grading cell that runs
 * the library's check on the student's answer and prints a line tagged with a random nonce made for this
 * run; the copy runs through nbclient (`GRADING_RUNNER_PY`, with `python`), one cell at a time with a
 * per-cell timeout. A failing cell fails only its exercise; a cell that runs past the timeout has its
 * kernel replaced and grading goes on; exercises never reached fail with the reason (`readGrades`).
 *
 * @throws InputError for a missing submissions folder, one with no student folders, or a bad option;
 * JupyterSetupError when Python, nbclient, tslab or the built library is missing.
 */
export async function gradeSubmissions(options: GradeSubmissionsOptions): Promise<GradeSubmissionsResult> {
  const submissions = resolve(options.submissionsDir);
  const reportDir = resolve(options.reportDir);
  const timeoutSeconds = options.timeoutSeconds ?? 60;
  const startupSeconds = options.startupSeconds ?? 120;
  const jobs = options.jobs ?? Math.max(1, Math.min(4, availableParallelism()));
  const python = options.python ?? SYSTEM_PYTHON;
  const log = options.log ?? (() => undefined);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) throw new InputError('timeoutSeconds', timeoutSeconds, 'a number of seconds greater than 0');
  if (!Number.isFinite(startupSeconds) || startupSeconds <= 0) throw new InputError('startupSeconds', startupSeconds, 'a number of seconds greater than 0');
  if (!Number.isInteger(jobs) || jobs < 1) throw new InputError('jobs', jobs, 'a whole number, 1 or more');
  if (!existsSync(submissions) || !statSync(submissions).isDirectory()) {
    throw new InputError('SUBMISSIONS_DIR', submissions, 'a folder with one folder per student');
  }
  if (existsSync(reportDir) && !statSync(reportDir).isDirectory()) throw new InputError('--out', reportDir, 'a folder for grades.csv and grades.html (this is a file)');
  const students = readdirSync(submissions, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !hidden(entry.name) && resolve(submissions, entry.name) !== reportDir)
    .map((entry) => entry.name)
    .sort();
  if (students.length === 0) throw new InputError('SUBMISSIONS_DIR', submissions, 'a folder with one folder per student (it has none)');

  const root = packageRoot();
  if (!existsSync(join(root, 'dist', 'index.js'))) throw new JupyterSetupError(`the teaming-lab library is not built (${join(root, 'dist')}): run npm run build`);
  checkPythonJupyter(python);

  const work = mkdtempSync(join(tmpdir(), 'teaming-lab-grade-'));
  try {
    const jupyterDir = join(work, 'jupyter');
    const kernelName = registerTslabKernel(jupyterDir, { python });
    // Notebooks import 'teaming-lab': the work folder resolves it to this package, for tslab's compiler and Node alike.
    mkdirSync(join(work, 'node_modules'), { recursive: true });
    symlinkSync(root, join(work, 'node_modules', 'teaming-lab'), 'dir');
    const runner = join(work, 'grading_runner.py');
    writeFileSync(runner, GRADING_RUNNER_PY);
    const nonce = randomBytes(16).toString('hex');

    const tasks: Task[] = [];
    students.forEach((student, k) => {
      const copy = join(work, 'submissions', String(k + 1));
      // A student's own node_modules could shadow the library the grading cells load: it is not copied.
      cpSync(join(submissions, student), copy, { recursive: true, dereference: false, filter: (source) => basename(source) !== 'node_modules' });
      for (const path of notebooksUnder(copy)) tasks.push({ student, notebook: relative(copy, path), copy: path });
      if (!tasks.some((t) => t.student === student)) log(`${student}: no notebooks`);
    });

    const results: GradeRow[][] = new Array(tasks.length);
    const unfinished: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < tasks.length) {
        const index = next++;
        const task = tasks[index];
        const started = Date.now();
        const outcome = await gradeOne(task, index, { work, runner, python, jupyterDir, kernelName, nonce, timeoutSeconds, startupSeconds });
        results[index] = outcome.grades.map((g) => ({ student: task.student, notebook: task.notebook, exercise: g.exercise, pass: g.pass, message: g.message }));
        if (!outcome.finished) unfinished.push(`${task.student}/${task.notebook}`);
        const passed = outcome.grades.filter((g) => g.pass).length;
        log(`${task.student}/${task.notebook}: ${passed}/${outcome.grades.length} passed (${Math.round((Date.now() - started) / 1000)} s)${outcome.finished ? '' : ', grading stopped early'}`);
      }
    };
    await Promise.all(Array.from({ length: Math.min(jobs, Math.max(1, tasks.length)) }, worker));

    const rows = results.flat();
    mkdirSync(reportDir, { recursive: true });
    const csvPath = join(reportDir, 'grades.csv');
    const htmlPath = join(reportDir, 'grades.html');
    writeAtomically(csvPath, gradesCsv(rows));
    writeAtomically(htmlPath, gradesHtml(rows, { subtitle: `Graded from ${submissions}, per-cell timeout ${timeoutSeconds} s.` }));
    return { rows, csvPath, htmlPath, unfinished: unfinished.sort(), students, ...(options.keepWorkDir ? { workDir: work } : {}) };
  } finally {
    if (!options.keepWorkDir) rmSync(work, { recursive: true, force: true });
  }
}

function writeAtomically(path: string, text: string): void {
  const temp = `${path}.tmp-${process.pid}`;
  writeFileSync(temp, text);
  renameSync(temp, path);
}

interface RunSettings {
  work: string;
  runner: string;
  python: string;
  jupyterDir: string;
  kernelName: string;
  nonce: string;
  timeoutSeconds: number;
  startupSeconds: number;
}

/** Grades one notebook; never throws for a bad submission (its exercises fail with the reason). */
async function gradeOne(task: Task, index: number, settings: RunSettings): Promise<{ grades: Array<{ exercise: string; pass: boolean; message: string }>; finished: boolean }> {
  let submission: Notebook;
  try {
    submission = JSON.parse(readFileSync(task.copy, 'utf8')) as Notebook;
    if (!submission || !Array.isArray(submission.cells)) throw new Error('no cells list');
  } catch (error) {
    return { grades: [{ exercise: '(notebook)', pass: false, message: `not a readable notebook: ${(error as Error).message}` }], finished: true };
  }
  const { notebook, plan } = gradingNotebook(submission, { nonce: settings.nonce });
  if (plan.length === 0) return { grades: [], finished: true };
  const dir = join(settings.work, 'grading', String(index + 1));
  mkdirSync(dir, { recursive: true });
  const input = join(dir, 'grading.ipynb');
  const output = join(dir, 'executed.ipynb');
  writeFileSync(input, notebookText(notebook));
  const codeCells = notebook.cells.filter((c) => c.cell_type === 'code').length;
  const spec = {
    notebook: input,
    output,
    cwd: dirname(task.copy),
    kernelName: settings.kernelName,
    timeoutSeconds: settings.timeoutSeconds,
    startupSeconds: settings.startupSeconds,
  };
  // Beyond nbclient's own timeouts, a last guard against a runner that hangs.
  const guardSeconds = (codeCells + 2) * (settings.timeoutSeconds + 5) + 3 * settings.startupSeconds;
  const run = await runRunner(settings, spec, guardSeconds);
  const failAll = (message: string) => plan.map((entry: GradingPlanEntry) => ({ exercise: entry.id, pass: false, message }));
  if (run.report === undefined || !existsSync(output)) {
    return { grades: failAll(`grading did not finish: ${run.problem}`), finished: false };
  }
  const executed = JSON.parse(readFileSync(output, 'utf8')) as Notebook;
  const grades = readGrades(executed, plan, run.report, { nonce: settings.nonce, timeoutSeconds: settings.timeoutSeconds });
  return { grades, finished: run.report.fatal === null };
}

/** Runs the Python runner on one notebook; resolves to its report, or to why there is none. */
function runRunner(settings: RunSettings, spec: Record<string, unknown>, guardSeconds: number): Promise<{ report?: RunnerReport; problem: string }> {
  return new Promise((resolvePromise) => {
    const child = spawn(settings.python, [settings.runner], {
      env: jupyterEnvironment(settings.jupyterDir),
      cwd: settings.work,
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true, // its own process group, so the guard can end the kernels too
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-20_000)));
    const guard = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }, guardSeconds * 1000);
    child.on('error', (error) => {
      clearTimeout(guard);
      resolvePromise({ problem: `cannot start ${settings.python}: ${error.message}` });
    });
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      const line = stdout.trim().split('\n').pop() ?? '';
      try {
        const report = JSON.parse(line) as RunnerReport;
        if (Array.isArray(report.cells)) {
          resolvePromise({ report, problem: '' });
          return;
        }
      } catch {
        // Fall through.
      }
      const last = stderr.trim().split('\n').pop() ?? '';
      resolvePromise({ problem: signal ? `the runner was stopped (${signal}) after ${guardSeconds} s` : `the runner exited with ${code}: ${last}` });
    });
    child.stdin.end(JSON.stringify(spec));
  });
}
