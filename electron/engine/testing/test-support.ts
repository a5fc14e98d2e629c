import { mkdtemp, rm } from 'node:fs/promises';
import { type Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Capture, EngineEvent, Rule, SettingsPatch } from '../../../shared/contract/index.js';
import { EngineCore } from '../engine-core.js';

/** Test helpers: a real engine core on port 0 and a small HTTP client (no fixed ports, no sleeps). */

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export interface PostOptions {
  method?: string;
  headers?: Record<string, string>;
  agent?: Agent;
  /** Aborting it is a client that gives up. */
  signal?: AbortSignal;
}

/** POSTs and resolves with the answer; rejects with the socket error (ECONNRESET, "socket hang up", abort). */
export function post(baseUrl: string, target: string, body: string, opts: PostOptions = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(`${baseUrl}${target}`, {
      method: opts.method ?? 'POST',
      headers: {
        'content-type': 'application/json',
        ...opts.headers,
        'content-length': String(Buffer.byteLength(body)),
      },
      agent: opts.agent ?? false,
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString() }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

export interface TestEngine {
  core: EngineCore;
  url: string;
  dataDir: string | null;
  events: EngineEvent[];
  /** Resolves with the first event (past or future) that satisfies the predicate. */
  waitForEvent<T extends EngineEvent>(predicate: (e: EngineEvent) => e is T): Promise<T>;
  waitForCapture(predicate: (c: EngineEvent & { type: 'capture.added' | 'capture.updated' }) => boolean): Promise<void>;
  /** The first held capture's id, once one is held. */
  nextHeldId(): Promise<string>;
  /** The ids of the first `count` held captures, once that many were held. */
  heldIds(count: number): Promise<string[]>;
  stop(): Promise<void>;
}

export async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'ci-engine-'));
}

export async function removeDir(dir: string | null): Promise<void> {
  if (dir) await rm(dir, { recursive: true, force: true });
}

export async function startTestEngine(
  opts: { dataDir?: string | null; settings?: SettingsPatch; rules?: Rule[]; log?: (l: string) => void } = {},
): Promise<TestEngine> {
  const dataDir = opts.dataDir === undefined ? null : opts.dataDir;
  const core = new EngineCore({
    dataDir,
    settings: { ...opts.settings, listener: { host: '127.0.0.1', port: 0, ...opts.settings?.listener } },
    ...(opts.rules ? { rules: opts.rules } : {}),
    version: 'test',
    log: opts.log ?? (() => undefined),
  });
  const events: EngineEvent[] = [];
  const waiters = new Set<(e: EngineEvent) => boolean>();
  core.subscribe((event) => {
    events.push(event);
    for (const waiter of [...waiters]) if (waiter(event)) waiters.delete(waiter);
  });
  await core.load();
  const status = await core.listen();
  if (status.state !== 'listening') throw new Error(status.error ?? 'listener did not start');

  const waitForEvent = <T extends EngineEvent>(predicate: (e: EngineEvent) => e is T): Promise<T> => {
    const seen = events.find(predicate);
    if (seen) return Promise.resolve(seen);
    return new Promise<T>((resolve) => {
      waiters.add((e) => {
        if (!predicate(e)) return false;
        resolve(e);
        return true;
      });
    });
  };
  const heldIds = async (count: number): Promise<string[]> => {
    const held = (): string[] =>
      events.flatMap((e) => (e.type === 'capture.added' && e.capture.state === 'held' ? [e.capture.id] : []));
    await waitForEvent((e): e is EngineEvent => e.type === 'capture.added' && held().length >= count);
    return held().slice(0, count);
  };
  const isCaptureEvent = (e: EngineEvent): e is EngineEvent & { type: 'capture.added' | 'capture.updated' } =>
    e.type === 'capture.added' || e.type === 'capture.updated';
  return {
    core,
    url: status.url,
    dataDir,
    events,
    waitForEvent,
    waitForCapture: async (predicate) => {
      await waitForEvent(
        (e): e is EngineEvent & { type: 'capture.added' | 'capture.updated' } => isCaptureEvent(e) && predicate(e),
      );
    },
    nextHeldId: async () => (await heldIds(1))[0] ?? '',
    heldIds,
    stop: () => core.close(),
  };
}

/** The stored capture for a given request target (the only one with that path). */
export function captureByPath(core: EngineCore, path: string): Capture | undefined {
  return core.allCaptures().find((c) => c.request.path === path);
}
