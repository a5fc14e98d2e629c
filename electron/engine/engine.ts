import { randomBytes } from 'node:crypto';
import type { Rule, SettingsPatch } from '../../shared/contract/index.js';
import { identify } from '../../shared/protocol/index.js';
import { serverUrl } from './addresses.js';
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

/** The core (every EngineApi method is its own) plus the control API and a start/stop that run once. */
class RunningEngine extends EngineCore implements Engine {
  readonly token: string;
  private readonly controlHost: string;
  private control: ControlServer | null = null;
  private started: Promise<void> | null = null;
  private stopped: Promise<void> | null = null;

  constructor(private readonly options: EngineOptions) {
    const log = options.log ?? (() => undefined);
    super({
      dataDir: options.dataDir,
      ...(options.settings ? { settings: options.settings } : {}),
      ...(options.rules ? { rules: options.rules } : {}),
      version: options.version ?? '0.0.0',
      log,
    });
    this.token = options.token ?? randomBytes(24).toString('base64url');
    this.controlHost = options.controlHost ?? '127.0.0.1';
  }

  start(): Promise<void> {
    this.started ??= this.startOnce().catch(async (err: unknown) => {
      await this.close().catch(() => undefined);
      throw err;
    });
    return this.started;
  }

  stop(): Promise<void> {
    this.stopped ??= (async () => {
      await this.started?.catch(() => undefined);
      await this.close();
      await this.control?.close();
    })();
    return this.stopped;
  }

  controlUrl(): string {
    return this.control?.url ?? serverUrl(this.controlHost, this.options.controlPort ?? 10007);
  }

  listenerUrl(): string {
    return this.listenerStatus().url;
  }

  uiUrl(): string {
    return `${this.controlUrl()}/?token=${this.token}`;
  }

  private async startOnce(): Promise<void> {
    await this.load();
    this.control = await startControlServer(this, {
      host: this.controlHost,
      port: this.options.controlPort ?? 10007,
      token: this.token,
      uiDir: this.options.uiDir ?? null,
      version: this.version,
      log: this.options.log ?? (() => undefined),
      identify,
    });
    this.controlPort = Number(new URL(this.control.url).port);
    await this.listen();
  }
}

export function createEngine(options: EngineOptions): Engine {
  return new RunningEngine(options);
}
