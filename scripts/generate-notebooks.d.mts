// Types for scripts/generate-notebooks.mjs (used by the drift test).
export interface PlannedNotebook {
  /** The lesson, e.g. `content/01-how-to-use.mdx`. */
  source: string;
  /** The notebook, e.g. `notebooks/01-how-to-use.ipynb`. */
  target: string;
  /** The notebook's text as generated. */
  json: string;
  /** True when the file on disk has exactly this text. */
  upToDate: boolean;
}
export interface NotebookPlan {
  notebooks: PlannedNotebook[];
  /** Notebooks in notebooks/ that no lesson produces. */
  orphans: string[];
  /** Lesson errors, `file:line: message`. */
  errors: string[];
}
export declare function planNotebooks(root?: string): NotebookPlan;
export declare function writeNotebooks(root?: string): NotebookPlan & { written: string[]; removed: string[] };
