import { diffArrays } from 'diff';

/** One line of a line diff: kept, removed (only in the first text) or added (only in the second). */
export interface DiffLine {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

/**
 * Longest bodies (in lines) diffed line by line. Callback answers are a few dozen lines; a longer diff is not
 * readable in a dialog anyway, so longer texts are shown as removed + added whole.
 */
const MAX_DIFF_LINES = 600;

/** The one line diff of the window (a recorded and a new answer, a backend's answer and what was sent). */
export function lineDiff(before: string, after: string): DiffLine[] {
  const a = before.split('\n');
  const b = after.split('\n');
  if (a.length > MAX_DIFF_LINES || b.length > MAX_DIFF_LINES) {
    return [
      ...a.map((text) => ({ kind: 'removed' as const, text })),
      ...b.map((text) => ({ kind: 'added' as const, text })),
    ];
  }
  return diffArrays(a, b).flatMap((part) => {
    const kind = part.added ? 'added' : part.removed ? 'removed' : 'same';
    return part.value.map((text) => ({ kind, text }));
  });
}
