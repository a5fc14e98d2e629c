import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Settings } from '../../../shared/contract/index.js';
import { startFakeBackend } from '../testing/fake-backend.js';
import { errorCode, request } from '../testing/test-http.js';
import { parseCliArgs, type ServeOptions } from './cli-args.js';
import { type CliIo, runServe, type ServeResult } from './cli-serve.js';

function options(extra: string[]): ServeOptions {
  const parsed = parseCliArgs(['serve', '--port', '0', '--control-port', '0', ...extra]);
  if (parsed.kind !== 'serve') throw new Error(`bad test arguments: ${JSON.stringify(parsed)}`);
  return parsed.options;
}

function captureIo(): CliIo & { outLines: string[]; errLines: string[] } {
  const outLines: string[] = [];
  const errLines: string[] = [];
  return { outLines, errLines, out: (l) => outLines.push(l), err: (l) => errLines.push(l) };
}

/** The URL printed after a label: the first token after it. */
const urlAfter = (lines: string[], label: string): string => {
  const line = lines.find((l) => l.startsWith(`${label}: `));
  if (!line) throw new Error(`no "${label}:" line in ${JSON.stringify(lines)}`);
  return line.slice(label.length + 2).split(/\s+/)[0] ?? '';
};

const postJson = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('runServe (real engine)', () => {
  let dir: string;
  let running: ServeResult | null;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ci-cli-'));
    running = null;
  });
  afterEach(async () => {
    if (running?.ok) await running.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints the addresses, serves the API with the token, stops cleanly', async () => {
    const io = captureIo();
    running = await runServe(options(['--data-dir', dir, '--token', 'tok-123']), io, { version: '1.2.3', uiDir: null });
    expect(running.ok).toBe(true);
    expect(io.outLines[0]).toBe('Callback Inspector 1.2.3');
    expect(io.outLines.map((l) => l.split(':')[0])).toEqual([
      'Callback Inspector 1.2.3',
      'Listener',
      'UI',
      'Control API',
      'Data dir',
      'Hold',
      'Upstream',
    ]);
    const control = urlAfter(io.outLines, 'Control API');
    expect(io.outLines[3]).toBe(`Control API: ${control}  (Authorization: Bearer tok-123)`);
    expect(urlAfter(io.outLines, 'UI')).toBe(`${control}/?token=tok-123`);
    expect(io.outLines[4]).toBe(`Data dir: ${dir}`);
    expect(io.outLines.slice(5)).toEqual([
      'Hold: off (saved setting)',
      'Upstream: none (the inspector answers callbacks itself)',
    ]);

    const health = await request(control, '/api/health', { headers: { authorization: 'Bearer tok-123' } });
    expect(health.json).toMatchObject({
      ok: true,
      version: '1.2.3',
      listener: { url: urlAfter(io.outLines, 'Listener') },
    });

    const listener = urlAfter(io.outLines, 'Listener');
    const answer = await postJson(`${listener}/callbackExample/callbackBeforeAddFriendCommand`, {
      callbackCommand: 'callbackBeforeAddFriendCommand',
      fromUserID: 'user123',
      toUserID: 'user456',
      reqMsg: 'hi',
      ex: '',
    });
    expect(answer.status).toBe(200);

    if (!running.ok) throw new Error('unreachable');
    await running.stop();
    expect(io.outLines.at(-1)).toBe('Stopped.');
    await expect(request(control, '/api/health')).rejects.toThrow();
    expect(existsSync(dir)).toBe(true);
  });

  it('--upstream forwards callbacks to the backend and the banner says so', async () => {
    const backend = await startFakeBackend(() => ({
      body: '{"actionCode":0,"errCode":5002,"errMsg":"no","errDlt":"","nextCode":1}',
    }));
    try {
      const io = captureIo();
      const args = ['--data-dir', dir, '--token', 't', '--no-ui', '--upstream', `${backend.url}/cb`];
      running = await runServe(options(args), io, { version: '1', uiDir: null });
      expect(io.outLines).toContain(
        `Upstream: ${backend.url}/cb  (callbacks are forwarded there and its answers relayed; on failure: relay)`,
      );
      const listener = urlAfter(io.outLines, 'Listener');
      const answer = await postJson(`${listener}/callbackExample/callbackBeforeAddFriendCommand`, {
        callbackCommand: 'callbackBeforeAddFriendCommand',
        fromUserID: 'a',
        toUserID: 'b',
        reqMsg: '',
        ex: '',
      });
      expect(await answer.json()).toMatchObject({ errCode: 5002, nextCode: 1 });
      expect(backend.requests.map((r) => r.url)).toEqual(['/cb/callbackBeforeAddFriendCommand']);
    } finally {
      await backend.close();
    }
  });

  it('keeps the token in the data dir across restarts; --new-token replaces it', async () => {
    const start = async (extra: string[]) => {
      const io = captureIo();
      const result = await runServe(options(['--data-dir', dir, '--no-ui', ...extra]), io, {
        version: '1',
        uiDir: null,
      });
      if (!result.ok) throw new Error(`did not start: ${io.errLines.join('\n')}`);
      const token = /Bearer (\S+)\)/.exec(io.outLines.find((l) => l.startsWith('Control API:')) ?? '')?.[1] ?? '';
      return { result, token, control: urlAfter(io.outLines, 'Control API') };
    };
    const first = await start([]);
    await first.result.stop();
    const second = await start([]);
    expect(second.token).toBe(first.token);
    expect(second.token.length).toBeGreaterThanOrEqual(32);
    await second.result.stop();
    const third = await start(['--new-token']);
    running = third.result;
    expect(third.token).not.toBe(first.token);
    const old = await request(third.control, '/api/health', { headers: { authorization: `Bearer ${first.token}` } });
    expect(old.status).toBe(401);
    const fresh = await request(third.control, '/api/health', { headers: { authorization: `Bearer ${third.token}` } });
    expect(fresh.status).toBe(200);
  });

  it('runs with a per-run token when the token cannot be kept in the data dir', async () => {
    mkdirSync(join(dir, 'control-token')); // a folder where the file should be: neither readable nor writable
    const io = captureIo();
    running = await runServe(options(['--data-dir', dir, '--no-ui']), io, { version: '1', uiDir: null });
    expect(running.ok).toBe(true);
    expect(io.errLines.join('\n')).toMatch(/^Warning: cannot keep the control token in .*; using one for this run\.$/m);
    expect(io.outLines.find((l) => l.startsWith('Control API:'))).toMatch(/Bearer [A-Za-z0-9_-]{32}\)/);
  });

  it('applies the rules file, --hold, --sdkappid and --tencent-token', async () => {
    const rulesFile = join(dir, 'rules.json');
    writeFileSync(
      rulesFile,
      JSON.stringify([
        {
          id: 'deny-spammer',
          match: { dialect: 'openim', where: [{ path: 'fromUserID', op: 'equals', value: 'spammer' }] },
          action: { type: 'answer', decision: { verdict: 'deny', code: 5002, message: 'spam' } },
        },
      ]),
    );
    const io = captureIo();
    const args = ['--data-dir', dir, '--token', 't', '--no-ui', '--rules', rulesFile, '--hold', 'all'];
    running = await runServe(options([...args, '--sdkappid', '1400000000', '--tencent-token', 'tt']), io, {
      version: '1',
      uiDir: null,
    });
    expect(io.outLines.some((l) => l.startsWith('UI:'))).toBe(false);
    const control = urlAfter(io.outLines, 'Control API');
    const auth = { authorization: 'Bearer t' };
    const rules = await request(control, '/api/rules', { headers: auth });
    expect(rules.json).toMatchObject([{ id: 'deny-spammer' }]);
    const settings = (await request(control, '/api/settings', { headers: auth })).json as Settings; // checked below
    expect(settings.hold.mode).toBe('all');
    expect(io.outLines).toContain(
      'Hold: all callbacks are held for a decision (--hold); answer rules still answer at once',
    );
    expect(settings.tencent).toMatchObject({ sdkAppId: 1_400_000_000, token: 'tt' });
    const page = await request(control, '/');
    expect(page.text).toContain('disabled');

    // Hold mode `all`: the request waits for a decision from the control API.
    const listener = urlAfter(io.outLines, 'Listener');
    const pending = postJson(`${listener}/cb/callbackBeforeAddFriendCommand`, {
      callbackCommand: 'callbackBeforeAddFriendCommand',
      fromUserID: 'someone',
      toUserID: 'u2',
      reqMsg: '',
      ex: '',
    });
    const heldId = await vi.waitFor(async () => {
      const list = (await request(control, '/api/captures?state=held', { headers: auth })).json;
      const id = (list as { items: { id: string }[] }).items[0]?.id; // CaptureListResponse
      if (!id) throw new Error('nothing held yet');
      return id;
    });
    const decide = (body: unknown) =>
      request(control, `/api/captures/${heldId}/decision`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify(body),
      });
    const decided = await decide({ verdict: 'deny', code: 5003, message: 'not now' });
    expect(decided.status).toBe(200);
    expect(decided.json).toMatchObject({ id: heldId, decidedBy: 'api' });
    expect(await (await pending).json()).toMatchObject({
      actionCode: 0,
      nextCode: 1,
      errCode: 5003,
      errMsg: 'not now',
    });
    const again = await decide({ verdict: 'allow' });
    expect(again.status).toBe(409);
    expect(errorCode(again)).toBe('not-held');
  });

  it('a rule from the rules file answers callbacks', async () => {
    const rulesFile = join(dir, 'rules.json');
    writeFileSync(
      rulesFile,
      JSON.stringify([
        {
          id: 'deny-spammer',
          match: { dialect: 'openim', where: [{ path: 'fromUserID', op: 'equals', value: 'spammer' }] },
          action: { type: 'answer', decision: { verdict: 'deny', code: 5002, message: 'spam' } },
        },
      ]),
    );
    const io = captureIo();
    running = await runServe(options(['--data-dir', dir, '--no-ui', '--rules', rulesFile]), io, {
      version: '1',
      uiDir: null,
    });
    const listener = urlAfter(io.outLines, 'Listener');
    const res = await postJson(`${listener}/cb/callbackBeforeAddFriendCommand`, {
      callbackCommand: 'callbackBeforeAddFriendCommand',
      fromUserID: 'spammer',
      toUserID: 'u2',
      reqMsg: '',
      ex: '',
    });
    expect(await res.json()).toMatchObject({ actionCode: 0, nextCode: 1, errCode: 5002, errMsg: 'spam' });
  });

  it('refuses an invalid rules file with every problem listed (exit 2)', async () => {
    const rulesFile = join(dir, 'rules.json');
    writeFileSync(
      rulesFile,
      JSON.stringify([
        { id: 'bad id', action: { type: 'answer' } },
        { id: 'ok', action: { type: 'later' } },
      ]),
    );
    const io = captureIo();
    const result = await runServe(options(['--data-dir', dir, '--rules', rulesFile]), io, {
      version: '1',
      uiDir: null,
    });
    expect(result).toEqual({ ok: false, exitCode: 2 });
    expect(io.errLines[0]).toMatch(/^rules file .* has 3 problems:$/);
    expect(io.errLines.slice(1).map((l) => l.trim().split(':')[0])).toEqual([
      '[0].id',
      '[0].action.decision',
      '[1].action.type',
    ]);
    expect(io.outLines).toEqual([]);

    const missing = captureIo();
    const r2 = await runServe(options(['--rules', join(dir, 'nope.json')]), missing, { version: '1', uiDir: null });
    expect(r2).toEqual({ ok: false, exitCode: 2 });
    expect(missing.errLines[0]).toMatch(/cannot read rules file/);

    writeFileSync(rulesFile, '[{');
    const notJson = captureIo();
    const r3 = await runServe(options(['--rules', rulesFile]), notJson, { version: '1', uiDir: null });
    expect(r3).toEqual({ ok: false, exitCode: 2 });
    expect(notJson.errLines[0]).toMatch(/is not valid JSON/);
  });

  describe('when the listener port is taken', () => {
    let blocker: Server;
    let port: number;
    beforeEach(async () => {
      blocker = createServer();
      await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
      port = (blocker.address() as { port: number }).port; // TCP server address
    });
    afterEach(() => new Promise((resolve) => blocker.close(resolve)));

    it('exits 1 with --no-ui', async () => {
      const io = captureIo();
      const opts = { ...options(['--data-dir', dir, '--no-ui']), port };
      const result = await runServe(opts, io, { version: '1', uiDir: null });
      expect(result).toEqual({ ok: false, exitCode: 1 });
      expect(io.errLines.find((l) => l.startsWith('Listener error: '))).toMatch(/EADDRINUSE|in use/);
    });

    it('keeps running with the UI so the port can be changed there', async () => {
      const io = captureIo();
      running = await runServe({ ...options(['--data-dir', dir, '--token', 't']), port }, io, {
        version: '1',
        uiDir: null,
      });
      expect(running.ok).toBe(true);
      expect(io.errLines.some((l) => l.startsWith('Listener error: '))).toBe(true);
      const control = urlAfter(io.outLines, 'Control API');
      const patched = await request(control, '/api/settings', {
        method: 'PATCH',
        headers: { authorization: 'Bearer t' },
        body: JSON.stringify({ listener: { port: 0 } }),
      });
      expect(patched.status).toBe(200);
      const health = await request(control, '/api/health', { headers: { authorization: 'Bearer t' } });
      expect(health.json).toMatchObject({ status: { state: 'listening' } });
    });
  });

  it('exits 1 when the control port is taken', async () => {
    const first = captureIo();
    running = await runServe(options(['--data-dir', dir, '--no-ui']), first, { version: '1', uiDir: null });
    const port = Number(new URL(urlAfter(first.outLines, 'Control API')).port);
    const io = captureIo();
    const second = await runServe({ ...options(['--data-dir', join(dir, 'b'), '--no-ui']), controlPort: port }, io, {
      version: '1',
      uiDir: null,
    });
    expect(second).toEqual({ ok: false, exitCode: 1 });
    expect(io.errLines.join('\n')).toMatch(/could not start: .*EADDRINUSE/);
  });

  it('--verbose prints one line per answered callback', async () => {
    const io = captureIo();
    running = await runServe(options(['--data-dir', dir, '--no-ui', '--verbose']), io, { version: '1', uiDir: null });
    const listener = urlAfter(io.outLines, 'Listener');
    await postJson(`${listener}/cb/callbackAfterDeleteFriendCommand`, {
      callbackCommand: 'callbackAfterDeleteFriendCommand',
      ownerUserID: 'a',
      friendUserID: 'b',
    });
    await expect.poll(() => io.outLines.find((l) => l.startsWith('#1 '))).toMatch(/callbackAfterDeleteFriendCommand/);
  });
});

