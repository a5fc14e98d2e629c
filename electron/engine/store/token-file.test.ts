import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dataDirToken, TOKEN_FILE } from './token-file.js';

describe('dataDirToken', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ci-token-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates a token readable only by its owner, then keeps it', async () => {
    const first = await dataDirToken(join(dir, 'data'), false);
    expect(first.created).toBe(true);
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const file = join(dir, 'data', TOKEN_FILE);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    const second = await dataDirToken(join(dir, 'data'), false);
    expect(second).toEqual({ token: first.token, created: false });
  });

  it('rotates on request', async () => {
    const first = await dataDirToken(dir, false);
    const rotated = await dataDirToken(dir, true);
    expect(rotated.created).toBe(true);
    expect(rotated.token).not.toBe(first.token);
    expect(readFileSync(join(dir, TOKEN_FILE), 'utf8').trim()).toBe(rotated.token);
  });

  it('replaces a file that holds no token, and tightens a loose mode', async () => {
    writeFileSync(join(dir, TOKEN_FILE), 'not a token!\n', { mode: 0o644 });
    const replaced = await dataDirToken(dir, false);
    expect(replaced.created).toBe(true);
    writeFileSync(join(dir, TOKEN_FILE), `${replaced.token}\n`, { mode: 0o644 });
    chmodSync(join(dir, TOKEN_FILE), 0o644);
    expect((await dataDirToken(dir, false)).token).toBe(replaced.token);
    if (process.platform !== 'win32') expect(statSync(join(dir, TOKEN_FILE)).mode & 0o777).toBe(0o600);
  });
});
