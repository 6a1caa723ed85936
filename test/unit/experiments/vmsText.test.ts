// Counts of VMs read as English in titles and summaries: "1 VM", never "1 VMs" (the VM controls go down to 1).
import { describe, expect, it } from 'vitest';
import { vmsText } from '../../../lib/experiments/controls';
import { hyperVPortCap } from '../../../lib/experiments/hyperVPortCap';

describe('vmsText', () => {
  it('says "1 VM" and "4 VMs"', () => {
    expect(vmsText(1)).toBe('1 VM');
    expect(vmsText(4)).toBe('4 VMs');
  });
  it('is what the Hyper-V Port figure title and summary use for one VM', () => {
    const r = hyperVPortCap.run({ vms: 1 });
    expect(JSON.stringify(r.figure.layout)).toContain('draining 1 VM"');
    expect(r.summary).not.toMatch(/\b1 VMs\b/);
  });
});
