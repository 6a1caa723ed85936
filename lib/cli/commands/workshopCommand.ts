import { InputError } from '../../InputError';
import { JupyterSetupError, defaultCourseNotebooksDir, gradeSubmissions, kernelLimits, releaseStudentNotebooks, writeSourceNotebooks } from '../../workshop';
import { escapeControl } from '../terminal';
import type { Command, CommandContext } from '../Command';
import type { ParsedArgs } from '../parseArgs';
import { COLLECT_HELP, collect } from './workshopCollect';

/** The flags each workshop subcommand accepts (the parser accepts their union; each checks its own). */
const SUBCOMMAND_FLAGS: Record<string, string[]> = {
  release: ['from', 'force'],
  source: ['from', 'force'],
  grade: ['out', 'timeout-s', 'jobs', 'lessons', 'memory-mib', 'cpu-s'],
  collect: ['classroom', 'force'],
};

/** The kernel limits `workshop grade` applies unless told otherwise. */
const KERNEL_DEFAULTS = kernelLimits();

/** Exit codes of `workshop grade` beyond the CLI's usual ones. */
const GRADING_UNFINISHED = 1;
const SETUP_MISSING = 3;

/** `teaming-lab workshop release|source|grade`: student notebooks for a workshop, the nbgrader source
 * version of the course notebooks, and grading what students hand in. */
