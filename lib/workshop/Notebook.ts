/**
 * The parts of a Jupyter notebook (nbformat 4) the workshop tools read and write. Anything else a
 * notebook holds is kept as it is (the index signatures), so a round trip loses nothing.
 */
export interface NotebookCell {
  /** `code`, `markdown` or `raw`. */
  cell_type: string;
  /** Cell id (nbformat 4.5). */
  id?: string;
  /** Cell metadata; the workshop reads and writes `nbgrader` and `teaming_lab` in it. */
  metadata?: Record<string, any>;
  /** The cell's text, as one string or nbformat's list of lines. */
  source: string | string[];
  /** Outputs of a code cell. */
  outputs?: Array<Record<string, any>>;
  /** Execution count of a code cell. */
  execution_count?: number | null;
  [key: string]: unknown;
}

/** A notebook: cells and metadata (kernelspec, `teaming_lab.lesson` ...). */
export interface Notebook {
  cells: NotebookCell[];
  metadata?: Record<string, any>;
  nbformat?: number;
  nbformat_minor?: number;
  [key: string]: unknown;
}

/** A cell's source as one string. */
export function cellText(cell: NotebookCell): string {
  return Array.isArray(cell.source) ? cell.source.join('') : typeof cell.source === 'string' ? cell.source : '';
}

/** nbformat's list-of-lines form of a text: every line keeps its `\n` except the last. */
export function sourceLines(text: string): string[] {
  const lines = text.split('\n');
  return lines.map((line, i) => (i < lines.length - 1 ? `${line}\n` : line)).filter((line) => line !== '');
}

/** A deep copy of plain JSON data. */
export function cloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * Serializes a notebook the way Jupyter writes it (keys sorted, one-space indent, final newline), the same
 * form as the course notebooks, so an unchanged cell keeps its bytes.
 */
export function notebookText(notebook: Notebook): string {
  return `${JSON.stringify(sortKeys(notebook), null, 1)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return Object.fromEntries(Object.keys(record).sort().map((key) => [key, sortKeys(record[key])]));
  }
  return value;
}
