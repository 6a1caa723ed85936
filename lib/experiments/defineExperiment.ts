import { InputError } from '../InputError';
import type { Draw } from '../ensemble/Draw';
import type { Experiment, ExperimentControl, ExperimentResult } from './Experiment';

/** What `defineExperiment` needs: the experiment's identity, its controls, and a run function that
 * receives every option resolved (defaults filled, values checked). */
export interface ExperimentDefinition<O extends Record<string, unknown>, D> {
  /** Stable id, e.g. `finding-3`. */
  id: string;
  /** The article's finding it reproduces, or null. */
  finding: number | null;
  /** Short title. */
  title: string;
  /** The controls; their defaults are the options' defaults. */
  controls: ExperimentControl[];
  /** See `Experiment.dependsOnDraw`. Default true. */
  dependsOnDraw?: boolean;
  /** See `Experiment.summarizesDraws`. Default false. */
  summarizesDraws?: boolean;
  /** The experiment itself, given complete options and the draw its scenarios run as (if any). */
  run(options: O, draw?: Draw): ExperimentResult<D>;
}

/**
 * Wraps an experiment so that every caller (CLI, notebook, page control) goes through one check: unknown
 * option names, values outside a select's options and numbers outside [min, max] throw an `InputError`
 * naming the option; missing options take the control's default.
 */
export function defineExperiment<O extends Record<string, unknown>, D>(definition: ExperimentDefinition<O, D>): Experiment<O, D> {
  const { id, finding, title, controls, dependsOnDraw = true, summarizesDraws = false } = definition;
  return {
    id,
    finding,
    title,
    controls,
    dependsOnDraw,
    summarizesDraws,
    run(options = {}, draw?: Draw) {
      return definition.run(resolveOptions(id, controls, options) as O, draw);
    },
  };
}

/** Fills defaults and checks values against the controls. Exported for tests and for the site's controls. */
export function resolveOptions(
  experimentId: string,
  controls: ExperimentControl[],
  options: Record<string, unknown>,
): Record<string, string | number | boolean> {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new InputError(experimentId, options, `an options object (${controls.map((c) => c.name).join(', ')})`);
  }
  const resolved: Record<string, string | number | boolean> = {};
  const known = controls.map((c) => c.name);
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new InputError(`${experimentId}.${key}`, options[key], `one of the options ${known.join(', ')}`);
    }
  }
  for (const control of controls) {
    const field = `${experimentId}.${control.name}`;
    const value = options[control.name] === undefined ? control.default : options[control.name];
    if (control.kind === 'select') {
      if (!(control.options ?? []).includes(value as string | number)) {
        throw new InputError(field, value, `one of ${(control.options ?? []).join(', ')}`);
      }
    } else if (control.kind === 'number') {
      const min = control.min ?? -Infinity;
      const max = control.max ?? Infinity;
      if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
        throw new InputError(field, value, `a number from ${min} to ${max}`);
      }
      if (control.step !== undefined && Number.isInteger(control.step) && !Number.isInteger(value)) {
        throw new InputError(field, value, `a whole number from ${min} to ${max}`);
      }
    } else if (typeof value !== 'boolean') {
      throw new InputError(field, value, 'true or false');
    }
    resolved[control.name] = value as string | number | boolean;
  }
  return resolved;
}
