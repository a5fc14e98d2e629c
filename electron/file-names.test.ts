import { describe, expect, it } from 'vitest';
import { EXPORT_FILTERS, exportFileName, safeFileName } from './file-names.js';

describe('exportFileName', () => {
  it('stamps local date and time and uses the format as extension', () => {
    const at = new Date(2025, 0, 31, 14, 2, 3);
    expect(exportFileName('har', at)).toBe('callback-inspector-20250131-140203.har');
    expect(exportFileName('json', at)).toMatch(/\.json$/);
    expect(exportFileName('ndjson', at)).toMatch(/\.ndjson$/);
    expect(EXPORT_FILTERS.har.extensions).toEqual(['har']);
  });
});

describe('safeFileName', () => {
  it('keeps ordinary names', () => {
    expect(safeFileName('rules.json')).toBe('rules.json');
    expect(safeFileName('capture 12 (copy).har')).toBe('capture 12 (copy).har');
  });

  it('never lets the page pick a folder, a hidden file or a reserved character', () => {
    expect(safeFileName('../../.bashrc')).toBe('_.._.bashrc');
    expect(safeFileName('/etc/passwd')).toBe('_etc_passwd');
    expect(safeFileName('C:\\Windows\\x.json')).toBe('C__Windows_x.json');
    expect(safeFileName('.hidden')).toBe('hidden');
    expect(safeFileName('a\u0000b\nc.json')).toBe('a_b_c.json');
    expect(safeFileName('what?<>|*".json')).toBe('what______.json');
  });

  it('falls back for empty names and caps the length', () => {
    expect(safeFileName('')).toBe('callback-inspector.json');
    expect(safeFileName(' ... ')).toBe('callback-inspector.json');
    expect(safeFileName('x'.repeat(500))).toHaveLength(200);
  });
});
