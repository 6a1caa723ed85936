/** Options of `formatTable`. */
export interface FormatTableOptions {
  /** Indexes of columns to align right (numbers). Default none. */
  alignRight?: number[];
}

/**
 * Lays out rows as a plain-text table: a header, a rule of dashes, then the rows, columns separated
 * by two spaces and padded to the widest cell. A cell may hold several lines (`\n`); its row then
 * takes that many lines. Every line ends with a newline; trailing spaces are trimmed.
 */
export function formatTable(header: string[], rows: string[][], options: FormatTableOptions = {}): string {
  const right = new Set(options.alignRight ?? []);
  const cellLines = (cell: string | undefined) => (cell ?? '').split('\n');
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.flatMap((row) => cellLines(row[column]).map((line) => line.length))),
  );
  const line = (cells: string[]) =>
    widths
      .map((width, column) => {
        const cell = cells[column] ?? '';
        return right.has(column) ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  const rowLines = (row: string[]) => {
    const columns = widths.map((_, column) => cellLines(row[column]));
    const height = Math.max(...columns.map((lines) => lines.length));
    return Array.from({ length: height }, (_, i) => line(columns.map((lines) => lines[i] ?? '')));
  };
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [line(header), rule, ...rows.flatMap(rowLines)].map((text) => `${text}\n`).join('');
}

/**
 * Breaks text into lines of at most `width` characters at `separator` boundaries (a space by
 * default), joined with `\n`. A single word longer than `width` gets a line of its own.
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
  }
  if (current !== '') lines.push(current);
  return lines.join('\n');
}

/** A number with a fixed count of decimals (`-0` shown as `0`), e.g. `fixed(9.996, 2)` is `10.00`. */
export function fixed(value: number, decimals: number): string {
  const text = value.toFixed(decimals);
  return /^-0(\.0+)?$/.test(text) ? text.slice(1) : text;
}
