import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type EngineEvent, RuleSchema } from '../../../shared/contract/index.js';
import { startTestServer } from '../testing/test-http.js';
import { post, removeDir, startTestEngine, type TestEngine, tempDir } from '../testing/test-support.js';

let dir: string | null = null;
let engine: TestEngine | null = null;
afterEach(async () => {
  await engine?.stop();
  engine = null;
  await removeDir(dir);
  dir = null;
});

const ADD = '/callbackExample/callbackBeforeAddFriendCommand';
const body = (n: number) =>
  JSON.stringify({
    callbackCommand: 'callbackBeforeAddFriendCommand',
    fromUserID: `u${n}`,
    toUserID: 'b',
    reqMsg: '',
    ex: '',
  });

describe('persistence across restarts', () => {
  it('keeps history, rules and settings in the data dir', async () => {
    dir = await tempDir();
    engine = await startTestEngine({ dataDir: dir });
    for (let n = 0; n < 3; n += 1) await post(engine.url, ADD, body(n));
    await engine.core.setRules([
      RuleSchema.parse({ id: 'keep', action: { type: 'answer', decision: { verdict: 'deny' } } }),
    ]);
    await engine.core.updateSettings({
      ...engine.core.getSettings(),
      hold: { ...engine.core.getSettings().hold, marginMs: 123 },
    });
    const before = engine.core.allCaptures();
    await engine.stop();

    engine = await startTestEngine({ dataDir: dir });
    const after = engine.core.allCaptures();
    expect(after.map((c) => [c.id, c.seq, c.state, c.command])).toEqual(
      before.map((c) => [c.id, c.seq, c.state, c.command]),
    );
    expect(engine.core.getCapture(after[0]?.id ?? '')?.request.body).toEqual(JSON.parse(body(0)));
    expect(engine.core.listCaptures({ limit: 10, q: 'u2' }).items.map((s) => s.seq)).toEqual([3]);
    expect(engine.core.getRules().map((r) => r.id)).toEqual(['keep']);
    expect(engine.core.getSettings().hold.marginMs).toBe(123);
    // New captures continue the sequence.
    await post(engine.url, ADD, body(9));
    expect(engine.core.allCaptures().at(-1)?.seq).toBe(4);
    expect(engine.core.allCaptures().at(-1)?.decidedBy).toBe('rule:keep');
  });

  it('keeps any text of a body exactly, in memory, in the log and after a restart (Chinese, emoji, escaped surrogate)', async () => {
    dir = await tempDir();
    engine = await startTestEngine({ dataDir: dir });
    const text =
      '{"callbackCommand":"callbackBeforeAddFriendCommand","fromUserID":"用户1","toUserID":"b","reqMsg":"你好 🙂 é \\ud800","ex":""}';
    expect((await post(engine.url, ADD, text)).status).toBe(200);
    const [stored] = engine.core.allCaptures();
    expect(stored?.request.bodyText).toBe(text);
    // Findings and summaries are the engine's own words: also exact after the \u escaping of the line.
    const summary = engine.core.listCaptures({ limit: 1 }).items[0];
    expect(summary?.summary.parties).toBe('用户1 → b');
    await engine.stop();
    const log = await readFile(join(dir, 'captures.ndjson'), 'utf8');
    expect(log).toContain('你好 🙂 é');
    engine = await startTestEngine({ dataDir: dir });
    const [reloaded] = engine.core.allCaptures();
    expect(reloaded?.request.bodyText).toBe(text);
    expect(reloaded?.findings).toEqual(stored?.findings);
    expect(engine.core.getCapture(reloaded?.id ?? '')?.request.body).toEqual(JSON.parse(text));
    expect(engine.core.listCaptures({ limit: 1, q: '用户1' }).total).toBe(1);
  });

  it("saves what the person changed, not this run's option overrides (e.g. --port 0, --hold all)", async () => {
    dir = await tempDir();
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ listener: { host: '127.0.0.1', port: 10106 } }));
    engine = await startTestEngine({ dataDir: dir, settings: { hold: { mode: 'all' } } });
    const current = engine.core.getSettings();
    expect([current.listener.port, current.hold.mode]).not.toEqual([10106, 'off']);
    await engine.core.updateSettings({ ...current, profiles: { ...current.profiles, openim: 'v3.0-v3.4.0' } });
    const saved = JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'));
    expect(saved.listener.port).toBe(10106);
    expect(saved.hold.mode).toBe('off');
    expect(saved.profiles.openim).toBe('v3.0-v3.4.0');
    // Changing an overridden value on purpose does save it.
    await engine.core.updateSettings({ ...engine.core.getSettings(), hold: { ...current.hold, mode: 'before' } });
    expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8')).hold.mode).toBe('before');
  });

  it('migrates a stored OpenIM profile "v3.4.2-v3.6" to "v3.4.2-v3.5" with a notice in the log and GET /api/health', async () => {
    dir = await tempDir();
    await writeFile(
      join(dir, 'settings.json'),
      JSON.stringify({ profiles: { openim: 'v3.4.2-v3.6', tencent: 'fail-closed' } }),
    );
    const logs: string[] = [];
    engine = await startTestEngine({ dataDir: dir, log: (line) => logs.push(line) });
    expect(engine.core.getSettings().profiles).toEqual({ openim: 'v3.4.2-v3.5', tencent: 'fail-closed' });
    expect(logs.some((l) => /v3\.4\.2-v3\.6.*v3\.4\.2-v3\.5/.test(l))).toBe(true);
    const control = await startTestServer(engine.core);
    try {
      const health = JSON.parse((await control.api('GET', '/api/health')).text);
      expect(health.notices).toEqual([expect.stringMatching(/"v3\.4\.2-v3\.6".*"v3\.4\.2-v3\.5".*v3\.6/)]);
    } finally {
      await control.server.close();
    }
    // The next change saves the migrated value; the following start has nothing to say.
    await engine.core.updateSettings({
      ...engine.core.getSettings(),
      hold: { ...engine.core.getSettings().hold, marginMs: 200 },
    });
    expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8')).profiles.openim).toBe('v3.4.2-v3.5');
    await engine.stop();
    engine = await startTestEngine({ dataDir: dir });
    expect(engine.core.notices()).toEqual([]);
  });

  it('writes settings and rules as plain JSON files', async () => {
    dir = await tempDir();
    engine = await startTestEngine({ dataDir: dir });
    await engine.core.setRules([RuleSchema.parse({ id: 'r', action: { type: 'hold' } })]);
    await engine.stop();
    engine = null;
    const rules = JSON.parse(await readFile(join(dir, 'rules.json'), 'utf8'));
    expect(rules).toEqual([expect.objectContaining({ id: 'r', action: { type: 'hold' } })]);
  });

  it('tolerates a torn last line and keeps appending after it', async () => {
    dir = await tempDir();
    engine = await startTestEngine({ dataDir: dir });
    await post(engine.url, ADD, body(1));
    await engine.stop();
    await appendFile(join(dir, 'captures.ndjson'), '{"id":"torn","seq":99,"requ');
    engine = await startTestEngine({ dataDir: dir });
    expect(engine.core.allCaptures()).toHaveLength(1);
    await post(engine.url, ADD, body(2));
    await engine.stop();
    engine = await startTestEngine({ dataDir: dir });
    expect(engine.core.allCaptures().map((c) => c.seq)).toEqual([1, 2]);
  });

  it('ignores corrupt settings/rules files and uses defaults', async () => {
    dir = await tempDir();
    await writeFile(join(dir, 'settings.json'), '{"hold": {"mode": "sometimes"}}');
    await writeFile(join(dir, 'rules.json'), 'not json');
    const logged: string[] = [];
    engine = await startTestEngine({ dataDir: dir, log: (l) => logged.push(l) });
    expect(engine.core.getSettings().hold.mode).toBe('off');
    expect(engine.core.getRules()).toEqual([]);
    expect(logged.join('\n')).toMatch(/settings\.json/);
    expect(logged.join('\n')).toMatch(/rules\.json/);
  });

  it('clear() empties memory and the file, and says so', async () => {
    dir = await tempDir();
    engine = await startTestEngine({ dataDir: dir });
    await post(engine.url, ADD, body(1));
    engine.core.clearCaptures();
    expect(engine.events.some((e: EngineEvent) => e.type === 'captures.cleared')).toBe(true);
    await post(engine.url, ADD, body(2));
    await engine.stop();
    const lines = (await readFile(join(dir, 'captures.ndjson'), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(1);
    engine = await startTestEngine({ dataDir: dir });
    expect(engine.core.allCaptures().map((c) => c.seq)).toEqual([2]);
  });

  it('compacts the log on start when it is much longer than the limit', async () => {
    dir = await tempDir();
    engine = await startTestEngine({ dataDir: dir, settings: { capture: { limit: 10 } } });
    for (let n = 0; n < 150; n += 1) await post(engine.url, ADD, body(n));
    expect(engine.core.stats()).toMatchObject({ captures: 10, dropped: 140 });
    await engine.stop();
    engine = await startTestEngine({ dataDir: dir, settings: { capture: { limit: 10 } } });
    expect(engine.core.allCaptures().map((c) => c.seq)).toEqual([141, 142, 143, 144, 145, 146, 147, 148, 149, 150]);
    const lines = (await readFile(join(dir, 'captures.ndjson'), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(10);
  });

  it('imports captures with fresh ids and sequence numbers, marked imported', async () => {
    dir = await tempDir();
    engine = await startTestEngine({ dataDir: dir });
    await post(engine.url, ADD, body(1));
    const [original] = engine.core.allCaptures();
    if (!original) throw new Error('no capture');
    const result = engine.core.importCaptures([original, { ...original, state: 'held' }]);
    expect(result).toEqual({ imported: 2, skipped: 0 });
    const all = engine.core.allCaptures();
    expect(all.map((c) => [c.seq, c.imported === true, c.state])).toEqual([
      [1, false, 'answered'],
      [2, true, 'answered'],
      [3, true, 'failed'],
    ]);
    expect(new Set(all.map((c) => c.id)).size).toBe(3);
    await engine.stop();
    engine = await startTestEngine({ dataDir: dir });
    expect(engine.core.allCaptures()).toHaveLength(3);
  });
});
