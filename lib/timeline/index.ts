export { simulateTimeline } from './simulateTimeline';
export type { TimelineInput } from './simulateTimeline';
export { Timeline } from './Timeline';
export type { TimelineOptions, TimelineRecording, AtOptions, EveryOptions, FlowEndHandler, TimelineFlow } from './Timeline';
export type { TimelineLink, TimelineFlowInput, CompletedFlow, Segment, TimelineResult } from './TimelineResult';
export { linkBytes } from './linkBytes';
