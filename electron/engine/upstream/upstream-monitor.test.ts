import { afterEach, describe, expect, it } from 'vitest';
import type { UpstreamStatus } from '../../../shared/contract/index.js';
import { type FakeBackend, startFakeBackend } from '../testing/fake-backend.js';
import type { UpstreamReply } from './upstream.js';
import { UpstreamMonitor } from './upstream-monitor.js';

const reply = (url: string, status: number | null, error?: string): UpstreamReply => ({
  exchange: {
    url,
    status,
    headers: {},
    bodyText: '',
    latencyMs: 3,
    findings: [],
    outcome: null,
    ...(error ? { error } : {}),
  },
  relay: { verdict: 'allow' },
  failed: status === null,
});

describe('UpstreamMonitor', () => {
  let backend: FakeBackend | null = null;
  afterEach(async () => {
    await backend?.close();
    backend = null;
  });

  function monitor(): { m: UpstreamMonitor; changes: UpstreamStatus[]; next: () => Promise<UpstreamStatus> } {
    const changes: UpstreamStatus[] = [];
    const waiters: ((s: UpstreamStatus) => void)[] = [];
    const m = new UpstreamMonitor((s) => {
      changes.push(s);
      waiters.shift()?.(s);
    });
    return { m, changes, next: () => new Promise((resolve) => waiters.push(resolve)) };
  }

  it('checks a new URL with a TCP connection, then follows forwarded callbacks', async () => {
    backend = await startFakeBackend();
    const { m, next } = monitor();
    const reachable = next().then(next);
    m.setUrl(`${backend.url}/cb`);
    expect(m.status()).toEqual({ url: `${backend.url}/cb`, state: 'unknown' });
    expect(await reachable).toMatchObject({ state: 'reachable' });
    m.seen(reply(`${backend.url}/cb/callbackBeforeAddFriendCommand`, 200));
    expect(m.status()).toMatchObject({ state: 'answering', latencyMs: 3 });
    m.seen(reply(`${backend.url}/cb/x`, null, 'connection refused (ECONNREFUSED)'));
    expect(m.status()).toMatchObject({ state: 'failing', error: 'connection refused (ECONNREFUSED)' });
    // A forward rule's own URL does not speak for the configured upstream.
    m.seen(reply('http://elsewhere/cb', 200));
    expect(m.status().state).toBe('failing');
    m.setUrl(null);
    expect(m.status()).toEqual({ url: null, state: 'off' });
  });

  it('a closed port fails the check with the reason', async () => {
    const { m, next } = monitor();
    const failed = next().then(next);
    m.setUrl('http://127.0.0.1:1/cb');
    expect(await failed).toMatchObject({ state: 'failing', error: expect.stringMatching(/cannot connect/) });
  });
});
