export const CELL: string;
export function studentCode(code: string, answerName: string): string;
export function solutionCode(code: string): string;
export function remarkLesson(context: { lab: Record<string, any>; problems: string[]; file: string }): () => (tree: unknown) => void;
