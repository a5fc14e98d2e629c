import { describe, expect, it } from 'vitest';
import { RuleSchema } from './rule.js';
import { DEFAULT_SETTINGS, mergeSettings, SettingsSchema, upstreamUrlProblem } from './settings.js';

describe('upstream settings', () => {
  it('is off by default, with failures relayed', () => {
    expect(DEFAULT_SETTINGS.upstream).toEqual({ url: null, onFailure: 'relay' });
  });

  it('accepts http(s) URLs with host, port, path and query', () => {
    for (const url of [
      'http://127.0.0.1:8080/callback',
      'https://backend.example.com/im/callback?tenant=a',
      'http://[::1]:9000',
      'http://backend',
    ]) {
      expect(upstreamUrlProblem(url), url).toBeNull();
    }
  });

  it('explains what is wrong with a URL', () => {
    expect(upstreamUrlProblem('127.0.0.1:8080')).toMatch(/not an absolute http\(s\) URL/);
    expect(upstreamUrlProblem('ftp://backend/cb')).toBe('the URL must start with http:// or https://');
    expect(upstreamUrlProblem('http://backend/cb#x')).toMatch(/fragment/);
    expect(upstreamUrlProblem('http://user:pw@backend/cb')).toMatch(/user name or password/);
    expect(upstreamUrlProblem('http://backend:99999/cb')).toMatch(/above 65535/);
    expect(upstreamUrlProblem('http://back end/cb')).not.toBeNull();
  });

  it('a PATCH-style merge is validated with the problem at upstream.url', () => {
    const bad = SettingsSchema.safeParse(mergeSettings(DEFAULT_SETTINGS, { upstream: { url: 'localhost:8080' } }));
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['upstream', 'url']);
    const good = SettingsSchema.parse(mergeSettings(DEFAULT_SETTINGS, { upstream: { onFailure: 'fallback' } }));
    expect(good.upstream).toEqual({ url: null, onFailure: 'fallback' });
  });

  it('forward rules: url optional, validated like the setting', () => {
    expect(RuleSchema.parse({ id: 'f', action: { type: 'forward' } }).action).toEqual({ type: 'forward' });
    expect(RuleSchema.safeParse({ id: 'f', action: { type: 'forward', url: 'nope' } }).success).toBe(false);
  });
});
