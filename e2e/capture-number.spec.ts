import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type FakeBackend, startFakeBackend } from '../electron/engine/testing/fake-backend.js';
import { type Capture, captureNumber, type SessionFile } from '../shared/contract/index.js';
import { postCallback } from './fixtures/callbacks.js';
import { TestControlApi } from './fixtures/control-api.js';
import { freshDataDir, freshToken, spawnEngine } from './fixtures/engine-process.js';
import { expect, test } from './fixtures/inspector.js';
import { CaptureTablePage } from './pages/capture-table.js';

// issue 23 problem 10 / build 3: a capture keeps one number wherever it is shown — the CLI, the window, an export and
// an import (it was #24 in the CLI and #29 after import).
const CLI = fileURLToPath(new URL('../dist/electron/cli.js', import.meta.url));
let backend: FakeBackend | null = null;
test.afterEach(async () => {
  await backend?.close();
  backend = null;
});

const numberOf = (file: string, user: string): number | undefined => {
  const session: SessionFile = JSON.parse(readFileSync(file, 'utf8'));
  const capture = session.captures.find((c: Capture) => c.request.bodyText.includes(`"${user}"`));
  return capture && captureNumber(capture);
};

test('export, Clear, import: each capture keeps its number in the window, the export, serve --verbose and replay', async ({
  engine,
  inspector,
  page,
}, testInfo) => {
  for (const user of ['ann', 'ben', 'cid'])
    await postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', { fromUserID: user });
  const table = new CaptureTablePage(page);
  await expect(table.cell(inspector.row('ben →'), '#')).toHaveText('2');
  const first = join(testInfo.outputDir, 'first.json');
  await (await inspector.export('JSON')).saveAs(first);
  expect(numberOf(first, 'ben')).toBe(2);

  // Cleared, one more live callback (#4), then the session again: ben is #2 still, not #5–#7.
  await inspector.clear();
  await postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', { fromUserID: 'dan' });
  await expect(table.cell(inspector.row('dan →'), '#')).toHaveText('4');
  await inspector.importFile(first);
  await expect(inspector.notice('Imported 3')).toBeVisible();
  await expect(table.cell(inspector.row('ben →'), '#')).toHaveText('2');
  await expect(table.cell(inspector.row('cid →'), '#')).toHaveText('3');
  await inspector.selectRow('ben →');
  await expect(inspector.detailHeading()).toHaveText('#2 callbackBeforeAddFriendCommand');
  await inspector.filter('#2');
  await expect(inspector.rows()).toHaveCount(1);
  await inspector.filter('');

  // Exported again: the same number in the file.
  const second = join(testInfo.outputDir, 'second.json');
  await (await inspector.export('JSON')).saveAs(second);
  expect(numberOf(second, 'ben')).toBe(2);
  expect(numberOf(second, 'dan')).toBe(4);

  // Another engine, run from the CLI with --verbose, that already has a #1 of its own: the import prints #2 for ben.
  const data = freshDataDir();
  const token = freshToken();
  const other = await spawnEngine({ token, dataDir: data.dir, controlPort: 0, extraArgs: ['--verbose'] });
  try {
    await postCallback(other.listenerUrl, 'callbackBeforeAddFriendCommand', { fromUserID: 'own' });
    const api = new TestControlApi(() => other.controlUrl, token);
    expect(await api.importSession(readFileSync(second, 'utf8'))).toMatchObject({ imported: 4 });
    await expect
      .poll(() => other.output.filter((l) => /^#\d+ openim/.test(l)))
      .toEqual(
        [
          '#1 openim callbackBeforeAddFriendCommand → allow (default)',
          '#4 openim callbackBeforeAddFriendCommand → allow (default)',
          '#1 openim callbackBeforeAddFriendCommand → allow (default)',
          '#2 openim callbackBeforeAddFriendCommand → allow (default)',
          '#3 openim callbackBeforeAddFriendCommand → allow (default)',
        ].map((l) => expect.stringMatching(new RegExp(`^${l.replace(/[+()]/g, '\\$&')}`))),
      );
  } finally {
    await other.stop();
    data.remove();
  }

  // `replay` from the CLI numbers the same file's captures the same way.
  backend = await startFakeBackend(() => ({ body: '{"actionCode":0,"errCode":0,"nextCode":0}' }));
  const { stdout } = await promisify(execFile)(process.execPath, [
    CLI,
    'replay',
    second,
    '--to',
    backend.url,
    '--json',
  ]);
  const report: { items: { seq: number; id: string }[] } = JSON.parse(stdout);
  const session: SessionFile = JSON.parse(readFileSync(second, 'utf8'));
  const ben = session.captures.find((c) => c.request.bodyText.includes('"ben"'));
  expect(report.items.find((i) => i.id === ben?.id)?.seq).toBe(2);
});
