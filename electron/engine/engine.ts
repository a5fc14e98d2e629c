import { randomBytes } from 'node:crypto';
import type { Rule, SettingsPatch } from '../../shared/contract/index.js';
import { identify } from '../../shared/protocol/index.js';
import { type ControlServer, startControlServer } from './control/control-server.js';
import type { EngineApi } from './engine-api.js';
import { EngineCore, type EngineStats } from './engine-core.js';

export type { EngineStats } from './engine-core.js';
export { type RuleError, type ValidateRulesResult, validateRules } from './listener/rule-engine.js';

/** How to run an engine (the desktop shell, the CLI and the tests all come through here). */
export interface EngineOptions {
  /** Folder for settings.json, rules.json and captures.ndjson; null = in-memory only. */
  dataDir: string | null;
  /** Applied over the persisted settings (CLI flags); not written back until settings change. */
  settings?: SettingsPatch;
  /** When given, replaces the persisted rules for this run (CLI --rules); already validated. */
  rules?: Rule[];
  /** Control API host; default 127.0.0.1 (loopback only). */
  controlHost?: string;
  /** Control API port; default 10007; 0 = any free port. */
  controlPort?: number;
  /** Control API bearer token; random when absent. */
  token?: string;
  /** Built renderer served at `/`; null or absent = no UI. */
  uiDir?: string | null;
  version?: string;
  log?: (line: string) => void;
}

/** The engine: the EngineApi plus its lifecycle and addresses. */
export interface Engine extends EngineApi {
  readonly token: string;
  /** Binds the control API (rejects if that fails) and the listener (a failure shows in listenerStatus()). */
  start(): Promise<void>;
  /** Answers every held request with its fallback, flushes the capture log, closes sockets. Idempotent. */
  stop(): Promise<void>;
  controlUrl(): string;
  listenerUrl(): string;
  uiUrl(): string;
  stats(): EngineStats;
}

export function createEngine(options: EngineOptions): Engine {
  const log = options.log ?? (() => undefined);
  const version = options.version ?? '0.0.0';
  const token = options.token ?? randomBytes(24).toString('base64url');
  const controlHost = options.controlHost ?? '127.0.0.1';
  const core = new EngineCore({
    dataDir: options.dataDir,
    ...(options.settings ? { settings: options.settings } : {}),
    ...(options.rules ? { rules: options.rules } : {}),
    version,
    log,
  });
  let control: ControlServer | null = null;
  let started: Promise<void> | null = null;
  let stopped: Promise<void> | null = null;

  const start = async (): Promise<void> => {
    await core.load();
    control = await startControlServer(core, {
      host: controlHost,
      port: options.controlPort ?? 10007,
      token,
      uiDir: options.uiDir ?? null,
      version,
      log,
      identify,
    });
    await core.listen();
  };

  const stop = async (): Promise<void> => {
    await started?.catch(() => undefined);
    await core.close();
    await control?.close();
  };

  // The EngineApi methods are the core's own; bound so shells can pass them around.
  const api: EngineApi = core;
  return {
    get version() {
      return version;
    },
    token,
    listenerStatus: () => api.listenerStatus(),
    upstreamStatus: () => api.upstreamStatus(),
    persistenceStatus: () => api.persistenceStatus(),
    notices: () => core.notices(),
    listCaptures: (query) => api.listCaptures(query),
    getCapture: (id) => api.getCapture(id),
    clearCaptures: () => api.clearCaptures(),
    listFlows: (limit, q) => api.listFlows(limit, q),
    allCaptures: () => api.allCaptures(),
    importCaptures: (captures) => api.importCaptures(captures),
    decide: (id, decision, by) => api.decide(id, decision, by),
    getRules: () => api.getRules(),
    setRules: (rules) => api.setRules(rules),
    getSettings: () => api.getSettings(),
    updateSettings: (next) => api.updateSettings(next),
    send: (request) => api.send(request),
    sendToBackend: (input) => api.sendToBackend(input),
    replay: (request) => api.replay(request),
    subscribe: (listener) => api.subscribe(listener),
    stats: () => core.stats(),
    start: () => {
      started ??= start().catch(async (err: unknown) => {
        await core.close().catch(() => undefined);
        throw err;
      });
      return started;
    },
    stop: () => {
      stopped ??= stop();
      return stopped;
    },
    controlUrl: () => control?.url ?? `http://${controlHost}:${options.controlPort ?? 10007}`,
    listenerUrl: () => core.listenerStatus().url,
    uiUrl: () => `${control?.url ?? `http://${controlHost}:${options.controlPort ?? 10007}`}/?token=${token}`,
  };
}
