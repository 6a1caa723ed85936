export class LessonError extends Error {}
export function literalValue(node: unknown): unknown;
export function readProps(attributes: unknown[]): Record<string, unknown>;
export const COMPONENTS: string[];
export const CONTAINERS: string[];
export function checkProps(name: string, props: Record<string, unknown>, lab: { experiments: Record<string, any>; exercises?: Record<string, any> }): void;
export function controlValueProblem(control: { kind: string; options?: Array<string | number>; min?: number; max?: number }, value: unknown): string | null;
