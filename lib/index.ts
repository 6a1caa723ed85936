// The public surface of teaming-lab: every export, named, grouped by concept.
// Notebooks, the site, the workshop and the CLI import from here.

// Errors and shared types
export { InputError, formatValue } from './InputError';
export { LIVE_MIGRATION_PORT } from './Connection';
export type { Connection } from './Connection';
export type { Figure, PlotlyTrace } from './Figure';

// Stream hashing
export {
  parseIpv4,
  parseIp,
  parseMac,
  parsePort,
  readHostU32,
  ipv4ToHostU32,
  ephemeralPorts,
  ephemeralPortAllocator,
  MAX_OTHER_CONNECTIONS_PER_CONNECTION,
  hostRssKey,
  formatHexKey,
  RSS_KEY_BYTES,
  LINUX_XMIT_HASH_POLICIES,
  linuxXmitHash,
  linuxMember,
  MICROSOFT_RSS_KEY,
  toeplitzHash,
  parseHexKey,
  rssHash,
  CISCO_LOAD_BALANCE,
  ciscoBucket,
  ciscoBucketMember,
  ciscoMember,
  WINDOWS_ADDRESS_HASH_ALGORITHMS,
  WINDOWS_HASH_MIXINGS,
  WINDOWS_ADDRESS_HASH_STAND_INS,
  windowsAddressHash,
  windowsMember,
  HASH_POLICIES,
  RSS_INDIRECTION_TABLE_SIZE,
  isHashPolicy,
  selectMember,
  collisionProbability,
  allMembersUsedProbability,
  expectedMembersUsed,
  busiestMemberDistribution,
  spreadOverMembers,
} from './hashing';
export type {
  EphemeralPortsOptions,
  LinuxXmitHashPolicy,
  LinuxXmitHashOptions,
  RssHashOptions,
  CiscoLoadBalance,
  WindowsAddressHashAlgorithm,
  WindowsAddressHashOptions,
  WindowsHashMixing,
  WindowsAddressHashStandIn,
  HashPolicy,
  SelectMemberOptions,
  MemberChoice,
  SpreadOverMembersOptions,
} from './hashing';

// Teams
export {
  LOAD_BALANCING_ALGORITHMS,
  TEAMING_MODES,
  activeMembers,
  primaryMember,
  teamMac,
  sendMember,
  teamHashOptions,
  receiveMember,
  outboundInboundTable,
  MAX_MEMBER_GBPS,
  MAX_TEAM_MEMBERS,
  validateTeam,
  TEAM_KINDS,
  MAX_SET_MEMBERS,
  checkSetTeam,
  BOND_MODES,
  SWITCH_BUNDLED_BOND_MODES,
  validateBond,
  BOND_DEFAULTS,
  MAX_BOND_MEMBERS,
  bondCurrentMember,
  bondSendMembers,
  upMembers,
  TLB_BUCKETS,
  bondReceiveMember,
  leastLoadedMember,
  dynamicRebalance,
} from './teaming';
export type {
  LoadBalancingAlgorithm,
  Team,
  TeamMember,
  TeamingMode,
  SendMemberOptions,
  ReceiveMemberOptions,
  OutboundInboundRow,
  ValidateTeamOptions,
  TeamKind,
  Bond,
  BondMember,
  BondMode,
  ValidateBondOptions,
  BondSend,
  BondSendOptions,
  BondReceiveOptions,
} from './teaming';

// Bandwidth sharing
export {
  maxMinFair,
  maxMinFairIndexed,
  maxMinFairIndexedInto,
} from './sharing';
export type {
  SharedLink,
  SharedFlow,
  MaxMinFairInput,
  MaxMinFairResult,
  IndexedMaxMinProblem,
  IndexedMaxMinSolution,
} from './sharing';

// Time
export {
  simulateTimeline,
  linkBytes,
} from './timeline';
export type {
  TimelineLink,
  TimelineFlowInput,
  CompletedFlow,
  Segment,
  TimelineInput,
  TimelineResult,
} from './timeline';

// Counters
export {
  linkCounter,
  sampleRates,
  peakRates,
  perfmonView,
  taskManagerView,
  concurrentUse,
} from './counters';
export type {
  ByteCounter,
  SampleRatesOptions,
  SampledRates,
  PerfmonViewOptions,
  TaskManagerViewOptions,
  ConcurrentUseOptions,
  ConcurrentUse,
  CounterView,
  PerfmonView,
  TaskManagerView,
} from './counters';

// Live migration
export {
  MAX_PRECOPY_ROUNDS,
  precopyModel,
  simulateMigrations,
  TIMER_TAG,
} from './migration';
export type {
  PrecopyModelOptions,
  PrecopyModelResult,
  PrecopyRound,
  MigrationRequest,
  SimulateMigrationsOptions,
  MigrationPass,
  MigrationRun,
  MigrationsSimulation,
  MigrationRoute,
  MigrationRouteContext,
  MigrationSplit,
  MigrationGeneration,
} from './migration';

