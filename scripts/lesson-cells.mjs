// Splits a lesson (`content/NN-slug.mdx`, see docs/lesson-format.md) into notebook cells and builds the
// tslab notebook. Pure: text in, plain data out; scripts/generate-notebooks.mjs does the file work.

/** The `##` headings every lesson has, in order; teaching sections go between the second and the third. */
export const SKELETON_HEAD = ['What you will learn', 'Predict first'];
export const SKELETON_TAIL = ['Explore', 'What we found', 'Exercises', 'Summary'];

/** Block components a lesson may use, and the inline one. */
const BLOCK_COMPONENTS = ['Figure', 'Finding'];
const INLINE_COMPONENT = 'Value';
/** Info strings of displayed blocks that mean "no highlighting". */
const PLAIN_TEXT_INFO = ['text', 'txt', 'plaintext', 'plain'];
/** Inline HTML that means the same in MDX and in Jupyter's Markdown, without attributes. */
const INLINE_HTML = /<\/?(sub|sup|kbd)>|<br\s*\/>/g;

/** A problem in a lesson, located by file and 1-based line. */
export class LessonError extends Error {
  constructor(file, line, message) {
    super(`${file}:${line}: ${message}`);
    this.name = 'LessonError';
    this.file = file;
    this.line = line;
  }
}

/**
 * Parses a lesson. Returns `{ frontMatter, cells }`, where each cell is
 * `{ kind: 'markdown' | 'code', source, line, origin }` (`origin`: `prose`, `cell`, `Figure`, `Finding`,
 * `Value` or `exercise`). An `exercise` cell holds a ```ts exercise block as written (solution markers
 * included), `exercise: { id, answerName, solution }` and the cell `metadata` the workshop tools read.
 * Throws a LessonError for the first problem found.
 */
