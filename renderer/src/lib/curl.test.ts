import { describe, expect, it } from 'vitest';
import type { Capture } from '../../../shared/contract/index.js';
import { resendHeaders, shellQuote, toCurl } from './curl.js';

describe('curl', () => {
  it('quotes for a POSIX shell, including single quotes', () => {
    expect(shellQuote(`it's`)).toBe(`'it'\\''s'`);
  });

  it('replays method, URL, headers and body; drops hop-by-hop headers', () => {
    const capture = {
      request: {
        method: 'POST',
        url: 'http://127.0.0.1:10006/cb/x?a=1',
        headers: { Host: '127.0.0.1', 'Content-Type': 'application/json', 'content-length': '2' },
        bodyText: `{"m":"it's"}`,
      },
    } as unknown as Capture; // only the request is read
    expect(toCurl(capture)).toBe(
      [
        `curl -X POST 'http://127.0.0.1:10006/cb/x?a=1'`,
        `-H 'Content-Type: application/json'`,
        `--data-raw '{"m":"it'\\''s"}'`,
      ].join(' \\\n  '),
    );
    expect(resendHeaders(capture.request.headers)).toEqual({ 'Content-Type': 'application/json' });
  });
});
