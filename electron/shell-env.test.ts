import { describe, expect, it } from 'vitest';
import { readShellEnv } from './shell-env.js';

describe('readShellEnv', () => {
  it('is all defaults when nothing is set', () => {
    expect(readShellEnv({})).toEqual({ userDataDir: null, listenerPort: null, controlPort: null, warnings: [] });
  });

  it('reads the user-data folder and both ports, including 0', () => {
    const env = readShellEnv({
      CALLBACK_INSPECTOR_USER_DATA: '/tmp/ci-test',
      CALLBACK_INSPECTOR_PORT: '0',
      CALLBACK_INSPECTOR_CONTROL_PORT: ' 10107 ',
    });
    expect(env).toEqual({ userDataDir: '/tmp/ci-test', listenerPort: 0, controlPort: 10107, warnings: [] });
  });

  it('ignores bad ports with a warning and blank values silently', () => {
    const env = readShellEnv({ CALLBACK_INSPECTOR_PORT: '70000', CALLBACK_INSPECTOR_CONTROL_PORT: 'abc' });
    expect(env.listenerPort).toBeNull();
    expect(env.controlPort).toBeNull();
    expect(env.warnings).toHaveLength(2);
    expect(env.warnings[0]).toContain('CALLBACK_INSPECTOR_PORT=70000');
    expect(readShellEnv({ CALLBACK_INSPECTOR_USER_DATA: '  ', CALLBACK_INSPECTOR_PORT: '' })).toMatchObject({
      userDataDir: null,
      listenerPort: null,
      warnings: [],
    });
  });
});
