import { z } from 'zod';
import type { Capture, CaptureState, CaptureSummary } from './capture.js';
import type { Flow } from './flow.js';
import type { RuleWithStats } from './rule.js';
import type { Settings } from './settings.js';

/** Control API contract v1 (product.md §4). Both the engine and the renderer compile against these. */
export const API_VERSION = 1;

export interface ListenerStatus {
  state: 'starting' | 'listening' | 'error' | 'stopped';
  url: string;
  host: string;
  port: number;
  /** Bound to a non-loopback address: reachable from other machines. */
  exposed: boolean;
  error?: string;
}

/**
 * Whether captures reach the data dir (product.md §4 "v2 persistence is never silent"). An engine without a data
 * dir reports ok with zero counts.
 */
export interface PersistenceStatus {
  /** false while capture-log writes fail (disk full, read-only, removed directory); the engine keeps answering. */
  ok: boolean;
  /** Why writes fail, while they do. */
  error?: string;
  /** Captures answered and kept in memory but not yet in the log. */
  unsaved: number;
  /** Captures the bounded in-memory queue had to let go while writes failed (missing from the log). */
  dropped: number;
  /** Lines of the log found corrupt at load and skipped. */
  skippedLines: number;
}

/**
 * v2 upstream mode: where callbacks are forwarded and whether that backend answers. `off`: no upstream URL set;
 * `unknown`: set, not tried yet; `reachable`: a TCP connection succeeded (checked when the URL is set); `answering`:
 * the last forwarded callback got an HTTP answer; `failing`: the last attempt got none (`error` says why).
 */
export interface UpstreamStatus {
  url: string | null;
  state: 'off' | 'unknown' | 'reachable' | 'answering' | 'failing';
  error?: string;
  /** ms epoch of the last check or exchange. */
  at?: number;
  /** Latency of the last exchange, ms. */
  latencyMs?: number;
}

export interface HealthResponse {
  ok: boolean;
  version: string;
  listener: { url: string; host: string; port: number };
  status: ListenerStatus;
  persistence: PersistenceStatus;
  upstream: UpstreamStatus;
  /**
   * v2: things the person should know about this run, in sentences (e.g. a stored setting migrated on start: the
   * OpenIM profile `v3.4.2-v3.6` became `v3.4.2-v3.5`). Also written to the engine log at start.
   */
  notices?: string[];
}

export const CaptureQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100_000).default(200),
  /** Only captures with seq below this (paging backwards). */
  before: z.coerce.number().int().min(0).optional(),
  command: z.string().max(200).optional(),
  state: z.enum(['held', 'answered', 'failed']).optional(),
  q: z.string().max(500).optional(),
});
export type CaptureQuery = z.infer<typeof CaptureQuerySchema>;

export interface CaptureListResponse {
  items: CaptureSummary[];
  total: number;
}

export type CaptureStateFilter = CaptureState;

/** v3 `GET /api/flows`. */
export const FlowQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100_000).default(500),
  q: z.string().max(500).optional(),
});

export const EXPORT_FORMATS = ['json', 'har', 'ndjson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** JSON session file (export and import). */
export interface SessionFile {
  format: 'callback-inspector-session';
  version: 1;
  exportedAt: number;
  captures: Capture[];
}

export interface ImportResponse {
  imported: number;
  /** Entries that are not captures. */
  skipped: number;
  /** Captures already stored (same capture id): re-importing a session adds nothing twice. */
  duplicates: number;
}

/** `POST /api/send`: the engine sends this request to its own listener (samples, resend). Answers 202 at once. */
export const SendRequestSchema = z.strictObject({
  path: z.string().startsWith('/').max(2_000),
  query: z.record(z.string(), z.string()).optional(),
  headers: z.record(z.string(), z.string()).optional(),
  bodyText: z.string().max(1_048_576 * 8),
});
export type SendRequest = z.infer<typeof SendRequestSchema>;

/** Events on `GET /api/events` (WebSocket). Each message is a JSON array of events, batched by the engine. */
export type EngineEvent =
  | { type: 'capture.added'; capture: CaptureSummary }
  | { type: 'capture.updated'; capture: CaptureSummary }
  | { type: 'captures.cleared' }
  | { type: 'rules.changed'; rules: RuleWithStats[] }
  | { type: 'settings.changed'; settings: Settings }
  | { type: 'listener.status'; status: ListenerStatus }
  | { type: 'persistence.status'; status: PersistenceStatus }
  | { type: 'upstream.status'; status: UpstreamStatus }
  /** v3: one flow changed (a step arrived, an expectation was met or went missing). */
  | { type: 'flow.updated'; flow: Flow }
  | { type: 'flows.cleared' };

export type EventBatch = EngineEvent[];
