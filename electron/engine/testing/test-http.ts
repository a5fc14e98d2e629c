import { randomBytes } from 'node:crypto';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { type ControlServer, type ControlServerOptions, startControlServer } from '../control/control-server.js';
import type { EngineApi } from '../engine-api.js';

/** Test helpers for talking to a control server over real HTTP (node:http, so Host/Origin can be set freely). */
export interface TestResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json: unknown;
}

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export function request(base: string, path: string, options: RequestOptions = {}): Promise<TestResponse> {
  return new Promise((resolve, reject) => {
    const url = new URL(base);
    const req = httpRequest(
      { host: url.hostname, port: url.port, path, method: options.method ?? 'GET', headers: options.headers ?? {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text) as unknown;
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

export interface Started {
  server: ControlServer;
  token: string;
  base: string;
  logs: string[];
  /** GET/POST… with the token and a JSON body. */
  api(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<TestResponse>;
}

export async function startTestServer(engine: EngineApi, extra: Partial<ControlServerOptions> = {}): Promise<Started> {
  const token = randomBytes(16).toString('hex');
  const logs: string[] = [];
  const server = await startControlServer(engine, {
    host: '127.0.0.1',
    port: 0,
    token,
    uiDir: null,
    version: '9.9.9-test',
    log: (l) => logs.push(l),
    ...extra,
  });
  const base = server.url;
  return {
    server,
    token,
    base,
    logs,
    api: (method, path, body, headers = {}) =>
      request(base, path, {
        method,
        headers: { authorization: `Bearer ${token}`, ...headers },
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      }),
  };
}

/** The `error.code` of an API error body. */
export function errorCode(res: TestResponse): string | undefined {
  const body = res.json;
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  const error = body.error;
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}
