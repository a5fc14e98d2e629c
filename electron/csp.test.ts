import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, withCsp } from './csp.js';

const directives = (policy: string) =>
  new Map(
    policy.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values] as const; // tuple for the Map constructor
    }),
  );

describe('contentSecurityPolicy', () => {
  const policy = contentSecurityPolicy('http://127.0.0.1:41234');
  const d = directives(policy);

  it('starts from nothing allowed', () => {
    expect(d.get('default-src')).toEqual(["'none'"]);
    for (const name of ['object-src', 'frame-src', 'worker-src', 'base-uri', 'form-action', 'frame-ancestors']) {
      expect(d.get(name)).toEqual(["'none'"]);
    }
  });

  it('loads code and styles only from the engine, never inline or eval', () => {
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('style-src')).toEqual(["'self'"]);
    expect(policy).not.toContain('unsafe');
  });

  it('connects only to the engine origin over HTTP and WebSocket (at its port, under each loopback name)', () => {
    expect(d.get('connect-src')).toEqual([
      "'self'",
      'ws://127.0.0.1:41234',
      'ws://localhost:41234',
      'ws://[::1]:41234',
    ]);
  });
});

describe('withCsp', () => {
  it('adds the header when the response has none, keeping the others', () => {
    const out = withCsp({ 'Content-Type': ['text/html'] }, 'default-src x');
    expect(out).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': ['default-src x'] });
  });

  it('keeps an existing policy beside its own (whatever the header case)', () => {
    const out = withCsp({ 'content-security-policy': ["default-src 'self'"] }, 'default-src x');
    expect(out).toEqual({ 'content-security-policy': ["default-src 'self'", 'default-src x'] });
  });
});
