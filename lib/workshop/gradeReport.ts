/** One line of the grade report: one exercise of one student's notebook. */
export interface GradeRow {
  /** The student's folder name. */
  student: string;
  /** The notebook's file name, e.g. `06-hyper-v-port-cap.ipynb`. */
  notebook: string;
  /** Exercise id, e.g. `ex-06-1` (`(notebook)` when the notebook itself could not be graded). */
  exercise: string;
  /** True when the exercise passed. */
  pass: boolean;
  /** The check's message or why it failed. */
  message: string;
}

/** Something in the submissions that was not graded as handed in, or a note on how it was graded. */
export interface GradeNotice {
  /** The student's folder name; undefined for something outside any student folder. */
  student?: string;
  /** The file or folder, relative to the submissions folder. */
  path: string;
  /** What is wrong with it, and what it cost. */
  problem: string;
}

/** The CSV columns, in order. */
export const GRADE_COLUMNS = ['student', 'notebook', 'exercise', 'pass', 'message'] as const;

/**
 * The report as CSV (RFC 4180: comma-separated, fields with a comma, quote or line break quoted, CRLF line
 * ends), one header line then one line per row; `pass` is `true` or `false`. A field that starts with
 * `=`, `+`, `-` or `@` gets a leading `'` so a spreadsheet never runs it as a formula.
 */
export function gradesCsv(rows: GradeRow[]): string {
  const field = (value: string) => {
    const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const lines = [GRADE_COLUMNS.join(','), ...rows.map((row) => [row.student, row.notebook, row.exercise, String(row.pass), row.message].map(field).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

/** Options of `gradesHtml`. */
export interface GradesHtmlOptions {
  /** Page title. Default `Teaming Lab workshop grades`. */
  title?: string;
  /** A line under the title, e.g. when and from which folder. Default none. */
  subtitle?: string;
  /** Every student, in order, so that one with no rows still shows. Default: the students of the rows. */
  students?: string[];
  /** Problems found in the submissions, listed in their own table. Default none. */
  notices?: GradeNotice[];
}

/** Text safe inside HTML elements and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Passed and total counts of some rows. */
function tally(rows: GradeRow[]): { passed: number; total: number } {
  return { passed: rows.filter((row) => row.pass).length, total: rows.length };
}

/**
 * The report as one self-contained HTML page (inline styles, no scripts, no outside assets): a summary
 * table (each student's passed and total exercises), then one table per student listing every exercise
 * with PASS or FAIL, the message, and the student's total. Students and notebooks keep the rows' order.
 */
export function gradesHtml(rows: GradeRow[], options: GradesHtmlOptions = {}): string {
  const title = options.title ?? 'Teaming Lab workshop grades';
  const students = [...new Set([...(options.students ?? []), ...rows.map((row) => row.student)])];
  const all = tally(rows);
  const notices = options.notices ?? [];
  const noticeTable =
    notices.length === 0
      ? ''
      : `<table>
<caption>Not graded as handed in (${notices.length})</caption>
<thead><tr><th scope="col">Student</th><th scope="col">File or folder</th><th scope="col">Problem</th></tr></thead>
<tbody>
${notices.map((n) => `<tr><td>${n.student === undefined ? '(no student folder)' : escapeHtml(n.student)}</td><td>${escapeHtml(n.path)}</td><td>${escapeHtml(n.problem)}</td></tr>`).join('\n')}
</tbody>
</table>
`;
  const summaryRows = students
    .map((student, i) => {
      const { passed, total } = tally(rows.filter((row) => row.student === student));
      return `<tr><td><a href="#student-${i + 1}">${escapeHtml(student)}</a></td><td class="num">${passed}</td><td class="num">${total}</td></tr>`;
    })
    .join('\n');
  const sections = students
    .map((student, i) => {
      const own = rows.filter((row) => row.student === student);
      const { passed, total } = tally(own);
      const body = own
        .map(
          (row) =>
            `<tr class="${row.pass ? 'pass' : 'fail'}"><td>${escapeHtml(row.notebook)}</td><td>${escapeHtml(row.exercise)}</td>` +
            `<td>${row.pass ? 'PASS' : 'FAIL'}</td><td>${escapeHtml(row.message)}</td></tr>`,
        )
        .join('\n');
      return `<section id="student-${i + 1}">
<h2>${escapeHtml(student)}</h2>
<table>
<caption>${escapeHtml(student)}: ${passed} of ${total} exercises passed</caption>
<thead><tr><th scope="col">Notebook</th><th scope="col">Exercise</th><th scope="col">Result</th><th scope="col">Message</th></tr></thead>
<tbody>
${body}
</tbody>
<tfoot><tr><th scope="row" colspan="2">Total</th><td colspan="2">${passed} / ${total}</td></tr></tfoot>
</table>
</section>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem; color: #1a1a1a; background: #fff; line-height: 1.4; }
table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { border: 1px solid #c8c8c8; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
td.num { text-align: right; }
tr.pass td:nth-child(3) { color: #11633a; font-weight: 600; }
tr.fail td:nth-child(3) { color: #a11b1b; font-weight: 600; }
a { color: #0b57d0; }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${options.subtitle ? `<p>${escapeHtml(options.subtitle)}</p>\n` : ''}<p>${students.length} students, ${all.passed} of ${all.total} exercises passed.</p>
<table>
<caption>Summary</caption>
<thead><tr><th scope="col">Student</th><th scope="col">Passed</th><th scope="col">Exercises</th></tr></thead>
<tbody>
${summaryRows}
</tbody>
</table>
${noticeTable}${sections}
</body>
</html>
`;
}
