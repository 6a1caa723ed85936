/** Options of `formatTable`. */
export interface FormatTableOptions {
  /** Indexes of columns to align right (numbers). Default none. */
  alignRight?: number[];
}

/**
 * Lays out rows as a plain-text table: a header, a rule of dashes, then one line per row, columns
 * separated by two spaces and padded to the widest cell. Every line ends with a newline; trailing
 * spaces are trimmed.
 */
export function formatTable(header: string[], rows: string[][], options: FormatTableOptions = {}): string {
  const right = new Set(options.alignRight ?? []);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) =>
    widths
      .map((width, column) => {
        const cell = cells[column] ?? '';
        return right.has(column) ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [line(header), rule, ...rows.map(line)].map((text) => `${text}\n`).join('');
}

/** A number with a fixed count of decimals (`-0` shown as `0`), e.g. `fixed(9.996, 2)` is `10.00`. */
export function fixed(value: number, decimals: number): string {
  const text = value.toFixed(decimals);
  return /^-0(\.0+)?$/.test(text) ? text.slice(1) : text;
}
