import { DEFAULT_CLASSROOM_DIR, classroomPaths, collectSubmissions } from '../../classroom';
import { InputError } from '../../InputError';
import type { CommandContext } from '../Command';
import type { ParsedArgs } from '../parseArgs';
import { escapeControl } from '../terminal';

/** The help text of `workshop collect`, for workshopCommand's help. */
export const COLLECT_HELP = `collect  Copies every participant's notebooks from a classroom hub (teaming-lab classroom
         up) into SUBMISSIONS_DIR, one folder per participant as grade reads it, read-only,
         with manifest.json (size, SHA-256 and save time of each copy; files left out and
         why). Symbolic links and special files in homes are never followed. Written through
         a temporary folder that replaces SUBMISSIONS_DIR at once.
  --classroom DIR    the classroom folder (default ${DEFAULT_CLASSROOM_DIR})
  --force            replace the contents of a non-empty SUBMISSIONS_DIR`;

/** `teaming-lab workshop collect SUBMISSIONS_DIR [--classroom DIR] [--force]`. */
export function collect(positionals: string[], args: ParsedArgs, { io }: CommandContext): number {
  if (positionals.length !== 1) throw new InputError('SUBMISSIONS_DIR', positionals[1], 'one submissions folder (see teaming-lab workshop --help)');
  const classroom = args.strings.classroom ?? DEFAULT_CLASSROOM_DIR;
  const manifest = collectSubmissions({ homesDir: classroomPaths(classroom).homesDir, outDir: positionals[0], force: args.booleans.force === true });
  for (const participant of manifest.participants) {
    const skipped = participant.skipped.length > 0 ? `, ${participant.skipped.length} left out (see manifest.json)` : '';
    io.stdout(`${escapeControl(participant.name)}  ${participant.notebooks.length} notebook(s)${skipped}\n`);
  }
  const notebooks = manifest.participants.reduce((n, p) => n + p.notebooks.length, 0);
  io.stdout(`Collected ${notebooks} notebooks of ${manifest.participants.length} participants into ${escapeControl(positionals[0])}.\n`);
  return 0;
}
