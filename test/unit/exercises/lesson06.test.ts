import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exercises } from '../../../lib/exercises';

// Lesson 6's exercise checks (finding 3, Hyper-V Port): each lesson solution must pass and a plausible
// wrong answer must fail, so a learner is never told "correct" for a mistake nor "not yet" for the
// model's answer. Expected answers come from the rules, worked by hand in the comments.

const pass = (id: string, answer: unknown) => exercises[id].check(answer).pass;

/** The lesson's exercises as the MDX declares them: id and the variable its check line reads. */
function lessonExercises(prefix: string): Array<{ id: string; answerName: string }> {
  const dir = new URL('../../../content/', import.meta.url);
  const file = readdirSync(dir).find((f) => f.startsWith(`${prefix}-`) && f.endsWith('.mdx'));
  if (!file) throw new Error(`no content/${prefix}-*.mdx`);
  const text = readFileSync(new URL(file, dir), 'utf8');
  return [...text.matchAll(/^check\('([^']+)', (\w+)\);$/gm)].map((m) => ({ id: m[1], answerName: m[2] }));
}

describe('lesson 6 exercises', () => {
  it('are registered for lesson 6, one per <Exercise> of the lesson, with the answer names its cells assign', () => {
    const ids = Object.keys(exercises).filter((id) => id.startsWith('ex-06-'));
    expect(ids.sort()).toEqual(['ex-06-1', 'ex-06-2', 'ex-06-3', 'ex-06-4']);
    for (const id of ids) expect(exercises[id].lesson).toBe(6);
    // Because the grader reads the variable named answerName: the lesson's check line must pass that one.
    expect(lessonExercises('06')).toEqual(ids.map((id) => ({ id, answerName: exercises[id].answerName })));
  });

  it('ex-06-1: HV2 receives at one member\'s speed (10 Gbps) from a Hyper-V Port drain of six VMs', () => {
    // Because every migration leaves HV1 through one host vNIC, pinned to one 10 Gbps member, and HV2
    // can receive no faster than HV1 sends.
    expect(pass('ex-06-1', 10)).toBe(true);
    expect(pass('ex-06-1', '10')).toBe(true);
    expect(pass('ex-06-1', 20)).toBe(false);
    expect(pass('ex-06-1', 5)).toBe(false);
    expect(pass('ex-06-1', undefined)).toBe(false);
  });

  it('ex-06-2: no teaming mode lifts the Hyper-V Port cap', () => {
    // Because the mode only changes the receive side; Hyper-V Port pins the send side in all three.
    expect(pass('ex-06-2', 'none')).toBe(true);
    expect(pass('ex-06-2', 'Lacp')).toBe(false);
    expect(pass('ex-06-2', 'Static')).toBe(false);
    expect(pass('ex-06-2', 'SwitchIndependent')).toBe(false);
    expect(pass('ex-06-2', 0)).toBe(false);
  });

  it('ex-06-3: the switch spreads a Hyper-V Port drain over both of HV2\'s members', () => {
    // Because with src-dst-port the bucket is (srcPort XOR 6600) & 7 = srcPort & 7 (6600 = 825 x 8), so
    // ports 49152 and 49153 get buckets 0 and 1, i.e. members 0 % 2 = NIC1 and 1 % 2 = NIC2.
    expect(pass('ex-06-3', 2)).toBe(true);
    expect(pass('ex-06-3', 1)).toBe(false);
    expect(pass('ex-06-3', 2.5)).toBe(false);
  });

  it('ex-06-4: port IDs 2, 6, 10 put the host vNIC on NIC3 of a four-member team; others do not', () => {
    // Because the model ties vSwitch port p to active member p mod 4, and NIC3 is member index 2.
    for (const port of [2, 6, 10]) expect(pass('ex-06-4', port)).toBe(true);
    for (const port of [0, 1, 3, 4]) expect(pass('ex-06-4', port)).toBe(false);
    expect(pass('ex-06-4', -2)).toBe(false);
    expect(pass('ex-06-4', 2.5)).toBe(false);
    expect(pass('ex-06-4', 'two')).toBe(false);
  });
});
