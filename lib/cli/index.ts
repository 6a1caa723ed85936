export { runCli, COMMANDS, EXIT, globalHelp } from './runCli';
export type { CliIo, CliDependencies, Command, CommandContext } from './Command';
export { parseArgs } from './parseArgs';
export type { FlagKind, FlagSpec, ParsedArgs } from './parseArgs';
export { parseJson, readJsonFile } from './readJsonFile';
export type { ReadFile } from './readJsonFile';
export { validateShareInput } from './commands/shareCommand';
export type { ShareInput } from './commands/shareCommand';
