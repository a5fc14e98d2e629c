import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../engine.js';
import { DataDirBusyError, LOCK_FILE, lockDataDir, lockHolder } from './data-dir-lock.js';

describe('the data dir lock', () => {
  const dirs: string[] = [];
  const engines: Engine[] = [];
  const newDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'ci-lock-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(async () => {
    for (const engine of engines.splice(0)) await engine.stop();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps a second engine of the same process off the dir until the first stops', async () => {
    const dir = newDir();
    const options = { dataDir: dir, controlPort: 0, settings: { listener: { port: 0 } } };
    const first = createEngine(options);
    engines.push(first);
    await first.start();
    const second = createEngine(options);
    await expect(second.start()).rejects.toThrow(DataDirBusyError);
    await expect(second.start()).rejects.toThrow(`the data dir ${dir} is in use`);
    await second.stop();
    // The refused engine did not take the lock away from the running one.
    expect(lockHolder(dir)).toBe(process.pid);
    await first.stop();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    const third = createEngine(options);
    engines.push(third);
    await third.start();
  });

  it('a release does not remove a lock that another process holds now', () => {
    const dir = newDir();
    const release = lockDataDir(dir);
    // Another (live) process's pid in the file: e.g. it took the dir over while this one was presumed dead.
    writeFileSync(join(dir, LOCK_FILE), `${process.ppid}\n`);
    release();
    expect(lockHolder(dir)).toBe(process.ppid);
    expect(() => lockDataDir(dir)).toThrow(`(pid ${process.ppid})`);
  });
});
