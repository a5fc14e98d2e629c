import { mkdir } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import {
  type Capture,
  type CaptureListResponse,
  type CaptureQuery,
  DEFAULT_SETTINGS,
  type Decision,
  type Flow,
  type ImportResponse,
  type ListenerStatus,
  type PersistenceStatus,
  type ReplayReport,
  type ReplayRequest,
  type Rule,
  type RuleWithStats,
  type Settings,
  type SettingsPatch,
  type UpstreamStatus,
} from '../../shared/contract/index.js';
import type { DecideResult, EngineApi, ImportSession, PlayRequest, PlayResult, ResendRequest } from './engine-api.js';
import { EngineCaptures } from './engine-captures.js';
import { EngineRules, EngineSettings } from './engine-config.js';
import { EngineEvents, type EventListener } from './engine-events.js';
import { CallbackHandler } from './listener/callback-handler.js';
import { Listener } from './listener/listener.js';
import type { Pending } from './listener/pending.js';
import type { RawRequest } from './listener/request-input.js';
import { ExchangeAgents } from './outbound/http-exchange.js';
import { playCallback, resolvePlay } from './outbound/play-server.js';
import { replayCaptures, replayOptions } from './outbound/replay.js';
import { resend } from './outbound/resend.js';
import { lockDataDir } from './store/data-dir-lock.js';
import { Upstream } from './upstream/upstream-relay.js';

export interface EngineCoreOptions {
  dataDir: string | null;
  settings?: SettingsPatch;
  rules?: Rule[];
  version: string;
  log: (line: string) => void;
}

export interface EngineStats {
  captures: number;
  /** Captures dropped from memory because the store limit (count or bytes) was reached. */
  dropped: number;
  /** Bytes of bodies the store holds (counted toward `capture.maxStoreBytes`). */
  storeBytes: number;
  held: number;
}

/**
 * Everything of the engine except the control API: settings, rules, captures, persistence and the listener.
 * `load()` then `listen()` to start, `close()` to stop.
 */
export class EngineCore implements EngineApi {
  readonly version: string;
  private readonly settings: EngineSettings;
  private readonly rules: EngineRules;
  private readonly events: EngineEvents;
  private readonly captures: EngineCaptures;
  private readonly handler: CallbackHandler;
  private readonly listener: Listener;
  private rebinding: Promise<void> = Promise.resolve();
  /** Keep-alive connections to app backends (upstream mode) and to the own listener (v1 resend). */
  private readonly agents = new ExchangeAgents();
  private readonly upstream: Upstream<Pending>;
  private startNotices: string[] = [];
  /** The control API's port once it is bound (set by the running engine). */
  protected controlPort: number | null = null;
  /** Releases the data dir's lock (taken by `load`). */
  private unlock: () => void = () => undefined;

  constructor(private readonly opts: EngineCoreOptions) {
    this.version = opts.version;
    this.events = new EngineEvents(opts.log);
    const dir = opts.dataDir;
    this.settings = new EngineSettings(dir, opts.log);
    this.rules = new EngineRules(dir, opts.log, (event) => this.events.emit(event));
    const limit = (): Settings['capture'] => this.settings.loaded()?.capture ?? DEFAULT_SETTINGS.capture;
    this.captures = new EngineCaptures(
      this.events,
      dir === null ? null : join(dir, 'captures.ndjson'),
      opts.log,
      limit,
      () => this.currentSettings(),
    );
    const settings = (): Settings => this.currentSettings();
    this.upstream = new Upstream(
      this.agents,
      settings,
      (status) => this.events.emit({ type: 'upstream.status', status }),
      // A backend at one of these on this machine is this engine: forwarding there would loop (upstream-loop).
      () => [this.listener.status().port, ...(this.controlPort === null ? [] : [this.controlPort])],
    );
    this.handler = new CallbackHandler({
      settings,
      rules: this.rules.engine,
      nextSeq: () => this.captures.nextSeq(),
      idFor: this.captures.idFor,
      captures: this.captures,
      rulesUsed: () => this.rules.used(),
      log: opts.log,
      upstream: this.upstream,
    });
    this.listener = new Listener({
      maxBodyBytes: () => this.currentSettings().capture.maxBodyBytes,
      onRequest: (raw, res) => this.handle(raw, res),
      // Refused by the HTTP layer after its request line and already answered: recorded as failed, never decided.
      onRefused: (raw, response, refusal) => this.captures.recordRefused(raw, response, refusal),
      statusBody: (local) => ({
        name: 'Callback Inspector',
        version: this.version,
        message: 'Listening for OpenIM and Tencent Cloud Chat callbacks: POST them to any path here.',
        ...(local ? { captures: this.captures.memory.size } : {}),
      }),
      log: opts.log,
    });
  }

  /** Reads settings, rules and the capture log from the data dir (rejects on invalid option settings). */
  async load(): Promise<void> {
    const { dataDir, log } = this.opts;
    if (dataDir !== null) {
      await mkdir(dataDir, { recursive: true });
      // One engine per data dir: two would cut each other's log lines (product.md §4 v3). Throws when taken.
      this.unlock = lockDataDir(dataDir);
    }
    const notices = await this.settings.load(this.opts.settings);
    const settings = this.settings.get();
    this.startNotices = [...notices, ...(await this.rules.load(this.opts.rules))];
    this.upstream.setUrl(settings.upstream.url);
    await this.captures.load(settings.capture, log);
  }

