import type { IncomingMessage } from 'node:http';
import {
  CaptureQuerySchema,
  DecisionSchema,
  EXPORT_FORMATS,
  type ExportFormat,
  type HealthResponse,
  mergeSettings,
  ReplayRequestSchema,
  SendRequestSchema,
  SendToBackendSchema,
  SettingsSchema,
} from '../../../shared/contract/index.js';
import type { EngineApi, PlayResult } from '../engine-api.js';
import { HttpError, parseJsonBody, readBody, zodDetails } from '../listener/http-io.js';
import { checkRules } from '../listener/rule-validation.js';
import type { Identify } from '../store/har.js';
import { buildExport, parseImport } from '../store/session-io.js';

/** JSON bodies: a Decision, rules, settings or a sample request (bodyText up to 8 MiB, escaped). */
export const JSON_BODY_LIMIT = 32 * 1_048_576;
/** Session/HAR imports: whole histories, read in one piece. */
export const IMPORT_BODY_LIMIT = 200 * 1_048_576;

export type Reply =
  | { status: number; json: unknown }
  | { status: number; text: string; contentType: string; headers?: Record<string, string> };

export interface RouteContext {
  engine: EngineApi;
  req: IncomingMessage;
  url: URL;
  params: string[];
  identify?: Identify;
}

type Handler = (ctx: RouteContext) => Reply | Promise<Reply>;

interface Route {
  pattern: RegExp;
  methods: Partial<Record<string, Handler>>;
  /** Routes a browser may open as a plain link, so the token may come as `?token=`. */
  queryToken?: boolean;
}

const readJson = async (req: IncomingMessage): Promise<unknown> => parseJsonBody(await readBody(req, JSON_BODY_LIMIT));

const queryObject = (url: URL): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [key, value] of url.searchParams) if (key !== 'token') out[key] = value;
  return out;
};

const captureId = (ctx: RouteContext): string => ctx.params[0] ?? '';

