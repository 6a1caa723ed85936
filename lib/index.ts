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
  membersUsedDistribution,
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
export {
  BOND_MIIMON_S,
  LACP_PERIODIC_S,
  LACP_TIMEOUT_S,
  LACP_TIMERS,
  MEMBER_FAILURES,
  TEAM_LINK_DOWN_DETECTION_S,
  defaultLacpTimer,
  failureDetectionS,
  runsLacp,
} from './teaming';
export type { LacpTimer, MemberFailure } from './teaming';
export { DEFAULT_SWITCH_LOAD_BALANCE } from './teaming';

// Bandwidth sharing
export {
  maxMinFair,
  maxMinFairIndexed,
  maxMinFairIndexedInto,
  MaxMinSystem,
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
  Timeline,
} from './timeline';
export type {
  TimelineLink,
  TimelineFlowInput,
  CompletedFlow,
  Segment,
  TimelineInput,
  TimelineResult,
  TimelineOptions,
  TimelineRecording,
  AtOptions,
  EveryOptions,
  FlowEndHandler,
  TimelineFlow,
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
  MigrationEngine,
  LiveMigration,
  MigrationScheduler,
  normalizeRoute,
  sameRoute,
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
  MigrationReroute,
  MigrationOptions,
  MigrationPhase,
  MigrationHost,
  ScheduledMigration,
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
  scenarioLinks,
  scheduleMemberEvents,
  scheduleDynamicRebalance,
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
  probabilityFigure,
  histogramFigure,
} from './figures';
export type {
  BaseLayoutOptions,
  BarFigureOptions,
  BarSeries,
  MemberRatesFigureOptions,
  ProbabilityBar,
  ProbabilityFigureOptions,
  HistogramFigureOptions,
} from './figures';

// Experiments
export {
  defineExperiment,
  resolveOptions,
  articleScenario,
  ARTICLE_DRAW_SEED,
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
  experimentById,
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
  LinuxBondingOptions,
  DynamicModeOptions,
  DynamicModeRun,
  FailoverOptions,
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
  ExperimentId,
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
  showValues,
  valuesMarkdown,
} from './notebook';
export type {
  FigureHtmlOptions,
  PlotlyBundle,
  MimeBundle,
  FindingOptions,
  LessonValueOptions,
  LessonValueSpec,
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
  findingDraws,
  DRAWN_FINDINGS,
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
  FindingDrawsOptions,
} from './ensemble';

// Designing a live-migration network today (lesson 11): MTU, receive cores, VMQ, QoS, polarization
export {
  ETHERNET_WIRE_OVERHEAD_BYTES,
  VLAN_TAG_BYTES,
  IPV4_TCP_HEADER_BYTES,
  TCP_TIMESTAMP_OPTION_BYTES,
  STANDARD_MTU,
  JUMBO_MTU,
  frameGoodput,
  pathMtu,
  HOST_RECEIVE_PATHS,
  DEFAULT_PACKETS_PER_SECOND_PER_CORE,
  liveMigrationReceiveGbps,
  vmqQueueMode,
  vmqQueuesOffered,
  weightedShare,
  hashPolarization,
  WINDOWS_SERVER_VERSIONS,
  vSwitchTeaming,
  effectiveSimultaneousMigrations,
  networkDesign,
  drainPlanExperiment,
} from './design';
export type {
  FrameGoodputOptions,
  FrameGoodput,
  HostReceivePath,
  LiveMigrationReceiveOptions,
  LiveMigrationReceive,
  VmqQueueMode,
  TrafficClass,
  TrafficShare,
  HashPolarizationOptions,
  HashPolarization,
  WindowsServerVersion,
  VSwitchTeaming,
  EffectiveSimultaneousOptions,
  NetworkDesignOptions,
  DesignCase,
  DesignResult,
  DrainPlanOptions,
} from './design';

// Glossary: every term the lessons define, in one list (the site's glossary page renders it)
export { GLOSSARY, glossaryEntry } from './glossary';
export type { GlossaryEntry } from './glossary';

// Course experiments beyond the findings (lesson 5's pre-copy rounds)
export { precopyRounds } from './course';
export type { PrecopyRoundsOptions } from './course';
export { hashSpreadOdds } from './course';
export type { HashSpreadOddsOptions } from './course';
