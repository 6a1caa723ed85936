/** Options of `formatTable`. */
export interface FormatTableOptions {
  /** Indexes of columns to align right (numbers). Default none. */
  alignRight?: number[];
  /**
   * Widest the table may be, in characters (the terminal's width). When the table is wider, the widest
   * columns are narrowed and their cells (header included) wrapped at spaces, a word longer than its
   * column being broken; a column keeps at least `MIN_COLUMN_WIDTH` characters. Default: no limit.
   */
  maxWidth?: number;
}

/** Narrowest a column is made to fit `maxWidth`. */
export const MIN_COLUMN_WIDTH = 4;

/**
 * Lays out rows as a plain-text table: a header, a rule of dashes, then the rows, columns separated
 * by two spaces and padded to the widest cell. A cell may hold several lines (`\n`); its row then
 * takes that many lines. Every line ends with a newline; trailing spaces are trimmed.
 */
export function formatTable(header: string[], rows: string[][], options: FormatTableOptions = {}): string {
  const right = new Set(options.alignRight ?? []);
  const cellLines = (cell: string | undefined) => (cell ?? '').split('\n');
  const natural = header.map((title, column) =>
    Math.max(...[header, ...rows].flatMap((row) => cellLines(row[column]).map((line) => line.length))),
  );
  const longestWord = header.map((_, column) =>
    Math.max(...[header, ...rows].flatMap((row) => cellLines(row[column]).flatMap((line) => line.split(' ').map((word) => word.length)))),
  );
  const widths = fitWidths(natural, longestWord, options.maxWidth);
  const wrapCell = (cell: string | undefined, column: number) =>
    cellLines(cell).flatMap((line) => (line.length <= widths[column] ? [line] : wrapText(line, widths[column]).split('\n')));
  const line = (cells: string[]) =>
    widths
      .map((width, column) => {
        const cell = cells[column] ?? '';
        return right.has(column) ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  const rowLines = (row: string[]) => {
    const columns = widths.map((_, column) => wrapCell(row[column], column));
    const height = Math.max(...columns.map((lines) => lines.length));
    return Array.from({ length: height }, (_, i) => line(columns.map((lines) => lines[i] ?? '')));
  };
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [...rowLines(header), rule, ...rows.flatMap(rowLines)].map((text) => `${text}\n`).join('');
}

/**
 * Column widths that fit `maxWidth` (with two spaces between columns): the widest column is narrowed
 * first, down to its longest word (so that no word is broken), then, if the table is still too wide,
 * down to `MIN_COLUMN_WIDTH`.
 */
function fitWidths(natural: number[], longestWord: number[], maxWidth: number | undefined): number[] {
  const widths = [...natural];
  if (maxWidth === undefined) return widths;
  let excess = widths.reduce((sum, width) => sum + width, 0) + 2 * (widths.length - 1) - maxWidth;
  for (const floor of [(column: number) => Math.max(MIN_COLUMN_WIDTH, longestWord[column]), () => MIN_COLUMN_WIDTH]) {
    while (excess > 0) {
      let widest = -1;
      widths.forEach((width, column) => {
        if (width > floor(column) && (widest < 0 || width > widths[widest])) widest = column;
      });
      if (widest < 0) break;
      widths[widest]--;
      excess--;
    }
  }
  return widths;
}

/**
 * Breaks text into lines of at most `width` characters at `separator` boundaries (a space by
 * default), joined with `\n`. A word longer than `width` is broken into pieces of `width` characters.
 */
export function wrapText(text: string, width: number, separator = ' '): string {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(separator)) {
    const candidate = current === '' ? word : `${current}${separator}${word}`;
    if (candidate.trimEnd().length <= width || current === '') current = candidate;
    else {
      lines.push(current.trimEnd() + separator.trimEnd());
      current = word;
    }
    while (current.length > width && width > 0) {
      lines.push(current.slice(0, width));
      current = current.slice(width);
    }
  }
  if (current !== '') lines.push(current);
  return lines.join('\n');
}

/** A number with a fixed count of decimals (`-0` shown as `0`), e.g. `fixed(9.996, 2)` is `10.00`. */
export function fixed(value: number, decimals: number): string {
  const text = value.toFixed(decimals);
  return /^-0(\.0+)?$/.test(text) ? text.slice(1) : text;
}
