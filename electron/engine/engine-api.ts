import type {
  Capture,
  Flow,
  HealthResponse,
  RouteBody,
  RouteQuery,
  RouteResult,
  Settings,
} from '../../shared/contract/index.js';
import type { EventListener } from './engine-events.js';

export type { EventListener } from './engine-events.js';

/** `POST /api/send` v1: a request posted to the engine's own listener. */
export type ResendRequest = Exclude<RouteBody<'send'>, { to: string }>;
/** `POST /api/send` v2: one callback played against a backend. */
export type PlayRequest = Extract<RouteBody<'send'>, { to: string }>;

/**
 * What the control API server (and any other adapter) needs from the engine core, written in the route table's
 * types (shared/contract/routes.ts): a route's query or body is what its method takes, its reply what it gives.
 * EngineCore (engine-core.ts) implements it; control/ only talks to this interface.
 */
export interface EngineApi {
  readonly version: string;
  listenerStatus(): HealthResponse['status'];
  /** v2: the upstream backend and whether it answers. */
  upstreamStatus(): HealthResponse['upstream'];
  /** Whether captures reach the data dir (health, the window's banner). */
  persistenceStatus(): HealthResponse['persistence'];
  /** Notices for the person from this run's start (settings migrated), shown by `GET /api/health`. */
  notices?(): string[];

  listCaptures(query: RouteQuery<'listCaptures'>): RouteResult<'listCaptures'>;
  getCapture(id: string): RouteResult<'getCapture'> | undefined;
  clearCaptures(): void;
  /** v3 flows, latest activity first; `q` matches a party or a command. */
  listFlows(limit: number, q?: string): Flow[];
  /** Every capture in the store, oldest first (for export). */
  allCaptures(): Capture[];
  /**
   * Adds captures from a session/HAR import (marked `imported`, fresh seq, own id; a stored id is a duplicate). One
   * import in batches passes the same `session` to each call (the stored ids are then gathered once).
   */
  importCaptures(captures: Capture[], session?: ImportSession): RouteResult<'importSession'>;

  /** Answers a held request. `not-held` when it was already answered (→ 409). */
  decide(id: string, decision: RouteBody<'decide'>, by: DecidedByCaller): DecideResult;

  getRules(): RouteResult<'getRules'>;
  /** Persists the rule list (already validated), then replaces it; rejects with PersistError when it cannot be saved. */
  setRules(rules: RouteBody<'putRules'>): Promise<void>;

  getSettings(): RouteResult<'getSettings'>;
  /**
   * Persists the settings (already validated), then applies them and re-binds the listener if it moved; rejects
   * with PersistError (and changes nothing) when they cannot be saved.
   */
  updateSettings(next: Settings): Promise<void>;

  /** v1: posts a request to the engine's own listener (sample callbacks, resend). Fire and forget. */
  resend(request: ResendRequest): void;

  /** v2: plays the IM server: one callback to a backend, the exchange stored as a capture (`origin: "sent"`). */
  playServer(input: PlayRequest): Promise<PlayResult<Capture>>;

  /** Re-sends recorded captures (default: the imported ones) to a backend and compares the answers. */
  replay(request: RouteBody<'replay'>): Promise<PlayResult<RouteResult<'replay'>>>;

  /** Subscribes to engine events; returns the unsubscribe function. */
  subscribe(listener: EventListener): () => void;
}

/** One import's state across its batches: the ids already stored or imported (filled by the engine). */
export interface ImportSession {
  known?: Set<string>;
}

/** Who decided a held request through the API: `?by=`, else told apart by the request's Origin. */
export type DecidedByCaller = NonNullable<RouteQuery<'decide'>['by']>;

export type DecideResult = { ok: true; capture: Capture } | { ok: false; reason: 'not-found' | 'not-held' };

/**
 * A play (send/replay) result; `message` explains input the engine cannot play (→ 400, error code `code` or
 * `invalid-request`).
 */
export type PlayResult<T> = { ok: true; value: T } | { ok: false; message: string; code?: 'unknown-command' };
