/** The engine under test in its own child process (dist/bench/engine-child.js), plus a small control-API client. */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SettingsPatch } from '../shared/contract/index.js';
import { type Child, spawnChild } from './child.js';
import { REPO_ROOT } from './paths.js';

export interface EngineProcess {
  readonly child: Child;
  readonly listenerUrl: string;
  readonly controlUrl: string;
  readonly token: string;
  /** The UI page with its token (only when started with `ui: true`). */
  readonly uiUrl: string;
  readonly dataDir: string;
  api<T>(method: string, path: string, body?: unknown): Promise<T>;
  patchSettings(patch: SettingsPatch): Promise<void>;
  /** Captures in the store (`total` of GET /api/captures). */
  storedCaptures(): Promise<number>;
  stop(): Promise<void>;
}

export interface EngineStartOptions {
  ui?: boolean;
  /** Extra node flags for the child (e.g. `--cpu-prof`). */
  nodeArgs?: readonly string[];
}

export async function startEngine(options: EngineStartOptions = {}): Promise<EngineProcess> {
  const token = randomBytes(16).toString('hex');
  const dataDir = mkdtempSync(join(tmpdir(), 'ci-bench-'));
  const args = [
    ...(options.nodeArgs ?? []),
    join(REPO_ROOT, 'dist/bench/engine-child.js'),
    '--token',
    token,
    '--data-dir',
    dataDir,
    ...(options.ui === true ? ['--ui-dir', join(REPO_ROOT, 'dist/renderer')] : []),
  ];
  const child = spawnChild('engine', process.execPath, args, { cwd: REPO_ROOT });
  let listenerUrl: string;
  let controlUrl: string;
  try {
    listenerUrl = urlOf(await child.waitFor(/Listener:\s*(http:\/\/\S+)/, 15_000));
    controlUrl = urlOf(await child.waitFor(/Control API:\s*(http:\/\/\S+)/, 15_000));
  } catch (error) {
    await child.stop();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  controlUrl = controlUrl.replace(/\/+$/, '');

  const api = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${controlUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text.slice(0, 500)}`);
    return (text === '' ? undefined : JSON.parse(text)) as T; // the control API's JSON, shaped by the caller's T
  };

  return {
    child,
    listenerUrl: listenerUrl.replace(/\/+$/, ''),
    controlUrl,
    token,
    uiUrl: `${controlUrl}/?token=${token}`,
    dataDir,
    api,
    patchSettings: async (patch) => {
      await api('PATCH', '/api/settings', patch);
    },
    storedCaptures: async () => (await api<{ total: number }>('GET', '/api/captures?limit=1')).total,
    stop: async () => {
      await child.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function urlOf(match: RegExpMatchArray): string {
  const url = match[1];
  if (url === undefined) throw new Error('no URL in the engine output');
  return url;
}
