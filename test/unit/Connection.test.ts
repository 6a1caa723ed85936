import { describe, expect, it } from 'vitest';
import { LIVE_MIGRATION_PORT } from '../../lib/Connection';

describe('LIVE_MIGRATION_PORT', () => {
  // Every connection the model builds for a live migration goes to this port, and the hashes read it; the value is
  // Microsoft's, not a practitioner's: the DCB guide says New-NetQosPolicy's -LiveMigration filter matches TCP
  // port 6600 (https://learn.microsoft.com/windows-server/networking/technologies/dcb/dcb-manage).
  it('is TCP port 6600, the port the -LiveMigration QoS filter matches', () => {
    expect(LIVE_MIGRATION_PORT).toBe(6600);
  });
});