export const workshopCommand: Command = {
  name: 'workshop',
  summary: 'release student notebooks (release), write nbgrader source notebooks (source) or grade submissions in Jupyter (grade)',
  help: `Usage: teaming-lab workshop release OUT_DIR [--from DIR] [--force]
       teaming-lab workshop source OUT_DIR [--from DIR] [--force]
       teaming-lab workshop grade SUBMISSIONS_DIR --out REPORT_DIR [--lessons LIST] [--timeout-s N]
                                  [--jobs N] [--memory-mib N] [--cpu-s N]
       teaming-lab workshop collect SUBMISSIONS_DIR [--classroom DIR] [--force]

release  Writes a student copy of every course notebook to OUT_DIR: each solution region
         (// BEGIN SOLUTION ... // END SOLUTION) becomes a stub that leaves the answer
         undefined, so every check fails until answered; folded solutions and hidden tests
         (// BEGIN HIDDEN TESTS ... // END HIDDEN TESTS) are removed; exercise cells carry
         nbgrader metadata (solution: true, grade_id = the exercise id). The copies are written
         to a temporary folder that replaces OUT_DIR at once.
  --from DIR   the course notebooks (default: the notebooks/ folder next to the package)
  --force      replace the contents of a non-empty OUT_DIR

source   Writes the nbgrader source version of every course notebook to OUT_DIR (for example
         an nbgrader course's source/teaming-lab/ folder): each exercise cell keeps its
         solution between // BEGIN SOLUTION and // END SOLUTION, with the lesson's folded
         explanation as comments inside, and carries nbgrader metadata (solution: true,
         grade_id = the exercise id); after it comes a locked autograder test cell
         (grade_id <id>-test, 1 point) that runs the library's check on the answer and,
         when it fails, writes a line to stderr, which nbgrader 0.7 or later scores as 0.
         (It does not throw: tslab skips the cells sent in the 200 ms after an error, and
         nbgrader would count a skipped test cell as passed. The same happens after an
         exercise cell that fails, so cross-check with workshop grade, which waits.)
         nbgrader needs a TypeScript stub in nbgrader_config.py:
         c.ClearSolutions.code_stub = {'typescript': '// YOUR CODE HERE'}. Written through a
         temporary folder that replaces OUT_DIR at once, like release.
  --from DIR   the course notebooks (default: the notebooks/ folder next to the package)
  --force      replace the contents of a non-empty OUT_DIR

grade    Grades SUBMISSIONS_DIR (one folder per student holding their .ipynb files, at any
         depth) in Jupyter with the tslab kernel (Debian's /usr/bin/python3 with nbclient).
         Trusts nothing from the students: each notebook runs in a bubblewrap sandbox (no
         network, no other process visible, the library read-only, a private copy of the
         student's folder as the only writable place, memory, CPU and file-size limits;
         the submissions and the report are never visible to it). After each exercise cell
         a hidden cell prints the answer's value; the check runs in this process with its
         own copy of the library, so replacing a check or console.log changes nothing.
         A cell error fails only its exercise; a cell past the timeout or a kernel killed
         by a limit has its kernel restarted and grading goes on.
         Every student gets a row for every exercise of the class (the --lessons ones and
         any other exercise someone handed in): missing notebooks and exercises fail as
         "missing"; when several notebooks answer one exercise, a pass wins. Not graded,
         each with the reason in the report and here: loose notebooks (not in a student
         folder), symbolic links (a linked student folder or notebook is not followed),
         unreadable or invalid notebooks (their lesson's exercises fail with the reason).
         Writes REPORT_DIR/grades.csv (student,notebook,exercise,pass,message; one line
         per student and exercise) and REPORT_DIR/grades.html (a summary, the problems
         found, a table per student with totals; self-contained).
         Needs bubblewrap (apt-get install -y bubblewrap) and user namespaces.
  --out REPORT_DIR   where to write the report (required; created if missing)
  --lessons LIST     lessons every student should hand in, e.g. 2,6 (default: every lesson
                     with exercises)
  --timeout-s N      seconds one cell may run (default 60)
  --jobs N           notebooks graded at once, one kernel each (default: cores, at most 4)
  --memory-mib N     address space of each kernel process, MiB (default ${KERNEL_DEFAULTS.memoryMiB})
  --cpu-s N          CPU seconds each kernel process may use (default ${KERNEL_DEFAULTS.cpuSeconds})

${COLLECT_HELP}

Options:
  --help   show this help

Exit status: 0 done (release, source: written; grade: report written, every notebook graded to
the end, whatever the students scored or handed in), 1 grade: report written but some
notebook's grading stopped early (its unreached exercises are marked failed), 2 bad input,
3 Jupyter, tslab, bubblewrap or the built library missing, or an internal error.

grade prints on stdout: "Graded S students, N notebooks: P of T exercises passed." (T is
S times the class's exercises; the HTML shows the same totals), then "Not graded as handed
in (K):" and one line per problem. Progress goes to stderr, one line per notebook.

Examples:
  teaming-lab workshop release ./student-notebooks
  teaming-lab workshop source ./course/source/teaming-lab
  teaming-lab workshop grade ./submitted --out ./report --timeout-s 90
  teaming-lab workshop grade ./submitted --out ./report --lessons 2,6 --jobs 2
`,
  flags: { from: 'string', force: 'boolean', out: 'string', 'timeout-s': 'string', jobs: 'string', lessons: 'string', 'memory-mib': 'string', 'cpu-s': 'string', classroom: 'string' },
  async run(args, context) {
    const [subcommand, ...positionals] = args.positionals;
    if (subcommand !== 'release' && subcommand !== 'source' && subcommand !== 'grade' && subcommand !== 'collect') {
      throw new InputError('workshop subcommand', subcommand, 'release, source, grade or collect (see teaming-lab workshop --help)');
    }
    for (const flag of [...Object.keys(args.strings), ...Object.keys(args.booleans)]) {
      if (flag !== 'help' && !SUBCOMMAND_FLAGS[subcommand].includes(flag)) {
        throw new InputError(`workshop ${subcommand} options`, `--${flag}`, `one of ${SUBCOMMAND_FLAGS[subcommand].map((f) => `--${f}`).join(', ')} (see teaming-lab workshop --help)`);
      }
    }
    try {
      if (subcommand === 'release') return release(positionals, args, context);
      if (subcommand === 'source') return source(positionals, args, context);
      if (subcommand === 'collect') return collect(positionals, args, context);
      return await grade(positionals, args, context);
    } catch (error) {
      if (error instanceof JupyterSetupError) {
        context.io.stderr(`teaming-lab: workshop ${subcommand}: ${error.message.replace(/\s*\n\s*/g, ' ')}\n`);
        return SETUP_MISSING;
      }
      throw error;
    }
  },
};

