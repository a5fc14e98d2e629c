import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { uiContentSecurityPolicy } from '../../../shared/contract/index.js';
import { createFakeEngine } from '../testing/test-double-engine.js';
import { request, type Started, startTestServer } from '../testing/test-http.js';
import { resolveInside } from './static-files.js';

describe('static UI', () => {
  let root: string;
  let uiDir: string;
  let s: Started;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'ci-static-'));
    uiDir = join(root, 'renderer');
    mkdirSync(join(uiDir, 'assets'), { recursive: true });
    writeFileSync(join(uiDir, 'index.html'), '<!doctype html><title>UI</title>');
    writeFileSync(join(uiDir, 'assets', 'app-1a2b.js'), 'console.log(1)');
    writeFileSync(join(uiDir, 'assets', 'app-1a2b.css'), 'body{}');
    writeFileSync(join(root, 'secret.txt'), 'TOP-SECRET');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  afterEach(() => s.server.close());

  it('serves index.html at / without a token, with the security headers and the real port in the CSP', async () => {
    s = await startTestServer(createFakeEngine(), { uiDir });
    const res = await request(s.base, '/?token=whatever');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<title>UI</title>');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    // The one policy the desktop shell applies too (its properties are tested in electron/csp.test.ts).
    expect(res.headers['content-security-policy']).toBe(uiContentSecurityPolicy(s.server.port));
    expect(res.headers['content-security-policy']).toContain(`ws://127.0.0.1:${s.server.port}`);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it('serves assets with their content types and falls back to index.html for app routes', async () => {
    s = await startTestServer(createFakeEngine(), { uiDir });
    const js = await request(s.base, '/assets/app-1a2b.js');
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.text).toBe('console.log(1)');
    expect((await request(s.base, '/assets/app-1a2b.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    const route = await request(s.base, '/captures/123');
    expect(route.status).toBe(200);
    expect(route.text).toContain('<title>UI</title>');
    expect((await request(s.base, '/assets/missing.js')).status).toBe(404);
    const head = await request(s.base, '/', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.text).toBe('');
    const post = await request(s.base, '/', { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
  });

  it('never serves a file outside the UI folder', async () => {
    s = await startTestServer(createFakeEngine(), { uiDir });
    for (const path of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/%00',
      '/%E0%A4%A',
    ]) {
      const res = await request(s.base, path);
      expect(res.text, path).not.toContain('TOP-SECRET');
      expect([200, 404], path).toContain(res.status);
    }
    expect(resolveInside(uiDir, '/../secret.txt')).toBeNull();
    expect(resolveInside(uiDir, '/a/../../secret.txt')).toBeNull();
    expect(resolveInside(uiDir, '/assets/app.js')).toBe(join(uiDir, 'assets', 'app.js'));
  });

  it('answers a small page when the UI is disabled or not built', async () => {
    s = await startTestServer(createFakeEngine(), { uiDir: null });
    const disabled = await request(s.base, '/');
    expect(disabled.status).toBe(200);
    expect(disabled.text).toContain('disabled');
    await s.server.close();
    s = await startTestServer(createFakeEngine(), { uiDir: join(root, 'nothing-here') });
    const missing = await request(s.base, '/');
    expect(missing.text).toContain('not built');
    expect(missing.headers['content-security-policy']).toContain("default-src 'none'");
  });
});
