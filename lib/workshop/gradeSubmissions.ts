import { spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../InputError';
import { exercises as registry } from '../exercises';
import type { Notebook } from './Notebook';
import { notebookText } from './Notebook';
import type { GradeNotice, GradeRow } from './gradeReport';
import { gradesCsv, gradesHtml } from './gradeReport';
import { compareIds, gradingNotebook, lessonExerciseIds } from './gradingNotebook';
import type { GradingNotebook } from './gradingNotebook';
import { GRADING_RUNNER_PY } from './gradingRunner';
import { JupyterSetupError, SYSTEM_PYTHON, checkPythonJupyter, jupyterEnvironment, packageRoot, tslabLauncher } from './jupyterKernel';
import { checkBubblewrap, sandboxSpec } from './kernelSandbox';
import type { KernelLimits } from './kernelSandbox';
import type { ExerciseGrade, RunnerReport } from './readGrades';
import { readGrades } from './readGrades';
import { SANDBOX_LAUNCHER_PY } from './sandboxLauncher';
import { readSubmissionFolders } from './submissionFolders';
import type { StudentFolder } from './submissionFolders';

/** Options of `gradeSubmissions`. */
export interface GradeSubmissionsOptions {
  /** Folder with one folder per student holding their `.ipynb` files (any depth). Never modified, never
   * visible to a student's kernel. */
  submissionsDir: string;
  /** Folder for `grades.csv` and `grades.html`; created if missing, the two files replaced. */
  reportDir: string;
  /** The lessons every student is expected to hand in; their exercises count for everyone, handed in or
   * not. Default: every lesson that has numbered exercises (2 to 10). */
  lessons?: number[];
  /** Folder of the course notebooks, for the names the report gives missing notebooks. Default: the
   * course's notebooks/ folder (names like `lesson 6` when it is missing). */
  courseDir?: string;
  /** Seconds a cell may run before its kernel is replaced. Default 60. */
  timeoutSeconds?: number;
  /** Seconds a kernel may take to start. Default 120. */
  startupSeconds?: number;
  /** Notebooks graded at once (one sandboxed kernel each). Default: the number of cores, at most 4. */
  jobs?: number;
  /** Limits of each student's kernel (memory, CPU seconds, file size, /tmp). Defaults in `KernelLimits`. */
  limits?: KernelLimits;
  /** The Python with Jupyter and nbclient. Default `/usr/bin/python3`. */
  python?: string;
  /** Bubblewrap. Default `/usr/bin/bwrap`. */
  bwrap?: string;
  /** Receives one progress line per graded notebook. Default: none. */
  log?: (line: string) => void;
  /** Keep the temporary work folder (grading copies, executed notebooks) for inspection. Default false. */
  keepWorkDir?: boolean;
}

/** What `gradeSubmissions` returns. */
export interface GradeSubmissionsResult {
  /** One row per student and exercise: every student has a row for every exercise of the class (the
   * expected lessons' and any other exercise someone handed in), answered or not. */
  rows: GradeRow[];
  /** Paths of the report files. */
  csvPath: string;
  htmlPath: string;
  /** `student/notebook` of each notebook whose grading stopped early (its unreached exercises failed). */
  unfinished: string[];
  /** Every student folder, graded or not, in name order. */
  students: string[];
  /** Notebooks graded (a readable notebook with something to grade; one without an exercise cell
   * whose answer can be read fails without starting a kernel). */
  notebooks: number;
  /** What was not graded as handed in (loose notebooks, links, unreadable files ...), with the reason. */
  notices: GradeNotice[];
  /** The work folder, when kept. */
  workDir?: string;
}

/** The kernelspec name of the sandboxed tslab kernel, registered in the grader's private Jupyter folder. */
export const SANDBOX_KERNEL_NAME = 'teaming-lab-sandbox';

/** Largest notebook file read (bytes): a larger one fails as unreadable. */
const MAX_NOTEBOOK_BYTES = 200 * 1024 * 1024;

/** One notebook to run. */
interface Task {
  student: StudentFolder;
  /** Path inside the student's folder, e.g. `06-hyper-v-port-cap.ipynb`. */
  notebook: string;
  /** The private copy of the student's folder the kernel sees. */
  home: string;
  grading: GradingNotebook;
}

/** A result for one exercise from one notebook (or a refused one). */
interface Candidate extends ExerciseGrade {
  notebook: string;
}

/** The lesson a file name starts with (`06-hyper-v-port-cap.ipynb` -> 6). */
export function lessonOfFileName(file: string): number | undefined {
  const match = /^(\d{1,2})-/.exec(basename(file));
  return match ? Number(match[1]) : undefined;
}

/** Every lesson with numbered exercises in the registry. */
function lessonsWithExercises(): number[] {
  return [...new Set(Object.values(registry).map((e) => e.lesson))].filter((lesson) => lessonExerciseIds(lesson).length > 0).sort((a, b) => a - b);
}

/** The course notebook of each lesson, by file name, from `courseDir` (none when it cannot be read). */
function courseNotebookNames(courseDir: string): Map<number, string> {
  const names = new Map<number, string>();
  try {
    for (const file of readdirSync(courseDir).sort()) {
      const lesson = lessonOfFileName(file);
      if (file.endsWith('.ipynb') && lesson !== undefined && !names.has(lesson)) names.set(lesson, file);
    }
  } catch {
    // No course folder: the report names missing notebooks by lesson.
  }
  return names;
}

/**
 * Grades every student's notebooks in Jupyter with the tslab kernel and writes `grades.csv` and
 * `grades.html` to `reportDir`.
 *
 * Trust nothing from the student: each student's folder is copied to a private folder, and each notebook
 * runs in a kernel sandboxed with bubblewrap (`sandboxSpec`: no network, no other process, read-only
 * library, that private folder as the only writable one, memory/CPU/file limits; the submissions, the
 * report and the grader's files are not there). The grading copy (`gradingNotebook`) adds after each
 * exercise cell a cell that prints the answer's value; the verdict is computed here, outside the kernel,
 * with this process's own library (`readGrades`), so replacing a check or console.log changes nothing.
 * A cell error fails only its exercise; a cell past the timeout or a kernel killed by a limit has its
 * kernel replaced and grading goes on. Every malformed input (an unreadable notebook, a symbolic link,
 * an empty folder) costs only that student's marks and is reported with the reason.
 *
 * @throws InputError for a missing submissions folder, one with no student folders, or a bad option;
 * JupyterSetupError when Python, nbclient, tslab, bubblewrap or the built library is missing.
 */
export async function gradeSubmissions(options: GradeSubmissionsOptions): Promise<GradeSubmissionsResult> {
  const submissions = resolve(options.submissionsDir);
  const reportDir = resolve(options.reportDir);
  const timeoutSeconds = options.timeoutSeconds ?? 60;
  const startupSeconds = options.startupSeconds ?? 120;
  const jobs = options.jobs ?? Math.max(1, Math.min(4, availableParallelism()));
  const python = options.python ?? SYSTEM_PYTHON;
  const bwrap = options.bwrap ?? '/usr/bin/bwrap';
  const log = options.log ?? (() => undefined);
  const known = lessonsWithExercises();
  const lessons = options.lessons ?? known;
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) throw new InputError('timeoutSeconds', timeoutSeconds, 'a number of seconds greater than 0');
  if (!Number.isFinite(startupSeconds) || startupSeconds <= 0) throw new InputError('startupSeconds', startupSeconds, 'a number of seconds greater than 0');
  if (!Number.isInteger(jobs) || jobs < 1) throw new InputError('jobs', jobs, 'a whole number, 1 or more');
  for (const lesson of lessons) if (!known.includes(lesson)) throw new InputError('--lessons', lesson, `lessons with exercises: ${known.join(', ')}`);
  if (!existsSync(submissions) || !statSync(submissions).isDirectory()) {
    throw new InputError('SUBMISSIONS_DIR', submissions, 'a folder with one folder per student');
  }
  if (existsSync(reportDir) && !statSync(reportDir).isDirectory()) throw new InputError('--out', reportDir, 'a folder for grades.csv and grades.html (this is a file)');
  const found = readSubmissionFolders(submissions, [reportDir]);
  if (found.students.length === 0) {
    const loose = found.notices.length > 0 ? `it has none; ${found.notices.length} notebook(s) lie loose in it: put each in its student's folder` : 'it has none';
    throw new InputError('SUBMISSIONS_DIR', submissions, `a folder with one folder per student (${loose})`);
  }
  const courseNames = courseNotebookNames(options.courseDir ?? join(dirname(packageRoot()), 'notebooks'));
  const notebookOfLesson = (lesson: number | undefined) => (lesson === undefined ? '(none)' : (courseNames.get(lesson) ?? `lesson ${lesson}`));

  const root = packageRoot();
  if (!existsSync(join(root, 'dist', 'index.js'))) throw new JupyterSetupError(`the teaming-lab library is not built (${join(root, 'dist')}): run npm run build`);
  checkPythonJupyter(python);
  checkBubblewrap(bwrap);
  const modulesDir = dirname(dirname(dirname(tslabLauncher(root))));

  const notices = [...found.notices];
  const candidates = new Map<string, Candidate[]>(); // by student name
  const add = (student: string, notebook: string, grades: ExerciseGrade[]) => {
    const list = candidates.get(student) ?? [];
    list.push(...grades.map((g) => ({ ...g, notebook })));
    candidates.set(student, list);
  };

  const work = mkdtempSync(join(tmpdir(), 'teaming-lab-grade-'));
  try {
    const jupyterDir = join(work, 'jupyter');
    const kernelDir = join(jupyterDir, 'share', 'jupyter', 'kernels', SANDBOX_KERNEL_NAME);
    mkdirSync(kernelDir, { recursive: true });
    const launcher = join(work, 'sandbox_launcher.py');
    writeFileSync(launcher, SANDBOX_LAUNCHER_PY);
    writeFileSync(
      join(kernelDir, 'kernel.json'),
      JSON.stringify({ argv: [python, launcher, '{connection_file}'], display_name: 'TypeScript (teaming-lab sandbox)', language: 'typescript' }),
    );
    const runner = join(work, 'grading_runner.py');
    writeFileSync(runner, GRADING_RUNNER_PY);
    const kernelsDir = join(work, 'k');
    mkdirSync(kernelsDir);
    const ipcDir = join(work, 'r');
    mkdirSync(ipcDir);

    const tasks: Task[] = [];
    found.students.forEach((student, k) => {
      if (student.dir === undefined) {
        notices.push({ student: student.name, path: student.name, problem: student.problem ?? 'not graded' });
        return;
      }
      for (const refused of student.refused) {
        const ids = lessonExerciseIds(lessonOfFileName(refused.notebook));
        if (ids.length === 0) notices.push({ student: student.name, path: join(student.name, refused.notebook), problem: `${refused.problem} (no lesson with exercises can be told from its name)` });
        else add(student.name, refused.notebook, ids.map((exercise) => ({ exercise, pass: false, message: `not graded: ${refused.problem}` })));
      }
      if (student.notebooks.length === 0 && student.refused.length === 0) {
        notices.push({ student: student.name, path: student.name, problem: 'no notebooks in this folder: every exercise is marked missing' });
      }
      if (student.notebooks.length === 0) return;
      const home = join(work, 'homes', String(k + 1));
      // A student's own node_modules could shadow the library in their kernel: it is not copied.
      cpSync(student.dir, home, { recursive: true, dereference: false, filter: (source) => basename(source) !== 'node_modules' });
      // Collected submissions may be read-only copies: the kernel's private folder must be writable.
      makeWritable(home);
      for (const notebook of student.notebooks) {
        const fromName = lessonOfFileName(notebook);
        const refuse = (why: string) => {
          const ids = lessonExerciseIds(fromName);
          if (ids.length === 0) notices.push({ student: student.name, path: join(student.name, notebook), problem: `${why} (no lesson with exercises can be told from its name)` });
          else add(student.name, notebook, ids.map((exercise) => ({ exercise, pass: false, message: why })));
        };
        let submission: Notebook;
        try {
          if (statSync(join(student.dir, notebook)).size > MAX_NOTEBOOK_BYTES) throw new Error(`over ${MAX_NOTEBOOK_BYTES / 1024 / 1024} MiB`);
          submission = JSON.parse(readFileSync(join(student.dir, notebook), 'utf8')) as Notebook;
        } catch (error) {
          refuse(`not a readable notebook: ${(error as Error).message.slice(0, 160)}`);
          continue;
        }
        let grading: GradingNotebook;
        try {
          grading = gradingNotebook(submission, fromName === undefined ? {} : { lesson: fromName });
        } catch (error) {
          refuse(`not a valid notebook: ${(error as Error).message.slice(0, 200)}`);
          continue;
        }
        for (const why of grading.ignored) notices.push({ student: student.name, path: join(student.name, notebook), problem: `${why}: ignored` });
        if (grading.plan.length === 0) {
          notices.push({ student: student.name, path: join(student.name, notebook), problem: 'no exercises found and no lesson known: nothing to grade in it' });
          continue;
        }
        tasks.push({ student, notebook, home, grading });
      }
    });

    const settings: RunSettings = { work, runner, python, jupyterDir, timeoutSeconds, startupSeconds, kernelsDir, ipcDir, root, modulesDir, bwrap, limits: options.limits, hide: [submissions, reportDir, work] };
    const unfinished: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < tasks.length) {
        const index = next++;
        const task = tasks[index];
        const started = Date.now();
        const outcome = await gradeOne(task, index, settings);
        add(task.student.name, task.notebook, outcome.grades);
        for (const note of outcome.notes) notices.push({ student: task.student.name, path: join(task.student.name, task.notebook), problem: note });
        if (!outcome.finished) unfinished.push(`${task.student.name}/${task.notebook}`);
        const passed = outcome.grades.filter((g) => g.pass).length;
        log(`${task.student.name}/${task.notebook}: ${passed}/${outcome.grades.length} passed (${Math.round((Date.now() - started) / 1000)} s)${outcome.finished ? '' : ', grading stopped early'}`);
      }
    };
    await Promise.all(Array.from({ length: Math.min(jobs, Math.max(1, tasks.length)) }, worker));

    const rows = classRows(found.students, candidates, lessons, notebookOfLesson);
    const students = found.students.map((s) => s.name);
    notices.sort((a, b) => (a.student ?? '').localeCompare(b.student ?? '') || a.path.localeCompare(b.path));
    mkdirSync(reportDir, { recursive: true });
    const csvPath = join(reportDir, 'grades.csv');
    const htmlPath = join(reportDir, 'grades.html');
    writeAtomically(csvPath, gradesCsv(rows));
    writeAtomically(
      htmlPath,
      gradesHtml(rows, { students, notices, subtitle: `Graded from ${submissions}, lessons ${lessons.join(', ')}, per-cell timeout ${timeoutSeconds} s, each kernel sandboxed.` }),
    );
    return { rows, csvPath, htmlPath, unfinished: unfinished.sort(), students, notebooks: tasks.length, notices, ...(options.keepWorkDir ? { workDir: work } : {}) };
  } finally {
    if (!options.keepWorkDir) rmSync(work, { recursive: true, force: true });
  }
}

