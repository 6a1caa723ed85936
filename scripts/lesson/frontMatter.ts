import type { FrontMatter } from './Lesson';
import { LessonError } from './LessonError';

/**
 * Reads the `---` front matter (the text between the fences): flat `key: value` lines, `#` comments,
 * quoted or plain strings, numbers. Every page has a `title` and a `summary`, and is either a lesson
 * (`lesson: N` and `minutes: M`, whole numbers above 0) or a guide (`kind: guide`, no `lesson`, `minutes`
 * optional). `firstLine` is the file line of the first key (2 when the file starts with `---`).
 * @throws LessonError naming the file, the line and the key
 */
export function parseFrontMatter(yaml: string, file: string, firstLine = 2): FrontMatter {
  const raw: Record<string, string | number> = {};
  const lines = yaml.split('\n');
  lines.forEach((text, i) => {
    const line = firstLine + i;
    if (text.trim() === '' || text.trim().startsWith('#')) return;
    const m = /^([A-Za-z_][\w-]*):\s*(.*)$/.exec(text);
    if (!m) throw new LessonError(file, line, `front matter: a line is not \`key: value\`: ${text}`);
    let value: string | number = m[2];
    if (/^["']/.test(value)) {
      const quote = value[0];
      const close = value.indexOf(quote, 1);
      if (close < 0) throw new LessonError(file, line, `front matter: unclosed quote in the value of "${m[1]}"`);
      value = quote === '"' ? (JSON.parse(value.slice(0, close + 1)) as string) : value.slice(1, close);
    } else {
      value = value.replace(/\s+#.*$/, '').trim();
      if (/^-?\d+(\.\d+)?$/.test(value)) value = Number(value);
    }
    raw[m[1]] = value;
  });
  const at = firstLine - 1;
  const fail = (message: string): never => {
    throw new LessonError(file, at, `front matter: ${message}`);
  };
  for (const key of ['title', 'summary']) {
    if (typeof raw[key] !== 'string' || raw[key] === '') fail(`"${key}" is required (non-empty text)`);
  }
  for (const key of ['lesson', 'minutes']) {
    const value = raw[key];
    if (value !== undefined && !(typeof value === 'number' && Number.isInteger(value) && value > 0)) {
      fail(`"${key}" must be a whole number above 0, got ${JSON.stringify(value)}`);
    }
  }
  if (raw.kind !== undefined && raw.kind !== 'guide') fail(`"kind" must be "guide" (or left out for a lesson), got ${JSON.stringify(raw.kind)}`);
  const known = ['title', 'summary', 'lesson', 'minutes', 'kind'];
  for (const key of Object.keys(raw)) if (!known.includes(key)) fail(`unknown key "${key}" (allowed: ${known.join(', ')})`);
  const kind = raw.kind === 'guide' ? 'guide' : 'lesson';
  if (kind === 'guide' && raw.lesson !== undefined) fail('a guide (kind: guide) has no "lesson" number');
  if (kind === 'lesson' && raw.lesson === undefined) fail('a page needs "lesson: N" (a lesson) or "kind: guide" (a guide such as the facilitator\'s guide)');
  if (kind === 'lesson' && raw.minutes === undefined) fail('a lesson needs "minutes" (its estimated study time)');
  return {
    title: raw.title as string,
    summary: raw.summary as string,
    kind,
    ...(raw.lesson !== undefined ? { lesson: raw.lesson as number } : {}),
    ...(raw.minutes !== undefined ? { minutes: raw.minutes as number } : {}),
  };
}
