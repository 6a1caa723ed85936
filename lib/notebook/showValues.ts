import { experiments } from '../experiments/registry';
import type { Experiment, ExperimentResult } from '../experiments/Experiment';
import { InputError } from '../InputError';
import { displayBundle } from './displayBundle';
import { lessonValue } from './lessonValue';
import type { LessonValueOptions } from './lessonValue';

/** One number a paragraph quotes: what a lesson's `<Value>` tag says. */
export interface LessonValueSpec extends LessonValueOptions {
  /** Experiment id, e.g. `finding-3`. */
  experiment: string;
  /** Dotted path into its result, e.g. `measured.peakSendGbps`. */
  path: string;
  /** Options for its run. Default: the experiment's defaults. */
  options?: Record<string, unknown>;
}

/**
 * A paragraph with its numbers filled in: each `{i}` in `template` becomes `values[i]` computed by the
 * library (`lessonValue`). Each experiment runs once per distinct options. Pure apart from the runs.
 */
export function valuesMarkdown(template: string, values: LessonValueSpec[]): string {
  if (typeof template !== 'string') throw new InputError('template', template, 'Markdown text with {0}, {1} ... placeholders');
  if (!Array.isArray(values)) throw new InputError('values', values, 'an array of { experiment, path, options, digits, unit }');
  const registry: Record<string, Experiment> = experiments;
  const runs = new Map<string, ExperimentResult>();
  const texts = values.map((spec, i) => {
    const experiment = Object.prototype.hasOwnProperty.call(registry, spec?.experiment) ? registry[spec.experiment] : undefined;
    if (!experiment) throw new InputError(`values[${i}].experiment`, spec?.experiment, `one of ${Object.keys(registry).join(', ')}`);
    const key = `${spec.experiment} ${JSON.stringify(spec.options ?? {})}`;
    if (!runs.has(key)) runs.set(key, experiment.run(spec.options ?? {}));
    return lessonValue(runs.get(key), spec.path, { digits: spec.digits, unit: spec.unit });
  });
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => texts[Number(index)] ?? whole);
}

/** Shows a lesson paragraph with its numbers filled in (see `valuesMarkdown`) as Markdown output. */
export function showValues(template: string, values: LessonValueSpec[]): void {
  const markdown = valuesMarkdown(template, values);
  displayBundle({ 'text/markdown': markdown, 'text/plain': markdown });
}
