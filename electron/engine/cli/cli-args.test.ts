import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readVersion } from './cli.js';
import { defaultDataDir, parseCliArgs } from './cli-args.js';

const errorOf = (argv: string[]): string => {
  const r = parseCliArgs(argv);
  if (r.kind !== 'error') throw new Error(`expected an error for ${argv.join(' ')}, got ${r.kind}`);
  return r.message;
};

describe('parseCliArgs', () => {
  it('has the documented defaults', () => {
    expect(parseCliArgs(['serve'])).toEqual({
      kind: 'serve',
      options: {
        host: null,
        port: null,
        controlPort: 10007,
        token: null,
        newToken: false,
        rulesFile: null,
        hold: null,
        upstream: null,
        dataDir: null,
        ui: true,
        sdkAppId: null,
        tencentToken: null,
        verbose: false,
      },
    });
  });

  it('reads every option', () => {
    const r = parseCliArgs([
      'serve',
      '--host',
      '0.0.0.0',
      '--port=0',
      '--control-port',
      '17007',
      '--token',
      'secret',
      '--rules',
      'rules.json',
      '--hold',
      'before',
      '--upstream',
      'http://127.0.0.1:8080/callback',
      '--data-dir',
      '/tmp/ci',
      '--no-ui',
      '--sdkappid',
      '1400000000',
      '--tencent-token',
      'tok',
      '--verbose',
    ]);
    expect(r).toEqual({
      kind: 'serve',
      options: {
        host: '0.0.0.0',
        port: 0,
        controlPort: 17007,
        token: 'secret',
        newToken: false,
        rulesFile: 'rules.json',
        hold: 'before',
        upstream: 'http://127.0.0.1:8080/callback',
        dataDir: '/tmp/ci',
        ui: false,
        sdkAppId: 1_400_000_000,
        tencentToken: 'tok',
        verbose: true,
      },
    });
  });

  it('--new-token rotates the kept token and cannot go with --token', () => {
    const r = parseCliArgs(['serve', '--new-token']);
    expect(r.kind === 'serve' && r.options.newToken).toBe(true);
    expect(errorOf(['serve', '--new-token', '--token', 'x'])).toBe('--new-token and --token cannot be used together');
  });

  it('help and version win over everything else', () => {
    expect(parseCliArgs(['--help'])).toMatchObject({ kind: 'help' });
    expect(parseCliArgs(['serve', '-h'])).toMatchObject({
      kind: 'help',
      text: expect.stringContaining('--control-port'),
    });
    expect(parseCliArgs(['--version'])).toEqual({ kind: 'version' });
    expect(parseCliArgs(['-v'])).toEqual({ kind: 'version' });
  });

  it('gives each command its own help, and bad input the exit code and usage of its command', () => {
    const root = parseCliArgs(['--help']);
    expect(root.kind === 'help' && root.text).toMatch(/Commands:\n\s+serve .*\n\s+send .*\n(.*\n)*\s+replay /);
    expect(parseCliArgs(['send', '--help'])).toMatchObject({
      kind: 'help',
      text: expect.stringContaining('Usage: callback-inspector send --to URL --command CMD --body FILE|- [options]'),
    });
    expect(parseCliArgs(['replay', '--to', 'http://h'])).toMatchObject({
      kind: 'error',
      exitCode: 3,
      usage: expect.stringContaining('Usage: callback-inspector replay SESSION --to URL [options]'),
    });
    expect(parseCliArgs(['serve', '--bogus'])).toMatchObject({ kind: 'error', exitCode: 2 });
    expect(errorOf(['serve', '--verbos'])).toBe('unknown option --verbos (did you mean --verbose?)');
  });

  it('explains every kind of mistake', () => {
    expect(errorOf([])).toMatch(/missing command/);
    expect(errorOf(['start'])).toBe('unknown command "start"');
    expect(errorOf(['serve', 'extra'])).toBe('unexpected argument "extra"');
    expect(errorOf(['serve', '--bogus'])).toBe('unknown option --bogus');
    expect(errorOf(['serve', '--port'])).toBe('option --port needs a value');
    expect(errorOf(['serve', '--no-ui=yes'])).toBe('option --no-ui takes no value');
    expect(errorOf(['serve', '--port', 'abc'])).toBe('--port must be a port number from 0 to 65535 (got "abc")');
    expect(errorOf(['serve', '--port', '65536'])).toMatch(/--port must be a port number/);
    expect(errorOf(['serve', '--port', '-1'])).toMatch(/--port/);
    expect(errorOf(['serve', '--control-port', '1.5'])).toMatch(/--control-port must be a port number/);
    expect(errorOf(['serve', '--hold', 'maybe'])).toBe('--hold must be one of off, before, all (got "maybe")');
    expect(errorOf(['serve', '--upstream', 'localhost:8080'])).toMatch(/^--upstream: .*http:\/\//);
    expect(errorOf(['serve', '--upstream', 'ftp://backend/cb'])).toBe(
      '--upstream: the URL must start with http:// or https://',
    );
    expect(errorOf(['serve', '--upstream', 'http://a@backend/cb'])).toMatch(/user name or password/);
    expect(errorOf(['serve', '--sdkappid', 'x1'])).toMatch(/--sdkappid must be a whole number/);
    expect(errorOf(['serve', '--token', ''])).toMatch(/--token must be 1 to 256 characters/);
    expect(errorOf(['serve', '--tencent-token', 'x'.repeat(129)])).toMatch(/--tencent-token must be 1 to 128/);
  });
});

describe('defaultDataDir', () => {
  it('follows each OS convention', () => {
    expect(defaultDataDir('linux', {}, '/home/ann')).toBe('/home/ann/.local/share/callback-inspector');
    expect(defaultDataDir('linux', { XDG_DATA_HOME: '/xdg' }, '/home/ann')).toBe('/xdg/callback-inspector');
    expect(defaultDataDir('linux', { XDG_DATA_HOME: 'relative' }, '/home/ann')).toBe(
      '/home/ann/.local/share/callback-inspector',
    );
    expect(defaultDataDir('darwin', {}, '/Users/ann')).toBe(
      '/Users/ann/Library/Application Support/Callback Inspector',
    );
    expect(defaultDataDir('win32', { APPDATA: '/c/Users/ann/AppData/Roaming' }, '/c/Users/ann')).toBe(
      '/c/Users/ann/AppData/Roaming/Callback Inspector',
    );
  });
});

describe('readVersion', () => {
  it("is the package's version, run from the sources as from the bundle", () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'));
    expect(readVersion()).toBe(pkg.version);
  });
});