/**
 * One row per student and class exercise: the expected lessons' exercises and every exercise anyone was
 * graded on. When several notebooks of a student answer an exercise, a pass wins, else the first in name
 * order; an exercise no notebook answered is "missing".
 */
function classRows(students: StudentFolder[], candidates: Map<string, Candidate[]>, lessons: number[], notebookOfLesson: (lesson: number | undefined) => string): GradeRow[] {
  const ids = new Set(lessons.flatMap((lesson) => lessonExerciseIds(lesson)));
  for (const list of candidates.values()) for (const c of list) ids.add(c.exercise);
  const ordered = [...ids].sort(compareIds);
  const rows: GradeRow[] = [];
  for (const student of students) {
    const mine = candidates.get(student.name) ?? [];
    for (const exercise of ordered) {
      const answers = mine.filter((c) => c.exercise === exercise);
      const best = answers.find((c) => c.pass) ?? answers[0];
      if (best) {
        rows.push({ student: student.name, notebook: best.notebook, exercise, pass: best.pass, message: best.message });
        continue;
      }
      const lesson = registry[exercise]?.lesson;
      const notebook = notebookOfLesson(lesson);
      const message =
        student.problem !== undefined
          ? `not graded: ${student.problem}`
          : lessons.includes(lesson ?? -1) && !mine.some((c) => registry[c.exercise]?.lesson === lesson)
            ? `missing: no notebook for lesson ${lesson} was handed in (expected ${notebook})`
            : 'missing: not answered in any notebook handed in';
      rows.push({ student: student.name, notebook, exercise, pass: false, message });
    }
  }
  return rows;
}

