import { DEFAULT_CLASSROOM_DIR, DEFAULT_CLASSROOM_PORT, classroomStatus, startClassroom, stopClassroom } from '../../classroom';
import { InputError } from '../../InputError';
import { JupyterSetupError } from '../../workshop/jupyterKernel';
import type { Command } from '../Command';
import { escapeControl } from '../terminal';

/** The flags each classroom subcommand accepts (the parser accepts their union; each checks its own). */
const SUBCOMMAND_FLAGS: Record<string, string[]> = {
  up: ['dir', 'port', 'ip', 'roster', 'notebooks'],
  config: ['dir', 'port', 'ip', 'roster', 'notebooks'],
  down: ['dir'],
  status: ['dir'],
};

/** Exit code when a system package or the build is missing (as `workshop grade`). */
const SETUP_MISSING = 3;

/** `teaming-lab classroom up|down|status|config`: the course on a local JupyterHub. */
export const classroomCommand: Command = {
  name: 'classroom',
  summary: 'run the course on a JupyterHub for a workshop (up, down, status, config)',
  help: `Usage: teaming-lab classroom up [--port N] [--ip ADDR] [--roster FILE] [--notebooks DIR] [--dir DIR]
       teaming-lab classroom down [--dir DIR]
       teaming-lab classroom status [--dir DIR]
       teaming-lab classroom config [--port N] [--ip ADDR] [--roster FILE] [--notebooks DIR] [--dir DIR]

up      Starts Debian's JupyterHub 3 (package jupyterhub) in the background for a workshop:
        each participant logs in with a name and the workshop password, and gets a Jupyter
        Notebook server of their own, with the tslab TypeScript kernel and the teaming-lab
        library, in a home folder of their own (DIR/homes/NAME) that receives the released
        student notebooks on first login (later releases add the notebooks a home lacks;
        nothing a participant saved is overwritten). Prints the address and the password.
  --port N         port participants open (default ${DEFAULT_CLASSROOM_PORT}); the hub also uses N+1 and N+2
                   on 127.0.0.1
  --ip ADDR        address to listen on (default 127.0.0.1, this machine only; 0.0.0.0 for
                   the room's network)
  --roster FILE    only these participants: one per line, NAME or NAME,PASSWORD (own
                   password, at least 8 characters; else the workshop password); # comments
  --notebooks DIR  released notebooks to hand out (default: the course notebooks, released
                   into DIR/release by teaming-lab workshop release)
  --dir DIR        the classroom folder (default ${DEFAULT_CLASSROOM_DIR}): configuration, hub
                   database, hub.log, homes
  The workshop password is TEAMING_LAB_WORKSHOP_PASSWORD when set, else the one saved in
  DIR/workshop-password, else a new random one (saved there, readable by you only).

down    Stops the hub, every participant's server and kernel, and the proxy. Homes stay.
status  Says whether the hub runs, its address and the participants who have a home.
config  Writes DIR/jupyterhub_config.py (and the kernel, notebooks, library link) without
        starting anything: run it yourself with jupyterhub -f DIR/jupyterhub_config.py.

Collect and grade: teaming-lab workshop collect SUBMISSIONS --classroom DIR, then
teaming-lab workshop grade SUBMISSIONS --out REPORT.

Every participant's server runs as your user, in their own home; participants are not
isolated from one another or from your files. Run the hub from a dedicated account, and
see content/facilitator-guide.mdx and deploy/ for a cluster (Zero to JupyterHub).

Exit status: 0 done (status: running), 1 status: not running, 2 bad input (a taken port, a bad
roster, a classroom already running),
3 JupyterHub, Jupyter Notebook, configurable-http-proxy, tslab or the built library missing,
or the hub did not start (the message quotes DIR/hub.log).
`,
  flags: { dir: 'string', port: 'string', ip: 'string', roster: 'string', notebooks: 'string' },
  async run(args, { io }) {
    const [subcommand, ...rest] = args.positionals;
    if (subcommand === undefined || !(subcommand in SUBCOMMAND_FLAGS)) {
      throw new InputError('classroom subcommand', subcommand, 'up, down, status or config (see teaming-lab classroom --help)');
    }
    if (rest.length > 0) throw new InputError(`classroom ${subcommand} arguments`, rest[0], 'flags only (see teaming-lab classroom --help)');
    for (const flag of Object.keys(args.strings)) {
      if (!SUBCOMMAND_FLAGS[subcommand].includes(flag)) {
        throw new InputError(`classroom ${subcommand} options`, `--${flag}`, `one of ${SUBCOMMAND_FLAGS[subcommand].map((f) => `--${f}`).join(', ')}`);
      }
    }
    const dir = args.strings.dir ?? DEFAULT_CLASSROOM_DIR;
    try {
      if (subcommand === 'down') {
        const { hubPid, leftovers } = await stopClassroom(dir);
        if (hubPid === undefined && leftovers.length === 0) io.stdout(`No classroom was running from ${escapeControl(dir)}.\n`);
        else io.stdout(`Stopped the classroom in ${escapeControl(dir)}${leftovers.length > 0 ? ` (and ${leftovers.length} process(es) the hub left)` : ''}.\n`);
        return 0;
      }
      if (subcommand === 'status') {
        const status = classroomStatus(dir);
        io.stdout(status.running ? `Running at ${status.url} (hub process ${status.pid}).\n` : `Not running (${escapeControl(dir)}).\n`);
        io.stdout(`Participants with a home: ${status.homes.length === 0 ? 'none' : status.homes.map(escapeControl).join(', ')}\n`);
        return status.running ? 0 : 1;
      }
      const port = args.strings.port === undefined ? undefined : portFlag(args.strings.port);
      const ip = args.strings.ip;
      if (ip !== undefined && !/^(\d{1,3}\.){3}\d{1,3}$/.test(ip)) throw new InputError('--ip', ip, 'an IPv4 address, e.g. 127.0.0.1 or 0.0.0.0');
      const password = io.env?.TEAMING_LAB_WORKSHOP_PASSWORD;
      const info = await startClassroom({
        dir,
        ...(port !== undefined ? { port } : {}),
        ...(ip !== undefined ? { ip } : {}),
        ...(args.strings.roster !== undefined ? { rosterFile: args.strings.roster } : {}),
        ...(args.strings.notebooks !== undefined ? { notebooksDir: args.strings.notebooks } : {}),
        ...(password !== undefined && password !== '' ? { password } : {}),
        configOnly: subcommand === 'config',
      });
      if (subcommand === 'config') {
        io.stdout(`Wrote ${escapeControl(info.configFile)}.\nStart it with: jupyterhub -f ${escapeControl(info.configFile)}\n`);
        return 0;
      }
      io.stdout(`Classroom running at ${info.url} (hub process ${info.pid}; log ${escapeControl(info.logFile)}).\n`);
      io.stdout(
        info.roster === null
          ? 'Participants log in with a name of their choice (lowercase letters, digits, - and _)\n'
          : `Participants on the roster (${info.roster.length}) log in with their name\n`,
      );
      io.stdout(`and the workshop password: ${escapeControl(info.password)}\n`);
      if (ip !== undefined && ip !== '127.0.0.1') {
        io.stdout(`Listening on ${ip} over plain HTTP: passwords and notebooks cross the network unencrypted. Put HTTPS in front of it for anything but a closed room.\n`);
      }
      io.stdout(`Stop it with: teaming-lab classroom down${args.strings.dir === undefined ? '' : ` --dir ${escapeControl(dir)}`}\n`);
      return 0;
    } catch (error) {
      if (error instanceof JupyterSetupError) {
        io.stderr(`teaming-lab: classroom ${subcommand}: ${escapeControl(error.message.replace(/\s*\n\s*/g, ' ')).slice(0, 280)}\n`);
        return SETUP_MISSING;
      }
      throw error;
    }
  },
};

function portFlag(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 65533) throw new InputError('--port', value, 'a port from 1 to 65533 (the hub also uses the next two)');
  return Number(value);
}
