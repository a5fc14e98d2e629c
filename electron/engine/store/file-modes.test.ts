// product.md §4 v3: files of the data dir that hold secrets or captured data (settings.json holds the Tencent token;
// the capture log holds every callback) are created 0600, and existing ones are tightened at start. The probe found
// settings.json and captures.ndjson created 0644.
import { chmodSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { post, removeDir, startTestEngine, type TestEngine, tempDir } from '../testing/test-support.js';

let dir: string | null = null;
let engine: TestEngine | null = null;
afterEach(async () => {
  await engine?.stop();
  engine = null;
  await removeDir(dir);
  dir = null;
});

const mode = (path: string): string => (statSync(path).mode & 0o777).toString(8);
const ADD = '/callbackExample/callbackBeforeAddFriendCommand';

describe.skipIf(process.platform === 'win32')('data dir file modes', () => {
  it('creates settings.json, rules.json and the capture log 0600', async () => {
    dir = await tempDir();
    engine = await startTestEngine({ dataDir: dir });
    await post(engine.url, ADD, JSON.stringify({ callbackCommand: 'callbackBeforeAddFriendCommand' }));
    const settings = engine.core.getSettings();
    await engine.core.updateSettings({ ...settings, tencent: { ...settings.tencent, token: 'secret' } });
    await engine.core.setRules([]);
    await engine.stop();
    engine = null;
    expect(mode(join(dir, 'settings.json'))).toBe('600');
    expect(mode(join(dir, 'rules.json'))).toBe('600');
    expect(mode(join(dir, 'captures.ndjson'))).toBe('600');
  });

  it('tightens existing files at start', async () => {
    dir = await tempDir();
    for (const name of ['settings.json', 'rules.json', 'captures.ndjson']) {
      writeFileSync(join(dir, name), name.endsWith('.json') ? (name === 'rules.json' ? '[]' : '{}') : '');
      chmodSync(join(dir, name), 0o644);
    }
    engine = await startTestEngine({ dataDir: dir });
    expect(mode(join(dir, 'settings.json'))).toBe('600');
    expect(mode(join(dir, 'rules.json'))).toBe('600');
    expect(mode(join(dir, 'captures.ndjson'))).toBe('600');
  });
});
