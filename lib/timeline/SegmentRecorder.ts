/**
 * What a `Timeline` records as it runs, and only that: each link's peak rate and the peaks of the named
 * totals (always, cheaply: only links whose rate changed are looked at), and, when asked, segments with
 * the recorded links' rates and the running flows' rates.
 *
 * Segments: an interval is merged into the previous one when nothing recorded changed; a link whose rate
 * did not change keeps its `[id, rate]` pair from one list to the next, so a run allocates little per event.
 */
import { InputError } from '../InputError';
import type { MaxMinSystem } from '../sharing/MaxMinSystem';
import type { TimelineRecording } from './Timeline';
import type { Segment, TimelineLink } from './TimelineResult';

/** What the recorder needs of a running flow. */
interface RecordedFlow {
  id: string;
  seq: number;
  gbps: number;
}

/**
 * What an idle segment recorded before any flow ran (it has no `flowGbps`) stands for: no flow rates.
 * Such a segment merges with a following one whose list of flow rates is empty (every flow so far ended
 * within one instant, e.g. a transfer far shorter than a float's resolution of the current time).
 */
const NO_PAIRS: Array<[string, number]> = [];

export class SegmentRecorder {
  readonly segments: Segment[] = [];
  private readonly recordSegments: boolean;
  private readonly recordFlowRates: boolean;
  private readonly recorded: Uint8Array;
  private readonly rate: Float64Array;
  private readonly peak: Float64Array;
  /** Links touched since the last update: `touched[0 .. touchedCount - 1]` (the list keeps its storage). */
  private readonly touched: number[] = [];
  private touchedCount = 0;
  private readonly touchedMark: Uint8Array;
  private readonly lastPair: Array<[string, number] | undefined>;
  private readonly totalNames: string[] = [];
  private readonly totalLinks: Int32Array[] = [];
  private readonly totalPeak: number[] = [];
  private readonly totalsOfLink: number[][];
  private readonly totalMark: Uint8Array;
  private readonly totalsTouched: number[] = [];
  private readonly runningFlows = new Set<RecordedFlow>();
  private linkGbps: Array<[string, number]> = [];
  private flowGbps: Array<[string, number]> | undefined;

  constructor(
    private readonly links: TimelineLink[],
    linkIndex: Map<string, number>,
    record: TimelineRecording,
  ) {
    if (record === null || typeof record !== 'object') throw new InputError('record', record, 'an object { segments, segmentLinks, flowRates, totals }');
    const n = links.length;
    this.recordSegments = record.segments ?? true;
    this.recordFlowRates = record.flowRates ?? false;
    if (typeof this.recordSegments !== 'boolean') throw new InputError('record.segments', record.segments, 'true or false');
    if (typeof this.recordFlowRates !== 'boolean') throw new InputError('record.flowRates', record.flowRates, 'true or false');
    this.recorded = new Uint8Array(n);
    if (record.segmentLinks === undefined) this.recorded.fill(1);
    else {
      if (!Array.isArray(record.segmentLinks)) throw new InputError('record.segmentLinks', record.segmentLinks, 'an array of link ids');
      record.segmentLinks.forEach((id, k) => {
        const l = linkIndex.get(id);
        if (l === undefined) throw new InputError(`record.segmentLinks[${k}]`, id, 'the id of a link in links');
        this.recorded[l] = 1;
      });
    }
    this.rate = new Float64Array(n);
    this.peak = new Float64Array(n);
    this.touchedMark = new Uint8Array(n);
    this.lastPair = new Array(n);
    this.totalsOfLink = Array.from({ length: n }, () => []);
    const totals = record.totals ?? {};
    if (totals === null || typeof totals !== 'object') throw new InputError('record.totals', totals, 'an object of link id lists');
    for (const [name, ids] of Object.entries(totals)) {
      if (!Array.isArray(ids)) throw new InputError(`record.totals.${name}`, ids, 'an array of link ids');
      const t = this.totalNames.length;
      this.totalNames.push(name);
      this.totalLinks.push(
        Int32Array.from(ids, (id, k) => {
          const l = linkIndex.get(id);
          if (l === undefined) throw new InputError(`record.totals.${name}[${k}]`, id, 'the id of a link in links');
          this.totalsOfLink[l].push(t);
          return l;
        }),
      );
      this.totalPeak.push(0);
    }
    this.totalMark = new Uint8Array(this.totalNames.length);
  }

