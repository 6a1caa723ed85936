// The one definition of an exercise cell's solution markers and of the stub a student copy gets in their
// place. The lesson parser (site and notebooks) and `workshop release` both use it, so a learner sees the
// same stub on the site as in a released notebook.

/** nbgrader's marker opening a solution, as a line of its own (any indentation). */
export const BEGIN_SOLUTION = /^[ \t]*\/\/ BEGIN SOLUTION[ \t]*$/;
/** nbgrader's marker closing a solution. */
export const END_SOLUTION = /^[ \t]*\/\/ END SOLUTION[ \t]*$/;

/** The stub a student copy has in place of a solution: the answer declared and left undefined. */
export function answerStub(answerName: string, indent = ''): string {
  return `${indent}const ${answerName}: any = undefined; // YOUR ANSWER HERE`;
}

/** Where the first solution region of a cell starts and ends (line indexes of its markers), or undefined
 * when the cell has no complete `// BEGIN SOLUTION` ... `// END SOLUTION` pair in that order. */
export function solutionRegion(code: string): { begin: number; end: number } | undefined {
  const lines = code.split('\n');
  const begin = lines.findIndex((l) => BEGIN_SOLUTION.test(l));
  const end = lines.findIndex((l, i) => i > begin && END_SOLUTION.test(l));
  return begin < 0 || end < 0 ? undefined : { begin, end };
}

/**
 * The student version of an exercise cell: its solution region becomes `answerStub(answerName)`, indented
 * like the `// BEGIN SOLUTION` line. Returns undefined when the cell has no solution region.
 */
export function studentCode(code: string, answerName: string): string | undefined {
  const region = solutionRegion(code);
  if (!region) return undefined;
  const lines = code.split('\n');
  const indent = /^[ \t]*/.exec(lines[region.begin])![0];
  return [...lines.slice(0, region.begin), answerStub(answerName, indent), ...lines.slice(region.end + 1)].join('\n');
}

/** The solution cell without its marker lines (what the site shows inside a lesson's Solution). */
export function solutionCode(code: string): string {
  return code
    .split('\n')
    .filter((l) => !BEGIN_SOLUTION.test(l) && !END_SOLUTION.test(l))
    .join('\n');
}
