import {
  type Capture,
  type CaptureQuery,
  ControlApiError,
  type Decision,
  type ExportFormat,
  isApiError,
  type ReplayRequest,
  ROUTES,
  type RouteBody,
  type RouteDef,
  type RouteName,
  type RouteParams,
  type RouteQueryIn,
  type RouteReply,
  type Rule,
  type SendRequest,
  type SendToBackend,
  type SettingsPatch,
} from '../../../shared/contract/index.js';
import type { ConnectionConfig } from './connection.js';

export { ControlApiError } from '../../../shared/contract/index.js';

export type CaptureListQuery = Partial<CaptureQuery>;

/** What a call of route `N` takes: only the parts its entry in the contract's route table declares. */
type CallArgs<N extends RouteName> = (keyof RouteParams<N> extends never ? unknown : { params: RouteParams<N> }) &
  ([RouteQueryIn<N>] extends [never] ? unknown : { query?: RouteQueryIn<N> }) &
  (RouteBody<N> extends undefined ? unknown : { body: RouteBody<N> });

/** The renderer's only way to talk to the engine (product.md §4). */
export class ControlClient {
  constructor(private readonly config: ConnectionConfig) {}

  /** Calls a route of the contract's table by name; the reply has the type the table declares for it. */
  async call<N extends RouteName>(name: N, args: CallArgs<N>): Promise<RouteReply<N>> {
    const def: RouteDef = ROUTES[name];
    // The parts CallArgs allows for this route; absent ones stay undefined.
    const { params, query, body } = args as { params?: Record<string, string>; query?: object; body?: unknown };
    const path = def.path.replace(/:(\w+)/g, (_, key: string) => encodeURIComponent(params?.[key] ?? ''));
    const url = new URL(path, this.config.baseUrl);
    for (const [key, value] of Object.entries(query ?? {}))
      if (value !== undefined) url.searchParams.set(key, String(value));
    const headers: Record<string, string> = { Authorization: `Bearer ${this.config.token}` };
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === 'string' && def.body?.kind === 'stream' ? body : JSON.stringify(body);
      headers['Content-Type'] = 'application/json';
    }
    let response: Response;
    try {
      response = await fetch(url, { method: def.method, headers, ...(payload !== undefined ? { body: payload } : {}) });
    } catch (error) {
      throw new ControlApiError(0, 'network', `Engine unreachable: ${(error as Error).message}`);
    }
    if (!response.ok) throw await failure(response);
    // The engine's handler for this route is compiled against the same table entry.
    return (def.reply.kind === 'file' ? await response.text() : await response.json()) as RouteReply<N>;
  }

  health() {
    return this.call('health', {});
  }

  listCaptures(query: CaptureListQuery) {
    return this.call('listCaptures', { query });
  }

  getCapture(id: string) {
    return this.call('getCapture', { params: { id } });
  }

  async clearCaptures(): Promise<void> {
    await this.call('clearCaptures', {});
  }

  decide(id: string, decision: Decision) {
    return this.call('decide', { params: { id }, body: decision });
  }

  getRules() {
    return this.call('getRules', {});
  }

  putRules(rules: Rule[]) {
    return this.call('putRules', { body: rules });
  }

  getSettings() {
    return this.call('getSettings', {});
  }

  patchSettings(patch: SettingsPatch) {
    return this.call('patchSettings', { body: patch });
  }

  exportSession(format: ExportFormat) {
    return this.call('exportSession', { query: { format } });
  }

  importSession(text: string) {
    return this.call('importSession', { body: text });
  }

  async send(request: SendRequest): Promise<void> {
    await this.call('send', { body: request });
  }

  /** Plays the IM server against a backend; answers the stored capture of the exchange. */
  async sendToBackend(input: SendToBackend): Promise<Capture> {
    const reply = await this.call('send', { body: input });
    if ('accepted' in reply) throw new ControlApiError(0, 'unexpected', 'the engine did not play the callback');
    return reply;
  }

  replay(request: ReplayRequest) {
    return this.call('replay', { body: request });
  }
}

/** The error for a failed answer: the engine's `{ error }` body when it sent one. */
async function failure(response: Response): Promise<ControlApiError> {
  const text = await response.text().catch(() => '');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (isApiError(parsed)) {
    return new ControlApiError(response.status, parsed.error.code, parsed.error.message, parsed.error.details);
  }
  return new ControlApiError(response.status, 'http', text || `HTTP ${response.status}`);
}
