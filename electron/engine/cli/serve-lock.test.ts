// product.md §4 v3 "one engine per data dir": two engines on one folder each cut the other's log lines back (the
// probe: 25 544 of 71 667 captures saved, 2 422 torn lines, both reporting `persistence.ok: true`).
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../store/data-dir-lock.js';
import { parseCliArgs, type ServeOptions } from './cli-args.js';
import { type CliIo, runServe, type ServeResult } from './cli-serve.js';

function options(dir: string): ServeOptions {
  const parsed = parseCliArgs(['serve', '--port', '0', '--control-port', '0', '--data-dir', dir, '--no-ui']);
  if (parsed.kind !== 'serve') throw new Error(`bad test arguments: ${JSON.stringify(parsed)}`);
  return parsed.options;
}

function captureIo(): CliIo & { errLines: string[] } {
  const errLines: string[] = [];
  return { errLines, out: () => undefined, err: (l) => errLines.push(l) };
}

describe('serve on a data dir another engine holds', () => {
  let dir: string;
  let running: ServeResult[];
  let holder: ChildProcess | null;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ci-lock-'));
    running = [];
    holder = null;
  });
  afterEach(async () => {
    for (const r of running) if (r.ok) await r.stop();
    holder?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('a second serve exits 1 naming the dir and the running engine’s pid; the first keeps the dir', async () => {
    const first = await runServe(options(dir), captureIo(), { version: 't', uiDir: null });
    running.push(first);
    expect(first.ok).toBe(true);
    const io = captureIo();
    const second = await runServe(options(dir), io, { version: 't', uiDir: null });
    running.push(second);
    expect(second).toEqual({ ok: false, exitCode: 1 });
    expect(io.errLines.join('\n')).toContain(`the data dir ${dir} is in use by another Callback Inspector engine`);
    expect(io.errLines.join('\n')).toContain(`(pid ${process.pid})`);
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
    // The lock goes with the engine: the dir is free again after a stop.
    if (first.ok) await first.stop();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    const third = await runServe(options(dir), captureIo(), { version: 't', uiDir: null });
    running.push(third);
    expect(third.ok).toBe(true);
  });

  it('names another process that holds the lock', async () => {
    // A live process whose pid is in the lock file (what a running engine in another process leaves there).
    holder = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    const pid = holder.pid as number; // spawned
    writeFileSync(join(dir, LOCK_FILE), `${pid}\n`);
    const io = captureIo();
    const result = await runServe(options(dir), io, { version: 't', uiDir: null });
    running.push(result);
    expect(result).toEqual({ ok: false, exitCode: 1 });
    expect(io.errLines.join('\n')).toContain(`${dir} is in use by another Callback Inspector engine (pid ${pid})`);
  });

  it('a stale lock of a dead process does not block', async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(join(dir, LOCK_FILE), `${dead}\n`);
    const result = await runServe(options(dir), captureIo(), { version: 't', uiDir: null });
    running.push(result);
    expect(result.ok).toBe(true);
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
  });
});
