// The Content-Security-Policy the shell adds to every response from the engine's control origin: the same one the
// engine sends with its UI page, so the page runs under one policy in a browser and in the window.
import { uiContentSecurityPolicy } from '../shared/contract/index.js';

/** The UI's one policy (shared/contract/csp.ts) for the engine at `controlUrl`. */
export function contentSecurityPolicy(controlUrl: string): string {
  return uiContentSecurityPolicy(Number(new URL(controlUrl).port));
}

/**
 * Adds the policy to a response's headers. An existing policy from the engine is kept beside it (several policies
 * all apply, so the result can only be stricter than either).
 */
export function withCsp(headers: Record<string, string[]>, policy: string): Record<string, string[]> {
  const key = Object.keys(headers).find((name) => name.toLowerCase() === 'content-security-policy');
  if (key === undefined) return { ...headers, 'Content-Security-Policy': [policy] };
  return { ...headers, [key]: [...(headers[key] ?? []), policy] };
}
