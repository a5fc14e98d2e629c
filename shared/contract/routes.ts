/**
 * The control API's routes (product.md §4), declared once. The engine's server dispatches on this table and must
 * have a handler of the declared types for every entry (`electron/engine/control/control-routes.ts`); the renderer's
 * client calls routes by name through it (`renderer/src/api/control-client.ts`). Renaming a route, changing a path
 * parameter, a body or a response type is a compile error on both sides.
 *
 * To add a route: add one entry below (name, method, path with `:params`, `query` schema if it reads the query,
 * `body` if it reads one, `reply`). The compiler then asks for its handler in control-routes.ts; the client calls
 * it as `client.call('name', { params, query, body })`. Nothing else to register.
 */
import { z } from 'zod';
import { RulesBodySchema } from '../rules/validate-rules.js';
import {
  type CaptureListResponse,
  CaptureQuerySchema,
  EXPORT_FORMATS,
  FlowQuerySchema,
  type HealthResponse,
  type ImportResponse,
  type SendRequest,
  SendRequestSchema,
} from './api.js';
import { type ProblemDetail, zodDetails } from './api-error.js';
import type { Capture } from './capture.js';
import { DecisionSchema } from './decision.js';
import type { FlowListResponse } from './flow.js';
import type { RuleWithStats } from './rule.js';
import { type ReplayReport, ReplayRequestSchema, type SendToBackend, SendToBackendSchema } from './send.js';
import type { Settings, SettingsPatch } from './settings.js';
import { ExpectFileSchema, type VerifyResponse } from './verify.js';

type Parsed<T> = { ok: true; value: T } | { ok: false; details: ProblemDetail[] };

/** A JSON request body of type `T`: how the engine checks it, and the 400 it answers when that fails. */
export interface JsonBody<T> {
  kind: 'json';
  parse(input: unknown): Parsed<T>;
  invalid: { code: string; message: string };
}

/**
 * A request body its handler reads as it arrives, never whole (a session import: NDJSON and the session export line by
 * line). The client sends it as text.
 */
export interface StreamBody {
  kind: 'stream';
}

/** A JSON answer of type `T` (`type` is never set: it only carries `T` for the compiler). */
export interface JsonReply<T> {
  kind: 'json';
  status: number;
  /** For a route whose status depends on the answer (`POST /api/send`: v1 202, v2 200); default `status`. */
  statusFor?(value: T): number;
  type?: T;
}

/** A file to download: the engine's handler returns `FileContent`, the client receives the text. */
export interface FileReply {
  kind: 'file';
}

export interface FileContent {
  text: string;
  contentType: string;
  filename: string;
}

export interface RouteDef {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** `:name` segments are path parameters (URI-decoded for the handler). */
  path: `/api/${string}`;
  /** Checked before the handler runs (400 `invalid-query`); keys it does not name are ignored. */
  query?: z.ZodType<object>;
  body?: JsonBody<unknown> | StreamBody;
  reply: JsonReply<unknown> | FileReply;
  /** A browser may open it as a plain link, so the token may come as `?token=`. */
  queryToken?: true;
}

const json = <T>(status = 200): JsonReply<T> => ({ kind: 'json', status });

function schemaBody<S extends z.ZodType>(schema: S, code: string, message: string): JsonBody<z.output<S>> {
  return {
    kind: 'json',
    parse: (input) => {
      const result = schema.safeParse(input);
      return result.success ? { ok: true, value: result.data } : { ok: false, details: zodDetails(result.error) };
    },
    invalid: { code, message },
  };
}

/** A partial Settings: only its shape here; the engine merges it and checks the result (`invalid-settings`). */
const settingsPatchBody: JsonBody<SettingsPatch> = {
  kind: 'json',
  parse: (input) =>
    typeof input === 'object' && input !== null && !Array.isArray(input)
      ? { ok: true, value: input as SettingsPatch } // every key is checked after merging, by SettingsSchema
      : { ok: false, details: [{ path: '(root)', message: 'expected a JSON object' }] },
  invalid: { code: 'invalid-settings', message: 'the body must be a JSON object (a partial Settings)' },
};

/**
 * `POST /api/send`: v1 posts `{ path, bodyText, … }` to the engine's own listener; a body with `to` (v2) plays the
 * IM server against that backend (product.md §2 "Send and replay").
 */
const sendBody: JsonBody<SendRequest | SendToBackend> = {
  kind: 'json',
  parse: (input) => {
    const schema =
      typeof input === 'object' && input !== null && 'to' in input ? SendToBackendSchema : SendRequestSchema;
    const result = schema.safeParse(input);
    return result.success ? { ok: true, value: result.data } : { ok: false, details: zodDetails(result.error) };
  },
  invalid: { code: 'invalid-request', message: 'the body is not a valid send request' },
};

