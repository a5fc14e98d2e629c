import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  captureNumber,
  type EngineEvent,
  type HoldMode,
  type Rule,
  type SettingsPatch,
} from '../../../shared/contract/index.js';
import { checkRules } from '../../../shared/rules/index.js';
import { errorMessage } from '../control/http-io.js';
import { createEngine, type Engine, type EngineOptions } from '../engine.js';
import { DataDirBusyError, lockHolder } from '../store/data-dir-lock.js';
import { dataDirToken } from '../store/token-file.js';
import { defaultDataDir, type ServeOptions } from './cli-args.js';

/** Where the CLI writes: lines, without trailing newlines. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

export interface ServeEnv {
  version: string;
  /** Built renderer (dist/renderer) or null; ignored with --no-ui. */
  uiDir: string | null;
  /** For tests: a different engine factory. */
  createEngine?: (options: EngineOptions) => Engine;
}

export type ServeResult = { ok: true; engine: Engine; stop(): Promise<void> } | { ok: false; exitCode: number };

/** Reads and checks a rules file; every problem becomes one line. */
export async function loadRulesFile(
  file: string,
): Promise<{ ok: true; rules: Rule[] } | { ok: false; lines: string[] }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return { ok: false, lines: [`cannot read rules file ${file}: ${errorMessage(error)}`] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch (error) {
    return { ok: false, lines: [`rules file ${file} is not valid JSON: ${errorMessage(error)}`] };
  }
  const checked = checkRules(json);
  if (checked.ok) return checked;
  const count = checked.errors.length;
  return {
    ok: false,
    lines: [
      `rules file ${file} has ${count} problem${count === 1 ? '' : 's'}:`,
      ...checked.errors.map((e) => `  ${e.path}: ${e.message}`),
    ],
  };
}

function settingsPatch(o: ServeOptions): SettingsPatch | undefined {
  const patch: SettingsPatch = {};
  if (o.host !== null || o.port !== null) {
    patch.listener = { ...(o.host !== null ? { host: o.host } : {}), ...(o.port !== null ? { port: o.port } : {}) };
  }
  if (o.hold !== null) patch.hold = { mode: o.hold };
  if (o.upstream !== null) patch.upstream = { url: o.upstream };
  if (o.sdkAppId !== null || o.tencentToken !== null) {
    patch.tencent = {
      ...(o.sdkAppId !== null ? { sdkAppId: o.sdkAppId } : {}),
      ...(o.tencentToken !== null ? { token: o.tencentToken } : {}),
    };
  }
  return Object.keys(patch).length > 0 ? patch : undefined;
}

/** The hold mode is saved between runs: the banner says so, and what holding means for rules (product.md §2). */
function holdLine(mode: HoldMode, fromOption: boolean): string {
  const source = fromOption ? '--hold' : 'saved setting';
  if (mode === 'off') return `off (${source})`;
  const what = mode === 'before' ? 'before-callbacks' : 'all callbacks';
  return `${what} are held for a decision (${source}); answer rules still answer at once`;
}

/** `#12 openim callbackBeforeAddFriendCommand → allow (default) 3 ms` for --verbose. */
function verboseLine(event: EngineEvent): string | null {
  if (event.type !== 'capture.added' && event.type !== 'capture.updated') return null;
  const c = event.capture;
  const n = captureNumber(c);
  if (c.state === 'held') return event.type === 'capture.added' ? `#${n} ${c.dialect} ${c.command} held` : null;
  const verdict = c.response?.fault ?? c.decision?.verdict ?? c.state;
  const latency = c.latencyMs === null ? '' : ` ${c.latencyMs} ms`;
  return `#${n} ${c.dialect} ${c.command ?? '(unknown command)'} → ${verdict} (${c.decidedBy ?? '-'})${latency}`;
}

/**
 * Starts the engine for `serve` and prints the addresses. Resolves with a handle to stop it, or with the
 * exit code when it could not start. Signals and process exit are the caller's business.
 */
export async function runServe(options: ServeOptions, io: CliIo, env: ServeEnv): Promise<ServeResult> {
  let rules: Rule[] | undefined;
  if (options.rulesFile !== null) {
    const loaded = await loadRulesFile(options.rulesFile);
    if (!loaded.ok) {
      for (const line of loaded.lines) io.err(line);
      return { ok: false, exitCode: 2 };
    }
    rules = loaded.rules;
  }
  const dataDir = resolve(options.dataDir ?? defaultDataDir());
  const patch = settingsPatch(options);
  // Checked before the token file is touched (--new-token would rotate the running engine's token); the engine's own
  // lock at start is what really keeps a second engine out.
  const holder = lockHolder(dataDir);
  if (holder !== null) {
    io.err(`Error: could not start: ${new DataDirBusyError(dataDir, holder).message}`);
    return { ok: false, exitCode: 1 };
  }
  // Without --token the token lives in the data dir, so a page left open works again after a restart.
  let token = options.token;
  if (token === null) {
    try {
      token = (await dataDirToken(dataDir, options.newToken)).token;
    } catch (error) {
      // Not fatal: the engine still runs, only an open page will need the new address after a restart.
      io.err(`Warning: cannot keep the control token in ${dataDir} (${errorMessage(error)}); using one for this run.`);
    }
  }
  const engine = (env.createEngine ?? createEngine)({
    dataDir,
    ...(patch ? { settings: patch } : {}),
    ...(rules ? { rules } : {}),
    controlPort: options.controlPort,
    ...(token !== null ? { token } : {}),
    uiDir: options.ui ? env.uiDir : null,
    version: env.version,
    log: (line) => io.err(line),
  });
  try {
    await engine.start();
  } catch (error) {
    io.err(`Error: could not start: ${errorMessage(error)}`);
    await engine.stop().catch(() => undefined);
    return { ok: false, exitCode: 1 };
  }

  const status = engine.listenerStatus();
  const exposed = status.exposed ? '  (exposed to the network)' : '';
  io.out(`Callback Inspector ${env.version}`);
  io.out(`Listener: ${status.url}  (point OpenIM/Tencent callbacks here)${exposed}`);
  if (options.ui) io.out(`UI: ${engine.uiUrl()}`);
  io.out(`Control API: ${engine.controlUrl()}  (Authorization: Bearer ${engine.token})`);
  io.out(`Data dir: ${dataDir}`);
  for (const notice of engine.notices?.() ?? []) io.out(`Notice: ${notice}`);
  io.out(`Hold: ${holdLine(engine.getSettings().hold.mode, options.hold !== null)}`);
  const { upstream } = engine.getSettings();
  io.out(
    upstream.url === null
      ? 'Upstream: none (the inspector answers callbacks itself)'
      : `Upstream: ${upstream.url}  (callbacks are forwarded there and its answers relayed; on failure: ${upstream.onFailure})`,
  );
  if (status.state === 'error') {
    io.err(`Listener error: ${status.error ?? 'could not bind'}`);
    if (!options.ui) {
      // Headless without a UI nobody can fix the port: fail loudly (CI).
      await engine.stop();
      return { ok: false, exitCode: 1 };
    }
  }

  const unsubscribe = options.verbose
    ? engine.subscribe((event) => {
        const line = verboseLine(event);
        if (line) io.out(line);
      })
    : () => undefined;
  let stopping: Promise<void> | null = null;
  return {
    ok: true,
    engine,
    stop() {
      stopping ??= (async () => {
        unsubscribe();
        await engine.stop();
        io.out('Stopped.');
      })();
      return stopping;
    },
  };
}
