import { mkdir } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import type {
  Capture,
  CaptureListResponse,
  CaptureQuery,
  CaptureSummaryText,
  Decision,
  EngineEvent,
  Flow,
  ImportResponse,
  ListenerStatus,
  PersistenceStatus,
  ReplayReport,
  ReplayRequest,
  Rule,
  RuleWithStats,
  SendRequest,
  SendToBackend,
  Settings,
  SettingsPatch,
  UpstreamStatus,
} from '../../shared/contract/index.js';
import type { DecideResult, EngineApi, EventListener, PlayResult } from './engine-api.js';
import { carryChanges, loadRules, loadSettings } from './engine-load.js';
import { FlowTracker } from './flows/flow-tracker.js';
import { CallbackHandler } from './listener/callback-handler.js';
import { captureIds, refusedCapture } from './listener/capture-factory.js';
import { Listener, type RawRequest } from './listener/listener.js';
import { RuleEngine } from './listener/rule-engine.js';
import { ExchangeAgents } from './outbound/http-exchange.js';
import { resolveSend, sendToBackend } from './outbound/play-server.js';
import { replayCaptures } from './outbound/replay.js';
import { resend } from './outbound/resend.js';
import { captureJson } from './store/capture-json.js';
import { summaryText } from './store/capture-line.js';
import { CaptureLog } from './store/capture-log.js';
import { CaptureStore, toSummary } from './store/capture-store.js';
import { lockDataDir } from './store/data-dir-lock.js';
import { JsonFileStore } from './store/persistence.js';
import { UpstreamMonitor } from './upstream-monitor.js';

/** What an engine without a data dir reports: nothing to save, nothing lost. */
const IN_MEMORY: PersistenceStatus = Object.freeze({ ok: true, unsaved: 0, dropped: 0, skippedLines: 0 });

export interface EngineCoreOptions {
  dataDir: string | null;
  settings?: SettingsPatch;
  rules?: Rule[];
  version: string;
  log: (line: string) => void;
}

export interface EngineStats {
  captures: number;
  /** Captures dropped from memory because the store limit was reached. */
  dropped: number;
  held: number;
}

/**
 * The log is rewritten from the store (on start, and in the background while running) once it holds more than this
 * many lines per capture the store may keep: the file stays bounded however long the engine runs.
 */
const COMPACT_FACTOR = 2;
/** Below this many lines the log is never compacted (not worth a rewrite). */
const COMPACT_MIN_LINES = 1_000;
const RULES_EVENT_MS = 100;

/**
 * Everything of the engine except the control API: settings, rules, captures, persistence and the listener.
 * `load()` then `listen()` to start, `close()` to stop.
 */
export class EngineCore implements EngineApi {
  readonly version: string;
  private settings: Settings | null = null;
  /** The settings as saved in the data dir, without this run's option overrides. */
  private savedSettings: Settings | null = null;
  private readonly rules = new RuleEngine();
  private store: CaptureStore;
  private seq = 0;
  private readonly listeners = new Set<EventListener>();
  private readonly settingsFile: JsonFileStore | null;
  private readonly rulesFile: JsonFileStore | null;
  private readonly log: CaptureLog | null;
  private readonly handler: CallbackHandler;
  private readonly listener: Listener;
  private rulesTimer: NodeJS.Timeout | null = null;
  private rebinding: Promise<void> = Promise.resolve();
  private readonly idFor = captureIds();
  /** Keep-alive connections to app backends (upstream mode). */
  private readonly agents = new ExchangeAgents();
  private readonly upstream = new UpstreamMonitor((status) => this.emit({ type: 'upstream.status', status }));
  private startNotices: string[] = [];
  private readonly flows = new FlowTracker({
    settings: () => this.currentSettings(),
    emit: (event) => this.emit(event),
    limit: () => this.settings?.capture.limit ?? 50_000,
  });
  /** Releases the data dir's lock (taken by `load`). */
  private unlock: () => void = () => undefined;