/** JSON bodies: a Decision, rules, settings or a sample request (bodyText up to 8 MiB, escaped). */
export const JSON_BODY_LIMIT = 32 * 1_048_576;
/**
 * Imports (product.md §4 "import"): NDJSON and the session export are read line by line, of any length; one capture
 * (one NDJSON line, one element of the export's `captures`) and any other file (HAR, a session in another layout),
 * which is parsed whole, are at most this (413 `import-too-large` beyond).
 */
export const IMPORT_VALUE_LIMIT = JSON_BODY_LIMIT;
/** The desktop app's Import dialog reads a file whole for the window to post: at most this. */
export const IMPORT_BODY_LIMIT = 200 * 1_048_576;

export const ROUTES = {
  health: { method: 'GET', path: '/api/health', reply: json<HealthResponse>() },
  listCaptures: {
    method: 'GET',
    path: '/api/captures',
    query: CaptureQuerySchema,
    reply: json<CaptureListResponse>(),
  },
  clearCaptures: { method: 'DELETE', path: '/api/captures', reply: json<{ ok: true }>() },
  getCapture: { method: 'GET', path: '/api/captures/:id', reply: json<Capture>() },
  decide: {
    method: 'POST',
    path: '/api/captures/:id/decision',
    // Who decided; without it the engine tells a person (the UI sends an Origin) from a script.
    query: z.object({ by: z.enum(['person', 'api']).optional().catch(undefined) }),
    body: schemaBody(DecisionSchema, 'invalid-decision', 'the body is not a valid Decision'),
    reply: json<Capture>(),
  },
  getRules: { method: 'GET', path: '/api/rules', reply: json<RuleWithStats[]>() },
  putRules: {
    method: 'PUT',
    path: '/api/rules',
    // The whole rule list: the schema plus what it cannot see (paths, regexes), all problems in one answer.
    body: schemaBody(RulesBodySchema, 'invalid-rules', 'the rule list is invalid'),
    reply: json<RuleWithStats[]>(),
  },
  getSettings: { method: 'GET', path: '/api/settings', reply: json<Settings>() },
  patchSettings: { method: 'PATCH', path: '/api/settings', body: settingsPatchBody, reply: json<Settings>() },
  exportSession: {
    method: 'GET',
    path: '/api/export',
    query: z.object({ format: z.enum(EXPORT_FORMATS).default('json') }),
    reply: { kind: 'file' },
    queryToken: true,
  },
  importSession: {
    method: 'POST',
    path: '/api/import',
    body: { kind: 'stream' },
    reply: json<ImportResponse>(),
  },
  send: {
    method: 'POST',
    path: '/api/send',
    body: sendBody,
    reply: {
      kind: 'json',
      status: 202,
      // v2 answers the stored capture of the exchange once the backend answered (or failed): done, not accepted.
      statusFor: (value: { accepted: true } | Capture) => ('accepted' in value ? 202 : 200),
    },
  },
  replay: {
    method: 'POST',
    path: '/api/replay',
    body: schemaBody(ReplayRequestSchema, 'invalid-request', 'the body is not a valid replay request'),
    reply: json<ReplayReport>(),
  },
  listFlows: { method: 'GET', path: '/api/flows', query: FlowQuerySchema, reply: json<FlowListResponse>() },
  verify: {
    method: 'POST',
    path: '/api/verify',
    body: schemaBody(ExpectFileSchema, 'invalid-expectations', 'the body is not a valid expectation file'),
    reply: json<VerifyResponse>(),
  },
} as const satisfies Record<string, RouteDef>;

export type RouteName = keyof typeof ROUTES;
type Def<N extends RouteName> = (typeof ROUTES)[N];

type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<Rest>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** `{ id: string }` for `/api/captures/:id`; `{}` for a path without parameters. */
export type RouteParams<N extends RouteName> = { [K in ParamNames<Def<N>['path']>]: string };
/** The query as the client gives it (defaults may be left out) and as the handler receives it (checked). */
export type RouteQueryIn<N extends RouteName> = Def<N> extends { query: z.ZodType } ? z.input<Def<N>['query']> : never;
export type RouteQuery<N extends RouteName> =
  Def<N> extends { query: z.ZodType } ? z.output<Def<N>['query']> : undefined;
export type RouteBody<N extends RouteName> =
  Def<N> extends { body: JsonBody<infer T> } ? T : Def<N> extends { body: StreamBody } ? string : undefined;
/** What the engine's handler gets as the body: a streamed body as its chunks, as they arrive. */
export type RouteHandlerBody<N extends RouteName> =
  Def<N> extends { body: StreamBody } ? AsyncIterable<Uint8Array> : RouteBody<N>;
/** What the engine's handler returns. */
export type RouteResult<N extends RouteName> = Def<N>['reply'] extends JsonReply<infer T> ? T : FileContent;
/** What the client receives. */
export type RouteReply<N extends RouteName> = Def<N>['reply'] extends JsonReply<infer T> ? T : string;