export function parseLesson(text, file) {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const { frontMatter, bodyStart } = parseFrontMatter(lines, file);
  if (frontMatter.kind === 'guide') throw new LessonError(file, 1, 'a guide (`kind: guide`) is not a lesson: it gets no notebook');
  const cells = [];
  const headings = [];
  let markdown = []; // lines of the markdown cell being built
  let markdownLine = 0;
  let paragraph = []; // { text, line } of the current paragraph
  let exercise = null; // the open <Exercise>: { id, line, codes: [cell] , solution: markdown lines index }
  let fold = null; // the open <Hint> or <Solution>: { name, line }

  const pushMarkdown = (textLines, line) => {
    if (markdown.length === 0) markdownLine = line;
    markdown.push(...textLines);
  };
  const flushMarkdown = () => {
    while (markdown.length > 0 && markdown[markdown.length - 1].trim() === '') markdown.pop();
    while (markdown.length > 0 && markdown[0].trim() === '') markdown.shift();
    if (markdown.length > 0) cells.push({ kind: 'markdown', source: markdown.join('\n'), line: markdownLine, origin: 'prose' });
    markdown = [];
  };
  const pushCode = (cell) => {
    if (fold) throw new LessonError(file, cell.line, `code cells cannot sit inside <${fold.name}> (opened on line ${fold.line})`);
    flushMarkdown();
    cells.push(cell);
  };
  const flushParagraph = () => {
    if (paragraph.length === 0) return;
    const first = paragraph[0].line;
    const joined = paragraph.map((p) => p.text).join('\n');
    checkProse(paragraph, file);
    if (joined.includes(`<${INLINE_COMPONENT}`)) {
      pushCode({ kind: 'code', source: valueCell(joined, file, first), line: first, origin: 'Value' });
    } else {
      if (markdown.length > 0) pushMarkdown([''], first);
      pushMarkdown(paragraph.map((p) => p.text), first);
    }
    paragraph = [];
  };

  for (let i = bodyStart; i < lines.length; i++) {
    const line = lines[i];
    const lineNo = i + 1;
    const fence = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    if (fence) {
      flushParagraph();
      const marker = fence[1];
      const info = fence[2].trim();
      const close = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`);
      let j = i + 1;
      while (j < lines.length && !close.test(lines[j])) j++;
      if (j >= lines.length) throw new LessonError(file, lineNo, `code block opened with ${marker} is never closed`);
      const body = lines.slice(i + 1, j);
      const words = info.split(/\s+/).filter(Boolean);
      if (words.includes('cell') || words.includes('exercise')) {
        if (words[0] !== 'ts' || words.length !== 2) {
          throw new LessonError(file, lineNo, `a runnable cell's info string is exactly "ts cell" or "ts exercise" (got "${info}")`);
        }
        if (body.join('').trim() === '') throw new LessonError(file, lineNo, 'runnable cell is empty');
        const code = trimBlank(body).join('\n');
        if (words[1] === 'cell') pushCode({ kind: 'code', source: code, line: lineNo, origin: 'cell' });
        else {
          if (!exercise) throw new LessonError(file, lineNo, 'a "ts exercise" block must sit inside an <Exercise>');
          if (exercise.cells.length > 0) throw new LessonError(file, lineNo, `<Exercise id="${exercise.id}"> has more than one "ts exercise" block`);
          const info = exerciseCode(code, exercise.id, file, lineNo);
          const cell = {
            kind: 'code',
            source: code,
            line: lineNo,
            origin: 'exercise',
            exercise: info,
            metadata: { teaming_lab: { exercise: info.id, answerName: info.answerName } },
          };
          pushCode(cell);
          exercise.cells.push(cell);
        }
      } else {
        if (markdown.length > 0) pushMarkdown([''], lineNo);
        // Classic Notebook highlights a ```text block with CodeMirror's "null" mode, a file it does not ship
        // (a 404 and a console error): plain-text blocks lose their info string in the notebook.
        const opening = PLAIN_TEXT_INFO.includes(info) ? line.replace(info, '').trimEnd() : line;
        pushMarkdown([opening, ...lines.slice(i + 1, j + 1)], lineNo);
      }
      i = j;
      continue;
    }
    if (line.trim() === '') {
      flushParagraph();
      continue;
    }
    if (/^#{1,6}\s/.test(line) || /^\s*<\/?(Exercise|Hint|Solution)\b/.test(line)) flushParagraph(); // these end a paragraph
    if (paragraph.length === 0) {
      // Block starts: headings, MDX-only syntax, containers, components.
      if (/^(import|export)\s/.test(line)) {
        throw new LessonError(file, lineNo, 'MDX import/export is not allowed in a lesson: lessons call the library from `ts cell` blocks and tags');
      }
      const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
      if (heading) {
        checkProse([{ text: line, line: lineNo }], file);
        if (heading[1].length === 1) throw new LessonError(file, lineNo, 'a lesson has no `#` heading: the title comes from the front matter');
        if (heading[1].length === 2) {
          if (exercise) throw new LessonError(file, lineNo, `<Exercise id="${exercise.id}"> (line ${exercise.line}) is not closed before this heading`);
          flushMarkdown();
          headings.push({ text: heading[2], line: lineNo });
        } else if (markdown.length > 0) pushMarkdown([''], lineNo);
        pushMarkdown([line], lineNo);
        continue;
      }
      const trimmed = line.trim();
      // <Exercise id="..." title="..."> ... </Exercise>
      if (/^<Exercise\b/.test(trimmed)) {
        if (exercise) throw new LessonError(file, lineNo, `<Exercise> inside <Exercise id="${exercise.id}"> (line ${exercise.line})`);
        if (!/>$/.test(trimmed) || /\/>$/.test(trimmed)) throw new LessonError(file, lineNo, '<Exercise id="..." title="..."> opens on one line of its own and closes with </Exercise>');
        const { props } = parseTag(`${trimmed.slice(0, -1)} />`, file, lineNo);
        checkProps(props, ['id', 'title'], file, lineNo, 'Exercise');
        if (typeof props.id !== 'string' || !/^[\w-]+$/.test(props.id)) throw new LessonError(file, lineNo, '<Exercise> needs id="ex-NN-N"');
        if (typeof props.title !== 'string' || props.title === '') throw new LessonError(file, lineNo, '<Exercise> needs a title');
        flushMarkdown();
        const number = /-(\d+)$/.exec(props.id)?.[1] ?? '';
        pushMarkdown([`### Exercise ${number}: ${props.title}`], lineNo);
        exercise = { id: props.id, line: lineNo, cells: [] };
        continue;
      }
      if (trimmed === '</Exercise>') {
        if (!exercise) throw new LessonError(file, lineNo, '</Exercise> without an <Exercise>');
        if (fold) throw new LessonError(file, lineNo, `<${fold.name}> (line ${fold.line}) is not closed before </Exercise>`);
        if (exercise.cells.length === 0) throw new LessonError(file, exercise.line, `<Exercise id="${exercise.id}"> needs one "ts exercise" block`);
        flushMarkdown();
        exercise = null;
        continue;
      }
      // <Hint>one line</Hint>, or <Hint> / <Solution> on a line of their own, closed the same way.
      const fold1 = /^<(Hint|Solution)>(.*)<\/\1>$/.exec(trimmed);
      if (fold1) {
        checkProse([{ text: fold1[2], line: lineNo }], file);
        if (fold1[1] === 'Solution') flushMarkdown(); // a Solution is a cell of its own (student copies drop it)
        if (markdown.length > 0) pushMarkdown([''], lineNo);
        pushMarkdown(foldLines(fold1[1], [fold1[2]]), lineNo);
        if (fold1[1] === 'Solution') flushMarkdown();
        continue;
      }
      const foldOpen = /^<(Hint|Solution)>$/.exec(trimmed);
      if (foldOpen) {
        if (fold) throw new LessonError(file, lineNo, `<${foldOpen[1]}> inside <${fold.name}> (line ${fold.line})`);
        fold = { name: foldOpen[1], line: lineNo };
        if (fold.name === 'Solution') flushMarkdown(); // a Solution is a cell of its own (student copies drop it)
        if (markdown.length > 0) pushMarkdown([''], lineNo);
        pushMarkdown([`<details><summary>${fold.name}</summary>`], lineNo);
        continue;
      }
      const foldClose = /^<\/(Hint|Solution)>$/.exec(trimmed);
      if (foldClose) {
        if (!fold || fold.name !== foldClose[1]) throw new LessonError(file, lineNo, `</${foldClose[1]}> without a matching <${foldClose[1]}>`);
        pushMarkdown(['', '</details>'], lineNo);
        if (fold.name === 'Solution') flushMarkdown();
        fold = null;
        continue;
      }
      const tag = /^\s*<([A-Za-z][\w.]*)/.exec(line);
      if (tag && tag[1] !== INLINE_COMPONENT) {
        const name = tag[1];
        if (name === 'Hint' || name === 'Solution') {
          throw new LessonError(file, lineNo, `write <${name}>text</${name}> on one line, or <${name}> and </${name}> on lines of their own`);
        }
        if (!BLOCK_COMPONENTS.includes(name)) {
          throw new LessonError(
            file,
            lineNo,
            /^[a-z]/.test(name)
              ? `HTML/JSX element <${name}> is not supported in a lesson: write Markdown`
              : `unknown component <${name}>: a lesson may use ${[...BLOCK_COMPONENTS, 'Exercise', 'Hint', 'Solution', INLINE_COMPONENT].map((c) => `<${c}>`).join(', ')}`,
          );
        }
        let j = i;
        let source = lines[i];
        while (!/\/>\s*$/.test(source) && j + 1 < lines.length && lines[j + 1].trim() !== '') {
          j++;
          source += '\n' + lines[j];
        }
        const parsed = parseTag(source.trim(), file, lineNo);
        if (parsed.name !== name) throw new LessonError(file, lineNo, `could not read <${name}>`);
        pushCode({ kind: 'code', source: componentCell(parsed, file, lineNo), line: lineNo, origin: name });
        i = j;
        continue;
      }
    }
    paragraph.push({ text: line, line: lineNo });
  }
  flushParagraph();
  if (fold) throw new LessonError(file, fold.line, `<${fold.name}> is never closed`);
  if (exercise) throw new LessonError(file, exercise.line, `<Exercise id="${exercise.id}"> is never closed`);
  flushMarkdown();
  checkSkeleton(headings, file, bodyStart + 1);
  if (!cells.some((c) => c.kind === 'code')) throw new LessonError(file, bodyStart + 1, 'a lesson needs at least one runnable cell, <Figure> or <Finding>');
  return { frontMatter, cells };
}

