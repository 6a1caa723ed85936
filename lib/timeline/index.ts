export { simulateTimeline } from './simulateTimeline';
export type {
  TimelineLink,
  TimelineFlowInput,
  CompletedFlow,
  Segment,
  TimelineInput,
  TimelineResult,
} from './simulateTimeline';
export { linkBytes } from './linkBytes';
