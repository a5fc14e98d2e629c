// product.md §4 v3: a settings or rules file that does not validate is never discarded. The probe: one rule with
// `"code": "x"` → the engine started with no rules; `marginMs: -1` → every setting reset (upstream off, Tencent token
// and hold gone); `notices` empty; the next PUT overwrote the file and 9 valid rules were lost.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RuleSchema } from '../../../shared/contract/index.js';
import { startTestServer } from '../testing/test-http.js';
import { removeDir, startTestEngine, type TestEngine, tempDir } from '../testing/test-support.js';
import { fileStamp } from './config-salvage.js';

let dir: string | null = null;
let engine: TestEngine | null = null;
afterEach(async () => {
  await engine?.stop();
  engine = null;
  await removeDir(dir);
  dir = null;
});

const rule = (n: number, code: unknown = 5000 + n) => ({
  id: `r${n}`,
  match: { command: 'callbackBeforeAddFriendCommand', where: [{ path: 'fromUserID', op: 'equals', value: `u${n}` }] },
  action: { type: 'answer', decision: { verdict: 'deny', code } },
});

const STORED_SETTINGS = {
  hold: { mode: 'before', openimTimeoutMs: 6000, tencentTimeoutMs: 2000, marginMs: -1, fallback: 'auto' },
  tencent: { sdkAppId: 1400000000, token: 'secret-token', maxClockSkewS: 60 },
  upstream: { url: 'http://127.0.0.1:9/backend', onFailure: 'relay' },
  capture: { limit: 'lots', maxBodyBytes: 2_048 },
  rules: { maxMatchBytes: 8 },
  colour: 'blue',
};

describe('an invalid settings or rules file at start', () => {
  it('keeps every valid rule and setting, falls back item by item, says so in health, keeps the original', async () => {
    dir = await tempDir();
    const bad = { ...rule(5, 'x'), id: 'bad' };
    const rulesText = JSON.stringify(
      [1, 2, 3, 4, bad, 6, 7, 8, 9, 10, 1].map((n) => (n === bad ? bad : rule(n as number))),
    );
    const settingsText = JSON.stringify(STORED_SETTINGS);
    await writeFile(join(dir, 'rules.json'), rulesText);
    await writeFile(join(dir, 'settings.json'), settingsText);
    engine = await startTestEngine({ dataDir: dir });

    // The 9 valid rules kept in order; the invalid one and the duplicate id left out.
    expect(engine.core.getRules().map((r) => r.id)).toEqual(['r1', 'r2', 'r3', 'r4', 'r6', 'r7', 'r8', 'r9', 'r10']);
    const settings = engine.core.getSettings();
    expect(settings.hold).toMatchObject({ mode: 'before', openimTimeoutMs: 6000, marginMs: 300 });
    expect(settings.tencent).toMatchObject({ sdkAppId: 1400000000, token: 'secret-token' });
    expect(settings.upstream.url).toBe('http://127.0.0.1:9/backend');
    expect(settings.capture).toMatchObject({ limit: 50_000, maxBodyBytes: 2_048 });

    const control = await startTestServer(engine.core);
    let notices: string[];
    try {
      notices = JSON.parse((await control.api('GET', '/api/health')).text).notices;
    } finally {
      await control.server.close();
    }
    const text = notices.join('\n');
    expect(text).toContain(`${join(dir, 'settings.json')} did not validate (4 problems)`);
    expect(text).toContain(`${join(dir, 'rules.json')} did not validate (2 problems)`);
    expect(text).toMatch(
      /settings\.json: hold\.marginMs: Safety margin must be .* \(was -1; the default 300 applies\)/,
    );
    expect(text).toMatch(/settings\.json: capture\.limit: .*"lots"/);
    expect(text).toMatch(/settings\.json: colour: not a setting/);
    expect(text).toMatch(/settings\.json: rules\.maxMatchBytes: .*\(was 8; the default 65536 applies\)/);
    expect(text).toMatch(/rules\.json: rule 5 "bad" left out: action\.decision\.code: /);
    expect(text).toMatch(/rules\.json: rule 11 "r1" left out: duplicate rule id/);

    // The originals, byte for byte, beside the files (UTC stamp, no colons), owner-only.
    const copies = readdirSync(dir).filter((n) => n.includes('.invalid-'));
    expect(copies.sort()).toEqual([
      expect.stringMatching(/^rules\.invalid-\d{8}T\d{6}Z\.json$/),
      expect.stringMatching(/^settings\.invalid-\d{8}T\d{6}Z\.json$/),
    ]);
    const [rulesCopy, settingsCopy] = copies.sort() as [string, string];
    expect(text).toContain(`its original is kept as ${rulesCopy}`);
    expect(readFileSync(join(dir, rulesCopy), 'utf8')).toBe(rulesText);
    expect(readFileSync(join(dir, settingsCopy), 'utf8')).toBe(settingsText);
    if (process.platform !== 'win32') expect(statSync(join(dir, settingsCopy)).mode & 0o777).toBe(0o600);

    // The next save writes what was kept (not an empty list), and the copies stay.
    await engine.core.setRules([...engine.core.getRules(), RuleSchema.parse({ id: 'new', action: { type: 'hold' } })]);
    const saved = JSON.parse(readFileSync(join(dir, 'rules.json'), 'utf8')) as { id: string }[];
    expect(saved.map((r) => r.id)).toEqual(['r1', 'r2', 'r3', 'r4', 'r6', 'r7', 'r8', 'r9', 'r10', 'new']);
    await engine.core.updateSettings({ ...settings, hold: { ...settings.hold, marginMs: 250 } });
    const savedSettings = JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'));
    expect(savedSettings.tencent.token).toBe('secret-token');
    expect(savedSettings.upstream.url).toBe('http://127.0.0.1:9/backend');
    expect(readFileSync(join(dir, rulesCopy), 'utf8')).toBe(rulesText);
  });

  it('a file that is not JSON is kept and named; the engine starts with defaults', async () => {
    dir = await tempDir();
    await writeFile(join(dir, 'rules.json'), 'not json');
    engine = await startTestEngine({ dataDir: dir });
    expect(engine.core.getRules()).toEqual([]);
    expect(engine.core.notices().join('\n')).toMatch(
      /rules\.json did not validate \(1 problem\).*\nrules\.json: not JSON/,
    );
    expect(readdirSync(dir).some((n) => /^rules\.invalid-.*\.json$/.test(n))).toBe(true);
  });

  it('stamps copies in UTC without colons', () => {
    expect(fileStamp(new Date('2026-12-07T10:15:00.123Z'))).toBe('20261207T101500Z');
  });
});
