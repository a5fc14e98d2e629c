import { describe, expect, it } from 'vitest';
import { CLOSE_BRACKET, COMMA, NEWLINE, OPEN_BRACKET, utf8Join } from './utf8-join.js';

const reference = (parts: string[], sep: string, prefix = '', suffix = ''): Buffer =>
  Buffer.from(`${prefix}${parts.join(sep)}${suffix}`, 'utf8');

describe('utf8Join', () => {
  it('encodes like Buffer.from of the joined string', () => {
    const cases: string[][] = [
      [],
      [''],
      ['a'],
      ['{"a":1}', '{"b":2}'],
      ['user123 → user456', 'Ⅻ–≠', 'emoji 😀 pair', 'é'],
      ['\uD800 lone surrogate', 'x'],
    ];
    for (const parts of cases) {
      expect(utf8Join(parts, COMMA, OPEN_BRACKET, CLOSE_BRACKET).equals(reference(parts, ',', '[', ']'))).toBe(true);
      expect(utf8Join(parts, NEWLINE, -1, NEWLINE).equals(reference(parts, '\n', '', '\n'))).toBe(true);
    }
  });

  it('grows its buffer when parts are mostly multi-byte', () => {
    const parts = Array.from({ length: 200 }, (_, i) => `${'→'.repeat(i * 7)}😀${i}`);
    expect(utf8Join(parts, NEWLINE).equals(reference(parts, '\n'))).toBe(true);
  });
});
