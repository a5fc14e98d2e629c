import type { IncomingMessage } from 'node:http';
import {
  ControlApiError,
  type HealthResponse,
  JSON_BODY_LIMIT,
  mergeSettings,
  ROUTES,
  type RouteDef,
  type RouteHandlerBody,
  type RouteName,
  type RouteParams,
  type RouteQuery,
  type RouteResult,
  SettingsSchema,
  zodDetails,
} from '../../../shared/contract/index.js';
import { decisionProblems, findCommand } from '../../../shared/protocol/index.js';
import { verifyExpectations } from '../../../shared/verify/verify.js';
import type { EngineApi, PlayResult } from '../engine-api.js';
import { verifyCapture } from '../flows/verify-capture.js';
import type { Identify } from '../store/har.js';
import { PersistError } from '../store/persistence.js';
import { importStream } from '../store/session-import.js';
import { buildExport } from '../store/session-io.js';
import { LoopGuard, upstreamLoopReason } from '../upstream/forward-guard.js';
import { parseJsonBody, readBody } from './http-io.js';

export type Reply =
  | { status: number; json: unknown }
  | { status: number; text: string; contentType: string; headers?: Record<string, string> };

export interface RouteContext {
  engine: EngineApi;
  req: IncomingMessage;
  url: URL;
  identify?: Identify;
}

/** What a handler gets: the context plus its route's parameters, query and body, already checked. */
type Request<N extends RouteName> = RouteContext & {
  params: RouteParams<N>;
  query: RouteQuery<N>;
  body: RouteHandlerBody<N>;
};
type Handler<N extends RouteName> = (req: Request<N>) => RouteResult<N> | Promise<RouteResult<N>>;

/** Resolves upstream hosts for the settings check (the engine's own guard checks again before each forward). */
const LOOP_GUARD = new LoopGuard(() => []);

/** One handler per route of the contract's table, of the types the table declares. */
const HANDLERS: { [N in RouteName]: Handler<N> } = {
  health: ({ engine }): HealthResponse => {
    const status = engine.listenerStatus();
    return {
      ok: true,
      version: engine.version,
      listener: { url: status.url, host: status.host, port: status.port },
      status,
      upstream: engine.upstreamStatus(),
      persistence: engine.persistenceStatus(),
      notices: engine.notices?.() ?? [],
    };
  },
  listCaptures: ({ engine, query }) => engine.listCaptures(query),
  clearCaptures: ({ engine }) => {
    engine.clearCaptures();
    return { ok: true };
  },
  getCapture: ({ engine, params }) => {
    const capture = engine.getCapture(params.id);
    if (!capture) throw new ControlApiError(404, 'not-found', `no capture with id ${params.id}`);
    return capture;
  },
  decide: (ctx) => {
    const held = ctx.engine.getCapture(ctx.params.id);
    const info = held?.command ? findCommand(held.command, held.dialect) : undefined;
    const problems = info ? decisionProblems(ctx.body, [info]) : [];
    if (problems.length > 0) {
      throw new ControlApiError(400, 'invalid-decision', `the decision does not fit ${info?.name}`, problems);
    }
    const result = ctx.engine.decide(ctx.params.id, ctx.body, ctx.query.by ?? decidedBy(ctx.req));
    if (result.ok) return result.capture;
    if (result.reason === 'not-found')
      throw new ControlApiError(404, 'not-found', `no capture with id ${ctx.params.id}`);
    throw new ControlApiError(409, 'not-held', 'this request is not held (already answered)');
  },
  getRules: ({ engine }) => engine.getRules(),
  putRules: async ({ engine, body }) => {
    await persisted(engine.setRules(body));
    return engine.getRules();
  },
  getSettings: ({ engine }) => engine.getSettings(),
  patchSettings: async ({ engine, req, body }) => {
    const next = SettingsSchema.safeParse(mergeSettings(engine.getSettings(), body));
    if (!next.success) {
      throw new ControlApiError(400, 'invalid-settings', 'the settings are invalid', zodDetails(next.error));
    }
    // An upstream that is this engine would forward every callback back to it (checked when either side changes):
    // its listener (where it is, and where this change moves it) and this control server.
    const { url } = next.data.upstream;
    if (url !== null && (body.upstream?.url !== undefined || body.listener?.port !== undefined)) {
      const listener = [engine.listenerStatus().port, next.data.listener.port];
      const loop = await upstreamLoopReason(LOOP_GUARD, url, { listener, control: req.socket.localPort ?? null });
      if (loop) throw new ControlApiError(400, 'invalid-settings', loop, [{ path: 'upstream.url', message: loop }]);
    }
    await persisted(engine.updateSettings(next.data));
    return engine.getSettings();
  },
  exportSession: ({ engine, query }) => {
    const file = buildExport(query.format, engine.allCaptures(), engine.version, Date.now());
    return { text: file.body, contentType: file.contentType, filename: file.filename };
  },
  // Read as it arrives, in batches: callbacks keep being answered during a long import.
  importSession: ({ engine, req, body, identify }) => {
    const session = {};
    const declared = Number(req.headers['content-length']);
    return importStream(body, (batch) => engine.importCaptures(batch, session), {
      ...(identify ? { identify } : {}),
      ...(Number.isFinite(declared) ? { declaredBytes: declared } : {}),
    });
  },
  send: async ({ engine, body }) => {
    // v2 plays the IM server against a backend: the engine's own listener is not involved.
    if ('to' in body) return played(await engine.playServer(body));
    // Said here, not only on stderr: the window shows this error where the person pressed the button.
    const listener = engine.listenerStatus();
    if (listener.state !== 'listening') {
      const why = listener.error ?? listener.state;
      throw new ControlApiError(
        409,
        'listener-down',
        `The listener is not running (${why}): pick another port under Listener in the top bar, then send again.`,
      );
    }
    engine.resend(body);
    return { accepted: true };
  },
  replay: async ({ engine, body }) => played(await engine.replay(body)),
  listFlows: ({ engine, query }) => ({ items: engine.listFlows(query.limit, query.q) }),
  // The engine's own flows (settled on its clock) and every stored capture: the same function as `verify --session`.
  verify: ({ engine, body }) =>
    verifyExpectations(body, engine.allCaptures().map(verifyCapture), engine.listFlows(Number.MAX_SAFE_INTEGER)),
};

