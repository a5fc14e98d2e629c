import { parse } from 'shell-quote';
import { describe, expect, it } from 'vitest';
import type { Capture } from '../../../shared/contract/index.js';
import { fullUrl, resendHeaders, shellQuote, toCurl } from './curl.js';

const LISTENER = 'http://127.0.0.1:10006';

const captureOf = (request: { method: string; url: string; headers: Record<string, string>; bodyText: string }) =>
  ({ request }) as unknown as Capture; // only the request is read

/** What a POSIX shell would hand curl as argv (line continuations joined first, as the shell does). */
const argv = (command: string): unknown[] => parse(command.replace(/ \\\n {2}/g, ' '));

describe('curl', () => {
  it('quotes for a POSIX shell, including single quotes', () => {
    expect(shellQuote(`it's`)).toBe(`'it'\\''s'`);
  });

  it('replays method, full listener URL, headers and body; drops hop-by-hop headers', () => {
    const capture = captureOf({
      method: 'POST',
      url: '/cb/x?a=1',
      headers: { Host: '127.0.0.1', 'Content-Type': 'application/json', 'content-length': '2' },
      bodyText: `{"m":"it's"}`,
    });
    expect(toCurl(capture, LISTENER)).toBe(
      [
        `curl -X 'POST' 'http://127.0.0.1:10006/cb/x?a=1'`,
        `-H 'Content-Type: application/json'`,
        `--data-raw '{"m":"it'\\''s"}'`,
      ].join(' \\\n  '),
    );
    expect(resendHeaders(capture.request.headers)).toEqual({ 'Content-Type': 'application/json' });
  });

  it('keeps hostile values as single arguments: nothing runs, nothing splits', () => {
    const hostile = ['`touch pwned`', '$(touch pwned)', "a'; touch pwned; '", 'x\ny', '"; rm -rf ~ #', '\\', '!!'];
    for (const value of hostile) {
      const capture = captureOf({
        method: value,
        url: `/cb/${value}?q=${value}`,
        headers: { [`x-${value.length}`]: value },
        bodyText: value,
      });
      const args = argv(toCurl(capture, LISTENER));
      // Only plain strings: shell-quote returns objects for operators, globs and comments.
      expect(
        args.every((a) => typeof a === 'string'),
        value,
      ).toBe(true);
      expect(args).toEqual([
        'curl',
        '-X',
        value,
        `${LISTENER}/cb/${value}?q=${value}`,
        '-H',
        `x-${value.length}: ${value}`,
        '--data-raw',
        value,
      ]);
    }
  });

  it('builds a URL curl can reach from the listener address and any request target', () => {
    expect(fullUrl('http://127.0.0.1:10006', '/callbackExample/cmd')).toBe(
      'http://127.0.0.1:10006/callbackExample/cmd',
    );
    expect(fullUrl('http://[::1]:10006/', 'http://evil.example/x')).toBe('http://[::1]:10006/http://evil.example/x');
    expect(new URL(fullUrl('http://127.0.0.1:1', '//evil.example/x')).host).toBe('127.0.0.1:1');
  });
});
