export type { Notebook, NotebookCell } from './Notebook';
export { cellText, notebookText, sourceLines } from './Notebook';
export { exerciseOfCell } from './exerciseCell';
export type { ExerciseCellInfo } from './exerciseCell';
export { releaseNotebook, answerStub, BEGIN_SOLUTION, END_SOLUTION, BEGIN_HIDDEN_TESTS, END_HIDDEN_TESTS } from './releaseNotebook';
export type { ReleaseNotebookOptions, ReleasedExercise, ReleasedNotebook } from './releaseNotebook';
export { gradingNotebook, lessonExerciseIds, compareIds } from './gradingNotebook';
export type { GradingNotebook, GradingNotebookOptions, GradingPlanEntry } from './gradingNotebook';
export { readGrades, firstErrorLine } from './readGrades';
export type { CellRun, ExerciseGrade, ReadGradesOptions, RunnerReport } from './readGrades';
export { gradesCsv, gradesHtml, escapeHtml, GRADE_COLUMNS } from './gradeReport';
export type { GradeNotice, GradeRow, GradesHtmlOptions } from './gradeReport';
export { answerCaptureSource, decodeAnswer, readCapturedAnswer, AnswerFormatError, ANSWER_TAG, MAX_ANSWER_CHARS } from './answerCapture';
export type { CapturedAnswer } from './answerCapture';
export { sandboxSpec, kernelLimits, checkBubblewrap, isInside, SANDBOX_HOME, SANDBOX_LIBRARY_ROOT, SANDBOX_KERNEL_DIR } from './kernelSandbox';
export type { KernelLimits, SandboxLayout, SandboxSpec } from './kernelSandbox';
export { SANDBOX_LAUNCHER_PY } from './sandboxLauncher';
export { readSubmissionFolders } from './submissionFolders';
export type { StudentFolder, SubmissionFolders } from './submissionFolders';
export { GRADING_RUNNER_PY } from './gradingRunner';
export {
  SYSTEM_PYTHON,
  TSLAB_KERNEL_NAME,
  JupyterSetupError,
  packageRoot,
  jupyterEnvironment,
  checkPythonJupyter,
  tslabLauncher,
  registerTslabKernel,
} from './jupyterKernel';
export { releaseStudentNotebooks, defaultCourseNotebooksDir } from './releaseStudentNotebooks';
export type { ReleaseStudentNotebooksOptions, ReleasedFile } from './releaseStudentNotebooks';
export { writeCourseNotebooks } from './writeCourseNotebooks';
export type { WriteCourseNotebooksOptions, WrittenNotebook } from './writeCourseNotebooks';
export { SOLUTION_FOLD, splitSolutionFolds } from './solutionFolds';
export type { SplitSolutionFolds } from './solutionFolds';
export { sourceNotebook, autograderTestSource, TEST_CELL_POINTS } from './sourceNotebook';
export type { SourceExercise, SourceNotebook, SourceNotebookOptions } from './sourceNotebook';
export { writeSourceNotebooks } from './writeSourceNotebooks';
export type { SourceFile, WriteSourceNotebooksOptions } from './writeSourceNotebooks';
export { gradeSubmissions, lessonOfFileName, SANDBOX_KERNEL_NAME } from './gradeSubmissions';
export type { GradeSubmissionsOptions, GradeSubmissionsResult } from './gradeSubmissions';