  /** Marks links whose rate may have changed at this instant. */
  touchLinks(links: ArrayLike<number>): void {
    for (let i = 0; i < links.length; i++) {
      const l = links[i];
      if (this.touchedMark[l] === 0) {
        this.touchedMark[l] = 1;
        this.touched[this.touchedCount++] = l;
      }
    }
  }

  addFlow(flow: RecordedFlow): void {
    if (this.recordFlowRates) this.runningFlows.add(flow);
  }

  removeFlow(flow: RecordedFlow): void {
    if (this.recordFlowRates) this.runningFlows.delete(flow);
  }

  /** Takes in the rates after a solve: the touched links' rates, peaks, and the segment lists. */
  update(system: MaxMinSystem): void {
    const { touched, touchedMark, rate, peak } = this;
    let recordedChanged = false;
    const totalsTouched = this.totalsTouched;
    let totalsTouchedCount = 0;
    for (let i = 0; i < this.touchedCount; i++) {
      const l = touched[i];
      touchedMark[l] = 0;
      const gbps = system.linkRate(l);
      if (gbps === rate[l]) continue;
      rate[l] = gbps;
      if (gbps > peak[l]) peak[l] = gbps;
      if (this.recorded[l] === 1) recordedChanged = true;
      const totals = this.totalsOfLink[l];
      for (let j = 0; j < totals.length; j++) {
        const t = totals[j];
        if (this.totalMark[t] === 0) {
          this.totalMark[t] = 1;
          totalsTouched[totalsTouchedCount++] = t;
        }
      }
    }
    this.touchedCount = 0;
    for (let i = 0; i < totalsTouchedCount; i++) {
      const t = totalsTouched[i];
      this.totalMark[t] = 0;
      let sum = 0;
      const links = this.totalLinks[t];
      for (let j = 0; j < links.length; j++) if (rate[links[j]] !== 0) sum += rate[links[j]];
      if (sum > this.totalPeak[t]) this.totalPeak[t] = sum;
    }
    if (!this.recordSegments) return;
    if (recordedChanged) {
      const list: Array<[string, number]> = [];
      for (let l = 0; l < rate.length; l++) {
        if (this.recorded[l] === 0 || rate[l] === 0) continue;
        let pair = this.lastPair[l];
        if (pair === undefined || pair[1] !== rate[l]) this.lastPair[l] = pair = [this.links[l].id, rate[l]];
        list.push(pair);
      }
      this.linkGbps = list;
    }
    if (this.recordFlowRates) {
      this.flowGbps = [...this.runningFlows].sort((a, b) => a.seq - b.seq).map((flow) => [flow.id, flow.gbps]);
    }
  }

  /** Records the interval [startS, endS) at the current rates. */
  append(startS: number, endS: number): void {
    if (!this.recordSegments) return;
    const { linkGbps, flowGbps } = this;
    const last = this.segments[this.segments.length - 1];
    if (
      last !== undefined &&
      last.endS === startS &&
      (last.linkGbps === linkGbps || samePairs(last.linkGbps, linkGbps)) &&
      (flowGbps === undefined || last.flowGbps === flowGbps || samePairs(last.flowGbps ?? NO_PAIRS, flowGbps))
    ) {
      last.endS = endS;
      return;
    }
    const segment: Segment = { startS, endS, linkGbps };
    if (flowGbps !== undefined) segment.flowGbps = flowGbps;
    this.segments.push(segment);
  }

  /** Ids of the links whose rates the segments hold (none when segments are off), in link order. */
  recordedLinkIds(): string[] {
    if (!this.recordSegments) return [];
    return this.links.filter((_, i) => this.recorded[i] === 1).map((l) => l.id);
  }

  /** Each link's peak rate, by id. */
  peaks(): Record<string, number> {
    const peaks: Record<string, number> = {};
    this.links.forEach((link, l) => {
      peaks[link.id] = this.peak[l];
    });
    return peaks;
  }

  /** Each total's peak, by name. */
  totalPeaks(): Record<string, number> {
    const peaks: Record<string, number> = {};
    this.totalNames.forEach((name, t) => {
      peaks[name] = this.totalPeak[t];
    });
    return peaks;
  }
}

function samePairs(a: Array<[string, number]>, b: Array<[string, number]>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i][0] !== b[i][0] || a[i][1] !== b[i][1]) return false;
  return true;
}
