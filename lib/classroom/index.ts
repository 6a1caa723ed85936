export { hubConfig, PARTICIPANT_NAME, RESERVED_PARTICIPANT_NAMES, WORKSHOP_AUTHENTICATOR_PY } from './hubConfig';
export type { HubSettings } from './hubConfig';
export { parseRoster, readRoster } from './roster';
export type { RosterEntry } from './roster';
export {
  startClassroom,
  stopClassroom,
  classroomStatus,
  classroomPaths,
  classroomProcesses,
  checkHubInstalled,
  proxyCommand,
  DEFAULT_CLASSROOM_DIR,
  DEFAULT_CLASSROOM_PORT,
  JUPYTERHUB_BIN,
  SINGLEUSER_BIN,
} from './classroom';
export type { StartClassroomOptions, ClassroomInfo, StopClassroomResult } from './classroom';
export { collectSubmissions, MANIFEST_FILE } from './collectSubmissions';
export type { CollectSubmissionsOptions, CollectManifest, CollectedParticipant, CollectedNotebook } from './collectSubmissions';