/** Adds the owner's write permission (and search, for folders) to a folder tree, never following links. */
function makeWritable(path: string): void {
  const stat = lstatSync(path);
  if (stat.isSymbolicLink()) return;
  chmodSync(path, stat.mode | (stat.isDirectory() ? 0o700 : 0o600));
  if (stat.isDirectory()) for (const name of readdirSync(path)) makeWritable(join(path, name));
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
  timeoutSeconds: number;
  startupSeconds: number;
  kernelsDir: string;
  /** Where Jupyter's ends of the kernels' Unix sockets go (a short path: they must stay under 108 bytes). */
  ipcDir: string;
  root: string;
  modulesDir: string;
  bwrap: string;
  limits?: KernelLimits;
  hide: string[];
}

/** Runs one notebook in its sandbox and grades it; never throws for a bad submission (its exercises fail
 * with the reason). */
async function gradeOne(task: Task, index: number, settings: RunSettings): Promise<{ grades: ExerciseGrade[]; finished: boolean; notes: string[] }> {
  const { notebook, plan } = task.grading;
  // Nothing to capture (no exercise cell, or none whose answer can be read): every exercise fails with
  // its reason, and no kernel is started.
  if (plan.every((entry) => entry.captureIndex === undefined)) {
    return { grades: readGrades(notebook, plan, { cells: [], restarts: 0, fatal: null }, { timeoutSeconds: settings.timeoutSeconds }), finished: true, notes: [] };
  }
  const dir = join(settings.work, 'grading', String(index + 1));
  mkdirSync(dir, { recursive: true });
  const input = join(dir, 'grading.ipynb');
  const output = join(dir, 'executed.ipynb');
  writeFileSync(input, notebookText(notebook));
  const specPath = join(dir, 'sandbox.json');
  writeFileSync(
    specPath,
    JSON.stringify(
      sandboxSpec({
        bwrap: settings.bwrap,
        packageRoot: settings.root,
        modulesDir: settings.modulesDir,
        home: task.home,
        cwd: dirname(task.notebook) === '.' ? '' : dirname(task.notebook),
        kernelsDir: settings.kernelsDir,
        hide: settings.hide,
        limits: settings.limits,
      }),
    ),
  );
  const codeCells = notebook.cells.filter((c) => c.cell_type === 'code').length;
  const spec = {
    notebook: input,
    output,
    // The launcher starts here, outside the sandbox; the kernel starts in the notebook's folder inside it.
    cwd: settings.kernelsDir,
    kernelName: SANDBOX_KERNEL_NAME,
    timeoutSeconds: settings.timeoutSeconds,
    startupSeconds: settings.startupSeconds,
    transport: 'ipc',
    ipcDir: settings.ipcDir,
  };
  // Beyond nbclient's own timeouts, a last guard against a runner that hangs.
  const guardSeconds = (codeCells + 2) * (settings.timeoutSeconds + 5) + 3 * settings.startupSeconds;
  const run = await runRunner(settings, spec, specPath, guardSeconds);
  const failAll = (message: string) => plan.map((entry) => ({ exercise: entry.id, pass: false, message }));
  if (run.report === undefined || !existsSync(output)) {
    return { grades: failAll(`grading did not finish: ${run.problem}`), finished: false, notes: [] };
  }
  let executed: Notebook;
  try {
    executed = JSON.parse(readFileSync(output, 'utf8')) as Notebook;
  } catch (error) {
    return { grades: failAll(`grading did not finish: the executed notebook cannot be read (${(error as Error).message})`), finished: false, notes: [] };
  }
  const grades = readGrades(executed, plan, run.report, { timeoutSeconds: settings.timeoutSeconds });
  const capped = run.report.cells.filter((c) => c.outputCapped).map((c) => c.index + 1);
  const notes = capped.length > 0 ? [`the output of cell${capped.length > 1 ? 's' : ''} ${capped.join(', ')} (of the grading copy) went past 1 MB; the rest was dropped`] : [];
  if (run.report.restarts > 0) notes.push(`${run.report.restarts} kernel${run.report.restarts > 1 ? 's were' : ' was'} replaced (a timeout or a limit hit)`);
  return { grades, finished: run.report.fatal === null, notes };
}

/** Runs the Python runner on one notebook; resolves to its report, or to why there is none. */
function runRunner(settings: RunSettings, spec: Record<string, unknown>, sandboxPath: string, guardSeconds: number): Promise<{ report?: RunnerReport; problem: string }> {
  return new Promise((resolvePromise) => {
    const child = spawn(settings.python, [settings.runner], {
      env: { ...jupyterEnvironment(settings.jupyterDir), TEAMING_LAB_SANDBOX: sandboxPath },
      cwd: settings.work,
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true, // its own process group, so the guard can end the kernels too
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout = (stdout + d).slice(-5_000_000)));
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
