import { describe, expect, it } from 'vitest';

// The project's cap: no source file over 350 lines. The window's sources (components, stores, styles) are split
// along their seams — detail pane, decision panel, rules list, table cells… — instead of growing one file.
const MAX_LINES = 350;
const sources = import.meta.glob<string>(['./**/*.{ts,tsx,css}', '!./**/*.test.{ts,tsx}'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

describe('renderer sources', () => {
  it('are read (styles included)', () => {
    const names = Object.keys(sources);
    expect(names).toContain('./App.tsx');
    const styles = Object.entries(sources).filter(([name]) => name.endsWith('.css'));
    expect(styles.length).toBeGreaterThan(5);
    // As text: the test config lets a `?raw` stylesheet through instead of emptying it.
    for (const [name, text] of styles) expect(text.length, name).toBeGreaterThan(0);
  });

  it(`stay within ${MAX_LINES} lines each`, () => {
    const over = Object.entries(sources)
      .map(([name, text]) => ({ name, lines: text.split('\n').length - (text.endsWith('\n') ? 1 : 0) }))
      .filter((f) => f.lines > MAX_LINES);
    expect(over).toEqual([]);
  });
});