// Scenarios
export {
  validateScenario,
  SCENARIO_DEFAULTS,
  SCENARIO_LIMITS,
  CONNECTION_MODELS,
  EPHEMERAL_PORT_RANGE,
  MEMBER_EVENT_STATES,
  simulateScenario,
  LIVE_MIGRATION_TRANSPORTS,
  SMB_PORT,
  RDMA_MEMBER,
  transportPlan,
  hostRdmaGbps,
  rdmaLinkId,
  validateTransportSettings,
} from './scenario';
export type {
  ScenarioInput,
  HostInput,
  SwitchInput,
  LiveMigrationInput,
  MigrationInput,
  ConnectionModel,
  LiveMigrationTransport,
  Scenario,
  ScenarioHost,
  MemberEventInput,
  MemberEvent,
  DynamicInput,
  ScenarioSimulation,
  ScenarioLink,
  SimulateScenarioOptions,
  SimulationResult,
  HostTraffic,
  MemberTraffic,
  MigrationOutcome,
  ConnectionRoute,
  RouteChange,
  TransportPlan,
  TransportSettings,
} from './scenario';

// Packet-level TCP
export {
  simulateTcpStream,
  resolveTcpStreamOptions,
  sprayingStudy,
  sprayingDetectors,
  sprayingCalibration,
  mulberry32,
  EventQueue,
} from './packet';
export type {
  TcpStreamResult,
  CwndSample,
  TcpStreamOptions,
  PacketMember,
  PacketScheduling,
  LossDetection,
  ResolvedTcpStreamOptions,
  SprayingStudyOptions,
  SprayingStudyResult,
  SprayingPoint,
  SprayingDetector,
} from './packet';

// Figures
export {
  baseLayout,
  SERIES_COLORS,
  barFigure,
  round3,
  memberRatesFigure,
} from './figures';
export type {
  BaseLayoutOptions,
  BarFigureOptions,
  BarSeries,
  MemberRatesFigureOptions,
} from './figures';

// Experiments
export {
  defineExperiment,
  resolveOptions,
  articleScenario,
  runScenario,
  hostUsage,
  oneStreamOneMember,
  manyDestinations,
  manyDestinationsScenario,
  hyperVPortCap,
  switchDependentAllMembers,
  switchIndependentAddressHash,
  counterVisibility,
  simultaneousSetting,
  SIMULTANEOUS_SETTINGS,
  sprayingHurts,
  dynamicMode,
  linuxBonding,
  failover,
  transports,
  experiments,
  reproduce,
  planDrain,
  planDrainSetup,
  planScenario,
  PLAN_TRANSPORTS,
  PLAN_MAX_MEMBERS,
  PLAN_MAX_VMS,
  PLAN_DRAWS,
} from './experiments';
export type {
  Experiment,
  ExperimentControl,
  ExperimentResult,
  Measured,
  ExperimentDefinition,
  ArticleScenarioOptions,
  HostUsage,
  LinuxBondingRow,
  FailoverData,
  FailoverMemberRates,
  TransportsOptions,
  TransportsRow,
  TransportCase,
  CounterVisibilityOptions,
  CounterVisibilitySighting,
  HyperVPortCapOptions,
  HyperVPortCapRow,
  ManyDestinationsOptions,
  ManyDestinationsData,
  OneStreamOneMemberOptions,
  OneStreamOneMemberRow,
  SimultaneousSettingOptions,
  SimultaneousSettingRow,
  SprayingHurtsOptions,
  SwitchDependentAllMembersOptions,
  SwitchDependentAllMembersRow,
  SwitchIndependentAddressHashOptions,
  SwitchIndependentAddressHashData,
  PlanTransport,
  PlanDrainOptions,
  DrainBottleneck,
  DrainEstimate,
  DrainPlan,
} from './experiments';

// Exercises
export {
  defineExercise,
  numberCheck,
  choiceCheck,
  exercises,
  check,
} from './exercises';
export type {
  CheckResult,
  Exercise,
  NumberCheckOptions,
} from './exercises';

// Notebook display (tslab)
export {
  figureHtml,
  FIGURE_CONFIG,
  PLOTLY_WINDOW_FLAG,
  plotlyBundle,
  displayBundle,
  show,
  figureBundle,
  PLOTLY_MIME_TYPE,
  showFinding,
  findingMarkdown,
  findingText,
  verdictLine,
  formatMeasured,
  showMarkdown,
  lessonValue,
} from './notebook';
export type {
  FigureHtmlOptions,
  PlotlyBundle,
  MimeBundle,
  FindingOptions,
  LessonValueOptions,
} from './notebook';

// Ensembles: findings as probabilities over draws of keys and ports
export {
  makeDraw,
  drawScenario,
  wilsonInterval,
  drawsForHalfWidth,
  distribution,
  runEnsemble,
  MAX_ENSEMBLE_RUNS,
  AUTO_RUNS,
  reproduceEnsemble,
  simulateEnsemble,
} from './ensemble';
export type {
  Draw,
  DrawOptions,
  ProbabilityEstimate,
  Distribution,
  EnsembleOptions,
  FindingEnsemble,
  ReproduceEnsembleOptions,
  SimulateEnsembleOptions,
  ScenarioEnsemble,
  HostEnsemble,
} from './ensemble';
