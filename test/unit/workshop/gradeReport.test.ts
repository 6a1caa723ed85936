import { describe, expect, it } from 'vitest';
import { escapeHtml, gradesCsv, gradesHtml } from '../../../lib/workshop';
import type { GradeRow } from '../../../lib/workshop';

// The report files a facilitator opens: a CSV any spreadsheet reads safely and one HTML page with no
// outside assets.

const rows: GradeRow[] = [
  { student: 'ada', notebook: '06.ipynb', exercise: 'ex-06-1', pass: true, message: 'ex-06-1: correct (10 Gbps)' },
  { student: 'ada', notebook: '06.ipynb', exercise: 'ex-06-2', pass: false, message: 'ex-06-2: expected one of the listed answers, got "a, \"b\""' },
  { student: '<b>bob</b>', notebook: '06.ipynb', exercise: 'ex-06-1', pass: false, message: '=HYPERLINK("http://x")' },
];

describe('gradesCsv', () => {
  it('writes a header and one RFC 4180 line per row, quoting commas and doubling quotes', () => {
    const lines = gradesCsv(rows).split('\r\n');
    expect(lines[0]).toBe('student,notebook,exercise,pass,message');
    expect(lines[1]).toBe('ada,06.ipynb,ex-06-1,true,ex-06-1: correct (10 Gbps)');
    expect(lines[2]).toBe('ada,06.ipynb,ex-06-2,false,"ex-06-2: expected one of the listed answers, got ""a, ""b"""""');
    expect(lines).toHaveLength(5); // 3 rows, the header and the empty string after the final CRLF
  });

  it('defuses a field a spreadsheet would run as a formula', () => {
    expect(gradesCsv(rows).split('\r\n')[3]).toBe(`<b>bob</b>,06.ipynb,ex-06-1,false,"'=HYPERLINK(""http://x"")"`);
  });
});

describe('gradesHtml', () => {
  const html = gradesHtml(rows, { subtitle: 'run 1' });

  it('shows each student with their total: ada 1 of 2, bob 0 of 1, and 1 of 3 overall', () => {
    expect(html).toContain('ada: 1 of 2 exercises passed');
    expect(html).toContain('&lt;b&gt;bob&lt;/b&gt;: 0 of 1 exercises passed');
    expect(html).toContain('2 students, 1 of 3 exercises passed.');
    expect(html.match(/<tr class="pass">/g)).toHaveLength(1);
    expect(html.match(/<tr class="fail">/g)).toHaveLength(2);
  });

  it('escapes every student text and loads nothing from outside (no scripts, links or external styles)', () => {
    expect(html).not.toContain('<b>bob</b>');
    expect(html).not.toMatch(/<script|<link|src=|href="http|@import|url\(/i);
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('gradesHtml with every student and the problems found', () => {
  it('shows a student with no rows and lists each notice, escaped', () => {
    const html = gradesHtml(rows, { students: ['ada', 'zed'], notices: [{ path: '<x>.ipynb', problem: 'a loose notebook' }, { student: 'zed', path: 'zed', problem: 'no notebooks' }] });
    expect(html).toContain('<p>3 students, 1 of 3 exercises passed.</p>');
    expect(html).toContain('zed: 0 of 0 exercises passed');
    expect(html).toContain('<caption>Not graded as handed in (2)</caption>');
    expect(html).toContain('<td>(no student folder)</td><td>&lt;x&gt;.ipynb</td><td>a loose notebook</td>');
  });
});
