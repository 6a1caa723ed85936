import { InputError } from '../InputError';

/** The line that opens a folded solution in a notebook's Markdown (what a lesson's `<Solution>` becomes). */
export const SOLUTION_FOLD = /^\s*<details>\s*<summary>\s*Solution\s*<\/summary>/i;

/** A Markdown text split into what is not a folded solution and the folded solutions' contents. */
export interface SplitSolutionFolds {
  /** The text without its folded solutions; blank lines left where a fold was are collapsed, ends trimmed. */
  kept: string;
  /** Each folded solution's content (between `<summary>Solution</summary>` and its `</details>`), trimmed. */
  folds: string[];
}

/**
 * Splits off every folded solution (`<details><summary>Solution</summary>` to its matching `</details>`,
 * nested `<details>` allowed) of a notebook Markdown text.
 *
 * @param where names the cell in errors, e.g. `06-hyper-v-port-cap.ipynb cell 21`
 * @throws InputError for a folded solution never closed by `</details>`
 */
export function splitSolutionFolds(text: string, where: string): SplitSolutionFolds {
  const lines = text.split('\n');
  const out: string[] = [];
  const folds: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!SOLUTION_FOLD.test(lines[i])) {
      out.push(lines[i]);
      continue;
    }
    let depth = 0;
    let j = i;
    for (; j < lines.length; j++) {
      depth += (lines[j].match(/<details\b/gi) ?? []).length - (lines[j].match(/<\/details>/gi) ?? []).length;
      if (depth <= 0) break;
    }
    if (j >= lines.length) throw new InputError(where, lines[i].trim(), 'a folded solution closed by </details>');
    const inner = lines.slice(i, j + 1);
    inner[0] = inner[0].replace(SOLUTION_FOLD, '');
    inner[inner.length - 1] = inner[inner.length - 1].replace(/<\/details>\s*$/i, '');
    folds.push(trimBlankLines(inner).join('\n'));
    i = j;
  }
  // Collapse the blank lines left where a fold was, and trim the ends.
  const collapsed = out.filter((line, k) => !(line.trim() === '' && (k === 0 || out[k - 1].trim() === '')));
  while (collapsed.length > 0 && collapsed[collapsed.length - 1].trim() === '') collapsed.pop();
  return { kept: collapsed.join('\n'), folds };
}

function trimBlankLines(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start].trim() === '') start++;
  while (end > start && lines[end - 1].trim() === '') end--;
  return lines.slice(start, end);
}
