import type { Draw } from '../ensemble/Draw';
import type { Figure } from '../Figure';

/** A value a reader can change on an experiment (a select box, a number field or a toggle on the site;
 * an option in a notebook call). The site builds its controls from these, so they stay in step. */
export interface ExperimentControl {
  /** Option name passed to `run`, e.g. `teamingMode`. */
  name: string;
  /** Label shown next to the control. */
  label: string;
  /** `select` takes one of `options`; `number` a value in [min, max]; `toggle` a boolean. */
  kind: 'select' | 'number' | 'toggle';
  /** Allowed values for a `select`. */
  options?: Array<string | number>;
  /** Smallest value for a `number`. */
  min?: number;
  /** Largest value for a `number`. */
  max?: number;
  /** Step for a `number`. */
  step?: number;
  /** The value `run` uses when the option is not given. */
  default: string | number | boolean;
}

/** Measured figures of an experiment: plain numbers, strings and booleans, ready for JSON. */
export type Measured = Record<string, number | string | boolean>;

/** What every experiment returns. */
export interface ExperimentResult<D = unknown> {
  /** Stable id, e.g. `finding-3`; the CLI's `reproduce --json` uses it. */
  id: string;
  /** The claim under test, in plain words. */
  claim: string;
  /**
   * Whether the model's numbers support the part of the claim that must hold in every draw
   * (`anyHash.holds`). What holds only for some draws is `observation`, whose probability an ensemble
   * measures (`runEnsemble`).
   */
  holds: boolean;
  /**
   * What holds for any hash, key and port (by the rules alone), and whether it held in this run.
   * Absent: the whole claim (`claim`, `holds`).
   */
  anyHash?: { statement: string; holds: boolean };
  /**
   * The article's observation (or the experiment's reference observation), which may hold only for some
   * draws of keys and ports, and whether it appeared in this run. Absent: the claim, appearing when it holds.
   */
  observation?: {
    statement: string;
    appeared: boolean;
    /** What a uniform hash of independent connections predicts for its probability, where that is a closed form. */
    uniformHashProbability?: number;
  };
  /** The figures the verdict rests on. */
  measured: Measured;
  /** One or two sentences saying what was measured, built from `measured`. */
  summary: string;
  /** The data behind the figure (experiment-specific, plain JSON). */
  data: D;
  /** A Plotly figure of the data. */
  figure: Figure;
}

/** An experiment as the CLI, notebooks and the site see it. */
export interface Experiment<O extends Record<string, unknown> = Record<string, any>, D = unknown> {
  /** Same as the result's id. */
  id: string;
  /** Which of the article's findings it reproduces (1 to 8), or null for an experiment beyond the article. */
  finding: number | null;
  /** Short title, e.g. `Hyper-V Port caps live migration at one member`. */
  title: string;
  /** The controls a reader may change. */
  controls: ExperimentControl[];
  /**
   * False when no result depends on the draw (no hash, key or ephemeral port plays a part): an ensemble
   * then runs it once.
   */
  dependsOnDraw: boolean;
  /**
   * True for an experiment that itself runs other experiments over many draws (`finding-draws`):
   * `reproduce` and `reproduceEnsemble` skip it, since they report every finding's draws already.
   */
  summarizesDraws: boolean;
  /**
   * Runs the experiment. Options not given take the controls' defaults. Deterministic: without a `draw`
   * its scenarios run as written (seed 1, first port 49152); with one, as that draw (`drawScenario`).
   */
  run(options?: Partial<O>, draw?: Draw): ExperimentResult<D>;
}
