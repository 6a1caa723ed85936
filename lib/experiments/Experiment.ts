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
  /** Whether the model's numbers support the claim. */
  holds: boolean;
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
  /** Runs the experiment. Options not given take the controls' defaults. Deterministic. */
  run(options?: Partial<O>): ExperimentResult<D>;
}