/** A one-line <Hint> or <Solution> as a folded Markdown block. */
function foldLines(name, body) {
  return [`<details><summary>${name}</summary>`, '', ...body, '', '</details>'];
}

const BEGIN_SOLUTION = /^[ \t]*\/\/ BEGIN SOLUTION[ \t]*$/;
const END_SOLUTION = /^[ \t]*\/\/ END SOLUTION[ \t]*$/;

/**
 * Reads a ```ts exercise block: it must hold `// BEGIN SOLUTION` and `// END SOLUTION` lines (nbgrader's
 * markers) and end with `check('<id>', answerVariable)`. Returns `{ id, answerName, solution }`, the
 * solution being the code without its markers. The notebook keeps the block as written, markers included:
 * it is the course (instructor) version, and the workshop's release command makes the student copies.
 */
export function exerciseCode(code, id, file, line) {
  const lines = code.split('\n');
  const begin = lines.findIndex((l) => BEGIN_SOLUTION.test(l));
  const end = lines.findIndex((l) => END_SOLUTION.test(l));
  if (begin < 0 || end < begin) throw new LessonError(file, line, 'an exercise cell needs "// BEGIN SOLUTION" and "// END SOLUTION" lines, in that order');
  const call = /\bcheck\(\s*(['"])([^'"]+)\1\s*,\s*([A-Za-z_$][\w$]*)\s*\)/.exec(lines.slice(end + 1).join('\n'));
  if (!call) throw new LessonError(file, line, `an exercise cell ends with check('${id}', answerVariable) after // END SOLUTION`);
  if (call[2] !== id) throw new LessonError(file, line, `the exercise cell checks '${call[2]}' inside <Exercise id="${id}">`);
  const solution = lines.filter((l) => !BEGIN_SOLUTION.test(l) && !END_SOLUTION.test(l)).join('\n');
  return { id, answerName: call[3], solution };
}

/**
 * Reads the `---` front matter: flat `key: value` lines, `#` comments, quoted or plain strings, numbers.
 * Every page has a `title` and a `summary`, and is either a lesson (`lesson: N` and `minutes: M`, whole
 * numbers above 0) or a guide (`kind: guide`, no `lesson`, `minutes` optional), such as the facilitator's
 * guide. Anything else is a LessonError naming the file.
 */
export function parseFrontMatter(lines, file) {
  if (lines[0] !== '---') throw new LessonError(file, 1, 'a lesson starts with `---` front matter (title, lesson, summary, minutes)');
  const end = lines.indexOf('---', 1);
  if (end < 0) throw new LessonError(file, 1, 'front matter is never closed with `---`');
  const frontMatter = {};
  for (let i = 1; i < end; i++) {
    const raw = lines[i];
    if (raw.trim() === '' || raw.trim().startsWith('#')) continue;
    const m = /^([A-Za-z_][\w-]*):\s*(.*)$/.exec(raw);
    if (!m) throw new LessonError(file, i + 1, `front matter line is not \`key: value\`: ${raw}`);
    let value = m[2];
    if (/^["']/.test(value)) {
      const q = value[0];
      const close = value.indexOf(q, 1);
      if (close < 0) throw new LessonError(file, i + 1, `unclosed quote in front matter value of ${m[1]}`);
      value = q === '"' ? JSON.parse(value.slice(0, close + 1)) : value.slice(1, close);
    } else {
      value = value.replace(/\s+#.*$/, '').trim();
      if (/^-?\d+(\.\d+)?$/.test(value)) value = Number(value);
    }
    frontMatter[m[1]] = value;
  }
  for (const key of ['title', 'summary']) {
    if (typeof frontMatter[key] !== 'string' || frontMatter[key] === '') {
      throw new LessonError(file, 1, `front matter needs a non-empty \`${key}\``);
    }
  }
  for (const key of ['lesson', 'minutes']) {
    if (frontMatter[key] !== undefined && !(Number.isInteger(frontMatter[key]) && frontMatter[key] > 0)) {
      throw new LessonError(file, 1, `front matter \`${key}\` must be a whole number above 0 (got ${JSON.stringify(frontMatter[key])})`);
    }
  }
  if (frontMatter.kind !== undefined && frontMatter.kind !== 'guide') {
    throw new LessonError(file, 1, `front matter \`kind\` must be \`guide\` (or left out for a lesson), got ${JSON.stringify(frontMatter.kind)}`);
  }
  if (frontMatter.kind === 'guide') {
    if (frontMatter.lesson !== undefined) throw new LessonError(file, 1, 'a guide (`kind: guide`) has no `lesson` number');
  } else {
    if (frontMatter.lesson === undefined) throw new LessonError(file, 1, 'front matter needs `lesson: N` (a lesson) or `kind: guide` (a guide such as the facilitator\'s guide)');
    if (frontMatter.minutes === undefined) throw new LessonError(file, 1, 'front matter needs `minutes` (a lesson\'s estimated study time)');
  }
  return { frontMatter, bodyStart: end + 1 };
}

function checkSkeleton(headings, file, firstLine) {
  const names = headings.map((h) => h.text);
  const head = names.slice(0, SKELETON_HEAD.length);
  const tail = names.slice(-SKELETON_TAIL.length);
  const middle = names.slice(SKELETON_HEAD.length, names.length - SKELETON_TAIL.length);
  const ok =
    head.join('\n') === SKELETON_HEAD.join('\n') &&
    tail.join('\n') === SKELETON_TAIL.join('\n') &&
    middle.length >= 1 &&
    middle.every((m) => !SKELETON_HEAD.includes(m) && !SKELETON_TAIL.includes(m));
  if (!ok) {
    const where = headings[0]?.line ?? firstLine;
    throw new LessonError(
      file,
      where,
      `the \`##\` headings must be: ${[...SKELETON_HEAD, '<one or more teaching sections>', ...SKELETON_TAIL].join(' · ')}; found: ${names.join(' · ') || 'none'}`,
    );
  }
}

/** Rejects MDX-only syntax in prose: `{expressions}` and inline tags other than <Value />. */
function checkProse(paragraph, file) {
  for (const { text, line } of paragraph) {
    const bare = text
      .replace(/(`+)[\s\S]*?\1/g, '')
      .replace(/<Value\b[^>]*\/>/g, '')
      .replace(INLINE_HTML, '');
    if (/<Value\b/.test(bare)) throw new LessonError(file, line, '<Value ... /> must be self-closing and on one line');
    const tag = /<\/?([A-Za-z][\w.]*)/.exec(bare);
    if (tag) throw new LessonError(file, line, `inline <${tag[1]}> is not supported in a lesson: only <Value ... />, <sub>, <sup>, <kbd> and <br /> (other HTML and components are MDX-only)`);
    if (/[{}]/.test(bare)) throw new LessonError(file, line, '`{` or `}` in prose is an MDX expression: put it in `inline code` or rephrase');
  }
}

// ---------------------------------------------------------------------------------------------------
// Tags and their JSON-compatible props

/** Parses `<Name a="x" b={...} />` into `{ name, props }`. */
export function parseTag(source, file, line) {
  const m = /^<([A-Za-z][\w.]*)\s*([\s\S]*?)\s*\/>$/.exec(source);
  if (!m) throw new LessonError(file, line, `a component tag must be self-closing, like <Figure experiment="finding-1" /> (got ${source.split('\n')[0]})`);
  const props = {};
  const reader = new LiteralReader(m[2], file, line);
  while (!reader.done()) {
    const name = reader.identifier();
    if (Object.prototype.hasOwnProperty.call(props, name)) throw new LessonError(file, line, `prop ${name} is given twice`);
    reader.expect('=');
    if (reader.peek() === '"' || reader.peek() === "'") props[name] = reader.string();
    else {
      reader.expect('{');
      props[name] = reader.value();
      reader.expect('}');
    }
  }
  return { name: m[1], props };
}

/** A reader for JSON-compatible JavaScript literals: strings, numbers, booleans, null, arrays and
 * objects (keys bare or quoted, trailing commas allowed). No expressions. */
class LiteralReader {
  constructor(text, file, line) {
    this.text = text;
    this.pos = 0;
    this.file = file;
    this.line = line;
  }
  fail(what) {
    throw new LessonError(this.file, this.line, `props are JSON-compatible literals only: expected ${what} at "${this.text.slice(this.pos, this.pos + 20)}"`);
  }
  skip() {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos])) this.pos++;
  }
  done() {
    this.skip();
    return this.pos >= this.text.length;
  }
  peek() {
    this.skip();
    return this.text[this.pos];
  }
  expect(ch) {
    if (this.peek() !== ch) this.fail(`"${ch}"`);
    this.pos++;
  }
  identifier() {
    this.skip();
    const m = /^[A-Za-z_$][\w$]*/.exec(this.text.slice(this.pos));
    if (!m) this.fail('a name');
    this.pos += m[0].length;
    return m[0];
  }
  string() {
    const q = this.peek();
    let out = '';
    this.pos++;
    while (this.pos < this.text.length && this.text[this.pos] !== q) {
      if (this.text[this.pos] === '\\') {
        const next = this.text[this.pos + 1];
        const escapes = { n: '\n', t: '\t', '\\': '\\', '"': '"', "'": "'" };
        if (!(next in escapes)) this.fail('a simple escape (\\n, \\t, \\\\, \\", \\\')');
        out += escapes[next];
        this.pos += 2;
      } else out += this.text[this.pos++];
    }
    if (this.text[this.pos] !== q) this.fail(`a closing ${q}`);
    this.pos++;
    return out;
  }
  value() {
    const ch = this.peek();
    if (ch === '"' || ch === "'") return this.string();
    if (ch === '[') {
      this.pos++;
      const items = [];
      while (this.peek() !== ']') {
        items.push(this.value());
        if (this.peek() === ',') this.pos++;
        else if (this.peek() !== ']') this.fail('"," or "]"');
      }
      this.pos++;
      return items;
    }
    if (ch === '{') {
      this.pos++;
      const obj = {};
      while (this.peek() !== '}') {
        const key = this.peek() === '"' || this.peek() === "'" ? this.string() : this.identifier();
        this.expect(':');
        obj[key] = this.value();
        if (this.peek() === ',') this.pos++;
        else if (this.peek() !== '}') this.fail('"," or "}"');
      }
      this.pos++;
      return obj;
    }
    const m = /^(-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|true|false|null)/.exec(this.text.slice(this.pos));
    if (!m) this.fail('a string, number, boolean, null, array or object');
    this.pos += m[0].length;
    return JSON.parse(m[0]);
  }
}

// ---------------------------------------------------------------------------------------------------
// Generated code

/** A string as TypeScript source: single quotes, unless the text has a single quote and no double one. */
export function tsString(text) {
  if (text.includes("'") && !text.includes('"')) return JSON.stringify(text);
  return `'${JSON.stringify(text).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

/** A props value as TypeScript source: JSON, with bare keys where they are identifiers. */
export function tsLiteral(value) {
  if (Array.isArray(value)) return `[${value.map(tsLiteral).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : tsString(k)}: ${tsLiteral(v)}`);
    return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
  }
  return typeof value === 'string' ? tsString(value) : JSON.stringify(value);
}

function experimentCall(props, file, line, tag) {
  if (typeof props.experiment !== 'string' || props.experiment === '') {
    throw new LessonError(file, line, `<${tag}> needs experiment="finding-N"`);
  }
  if (props.options !== undefined && (typeof props.options !== 'object' || props.options === null || Array.isArray(props.options))) {
    throw new LessonError(file, line, `<${tag}> options must be an object, like options={{ vms: 4 }}`);
  }
  const options = props.options && Object.keys(props.options).length > 0 ? tsLiteral(props.options) : '';
  return `experiments[${tsString(props.experiment)}].run(${options})`;
}

function checkProps(props, allowed, file, line, tag) {
  for (const key of Object.keys(props)) {
    if (!allowed.includes(key)) throw new LessonError(file, line, `<${tag}> has no prop ${key} (allowed: ${allowed.join(', ')})`);
  }
}

function componentCell({ name, props }, file, line) {
  if (name === 'Figure') {
    checkProps(props, ['experiment', 'options', 'controls'], file, line, name);
    if (props.controls !== undefined && !(Array.isArray(props.controls) && props.controls.every((c) => typeof c === 'string'))) {
      throw new LessonError(file, line, '<Figure> controls must be an array of option names, like controls={["vms"]}');
    }
    const call = experimentCall(props, file, line, name);
    const changeable = props.controls
      ? `// Options to try: ${props.controls.join(', ')} (experiments[${tsString(props.experiment)}].controls lists them all).`
      : `// Options to try: see experiments[${tsString(props.experiment)}].controls.`;
    return [
      `// Runs experiment ${props.experiment} and draws its chart. Change the options and run the cell again.`,
      changeable,
      "import { experiments, show } from 'teaming-lab';",
      '',
      `show(${call}.figure);`,
    ].join('\n');
  }
  checkProps(props, ['experiment', 'options'], file, line, name);
  return [
    `// Runs experiment ${props.experiment} and checks the claim: the last line says whether it holds.`,
    "import { experiments, showFinding } from 'teaming-lab';",
    '',
    `showFinding(${experimentCall(props, file, line, name)});`,
  ].join('\n');
}

/** A paragraph with inline <Value /> tags as a cell that prints it as Markdown with the numbers filled in. */
function valueCell(paragraph, file, line) {
  const parts = [];
  const runs = new Map(); // experiment call -> result variable
  let last = 0;
  const pattern = /<Value\b[^>]*\/>/g;
  let m;
  while ((m = pattern.exec(paragraph))) {
    if (m.index > last) parts.push(tsString(paragraph.slice(last, m.index)));
    const tagLine = line + paragraph.slice(0, m.index).split('\n').length - 1;
    const { props } = parseTag(m[0], file, tagLine);
    checkProps(props, ['experiment', 'options', 'path', 'digits', 'unit'], file, tagLine, 'Value');
    if (typeof props.path !== 'string' || props.path === '') throw new LessonError(file, tagLine, '<Value> needs path="measured.someFigure"');
    const call = experimentCall(props, file, tagLine, 'Value');
    if (!runs.has(call)) runs.set(call, `result${runs.size + 1}`);
    const format = {};
    if (props.digits !== undefined) format.digits = props.digits;
    if (props.unit !== undefined) format.unit = props.unit;
    const formatArg = Object.keys(format).length > 0 ? `, ${tsLiteral(format)}` : '';
    parts.push(`lessonValue(${runs.get(call)}, ${tsString(props.path)}${formatArg})`);
    last = m.index + m[0].length;
  }
  if (last < paragraph.length) parts.push(tsString(paragraph.slice(last)));
  return [
    '// This paragraph quotes numbers the library computes: run the cell to read it.',
    "import { experiments, lessonValue, showMarkdown } from 'teaming-lab';",
    '',
    '{',
    ...[...runs].map(([call, name]) => `  const ${name} = ${call};`),
    '  showMarkdown([',
    ...parts.map((p) => `    ${p},`),
    "  ].join(''));",
    '}',
  ].join('\n');
}

function trimBlank(lines) {
  let a = 0;
  let b = lines.length;
  while (a < b && lines[a].trim() === '') a++;
  while (b > a && lines[b - 1].trim() === '') b--;
  return lines.slice(a, b);
}

// ---------------------------------------------------------------------------------------------------
// Notebook

/** Notebook metadata for tslab's TypeScript kernel (what `tslab install` registers as `tslab`). */
export const TSLAB_METADATA = {
  kernelspec: { display_name: 'TypeScript', language: 'typescript', name: 'tslab' },
  language_info: {
    codemirror_mode: { mode: 'typescript', name: 'javascript', typescript: true },
    file_extension: '.ts',
    mimetype: 'text/typescript',
    name: 'typescript',
  },
};

/**
 * The notebook (nbformat 4.5, no outputs) for a lesson. `name` is the file's base name without
 * `.mdx` (`01-how-to-use`); cell ids are `<name>-<position>`, so regenerating gives the same bytes.
 */
export function lessonNotebook(text, file, name) {
  const { frontMatter, cells } = parseLesson(text, file);
  const idBase = name.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 56);
  const intro = `# ${frontMatter.lesson ? `Lesson ${frontMatter.lesson}: ` : ''}${frontMatter.title}\n\n${frontMatter.summary} *(About ${frontMatter.minutes} minutes.)*`;
  const all = [{ kind: 'markdown', source: intro }, ...cells];
  return {
    cells: all.map((cell, index) => {
      const id = `${idBase}-${String(index).padStart(3, '0')}`;
      const source = sourceLines(cell.source);
      const metadata = cell.metadata ?? {};
      return cell.kind === 'markdown'
        ? { cell_type: 'markdown', id, metadata, source }
        : { cell_type: 'code', execution_count: null, id, metadata, outputs: [], source };
    }),
    metadata: {
      ...TSLAB_METADATA,
      teaming_lab: {
        generated_from: file,
        note: 'Generated by scripts/generate-notebooks.mjs: edit the .mdx file, then run npm run notebooks:generate.',
        lesson: frontMatter.lesson ?? null,
      },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
}

/** nbformat's list-of-lines form: every line keeps its `\n` except the last. */
function sourceLines(text) {
  const lines = text.split('\n');
  return lines.map((l, i) => (i < lines.length - 1 ? `${l}\n` : l)).filter((l) => l !== '');
}

/** Serializes a notebook the way Jupyter writes it (keys sorted, one-space indent, final newline), so a
 * notebook opened and saved without edits keeps its bytes. */
export function notebookJson(notebook) {
  return `${JSON.stringify(sortKeys(notebook), null, 1)}\n`;
}

function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys(value[k])]));
  }
  return value;
}