export const ROUTES: Route[] = [
  {
    pattern: /^\/api\/health$/,
    methods: {
      GET: ({ engine }) => {
        const status = engine.listenerStatus();
        const body: HealthResponse = {
          ok: true,
          version: engine.version,
          listener: { url: status.url, host: status.host, port: status.port },
          status,
        };
        return { status: 200, json: body };
      },
    },
  },
  {
    pattern: /^\/api\/captures$/,
    methods: {
      GET: ({ engine, url }) => {
        const query = CaptureQuerySchema.safeParse(queryObject(url));
        if (!query.success)
          throw new HttpError(400, 'invalid-query', 'invalid query parameters', zodDetails(query.error));
        return { status: 200, json: engine.listCaptures(query.data) };
      },
      DELETE: ({ engine }) => {
        engine.clearCaptures();
        return { status: 200, json: { ok: true } };
      },
    },
  },
  {
    pattern: /^\/api\/captures\/([^/]+)$/,
    methods: {
      GET: (ctx) => {
        const capture = ctx.engine.getCapture(captureId(ctx));
        if (!capture) throw new HttpError(404, 'not-found', `no capture with id ${captureId(ctx)}`);
        return { status: 200, json: capture };
      },
    },
  },
  {
    pattern: /^\/api\/captures\/([^/]+)\/decision$/,
    methods: {
      POST: async (ctx) => {
        const decision = DecisionSchema.safeParse(await readJson(ctx.req));
        if (!decision.success) {
          throw new HttpError(400, 'invalid-decision', 'the body is not a valid Decision', zodDetails(decision.error));
        }
        const by = decidedBy(ctx);
        const result = ctx.engine.decide(captureId(ctx), decision.data, by);
        if (result.ok) return { status: 200, json: result.capture };
        if (result.reason === 'not-found')
          throw new HttpError(404, 'not-found', `no capture with id ${captureId(ctx)}`);
        throw new HttpError(409, 'not-held', 'this request is not held (already answered)');
      },
    },
  },
  {
    pattern: /^\/api\/rules$/,
    methods: {
      GET: ({ engine }) => ({ status: 200, json: engine.getRules() }),
      PUT: async ({ engine, req }) => {
        const checked = checkRules(await readJson(req));
        if (!checked.ok) throw new HttpError(400, 'invalid-rules', 'the rule list is invalid', checked.errors);
        engine.setRules(checked.rules);
        return { status: 200, json: engine.getRules() };
      },
    },
  },
  {
    pattern: /^\/api\/settings$/,
    methods: {
      GET: ({ engine }) => ({ status: 200, json: engine.getSettings() }),
      PATCH: async ({ engine, req }) => {
        const patch = await readJson(req);
        if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
          throw new HttpError(400, 'invalid-settings', 'the body must be a JSON object (a partial Settings)');
        }
        const next = SettingsSchema.safeParse(mergeSettings(engine.getSettings(), patch));
        if (!next.success) {
          throw new HttpError(400, 'invalid-settings', 'the settings are invalid', zodDetails(next.error));
        }
        await engine.updateSettings(next.data);
        return { status: 200, json: engine.getSettings() };
      },
    },
  },
  {
    pattern: /^\/api\/export$/,
    queryToken: true,
    methods: {
      GET: ({ engine, url }) => {
        const format = url.searchParams.get('format') ?? 'json';
        if (!isExportFormat(format)) {
          throw new HttpError(400, 'invalid-query', `format must be one of ${EXPORT_FORMATS.join(', ')}`, [
            { path: 'format', message: `unknown format "${format}"` },
          ]);
        }
        const file = buildExport(format, engine.allCaptures(), engine.version, Date.now());
        return {
          status: 200,
          text: file.body,
          contentType: file.contentType,
          headers: { 'content-disposition': `attachment; filename="${file.filename}"` },
        };
      },
    },
  },
  {
    pattern: /^\/api\/import$/,
    methods: {
      POST: async ({ engine, req, identify }) => {
        const parsed = parseImport(await readBody(req, IMPORT_BODY_LIMIT), identify);
        const result = engine.importCaptures(parsed.captures);
        return { status: 200, json: { imported: result.imported, skipped: result.skipped + parsed.skipped } };
      },
    },
  },
  {
    pattern: /^\/api\/send$/,
    methods: {
      POST: async ({ engine, req }) => {
        const body = await readJson(req);
        // v2: a body with `to` plays the IM server against that backend and answers the stored capture.
        if (typeof body === 'object' && body !== null && 'to' in body) {
          const input = SendToBackendSchema.safeParse(body);
          if (!input.success) {
            throw new HttpError(
              400,
              'invalid-request',
              'the body is not a valid send request',
              zodDetails(input.error),
            );
          }
          return played(await engine.sendToBackend(input.data));
        }
        const request = SendRequestSchema.safeParse(body);
        if (!request.success) {
          throw new HttpError(
            400,
            'invalid-request',
            'the body is not a valid send request',
            zodDetails(request.error),
          );
        }
        engine.send(request.data);
        return { status: 202, json: { accepted: true } };
      },
    },
  },
  {
    pattern: /^\/api\/replay$/,
    methods: {
      POST: async ({ engine, req }) => {
        const input = ReplayRequestSchema.safeParse(await readJson(req));
        if (!input.success) {
          throw new HttpError(
            400,
            'invalid-request',
            'the body is not a valid replay request',
            zodDetails(input.error),
          );
        }
        return played(await engine.replay(input.data));
      },
    },
  },
];

function played(result: PlayResult<unknown>): Reply {
  if (!result.ok) throw new HttpError(400, 'invalid-request', result.message);
  return { status: 200, json: result.value };
}

/**
 * Who answered: `?by=person|api` when given; otherwise a request carrying an Origin (already checked to be this
 * server's own) comes from the UI page, i.e. a person, and one without (curl, scripts, tests) is the API.
 */
function decidedBy(ctx: RouteContext): 'person' | 'api' {
  const by = ctx.url.searchParams.get('by');
  if (by === 'person' || by === 'api') return by;
  return ctx.req.headers.origin !== undefined ? 'person' : 'api';
}

function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

export type RouteMatch =
  | { kind: 'found'; route: Route; handler: Handler; params: string[] }
  | { kind: 'method-not-allowed'; route: Route; allow: string[] }
  | { kind: 'not-found' };

export function matchRoute(method: string, pathname: string): RouteMatch {
  for (const route of ROUTES) {
    const m = route.pattern.exec(pathname);
    if (!m) continue;
    const params = m.slice(1).map((p) => safeDecode(p));
    const handler = route.methods[method] ?? (method === 'HEAD' ? route.methods.GET : undefined);
    if (handler) return { kind: 'found', route, handler, params };
    return { kind: 'method-not-allowed', route, allow: Object.keys(route.methods) };
  }
  return { kind: 'not-found' };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
