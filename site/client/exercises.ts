// Answer boxes of number and choice exercises: the check runs in the page with the library's own
// exercise registry, so the site and the notebooks judge an answer the same way. A typed answer is kept
// per page in localStorage (see storage.ts) and put back on the next visit.
import { loadLab } from './assets';
import { loadState, remember } from './storage';

interface CheckResult { pass: boolean; message: string }
type ExerciseLab = { exercises?: Record<string, { check(answer: unknown): CheckResult }> };

export function initExercises(): void {
  const stored = loadState().answers;
  document.querySelectorAll<HTMLFormElement>('form.tl-answer').forEach((form) => {
    const id = form.dataset.exercise ?? '';
    const out = form.querySelector<HTMLElement>('.tl-answer-result');
    const field = form.elements.namedItem('answer') as HTMLInputElement | HTMLSelectElement | null;
    if (!out || !field) return;
    form.hidden = false;
    if (stored[id] !== undefined) field.value = stored[id];
    const keep = () => remember('answers', id, field.value === '' ? null : field.value);
    field.addEventListener('input', keep);
    field.addEventListener('change', keep);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const raw = field.value.trim();
      const answer = raw === '' ? undefined : form.dataset.kind === 'number' ? Number(raw) : raw;
      try {
        const lab = (await loadLab()) as unknown as ExerciseLab;
        const exercise = lab.exercises?.[id];
        if (!exercise) throw new Error(`the library has no exercise ${id}`);
        const result = exercise.check(answer);
        out.textContent = `${result.pass ? 'PASS' : 'FAIL'} ${result.message}`;
        out.className = `tl-answer-result ${result.pass ? 'tl-holds' : 'tl-fails'}`;
      } catch (err) {
        out.textContent = `The check could not run: ${(err as Error).message}`;
        out.className = 'tl-answer-result tl-fails';
      }
    });
  });
}
