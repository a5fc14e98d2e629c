import type {
  ApiError,
  Capture,
  CaptureListResponse,
  CaptureQuery,
  Decision,
  ExportFormat,
  HealthResponse,
  ImportResponse,
  ReplayReport,
  ReplayRequest,
  Rule,
  RuleWithStats,
  SendRequest,
  SendToBackend,
  Settings,
  SettingsPatch,
} from '../../../shared/contract/index.js';
import type { ConnectionConfig } from './connection.js';

/** A failed control-API call: HTTP status plus the engine's `{ error }` body when it sent one. */
export class ControlApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ControlApiError';
  }
}

function isApiError(value: unknown): value is ApiError {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'message' in error;
}

export type CaptureListQuery = Partial<CaptureQuery>;

/** The renderer's only way to talk to the engine (product.md §4). */
export class ControlClient {
  constructor(private readonly config: ConnectionConfig) {}

  private async request(method: string, path: string, body?: unknown, rawBody?: string): Promise<Response> {
    const headers: Record<string, string> = { Authorization: `Bearer ${this.config.token}` };
    let payload: string | undefined;
    if (rawBody !== undefined) payload = rawBody;
    else if (body !== undefined) payload = JSON.stringify(body);
    if (payload !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(new URL(path, this.config.baseUrl), {
        method,
        headers,
        ...(payload !== undefined ? { body: payload } : {}),
      });
    } catch (error) {
      throw new ControlApiError(0, 'network', `Engine unreachable: ${(error as Error).message}`);
    }
    if (response.ok) return response;
    const text = await response.text().catch(() => '');
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (isApiError(parsed)) {
      throw new ControlApiError(response.status, parsed.error.code, parsed.error.message, parsed.error.details);
    }
    throw new ControlApiError(response.status, 'http', text || `HTTP ${response.status}`);
  }

  private async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.request(method, path, body);
    if (response.status === 204) return undefined as T; // callers of 204 routes ignore the value
    // The engine answers these routes with the contract types; compiled against the same declarations.
    return (await response.json()) as T;
  }

  health(): Promise<HealthResponse> {
    return this.json('GET', '/api/health');
  }

  listCaptures(query: CaptureListQuery): Promise<CaptureListResponse> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
    return this.json('GET', `/api/captures?${params.toString()}`);
  }

  getCapture(id: string): Promise<Capture> {
    return this.json('GET', `/api/captures/${encodeURIComponent(id)}`);
  }

  async clearCaptures(): Promise<void> {
    await this.request('DELETE', '/api/captures');
  }

  decide(id: string, decision: Decision): Promise<Capture> {
    return this.json('POST', `/api/captures/${encodeURIComponent(id)}/decision`, decision);
  }

  getRules(): Promise<RuleWithStats[]> {
    return this.json('GET', '/api/rules');
  }

  putRules(rules: Rule[]): Promise<RuleWithStats[]> {
    return this.json('PUT', '/api/rules', rules);
  }

  getSettings(): Promise<Settings> {
    return this.json('GET', '/api/settings');
  }

  patchSettings(patch: SettingsPatch): Promise<Settings> {
    return this.json('PATCH', '/api/settings', patch);
  }

  async exportSession(format: ExportFormat): Promise<string> {
    const response = await this.request('GET', `/api/export?format=${format}`);
    return response.text();
  }

  async importSession(text: string): Promise<ImportResponse> {
    const response = await this.request('POST', '/api/import', undefined, text);
    // Contract type of POST /api/import.
    return (await response.json()) as ImportResponse;
  }

  async send(request: SendRequest): Promise<void> {
    await this.request('POST', '/api/send', request);
  }

  /** Plays the IM server against a backend; answers the stored capture of the exchange. */
  sendToBackend(input: SendToBackend): Promise<Capture> {
    return this.json('POST', '/api/send', input);
  }

  replay(request: ReplayRequest): Promise<ReplayReport> {
    return this.json('POST', '/api/replay', request);
  }
}
