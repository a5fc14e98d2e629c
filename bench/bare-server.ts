/**
 * The baseline: a bare `node:http` server that reads the body, JSON.parses it and returns the answer the engine
 * gives by default (OpenIM allow; Tencent allow, with one ResultItem per FriendItem for the Prev* friend callbacks). Runs as its own child process,
 * like the engine, so both get one process each. Prints `Listening: <url>` once bound (127.0.0.1, port from argv).
 */
import { createServer } from 'node:http';

const OPENIM_ALLOW = '{"actionCode":0,"errCode":0,"errMsg":"","errDlt":"","nextCode":0}';

interface FriendItemLike {
  To_Account?: unknown;
}

function tencentAnswer(body: unknown): string {
  // Only the Sns.Prev* friend callbacks carry FriendItem and get ResultItem back; message callbacks get the plain OK.
  if (!(typeof body === 'object' && body !== null && 'FriendItem' in body && Array.isArray(body.FriendItem))) {
    return '{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":""}';
  }
  const items = body.FriendItem as FriendItemLike[]; // Array.isArray gives any[]: the items are only read for To_Account
  return JSON.stringify({
    ActionStatus: 'OK',
    ErrorCode: 0,
    ErrorInfo: '',
    ResultItem: items.map((item) => ({ To_Account: String(item.To_Account ?? ''), ResultCode: 0, ResultInfo: '' })),
  });
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    let body: unknown;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"invalid JSON"}');
      return;
    }
    const answer = req.url?.includes('CallbackCommand=') ? tencentAnswer(body) : OPENIM_ALLOW;
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(answer) });
    res.end(answer);
  });
});

server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  process.stdout.write(`Listening: http://127.0.0.1:${port}\n`);
});

const stop = (): void => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
