import {
  type Capture,
  type CaptureResponse,
  type CaptureSummaryText,
  captureNumber,
  type EngineEvent,
  type ImportResponse,
  type PersistenceStatus,
  type Settings,
} from '../../shared/contract/index.js';
import type { ImportSession, PlayResult } from './engine-api.js';
import type { EngineEvents } from './engine-events.js';
import { FlowTracker } from './flows/flow-tracker.js';
import { captureIds, refusedCapture } from './listener/capture-factory.js';
import type { CaptureSteps } from './listener/pending.js';
import type { BadInput, RawRequest } from './listener/request-input.js';
import { boundBodies } from './store/body-limit.js';
import { captureJson } from './store/capture-json.js';
import { summaryText } from './store/capture-line.js';
import { CaptureLog } from './store/capture-log.js';
import { CaptureStore } from './store/capture-store.js';
import { toSummary } from './store/capture-summary.js';

/** What an engine without a data dir reports: nothing to save, nothing lost. */
const IN_MEMORY: PersistenceStatus = Object.freeze({ ok: true, unsaved: 0, dropped: 0, skippedLines: 0 });

/**
 * The log is rewritten from the store (on start, and in the background while running) once it holds more than this
 * many lines per capture the store may keep: the file stays bounded however long the engine runs.
 */
const COMPACT_FACTOR = 2;
/** Below this many lines the log is never compacted (not worth a rewrite). */
const COMPACT_MIN_LINES = 1_000;

/**
 * Every capture's way in — from the listener, refused by the HTTP layer, imported, or played against a backend:
 * its seq and id, the store, the log line and the event, in one serialisation (see captureJson).
 */
export class EngineCaptures implements CaptureSteps {
  /** The captures in memory (replaced by `load`). */
  memory: CaptureStore;
  private seq = 0;
  readonly idFor = captureIds();

  private readonly log: CaptureLog | null;
  /** v3 flows: derived from every capture that reaches its final state. */
  readonly flows: FlowTracker;

  /**
   * `path`: the capture log (null: in memory only); `limits()`: the capture settings (how many captures and how many
   * bytes of bodies the store keeps, how large one stored body may be).
   */
  constructor(
    private readonly events: EngineEvents,
    path: string | null,
    private readonly say: (line: string) => void,
    private readonly limits: () => Settings['capture'],
    settings: () => Settings,
  ) {
    const { limit, maxStoreBytes } = limits();
    this.memory = new CaptureStore(limit, this.idFor, maxStoreBytes);
    this.flows = new FlowTracker({ settings, emit: (event) => this.events.emit(event), limit: () => limits().limit });
    this.log =
      path === null
        ? null
        : new CaptureLog(path, {
            log: say,
            onStatus: (status) => this.events.emit({ type: 'persistence.status', status }),
            snapshot: () => this.memory.snapshotLines(),
            compactAt: () => Math.max(COMPACT_MIN_LINES, COMPACT_FACTOR * limits().limit),
            // product.md §4 v3: the log compacts past twice capture.maxStoreBytes too.
            compactAtBytes: () => COMPACT_FACTOR * limits().maxStoreBytes,
          });
  }

  /** Flushes the log. */
  async close(): Promise<void> {
    this.flows.close();
    await this.log?.close();
  }

  nextSeq(): number {
    return ++this.seq;
  }

  persistenceStatus(): PersistenceStatus {
    return this.log?.status() ?? IN_MEMORY;
  }

  /**
   * A fresh store of `limit` captures and `maxStoreBytes` bytes, filled from the log (compacted when mostly
   * superseded or corrupt lines).
   */
  async load({ limit, maxStoreBytes }: Settings['capture'], say: (line: string) => void): Promise<void> {
    const memory = new CaptureStore(limit, this.idFor, maxStoreBytes);
    this.memory = memory;
    if (!this.log) return;
    const { kept, lastSeq, lines, skipped } = await this.log.load(limit, (head, line) => memory.addLine(head, line));
    this.seq = lastSeq;
    // Superseded or corrupt lines: rewritten from the store now (a corrupt line is then reported once, not forever).
    // The store may hold fewer than `kept`: past `maxStoreBytes` the oldest went.
    const stored = Math.min(kept, memory.size);
    if ((lines > COMPACT_FACTOR * Math.max(stored, 1) && lines > 100) || skipped > 0) {
      say(`compacting ${this.log.path}: ${lines} lines → ${stored}`);
      await this.log.compact();
    }
    // Flows are derived, not stored: rebuilt from the captures kept (oldest first, as they arrived).
    for (const capture of memory.all()) this.flowsOf(capture);
  }