  constructor(private readonly opts: EngineCoreOptions) {
    this.version = opts.version;
    this.store = new CaptureStore(50_000, this.idFor);
    const dir = opts.dataDir;
    this.settingsFile = dir === null ? null : new JsonFileStore(join(dir, 'settings.json'), opts.log);
    this.rulesFile = dir === null ? null : new JsonFileStore(join(dir, 'rules.json'), opts.log);
    this.log =
      dir === null
        ? null
        : new CaptureLog(join(dir, 'captures.ndjson'), {
            log: opts.log,
            onStatus: (status) => this.emit({ type: 'persistence.status', status }),
            snapshot: () => this.store.snapshotLines(),
            compactAt: () => Math.max(COMPACT_MIN_LINES, COMPACT_FACTOR * (this.settings?.capture.limit ?? 50_000)),
          });
    this.handler = new CallbackHandler({
      settings: () => this.currentSettings(),
      rules: this.rules,
      nextSeq: () => ++this.seq,
      idFor: this.idFor,
      commit: (capture, text, isNew, final, body) => this.commit(capture, text, isNew, final, body),
      rulesUsed: () => this.scheduleRulesEvent(),
      log: opts.log,
      agents: this.agents,
      upstreamSeen: (reply) => this.upstream.seen(reply),
    });
    this.listener = new Listener({
      maxBodyBytes: () => this.currentSettings().capture.maxBodyBytes,
      onRequest: (raw, res) => this.handle(raw, res),
      // Refused by the HTTP layer after its request line and already answered: recorded as failed, never decided.
      onRefused: (raw, response, refusal) => {
        const seq = ++this.seq;
        const { capture, text } = refusedCapture(raw, seq, this.idFor(seq), response, refusal);
        this.commit(capture, text, true, true);
      },
      statusBody: (local) => ({
        name: 'Callback Inspector',
        version: this.version,
        message: 'Listening for OpenIM and Tencent Cloud Chat callbacks: POST them to any path here.',
        ...(local ? { captures: this.store.size } : {}),
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
    const { saved, effective: settings, notices } = await loadSettings(this.settingsFile, this.opts.settings, log);
    this.settings = settings;
    this.savedSettings = saved;
    const rules = await loadRules(this.rulesFile, this.opts.rules, log);
    this.rules.setRules(rules.rules);
    this.startNotices = [...notices, ...rules.notices];
    this.store = new CaptureStore(settings.capture.limit, this.idFor);
    this.upstream.setUrl(settings.upstream.url);
    if (!this.log) return;
    const store = this.store;
    const { kept, lastSeq, lines, skipped } = await this.log.load(settings.capture.limit, (head, line) =>
      store.addLine(head, line),
    );
    this.seq = lastSeq;
    // Superseded or corrupt lines: rewritten from the store now (a corrupt line is then reported once, not forever).
    if ((lines > COMPACT_FACTOR * Math.max(kept, 1) && lines > 100) || skipped > 0) {
      log(`compacting ${this.log.path}: ${lines} lines → ${kept}`);
      await this.log.compact();
    }
    // Flows are derived, not stored: rebuilt from the captures kept (oldest first, as they arrived).
    for (const capture of store.all()) this.flows.add(capture);
  }

  /** Binds the listener; a failure is reported in the status (and an event), never thrown. */
  async listen(): Promise<ListenerStatus> {
    const { host, port } = this.currentSettings().listener;
    const status = await this.listener.bind(host, port);
    this.emit({ type: 'listener.status', status });
    return status;
  }

  /** Answers every held request with its fallback, flushes the log and closes the listener. */
  async close(): Promise<void> {
    this.handler.stop();
    await this.listener.close();
    this.emit({ type: 'listener.status', status: this.listener.status() });
    if (this.rulesTimer) clearTimeout(this.rulesTimer);
    this.flows.close();
    this.agents.destroy();
    await Promise.all([this.log?.close(), this.settingsFile?.flush(), this.rulesFile?.flush()]);
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
    return { captures: this.store.size, dropped: this.store.dropped, held: this.handler.holds.size };
  }

  listenerStatus(): ListenerStatus {
    return this.listener.status();
  }

  upstreamStatus(): UpstreamStatus {
    return this.upstream.status();
  }

  persistenceStatus(): PersistenceStatus {
    return this.log?.status() ?? IN_MEMORY;
  }

  notices(): string[] {
    return [...this.startNotices];
  }

  listCaptures(query: CaptureQuery): CaptureListResponse {
    return this.store.list(query);
  }

  getCapture(id: string): Capture | undefined {
    return this.store.get(id);
  }

  clearCaptures(): void {
    // Held requests are live: they stay, and are announced again after the clear.
    this.store.clear((capture) => this.handler.holds.has(capture.id));
    void this.log?.clear();
    this.emit({ type: 'captures.cleared' });
    this.flows.clear();
    for (const capture of this.store.all()) {
      const summary = this.store.summaryOf(capture.id);
      if (summary) this.emit({ type: 'capture.added', capture: summary });
    }
  }

  /** v3 flows, latest activity first (product.md §4 `GET /api/flows`). */
  listFlows(limit: number, q?: string): Flow[] {
    return this.flows.list(limit, q);
  }

  allCaptures(): Capture[] {
    return this.store.all();
  }

  /**
   * Adds exported captures. Each keeps its id, so importing the same session again (or a session whose captures
   * are still here) adds nothing twice: a capture whose id is already stored counts as a duplicate.
   */
  importCaptures(captures: Capture[]): ImportResponse {
    const known = this.store.ids();
    let imported = 0;
    let skipped = 0;
    let duplicates = 0;
    for (const source of captures) {
      if (typeof source?.request?.bodyText !== 'string') {
        skipped += 1;
        continue;
      }
      if (known.has(source.id)) {
        duplicates += 1;
        continue;
      }
      known.add(source.id);
      const capture: Capture = {
        ...source,
        seq: ++this.seq,
        imported: true,
        // Nothing waits on an imported request: a capture held when exported is shown as failed.
        state: source.state === 'held' ? 'failed' : source.state,
      };
      this.commit(capture, summaryText(capture), true, true);
      imported += 1;
    }
    return { imported, skipped, duplicates };
  }

  decide(id: string, decision: Decision, by: 'person' | 'api'): DecideResult {
    const capture = this.handler.decide(id, decision, by);
    if (capture) return { ok: true, capture };
    return { ok: false, reason: this.store.has(id) ? 'not-held' : 'not-found' };
  }

  getRules(): RuleWithStats[] {
    return this.rules.withStats();
  }

  /** Saved first: when the file cannot be written it rejects (PersistError) and the rules stay as they were. */
  async setRules(rules: Rule[]): Promise<void> {
    await this.rulesFile?.write(rules);
    this.rules.setRules(rules);
    this.emit({ type: 'rules.changed', rules: this.rules.withStats() });
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

  send(request: SendRequest): void {
    resend(this.listener.status(), request, this.agents, this.opts.log);
  }

  async sendToBackend(input: SendToBackend): Promise<PlayResult<Capture>> {
    const resolved = resolveSend(input, this.currentSettings());
    if (!resolved.ok) return resolved;
    return { ok: true, value: this.storeSent(await sendToBackend(resolved.send)) };
  }

  async replay(request: ReplayRequest): Promise<PlayResult<ReplayReport>> {
    let captures: Capture[];
    if (request.ids) {
      captures = [];
      for (const id of request.ids) {
        const capture = this.store.get(id);
        if (!capture) return { ok: false, message: `no capture with id ${id}` };
        captures.push(capture);
      }
    } else {
      captures = this.store.all().filter((c) => c.imported === true);
    }
    const settings = this.currentSettings();
    const report = await replayCaptures(captures, {
      to: request.to,
      profiles: {
        openim: request.profiles?.openim ?? settings.profiles.openim,
        tencent: request.profiles?.tencent ?? settings.profiles.tencent,
      },
      openimTimeoutMs: settings.hold.openimTimeoutMs,
      token: request.tencentToken !== undefined ? request.tencentToken : settings.tencent.token,
      sdkAppId: settings.tencent.sdkAppId,
      // One at a time by default: the recorded order matters to a backend that keeps state (add, then delete).
      concurrency: request.concurrency ?? 1,
      onSent: (capture) => this.storeSent(capture).id,
    });
    return { ok: true, value: report };
  }

  /** Gives a played exchange its id and seq and stores it like any finished capture. */
  private storeSent(played: Capture): Capture {
    const seq = ++this.seq;
    const capture: Capture = { ...played, id: this.idFor(seq), seq };
    this.commit(capture, summaryText(capture), true, true);
    return capture;
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Saved first: when settings.json cannot be written it rejects (PersistError) and nothing changes (no re-bind).
   * A listener that cannot move keeps its address, and the file is written again to say so.
   */
  private async applySettings(next: Settings): Promise<void> {
    const prev = this.currentSettings();
    const saved = carryChanges(this.savedSettings ?? next, prev, next);
    await this.settingsFile?.write(saved);
    let applied = next;
    const moved = prev.listener.host !== next.listener.host || prev.listener.port !== next.listener.port;
    if (moved) {
      const before = this.listener.status();
      const status = await this.listener.bind(next.listener.host, next.listener.port);
      // Could not move, but the old listener still runs: the settings keep saying where it really is.
      if (status.error !== undefined && before.state === 'listening') applied = { ...next, listener: prev.listener };
      this.emit({ type: 'listener.status', status });
    }
    this.settings = applied;
    this.store.setLimit(applied.capture.limit);
    this.upstream.setUrl(applied.upstream.url);
    this.flows.settingsChanged(prev, applied);
    this.savedSettings = carryChanges(this.savedSettings ?? applied, prev, applied);
    if (applied !== next) await this.settingsFile?.write(this.savedSettings).catch(() => undefined); // logged by the store
    this.emit({ type: 'settings.changed', settings: applied });
  }

  private currentSettings(): Settings {
    if (!this.settings) throw new Error('engine not started: call start() first');
    return this.settings;
  }

  /** `body`: the parsed request body when the caller has it (the listener's capture carries only the text). */
  private commit(capture: Capture, text: CaptureSummaryText, isNew: boolean, final: boolean, body?: unknown): void {
    const stored = isNew || this.store.updated(capture);
    // Summaries are built only when someone listens (the hot path with no UI attached stays lean).
    const event =
      stored && this.listeners.size > 0
        ? { type: isNew ? ('capture.added' as const) : ('capture.updated' as const), capture: toSummary(capture, text) }
        : null;
    if (!final) {
      if (isNew) this.store.add(capture, text);
      if (event) this.emit(event);
      return;
    }
    try {
      this.flows.add(capture, body);
    } catch (err) {
      // Flows are derived: a failure there must never cost the capture its place in the store and the log.
      this.opts.log(`flows: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    }
    // The log line and the event's JSON come from one serialisation (see captureJson).
    const line = captureJson(capture, text, event);
    // A capture answered at once goes into the store finished, as its line only.
    const bytes = isNew ? this.store.addLine(capture, line) : this.store.finish(capture, line);
    if (event) this.emit(event);
    if (bytes) this.log?.appendBytes(bytes);
    else this.log?.append(line);
  }

  /** Rule counters change on every matching request: one rules.changed per 100 ms at most. */
  private scheduleRulesEvent(): void {
    if (this.rulesTimer !== null) return;
    this.rulesTimer = setTimeout(() => {
      this.rulesTimer = null;
      this.emit({ type: 'rules.changed', rules: this.rules.withStats() });
    }, RULES_EVENT_MS);
    this.rulesTimer.unref();
  }

  private emit(event: EngineEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (err) {
        this.opts.log(`event listener failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }
}
