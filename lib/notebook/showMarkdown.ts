import { InputError } from '../InputError';
import { displayBundle } from './displayBundle';

/** Shows Markdown as the output of the running notebook cell (with the same text as plain text). */
export function showMarkdown(markdown: string): void {
  if (typeof markdown !== 'string') throw new InputError('markdown', markdown, 'a string');
  displayBundle({ 'text/markdown': markdown, 'text/plain': markdown });
}
