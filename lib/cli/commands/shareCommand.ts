import { InputError } from '../../InputError';
import { maxMinFair } from '../../sharing';
import type { SharedFlow } from '../../sharing';
import { checkArray, checkKnownKeys, checkNumber, checkObject, checkString, childField, itemField } from '../../fieldChecks';
import type { Command } from '../Command';
import { writeJson } from '../Command';
import { fixed, formatTable } from '../formatTable';
import { readJsonFile } from '../readJsonFile';
import { escapeControl, terminalColumns } from '../terminal';

/** A `share` input file: links with capacities and flows crossing them, rates in Gbps. */
export interface ShareInput {
  links: Array<{ id: string; gbps: number }>;
  flows: Array<{ id: string; links: string[]; capGbps?: number }>;
}

/** `teaming-lab share FILE`: max-min fair rates of flows over links. */
export const shareCommand: Command = {
  name: 'share',
  summary: 'share links among flows max-min fairly',
  help: `Usage: teaming-lab share FILE [--json]

Reads links and flows from a JSON file and prints each flow's max-min fair rate: all flows
grow together; a flow stops when a link it crosses is full or it reaches its own cap.

FILE:
  {
    "links": [{ "id": "HV1/NIC1/send", "gbps": 10 }, ...],
    "flows": [{ "id": "VM01", "links": ["HV1/NIC1/send", ...], "capGbps": 4 }, ...]
  }
  Link and flow ids are unique; gbps and the optional capGbps are greater than 0.

Options:
  --json   print { "rates": { FLOW_ID: gbps } }
  --help   show this help
`,
  flags: { json: 'boolean' },
  async run(args, { io }) {
    if (args.positionals.length !== 1) {
      throw new InputError('FILE', args.positionals[1], 'one input file path (see teaming-lab share --help)');
    }
    const file = args.positionals[0];
    const input = validateShareInput(await readJsonFile(io.readFile, file, 'FILE'));
    const flows = input.flows.map((flow): SharedFlow => (flow.capGbps === undefined ? { id: flow.id, links: flow.links } : { id: flow.id, links: flow.links, cap: flow.capGbps }));
    const { rates, bottlenecks } = maxMinFair({ links: input.links.map(({ id, gbps }) => ({ id, capacity: gbps })), flows });
    if (args.booleans.json) {
      writeJson(io, { rates });
    } else {
      const rows = input.flows.map((flow) => [escapeControl(flow.id), fixed(rates[flow.id], 3), escapeControl(bottlenecks[flow.id] ?? 'its own cap')]);
      io.stdout(formatTable(['flow', 'Gbps', 'limited by'], rows, { alignRight: [1], maxWidth: terminalColumns(io.columns, io.env) }));
    }
    return 0;
  },
};

/** Checks a `share` file, naming fields as paths (`flows[1].links[0]`). */
export function validateShareInput(value: unknown): ShareInput {
  const input = checkObject(value, 'share input', 'an object with links and flows');
  checkKnownKeys(input, '', ['links', 'flows']);
  const linkIds = new Set<string>();
  const links = checkArray(input.links, 'links', 1).map((raw, index) => {
    const field = itemField('links', index);
    const link = checkObject(raw, field, 'a link object with id and gbps');
    checkKnownKeys(link, field, ['id', 'gbps']);
    const id = checkId(link.id, childField(field, 'id'));
    if (linkIds.has(id)) throw new InputError(childField(field, 'id'), id, 'an id no other link has');
    linkIds.add(id);
    return { id, gbps: checkNumber(link.gbps, childField(field, 'gbps'), { greaterThan: 0 }) };
  });
  const flowIds = new Set<string>();
  const flows = checkArray(input.flows, 'flows', 1).map((raw, index) => {
    const field = itemField('flows', index);
    const flow = checkObject(raw, field, 'a flow object with id and links');
    checkKnownKeys(flow, field, ['id', 'links', 'capGbps']);
    const id = checkId(flow.id, childField(field, 'id'));
    if (flowIds.has(id)) throw new InputError(childField(field, 'id'), id, 'an id no other flow has');
    flowIds.add(id);
    const linksField = childField(field, 'links');
    const crossed = checkArray(flow.links, linksField).map((linkId, i) => {
      if (typeof linkId !== 'string' || !linkIds.has(linkId)) {
        throw new InputError(itemField(linksField, i), linkId, `one of the link ids ${[...linkIds].join(', ')}`);
      }
      return linkId;
    });
    crossed.forEach((linkId, i) => {
      if (crossed.indexOf(linkId) !== i) throw new InputError(itemField(linksField, i), linkId, 'each link at most once per flow');
    });
    if (flow.capGbps === undefined) {
      if (crossed.length === 0) throw new InputError(linksField, flow.links, 'at least one link, or a capGbps');
      return { id, links: crossed };
    }
    return { id, links: crossed, capGbps: checkNumber(flow.capGbps, childField(field, 'capGbps'), { greaterThan: 0 }) };
  });
  return { links, flows };
}

/**
 * A link or flow id: a non-empty string other than `__proto__`, which cannot be a key of the plain
 * objects the solver returns its rates in (the flow's rate would be lost).
 */
function checkId(value: unknown, field: string): string {
  const id = checkString(value, field);
  if (id === '__proto__') throw new InputError(field, id, 'a non-empty string other than __proto__');
  return id;
}
