import type {
  Capture,
  CaptureListResponse,
  CaptureQuery,
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
  UpstreamStatus,
} from '../../shared/contract/index.js';

export type EventListener = (event: EngineEvent) => void;

/**
 * What the control API server (and any other adapter) needs from the engine core.
 * EngineCore (engine-core.ts) implements it; control/ only talks to this interface.
 */
export interface EngineApi {
  readonly version: string;
  listenerStatus(): ListenerStatus;
  /** v2: the upstream backend and whether it answers. */
  upstreamStatus(): UpstreamStatus;
  /** Whether captures reach the data dir (health, the window's banner). */
  persistenceStatus(): PersistenceStatus;
  /** Notices for the person from this run's start (settings migrated), shown by `GET /api/health`. */
  notices?(): string[];

  listCaptures(query: CaptureQuery): CaptureListResponse;
  getCapture(id: string): Capture | undefined;
  clearCaptures(): void;
  /** v3 flows, latest activity first; `q` matches a party or a command. */
  listFlows(limit: number, q?: string): Flow[];
  /** Every capture in the store, oldest first (for export). */
  allCaptures(): Capture[];
  /** Adds captures from a session/HAR import (marked `imported`, fresh seq, own id; a stored id is a duplicate). */
  importCaptures(captures: Capture[]): ImportResponse;

  /** Answers a held request. `not-held` when it was already answered (→ 409). */
  decide(id: string, decision: Decision, by: 'person' | 'api'): DecideResult;

  getRules(): RuleWithStats[];
  /** Persists the rule list (already validated), then replaces it; rejects with PersistError when it cannot be saved. */
  setRules(rules: Rule[]): Promise<void>;

  getSettings(): Settings;
  /**
   * Persists the settings (already validated), then applies them and re-binds the listener if it moved; rejects
   * with PersistError (and changes nothing) when they cannot be saved.
   */
  updateSettings(next: Settings): Promise<void>;

  /** Sends a request to the engine's own listener (sample callbacks, resend). Fire and forget. */
  send(request: SendRequest): void;

  /** Plays the IM server: sends one callback to a backend and stores the exchange as a capture (`origin: "sent"`). */
  sendToBackend(input: SendToBackend): Promise<PlayResult<Capture>>;

  /** Re-sends recorded captures (default: the imported ones) to a backend and compares the answers. */
  replay(request: ReplayRequest): Promise<PlayResult<ReplayReport>>;

  /** Subscribes to engine events; returns the unsubscribe function. */
  subscribe(listener: EventListener): () => void;
}

export type DecideResult = { ok: true; capture: Capture } | { ok: false; reason: 'not-found' | 'not-held' };

/** A play (send/replay) result; `message` explains input the engine cannot play (→ 400). */
export type PlayResult<T> = { ok: true; value: T } | { ok: false; message: string };
