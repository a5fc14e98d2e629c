import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { REPO_ROOT } from './paths.js';

/**
 * Issue 22's attacks, bounded in count and on loopback only, run by `npm run soak -- --attacks N` against the soak's
 * engine after the load: a second engine on the same data dir, big bodies, a gzip bomb from upstream, upstream set
 * to the engine itself, command names that are paths, a regex rule whose matcher explodes, a large import. Each prints what happened; nothing here judges.
 */
export async function runAttacks(
  target: { listener: string; control: string; dir: string; token: string },
  rounds: number,
  say: (line: string) => void,
): Promise<void> {
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${target.control}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${target.token}`, 'content-type': 'application/json', ...init.headers },
    });
  const patch = (settings: unknown) => api('/api/settings', { method: 'PATCH', body: JSON.stringify(settings) });
  const captures = async (): Promise<number> =>
    ((await (await api('/api/captures?limit=1')).json()) as { total: number }).total;
  const callback = (path: string, body: string) =>
    fetch(`${target.listener}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then(
      (r) => r.status,
      () => 0,
    );

  // 1. A second engine on the same data dir must exit 1 (the first keeps it).
  const second = spawn(process.execPath, [join(REPO_ROOT, 'dist/bench/engine-child.js'), '--data-dir', target.dir], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  second.stderr.on('data', (c: Buffer) => {
    err += c.toString();
  });
  const code = await new Promise<number | null>((resolve) => second.once('exit', resolve));
  const why = err.split('\n').find((l) => l.includes('in use')) ?? err.trim().split('\n').at(-1) ?? '';
  say(`second engine on the data dir: exit ${code}; ${why.trim()}`);

  // 2. Big bodies: 512 KiB each; the store stays under capture.maxStoreBytes.
  const big = JSON.stringify({ callbackCommand: 'callbackBeforeAddFriendCommand', reqMsg: 'x'.repeat(512 * 1024) });
  for (let i = 0; i < rounds; i++) await callback('/cb/callbackBeforeAddFriendCommand', big);
  say(`big bodies: ${rounds} × 512 KiB sent; ${await captures()} captures kept`);

  // 3. A gzip bomb (100 MB of one letter, about 100 KB) from the upstream backend.
  const bomb = gzipSync(Buffer.concat([Buffer.from('{"errCode":0,"x":"'), Buffer.alloc(100 * 1_048_576, 0x61)]));
  const backend = createServer((req, res) => {
    // The engine may stop reading a bomb half way: a broken pipe here is expected, not a failure of the soak.
    req.socket.on('error', () => undefined);
    req.resume();
    res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(bomb);
  });
  await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', resolve));
  await patch({ upstream: { url: `http://127.0.0.1:${(backend.address() as AddressInfo).port}/cb` } });
  const bombStatus: number[] = [];
  for (let i = 0; i < rounds; i++) bombStatus.push(await callback('/cb/callbackBeforeAddFriendCommand', '{}'));
  say(`gzip bomb via upstream: ${rounds} callbacks, answers ${[...new Set(bombStatus)].join('/')}`);
  backend.close();

  // 4. Upstream set to the engine's own listener: refused (400), and each callback is one capture, not a loop.
  const before = await captures();
  const loop = await patch({ upstream: { url: `${target.listener}/cb` } });
  say(`PATCH upstream = own listener: ${loop.status}`);
  for (let i = 0; i < rounds; i++) await callback('/cb/callbackBeforeAddFriendCommand', '{}');
  say(`upstream = own listener: ${rounds} callbacks → ${(await captures()) - before} captures`);
  await patch({ upstream: { url: null } });

  // 5. Command names that are paths, in the body.
  for (let i = 0; i < rounds; i++) await callback('/', JSON.stringify({ callbackCommand: i % 2 ? '..' : '../admin' }));
  say(`command names that are paths: ${rounds} sent, all answered here`);

  // 6. A regex rule whose matcher explodes (a[ab]{14}$: 18 instructions, 2^15 states) is refused at PUT.
  const rule = { id: 'x', match: { where: [{ path: 'reqMsg', op: 'matches', value: 'a[ab]{14}$' }] } };
  const rules = await api('/api/rules', {
    method: 'PUT',
    body: JSON.stringify([{ ...rule, action: { type: 'hold' } }]),
  });
  say(`PUT rule a[ab]{14}$: ${rules.status}`);

  // 7. A large NDJSON import (rounds × 1 MiB captures) while callbacks keep coming: read line by line, callbacks answered.
  const exported = (await (await api('/api/export?format=ndjson')).text()).split('\n')[0] ?? '';
  const base = JSON.parse(exported) as { id: string; request: { bodyText: string } };
  const lines = Array.from({ length: rounds }, (_, i) =>
    JSON.stringify({ ...base, id: `soak-import-${i}`, request: { ...base.request, bodyText: 'x'.repeat(1_048_576) } }),
  );
  const imported = api('/api/import', { method: 'POST', body: `${lines.join('\n')}\n` });
  const during = await Promise.all(
    Array.from({ length: rounds }, () => callback('/cb/callbackBeforeAddFriendCommand', '{}')),
  );
  const answers = [...new Set(during)].join('/');
  say(`import of ${rounds} MiB: ${(await imported).status}; callbacks meanwhile answered ${answers}`);
}
