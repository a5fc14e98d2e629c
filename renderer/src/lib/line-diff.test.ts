import { describe, expect, it } from 'vitest';
import { lineDiff } from './line-diff.js';

describe('lineDiff', () => {
  it('keeps common lines and marks the changed ones', () => {
    expect(lineDiff('{\n  "a": 1,\n  "b": 2\n}', '{\n  "a": 1,\n  "b": 3\n}')).toEqual([
      { kind: 'same', text: '{' },
      { kind: 'same', text: '  "a": 1,' },
      { kind: 'removed', text: '  "b": 2' },
      { kind: 'added', text: '  "b": 3' },
      { kind: 'same', text: '}' },
    ]);
  });

  it('keeps common lines in order', () => {
    expect(lineDiff('a\nb\nc', 'a\nx\nc')).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'removed', text: 'b' },
      { kind: 'added', text: 'x' },
      { kind: 'same', text: 'c' },
    ]);
  });

  it('handles empty and identical texts', () => {
    expect(lineDiff('x', 'x')).toEqual([{ kind: 'same', text: 'x' }]);
    expect(lineDiff('', 'y')).toEqual([
      { kind: 'removed', text: '' },
      { kind: 'added', text: 'y' },
    ]);
  });

  it('falls back to remove-all/add-all for huge texts instead of building a giant table', () => {
    const big = Array.from({ length: 600 }, (_, i) => String(i)).join('\n');
    const diff = lineDiff(big, `${big}\nmore`);
    expect(diff.filter((d) => d.kind === 'removed')).toHaveLength(600);
    expect(diff.filter((d) => d.kind === 'added')).toHaveLength(601);
  });
});
