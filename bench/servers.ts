/** The baseline server child and one-off requests used to check that two servers give the same answer. */
import { join } from 'node:path';
import { type Child, spawnChild } from './child.js';
import { REPO_ROOT } from './paths.js';
import type { SampleRequest } from './samples.js';

export interface BareServer {
  readonly child: Child;
  readonly url: string;
  stop(): Promise<void>;
}

export async function startBareServer(): Promise<BareServer> {
  const child = spawnChild('bare node:http', process.execPath, [join(REPO_ROOT, 'dist/bench/bare-server.js'), '0']);
  try {
    const match = await child.waitFor(/Listening:\s*(http:\/\/\S+)/, 10_000);
    return { child, url: match[1] ?? '', stop: () => child.stop() };
  } catch (error) {
    await child.stop();
    throw error;
  }
}

export interface Answer {
  status: number;
  json: unknown;
}

export async function postSample(baseUrl: string, sample: SampleRequest): Promise<Answer> {
  const response = await fetch(`${baseUrl}${sample.path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: sample.bodyText,
  });
  const text = await response.text();
  let json: unknown = text;
  try {
    json = JSON.parse(text);
  } catch {
    // Not JSON: compared as text.
  }
  return { status: response.status, json };
}

/** Deep equality of JSON values, ignoring key order. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => sameJson(v, b[i]));
  }
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    const ra = a as Record<string, unknown>; // non-null object: indexed by its own keys
    const rb = b as Record<string, unknown>; // same
    return ka.length === kb.length && ka.every((key) => key in rb && sameJson(ra[key], rb[key]));
  }
  return a === b;
}
