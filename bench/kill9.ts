/**
 * `npm run kill9`: how many answered callbacks a `kill -9` of the engine loses at full load (product.md §4: at most
 * the last few milliseconds; issue 13: at most 1 % or 200 captures, whichever is larger). Starts the engine child
 * with a fresh data dir, drives it with `--connections` keep-alive clients for `--seconds`, kills it with SIGKILL
 * while requests are in flight, then counts the captures in captures.ndjson against the answers the clients got.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { REPO_ROOT } from './paths.js';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '3' }, connections: { type: 'string', default: '32' } },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);

const dir = await mkdtemp(join(tmpdir(), 'ci-kill9-'));
const child = spawn(process.execPath, [join(REPO_ROOT, 'dist/bench/engine-child.js'), '--data-dir', dir], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const listener = await new Promise<string>((resolve, reject) => {
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    const m = /Listener: (\S+)/.exec(out);
    if (m?.[1]) resolve(m[1]);
  });
  child.once('exit', () => reject(new Error('engine child exited before listening')));
});

/** Each request names itself (fromUserID `u<n>`), so the log can be checked for exactly the answered ones. */
const bodyOf = (n: number): string =>
  JSON.stringify({
    callbackCommand: 'callbackBeforeAddFriendCommand',
    fromUserID: `u${n}`,
    toUserID: 'user456',
    reqMsg: 'hello',
    ex: '',
  });
const answeredIds = new Set<number>();
let sent = 0;
let killed = false;
const load = autocannon({
  url: `${listener}/callbackExample/callbackBeforeAddFriendCommand`,
  connections,
  duration: seconds + 1,
  requests: [
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      setupRequest: (req, context) => {
        const n = sent++;
        context.n = n;
        return { ...req, body: bodyOf(n) };
      },
      // One request in flight per connection: the context names the request this answer is for.
      onResponse: (status, _body, context) => {
        if (status === 200 && !killed) answeredIds.add(context.n as number); // set just above
      },
    },
  ],
});
await new Promise((resolve) => setTimeout(resolve, seconds * 1_000));
// Counted up to here: an answer that arrives after the kill is not counted as answered.
killed = true;
child.kill('SIGKILL');
await load;

const text = await readFile(join(dir, 'captures.ndjson'), 'utf8').catch(() => '');
const lines = text.split('\n').filter(Boolean);
const loggedIds = new Set<number>();
let torn = 0;
for (const line of lines) {
  try {
    const capture = JSON.parse(line) as { request: { bodyText: string } };
    loggedIds.add(Number((JSON.parse(capture.request.bodyText) as { fromUserID: string }).fromUserID.slice(1)));
  } catch {
    torn++;
  }
}
const answered = answeredIds.size;
const logged = loggedIds.size;
const missing = [...answeredIds].filter((id) => !loggedIds.has(id));
const lost = missing.length;
// "Never an older one": every lost capture should be among the last ones sent.
const oldestLost = missing.length > 0 ? Math.min(...missing) : null;
const allowed = Math.max(200, Math.ceil(answered / 100));
process.stdout.write(
  `answered ${answered} in ${seconds} s (${Math.round(answered / seconds)}/s), logged ${logged}, torn lines ${torn}\n` +
    `lost ${lost} (${((100 * lost) / Math.max(1, answered)).toFixed(2)} %), allowed ${allowed}: ${lost <= allowed ? 'OK' : 'TOO MANY'}\n` +
    `oldest lost: ${oldestLost === null ? 'none' : `request #${oldestLost}, with ${[...answeredIds].filter((n) => n > oldestLost).length} answered after it`}\n`,
);
await rm(dir, { recursive: true, force: true });
process.exit(lost <= allowed ? 0 : 1);
