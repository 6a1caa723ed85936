import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lessonOfFileName, readSubmissionFolders } from '../../../lib/workshop';

// Reading a submissions folder without following a single symbolic link, so that no student and no file
// vanishes from the report: each is a student to grade, a notebook to grade, or a notice with its reason.

const root = mkdtempSync(join(tmpdir(), 'teaming-lab-submission-folders-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const file = (path: string, text = '{}') => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
};

file('ada/02-x.ipynb');
file('ada/sub/06-y.ipynb');
file('ada/.ipynb_checkpoints/02-x-checkpoint.ipynb');
file('ada/node_modules/teaming-lab/index.ipynb');
file('ada/notes.txt');
mkdirSync(join(root, 'empty'));
mkdirSync(join(root, 'links'));
symlinkSync(join(root, 'ada', '02-x.ipynb'), join(root, 'links', '02-x.ipynb'));
symlinkSync(join(root, 'ada', 'sub'), join(root, 'links', 'sub'));
symlinkSync(join(root, 'ada'), join(root, 'linked'));
file('loose.ipynb');
file('report/grades.csv');

describe('readSubmissionFolders', () => {
  const found = readSubmissionFolders(root, [join(root, 'report')]);

  it('lists every folder as a student, a linked one with its reason, the report folder left out', () => {
    expect(found.students.map((s) => [s.name, s.problem ?? ''])).toEqual([
      ['ada', ''],
      ['empty', ''],
      ['linked', 'the student folder is a symbolic link, which grading does not follow: copy the folder in instead'],
      ['links', ''],
    ]);
  });

  it("finds a student's notebooks at any depth, skipping hidden folders and node_modules", () => {
    expect(found.students[0].notebooks).toEqual(['02-x.ipynb', join('sub', '06-y.ipynb')]);
    expect(found.students[1].notebooks).toEqual([]);
  });

  it('refuses linked notebooks and reports linked folders and loose notebooks', () => {
    const links = found.students[3];
    expect(links.notebooks).toEqual([]);
    expect(links.refused).toEqual([{ notebook: '02-x.ipynb', problem: 'a symbolic link, which grading does not follow: hand in the notebook file itself' }]);
    expect(found.notices).toEqual([
      { student: 'links', path: join('links', 'sub'), problem: 'a symbolic link to a folder, not followed: notebooks in it are not graded' },
      { path: 'loose.ipynb', problem: 'a loose notebook outside any student folder: not graded; put it in its student folder' },
    ]);
  });
});

describe('lessonOfFileName', () => {
  it('reads the lesson from a course file name, and nothing from other names', () => {
    expect(lessonOfFileName('06-hyper-v-port-cap.ipynb')).toBe(6);
    expect(lessonOfFileName('sub/10-after-2012.ipynb')).toBe(10);
    expect(lessonOfFileName('my notebook.ipynb')).toBeUndefined();
  });
});