  /** Flows are derived: a failure there must never cost a capture its place in the store and the log. */
  private flowsOf(capture: Capture, body?: unknown): void {
    try {
      this.flows.add(capture, body);
    } catch (err) {
      this.say(`flows: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    }
  }

  /** One stored body is at most capture.maxBodyBytes (product.md §4 v3): in memory, in the log and in events. */
  private bounded(capture: Capture): Capture {
    return boundBodies(capture, this.limits().maxBodyBytes);
  }

  store(whole: Capture, text: CaptureSummaryText): void {
    const capture = this.bounded(whole);
    this.memory.add(capture, text);
    if (this.events.listened) this.events.emit({ type: 'capture.added', capture: toSummary(capture, text) });
  }

  update(whole: Capture, text: CaptureSummaryText): void {
    const capture = this.bounded(whole);
    if (this.memory.updated(capture) && this.events.listened) {
      this.events.emit({ type: 'capture.updated', capture: toSummary(capture, text) });
    }
  }

  finish(whole: Capture, text: CaptureSummaryText, body?: unknown): void {
    const capture = this.bounded(whole);
    this.flowsOf(capture, body);
    const event =
      this.memory.updated(capture) && this.events.listened
        ? { type: 'capture.updated' as const, capture: toSummary(capture, text) }
        : null;
    // The log line and the event's JSON come from one serialisation (see captureJson).
    const line = captureJson(capture, text, event);
    this.written(this.memory.finish(capture, line), line, event);
  }

  record(whole: Capture, text: CaptureSummaryText, body?: unknown): void {
    const capture = this.bounded(whole);
    this.flowsOf(capture, body);
    const event = this.events.listened ? { type: 'capture.added' as const, capture: toSummary(capture, text) } : null;
    const line = captureJson(capture, text, event);
    // A capture answered at once goes into the store finished, as its line only.
    this.written(this.memory.addLine(capture, line), line, event);
  }

  /** The captures with these ids (missing one: why), or without ids the imported ones: what a replay re-sends. */
  pick(ids: string[] | undefined): PlayResult<Capture[]> {
    if (!ids) return { ok: true, value: this.memory.all().filter((c) => c.imported === true) };
    const picked: Capture[] = [];
    for (const id of ids) {
      const capture = this.memory.get(id);
      if (!capture) return { ok: false, message: `no capture with id ${id}` };
      picked.push(capture);
    }
    return { ok: true, value: picked };
  }

  /** The failed capture of a request the HTTP layer refused (already answered with `response`). */
  recordRefused(raw: RawRequest, response: CaptureResponse, refusal: BadInput): void {
    const seq = this.nextSeq();
    const { capture, text } = refusedCapture(raw, seq, this.idFor(seq), response, refusal);
    this.record(capture, text);
  }

  /** Gives a played exchange (send, replay) its id and seq and records it like any finished capture. */
  recordPlayed(played: Capture): Capture {
    const seq = this.nextSeq();
    const capture: Capture = { ...played, id: this.idFor(seq), seq };
    this.record(capture, summaryText(capture));
    return capture;
  }

  /**
   * Adds exported captures. Each keeps its id, so importing the same session again (or a session whose captures
   * are still here) adds nothing twice: a capture whose id is already stored counts as a duplicate.
   */
  importCaptures(captures: Capture[], session: ImportSession = {}): ImportResponse {
    // Gathered once per import (a scan of the store), not once per batch.
    session.known ??= this.memory.ids();
    const known = session.known;
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
      const seq = this.nextSeq();
      // The number it was recorded under stays its number (issue 23); seq is only this store's order.
      const recorded = captureNumber(source);
      const { recordedSeq: _, ...rest } = source;
      const capture: Capture = {
        ...rest,
        seq,
        ...(recorded > 0 && recorded !== seq ? { recordedSeq: recorded } : {}),
        imported: true,
        // Nothing waits on an imported request: a capture held when exported is shown as failed.
        state: source.state === 'held' ? 'failed' : source.state,
      };
      this.record(capture, summaryText(capture));
      imported += 1;
    }
    return { imported, skipped, duplicates };
  }

  /** Clears the store and the log but keeps (and announces again) the captures `live` says are still live. */
  clear(live: (id: string) => boolean): void {
    this.memory.clear((capture) => live(capture.id));
    void this.log?.clear();
    this.events.emit({ type: 'captures.cleared' });
    this.flows.clear();
    for (const capture of this.memory.all()) {
      const summary = this.memory.summaryOf(capture.id);
      if (summary) this.events.emit({ type: 'capture.added', capture: summary });
    }
  }

  private written(bytes: ReturnType<CaptureStore['addLine']> | null, line: string, event: EngineEvent | null): void {
    if (event) this.events.emit(event);
    if (bytes) this.log?.appendBytes(bytes);
    else this.log?.append(line);
  }
}
