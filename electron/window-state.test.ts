import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadWindowState, parseWindowState, type Rect, saveWindowState } from './window-state.js';

const SCREEN: Rect = { x: 0, y: 0, width: 1920, height: 1080 };
const SECOND: Rect = { x: 1920, y: 0, width: 1280, height: 1024 };
const good = { x: 100, y: 80, width: 1200, height: 760, maximized: false };

describe('parseWindowState', () => {
  it('accepts a sane state on a screen', () => {
    expect(parseWindowState(good, [SCREEN])).toEqual(good);
    expect(parseWindowState({ ...good, maximized: true }, [SCREEN])?.maximized).toBe(true);
  });

  it('accepts a window on the second screen only while that screen exists', () => {
    const onSecond = { ...good, x: 2000 };
    expect(parseWindowState(onSecond, [SCREEN, SECOND])).toEqual(onSecond);
    expect(parseWindowState(onSecond, [SCREEN])).toBeNull();
  });

  it('ignores windows whose title bar is off every screen', () => {
    expect(parseWindowState({ ...good, y: -700 }, [SCREEN])).toBeNull();
    expect(parseWindowState({ ...good, y: 1070 }, [SCREEN])).toBeNull();
    expect(parseWindowState({ ...good, x: -1150 }, [SCREEN])).toBeNull();
    expect(parseWindowState({ ...good, x: -1000 }, [SCREEN])).toEqual({ ...good, x: -1000 });
  });

  it('tolerates the few pixels Windows puts outside the work area', () => {
    expect(parseWindowState({ ...good, x: -8, y: -8 }, [SCREEN])).not.toBeNull();
  });

  it('rejects malformed or absurd values', () => {
    for (const raw of [
      null,
      'x',
      42,
      [],
      {},
      { ...good, x: '100' },
      { ...good, width: 1200.5 },
      { ...good, width: Number.NaN },
      { ...good, height: Number.POSITIVE_INFINITY },
      { ...good, width: 200 },
      { ...good, height: 100_000 },
      { ...good, x: 10_000_000 },
    ]) {
      expect(parseWindowState(raw, [SCREEN])).toBeNull();
    }
  });

  it('treats a non-boolean maximized as false', () => {
    expect(parseWindowState({ ...good, maximized: 'yes' }, [SCREEN])?.maximized).toBe(false);
  });
});

describe('loadWindowState / saveWindowState', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ci-window-state-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips through the file', () => {
    const file = join(dir, 'window-state.json');
    expect(saveWindowState(file, good)).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(good);
    expect(loadWindowState(file, [SCREEN])).toEqual(good);
  });

  it('ignores a missing or corrupt file', () => {
    const file = join(dir, 'window-state.json');
    expect(loadWindowState(file, [SCREEN])).toBeNull();
    writeFileSync(file, '{"x": 1, "y":');
    expect(loadWindowState(file, [SCREEN])).toBeNull();
  });

  it('reports a failed write instead of throwing', () => {
    expect(saveWindowState(join(dir, 'missing-folder', 'window-state.json'), good)).toBe(false);
  });
});