function release(positionals: string[], args: ParsedArgs, { io }: CommandContext): number {
  if (positionals.length !== 1) throw new InputError('OUT_DIR', positionals[1], 'one output folder (see teaming-lab workshop --help)');
  const fromDir = args.strings.from ?? defaultCourseNotebooksDir();
  const written = releaseStudentNotebooks({ outDir: positionals[0], fromDir, force: args.booleans.force === true });
  const exercises = written.reduce((n, file) => n + file.exercises.length, 0);
  for (const file of written) io.stdout(`${file.file}  ${file.exercises.length} exercises\n`);
  io.stdout(`Wrote ${written.length} student notebooks (${exercises} exercises) to ${positionals[0]}.\n`);
  return 0;
}

function source(positionals: string[], args: ParsedArgs, { io }: CommandContext): number {
  if (positionals.length !== 1) throw new InputError('OUT_DIR', positionals[1], 'one output folder (see teaming-lab workshop --help)');
  const fromDir = args.strings.from ?? defaultCourseNotebooksDir();
  const written = writeSourceNotebooks({ outDir: positionals[0], fromDir, force: args.booleans.force === true });
  const exercises = written.reduce((n, file) => n + file.exercises.length, 0);
  for (const file of written) io.stdout(`${file.file}  ${file.exercises.length} exercises\n`);
  io.stdout(`Wrote ${written.length} nbgrader source notebooks (${exercises} exercises, each with a locked test cell) to ${positionals[0]}.\n`);
  return 0;
}

async function grade(positionals: string[], args: ParsedArgs, { io }: CommandContext): Promise<number> {
  if (positionals.length !== 1) throw new InputError('SUBMISSIONS_DIR', positionals[1], 'one submissions folder (see teaming-lab workshop --help)');
  const out = args.strings.out;
  if (out === undefined || out === '') throw new InputError('--out', out, 'a folder for grades.csv and grades.html');
  const timeoutSeconds = args.strings['timeout-s'] === undefined ? undefined : wholeNumber(args.strings['timeout-s'], '--timeout-s', 1, 3600);
  const jobs = args.strings.jobs === undefined ? undefined : wholeNumber(args.strings.jobs, '--jobs', 1, 32);
  const memoryMiB = args.strings['memory-mib'] === undefined ? undefined : wholeNumber(args.strings['memory-mib'], '--memory-mib', 1024, 1_048_576);
  const cpuSeconds = args.strings['cpu-s'] === undefined ? undefined : wholeNumber(args.strings['cpu-s'], '--cpu-s', 10, 86_400);
  const lessons = args.strings.lessons === undefined ? undefined : lessonList(args.strings.lessons);
  const result = await gradeSubmissions({
    submissionsDir: positionals[0],
    reportDir: out,
    timeoutSeconds,
    jobs,
    lessons,
    limits: { memoryMiB, cpuSeconds },
    log: (line) => io.stderr(`${escapeControl(line)}\n`),
  });
  const passed = result.rows.filter((row) => row.pass).length;
  io.stdout(`Graded ${result.students.length} students, ${result.notebooks} notebooks: ${passed} of ${result.rows.length} exercises passed.\n`);
  if (result.notices.length > 0) {
    io.stdout(`Not graded as handed in (${result.notices.length}):\n`);
    for (const n of result.notices) io.stdout(`  ${escapeControl(n.student ?? '(no student folder)')}: ${escapeControl(n.path)}: ${escapeControl(n.problem)}\n`);
  }
  io.stdout(`Wrote ${escapeControl(result.csvPath)} and ${escapeControl(result.htmlPath)}.\n`);
  if (result.unfinished.length > 0) {
    io.stderr(`teaming-lab: workshop grade: grading stopped early in ${escapeControl(result.unfinished.join(', '))} (see the report's messages)\n`);
    return GRADING_UNFINISHED;
  }
  return 0;
}

function lessonList(value: string): number[] {
  if (!/^\d{1,2}(,\d{1,2})*$/.test(value)) throw new InputError('--lessons', value, 'lesson numbers separated by commas, e.g. 2,6');
  return [...new Set(value.split(',').map(Number))].sort((a, b) => a - b);
}

function wholeNumber(value: string, flag: string, min: number, max: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) throw new InputError(flag, value, `a whole number from ${min} to ${max}`);
  return Number(value);
}
