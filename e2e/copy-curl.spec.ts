import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'shell-quote';
import { postCallback } from './fixtures/callbacks.js';
import { expect, test } from './fixtures/inspector.js';

test('Copy as cURL gives a command a shell can run: it replays the callback to the listener', async ({
  engine,
  inspector,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', {
    fromUserID: 'quinn',
    reqMsg: `it's "quoted" $(touch pwned) \`and\` back`,
  });
  await inspector.selectRow('quinn →');
  const command = await inspector.copyAsCurl();

  const argv = parse(command.replace(/ \\\n {2}/g, ' '));
  expect(argv.slice(0, 4)).toEqual([
    'curl',
    '-X',
    'POST',
    `${engine.listenerUrl}/callbackExample/callbackBeforeAddFriendCommand`,
  ]);
  // Run by a real shell: curl reaches the listener (it used to exit 3, no host) and the body arrives unchanged.
  execFileSync('sh', ['-c', `${command} --silent --show-error --fail`], { cwd: engine.dataDir });
  await expect(inspector.row('quinn →')).toHaveCount(2);
  expect(existsSync(join(engine.dataDir, 'pwned'))).toBe(false);
  await inspector.row('quinn →').nth(1).click();
  await expect(inspector.detailSection('Request')).toContainText('$(touch pwned)');
});
