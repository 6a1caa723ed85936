/** A problem in a lesson, located by file and 1-based line: `content/06-x.mdx:42: <Figure>: ...`. */
export class LessonError extends Error {
  /** The lesson file, as given to the parser (e.g. `content/06-hyper-v-port-cap.mdx`). */
  readonly file: string;
  /** 1-based line of the problem (1 for the front matter as a whole). */
  readonly line: number;

  constructor(file: string, line: number, message: string) {
    super(`${file}:${line}: ${message}`);
    this.name = 'LessonError';
    this.file = file;
    this.line = line;
  }
}

/** Several problems at once, e.g. every bad lesson of a build; the message lists them all. */
export class LessonErrors extends Error {
  /** The problems, in file order. */
  readonly problems: LessonError[];

  constructor(problems: LessonError[], heading = 'lesson errors') {
    super(`${heading}:\n${problems.map((p) => p.message).join('\n')}`);
    this.name = 'LessonErrors';
    this.problems = problems;
  }
}
