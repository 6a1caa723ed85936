// Types for scripts/lesson-cells.mjs (used by the tests).
export declare const SKELETON_HEAD: string[];
export declare const SKELETON_TAIL: string[];
export declare class LessonError extends Error {
  constructor(file: string, line: number, message: string);
  file: string;
  line: number;
}
export interface LessonCell {
  kind: 'markdown' | 'code';
  source: string;
  line: number;
  origin: 'prose' | 'cell' | 'Figure' | 'Finding' | 'Value' | 'exercise';
  /** For an `exercise` cell: its id, the answer variable and the solution code without its markers. */
  exercise?: { id: string; answerName: string; solution: string };
  /** Cell metadata (an exercise cell: `teaming_lab: { exercise, answerName }`). */
  metadata?: Record<string, unknown>;
}
export declare function exerciseCode(
  code: string,
  id: string,
  file: string,
  line: number,
): { id: string; answerName: string; solution: string };
export type FrontMatter = Record<string, string | number>;
export declare function parseLesson(text: string, file: string): { frontMatter: FrontMatter; cells: LessonCell[] };
export declare function parseFrontMatter(lines: string[], file: string): { frontMatter: FrontMatter; bodyStart: number };
export declare function parseTag(source: string, file: string, line: number): { name: string; props: Record<string, unknown> };
export declare function tsString(text: string): string;
export declare function tsLiteral(value: unknown): string;
export interface NotebookCell {
  cell_type: 'markdown' | 'code';
  id: string;
  metadata: Record<string, unknown>;
  source: string[];
  execution_count?: number | null;
  outputs?: Array<Record<string, any>>;
}
export interface Notebook {
  cells: NotebookCell[];
  metadata: Record<string, any>;
  nbformat: number;
  nbformat_minor: number;
}
export declare const TSLAB_METADATA: Record<string, unknown>;
export declare function lessonNotebook(text: string, file: string, name: string): Notebook;
export declare function notebookJson(notebook: Notebook): string;