/**
 * A played send/replay, or the 400 for input the engine cannot play (a profile of the other dialect, an unknown id;
 * `unknown-command` for a command the catalogue does not know, the message naming the closest known one).
 */
function played<T>(result: PlayResult<T>): T {
  if (!result.ok) throw new ControlApiError(400, result.code ?? 'invalid-request', result.message);
  return result.value;
}

/** A change the engine could not save answers 500 `persist-failed` (and the engine changed nothing). */
async function persisted(change: Promise<void>): Promise<void> {
  try {
    await change;
  } catch (err) {
    if (err instanceof PersistError)
      throw new ControlApiError(500, 'persist-failed', `${err.message}; nothing was changed`);
    throw err;
  }
}

/**
 * Who answered when `?by=` does not say: a request carrying an Origin (already checked to be this server's own)
 * comes from the UI page, i.e. a person, and one without (curl, scripts, tests) is the API.
 */
function decidedBy(req: IncomingMessage): 'person' | 'api' {
  return req.headers.origin !== undefined ? 'person' : 'api';
}

interface CompiledRoute {
  name: RouteName;
  def: RouteDef;
  pattern: RegExp;
  paramNames: string[];
}

const COMPILED: CompiledRoute[] = Object.entries(ROUTES).map(([name, def]) => {
  const paramNames: string[] = [];
  const source = def.path.replace(/:(\w+)/g, (_, param: string) => {
    paramNames.push(param);
    return '([^/]+)';
  });
  // Object.entries loses the key type; the keys are ROUTES' own.
  return { name: name as RouteName, def, pattern: new RegExp(`^${source}$`), paramNames };
});

export type RouteMatch =
  | { kind: 'found'; route: CompiledRoute; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allow: string[] }
  | { kind: 'not-found' };

export function matchRoute(method: string, pathname: string): RouteMatch {
  const allow: string[] = [];
  for (const route of COMPILED) {
    const m = route.pattern.exec(pathname);
    if (!m) continue;
    if (route.def.method === method || (method === 'HEAD' && route.def.method === 'GET')) {
      const params: Record<string, string> = {};
      route.paramNames.forEach((param, i) => {
        params[param] = safeDecode(m[i + 1] ?? '');
      });
      return { kind: 'found', route, params };
    }
    allow.push(route.def.method);
  }
  return allow.length > 0 ? { kind: 'method-not-allowed', allow } : { kind: 'not-found' };
}

/** Whether the matched route takes the token as `?token=` (a link a browser opens). */
export const takesQueryToken = (match: RouteMatch): boolean =>
  match.kind === 'found' && match.route.def.queryToken === true;

/** Checks the query and body the route declares, runs its handler and shapes the answer. */
export async function runRoute(match: Extract<RouteMatch, { kind: 'found' }>, ctx: RouteContext): Promise<Reply> {
  const { def, name } = match.route;
  let query: unknown;
  if (def.query) {
    const raw: Record<string, string> = {};
    for (const [key, value] of ctx.url.searchParams) if (key !== 'token' && !(key in raw)) raw[key] = value;
    const parsed = def.query.safeParse(raw);
    if (!parsed.success) {
      throw new ControlApiError(400, 'invalid-query', 'invalid query parameters', zodDetails(parsed.error));
    }
    query = parsed.data;
  }
  let body: unknown;
  // Not destroyed when the handler stops reading early (a 413): the answer still goes out on its socket.
  if (def.body?.kind === 'stream') body = ctx.req.iterator({ destroyOnReturn: false });
  else if (def.body?.kind === 'json') {
    const parsed = def.body.parse(parseJsonBody(await readBody(ctx.req, JSON_BODY_LIMIT)));
    if (!parsed.ok) throw new ControlApiError(400, def.body.invalid.code, def.body.invalid.message, parsed.details);
    body = parsed.value;
  }
  // The table and HANDLERS are checked against each other per name; TypeScript cannot follow a name only known at
  // run time, so the handler is called through its widest type. Query and body were checked just above.
  const handler = HANDLERS[name] as (req: RouteContext & { params: unknown; query: unknown; body: unknown }) => unknown;
  const result = await handler({ ...ctx, params: match.params, query, body });
  if (def.reply.kind === 'json') return { status: def.reply.statusFor?.(result) ?? def.reply.status, json: result };
  const file = result as RouteResult<'exportSession'>; // a file reply's handler returns FileContent (RouteResult)
  return {
    status: 200,
    text: file.text,
    contentType: file.contentType,
    headers: { 'content-disposition': `attachment; filename="${file.filename}"` },
  };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