  /** Binds the listener; a failure is reported in the status (and an event), never thrown. */
  async listen(): Promise<ListenerStatus> {
    const { host, port } = this.currentSettings().listener;
    const status = await this.listener.bind(host, port);
    this.events.emit({ type: 'listener.status', status });
    return status;
  }

  /** Answers every held request with its fallback, flushes the log and closes the listener. */
  async close(): Promise<void> {
    this.handler.stop();
    await this.listener.close();
    this.events.emit({ type: 'listener.status', status: this.listener.status() });
    this.agents.destroy();
    await Promise.all([this.captures.close(), this.settings.flush(), this.rules.close()]);
    this.unlock();
  }

  /**
   * One callback request, read by the listener (or made by the in-process bench): decided, answered on `res`,
   * captured. The answer of a request decided at once is written at the end of the current event-loop turn.
   */
  handle(raw: RawRequest, res: ServerResponse): void {
    this.handler.handle(raw, res);
  }

  stats(): EngineStats {
    const { memory } = this.captures;
    return {
      captures: memory.size,
      dropped: memory.dropped,
      storeBytes: memory.bytes,
      held: this.handler.holds.size,
    };
  }

  listenerStatus(): ListenerStatus {
    return this.listener.status();
  }

  upstreamStatus(): UpstreamStatus {
    return this.upstream.status();
  }

  persistenceStatus(): PersistenceStatus {
    return this.captures.persistenceStatus();
  }

  notices(): string[] {
    return [...this.startNotices];
  }

  listCaptures(query: CaptureQuery): CaptureListResponse {
    return this.captures.memory.list(query);
  }

  getCapture(id: string): Capture | undefined {
    return this.captures.memory.get(id);
  }

  clearCaptures(): void {
    // Held requests are live: they stay, and are announced again after the clear.
    this.captures.clear((id) => this.handler.holds.has(id));
  }

  allCaptures(): Capture[] {
    return this.captures.memory.all();
  }

  /** v3 flows, latest activity first (product.md §4 `GET /api/flows`). */
  listFlows(limit: number, q?: string): Flow[] {
    return this.captures.flows.list(limit, q);
  }

  importCaptures(captures: Capture[], session?: ImportSession): ImportResponse {
    return this.captures.importCaptures(captures, session);
  }

  decide(id: string, decision: Decision, by: 'person' | 'api'): DecideResult {
    const capture = this.handler.decide(id, decision, by);
    if (capture) return { ok: true, capture };
    return { ok: false, reason: this.captures.memory.has(id) ? 'not-held' : 'not-found' };
  }

  getRules(): RuleWithStats[] {
    return this.rules.withStats();
  }

  /** Saved first: when the file cannot be written it rejects (PersistError) and the rules stay as they were. */
  setRules(rules: Rule[]): Promise<void> {
    return this.rules.set(rules);
  }

  getSettings(): Settings {
    return this.currentSettings();
  }

  updateSettings(next: Settings): Promise<void> {
    const applied = this.rebinding.then(() => this.applySettings(next));
    // One change that could not be saved must not block the ones after it.
    this.rebinding = applied.catch(() => undefined);
    return applied;
  }

  resend(request: ResendRequest): void {
    resend(this.listener.status(), request, this.agents, this.opts.log);
  }

  async playServer(input: PlayRequest): Promise<PlayResult<Capture>> {
    const resolved = resolvePlay(input, this.currentSettings());
    if (!resolved.ok) return resolved;
    return { ok: true, value: this.captures.recordPlayed(await playCallback(resolved.play)) };
  }

  async replay(request: ReplayRequest): Promise<PlayResult<ReplayReport>> {
    const picked = this.captures.pick(request.ids);
    if (!picked.ok) return picked;
    const options = replayOptions(request, this.currentSettings(), (capture) => this.captures.recordPlayed(capture).id);
    return { ok: true, value: await replayCaptures(picked.value, options) };
  }

  subscribe(listener: EventListener): () => void {
    return this.events.subscribe(listener);
  }

  /**
   * Saved first: when settings.json cannot be written it rejects (PersistError) and nothing changes (no re-bind).
   * A listener that cannot move keeps its address, and the file is written again to say so.
   */
  private async applySettings(next: Settings): Promise<void> {
    const prev = this.currentSettings();
    await this.settings.save(prev, next);
    let applied = next;
    const moved = prev.listener.host !== next.listener.host || prev.listener.port !== next.listener.port;
    if (moved) {
      const before = this.listener.status();
      const status = await this.listener.bind(next.listener.host, next.listener.port);
      // Could not move, but the old listener still runs: the settings keep saying where it really is.
      if (status.error !== undefined && before.state === 'listening') applied = { ...next, listener: prev.listener };
      this.events.emit({ type: 'listener.status', status });
    }
    this.captures.memory.setLimit(applied.capture.limit, applied.capture.maxStoreBytes);
    this.upstream.setUrl(applied.upstream.url);
    this.captures.flows.settingsChanged(prev, applied);
    await this.settings.apply(prev, applied, next);
    this.events.emit({ type: 'settings.changed', settings: applied });
  }

  private currentSettings(): Settings {
    return this.settings.get();
  }
}
