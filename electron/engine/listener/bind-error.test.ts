import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { bindErrorText } from './bind-error.js';

const failBind = (host: string, port: number): Promise<unknown> =>
  new Promise((resolve) => {
    const server = createServer();
    server.once('error', resolve);
    server.listen(port, host, () => server.close(() => resolve(null)));
  });

describe('bindErrorText', () => {
  it('turns a taken port into a short sentence', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port; // listening TCP server: AddressInfo
    try {
      const err = await failBind('127.0.0.1', port);
      expect(bindErrorText(err, '127.0.0.1', port)).toBe(`port ${port} is in use by another program`);
    } finally {
      blocker.close();
    }
  });

  it('names other common causes and passes anything else through', () => {
    const coded = (code: string) => Object.assign(new Error(`listen ${code}`), { code });
    expect(bindErrorText(coded('EADDRNOTAVAIL'), '10.9.9.9', 1)).toBe(
      'address 10.9.9.9 does not belong to this machine',
    );
    expect(bindErrorText(coded('EACCES'), 'h', 80)).toMatch(/^no permission to listen on port 80/);
    expect(bindErrorText(new Error('odd'), 'h', 1)).toBe('odd');
    expect(bindErrorText('text', 'h', 1)).toBe('text');
  });
});
