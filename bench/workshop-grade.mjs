// `workshop grade --jobs N` throughput: notebooks graded per minute with 1, 2 and 4 jobs, each notebook
// in its own sandboxed tslab kernel. The class: NOTEBOOKS students (default 4, env GRADE_BENCH_NOTEBOOKS)
// each handing in lesson 2 with every solution in place (the course notebook). One run per setting (a
// run takes minutes); figures depend on what else the machine runs, so the machine line is printed.
// Needs Jupyter, tslab and bubblewrap (scripts/ensure-system-deps.sh) and the built library.
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { machine, requireDist, table } from './_common.mjs';

const { gradeSubmissions } = requireDist('workshop/index.js');
const repo = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const notebooks = Number(process.env.GRADE_BENCH_NOTEBOOKS ?? 4);
const LESSON = '02-nic-team-in-one-picture.ipynb';

console.log(`machine: ${machine()}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
const work = mkdtempSync(path.join(os.tmpdir(), 'teaming-lab-bench-grade-'));
try {
  const submissions = path.join(work, 'submissions');
  for (let i = 1; i <= notebooks; i++) {
    mkdirSync(path.join(submissions, `student${i}`), { recursive: true });
    cpSync(path.join(repo, 'notebooks', LESSON), path.join(submissions, `student${i}`, LESSON));
  }
  const rows = [['jobs', 'notebooks', 'seconds', 'notebooks per minute', 'exercises passed']];
  for (const jobs of [1, 2, 4]) {
    const started = process.hrtime.bigint();
    const result = await gradeSubmissions({ submissionsDir: submissions, reportDir: path.join(work, `report-${jobs}`), lessons: [2], jobs });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const passed = result.rows.filter((r) => r.pass).length;
    if (passed !== result.rows.length) throw new Error(`jobs ${jobs}: only ${passed} of ${result.rows.length} exercises passed`);
    rows.push([String(jobs), String(result.notebooks), seconds.toFixed(0), ((result.notebooks / seconds) * 60).toFixed(1), `${passed}/${result.rows.length}`]);
  }
  console.log(table(rows));
} finally {
  rmSync(work, { recursive: true, force: true });
}