const bundle = new URL('../../../dist/electron/cli.js', import.meta.url);

describe('the built CLI (dist/electron/cli.js)', () => {
  it.skipIf(!existsSync(bundle))('runs serve and exits 0 with "Stopped." on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ci-bin-'));
    const child = spawn(process.execPath, [
      bundle.pathname,
      'serve',
      '--port',
      '0',
      '--control-port',
      '0',
      '--data-dir',
      dir,
      '--no-ui',
    ]);
    let out = '';
    const ready = new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('Data dir: ')) resolve();
      });
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    await ready;
    const control = urlAfter(out.split('\n'), 'Control API');
    const unauthorised = await request(control, '/api/health');
    expect(errorCode(unauthorised)).toBe('missing-token');
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(out.trimEnd().split('\n').at(-1)).toBe('Stopped.');
    // The token was kept: atomic writes work in the bundle too (write-file-atomic is CommonJS bundled into ESM).
    expect(readFileSync(join(dir, 'control-token'), 'utf8')).toMatch(/^[\w-]{16,}\n$/);
    rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(!existsSync(bundle))('exits 2 on a bad option', async () => {
    const child = spawn(process.execPath, [bundle.pathname, 'serve', '--hold', 'maybe']);
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(err).toContain('Error: --hold must be one of off, before, all (got "maybe")');
    expect(err).toContain('Usage: callback-inspector serve [options]');
  });
});
