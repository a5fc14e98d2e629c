import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/contract/index.js';
import { errorsByField, formFromSettings, patchFromForm } from './settings-form.js';

describe('settings form', () => {
  it('shows every setting as text, unset ones empty', () => {
    const form = formFromSettings(DEFAULT_SETTINGS);
    expect(form['hold.marginMs']).toBe('300');
    expect(form['tencent.sdkAppId']).toBe('');
    expect(form['listener.host']).toBe('127.0.0.1');
  });

  it('patches only what changed; bad numbers go to the engine as typed', () => {
    const form = {
      ...formFromSettings(DEFAULT_SETTINGS),
      'hold.marginMs': '200',
      'tencent.sdkAppId': ' 1400000000 ',
      'capture.limit': '-3x',
    };
    expect(patchFromForm(DEFAULT_SETTINGS, form)).toEqual({
      hold: { marginMs: 200 },
      tencent: { sdkAppId: 1_400_000_000 },
      capture: { limit: '-3x' },
    });
    const cleared = { ...DEFAULT_SETTINGS, tencent: { ...DEFAULT_SETTINGS.tencent, token: 'tok' } };
    expect(patchFromForm(cleared, { ...formFromSettings(cleared), 'tencent.token': '' })).toEqual({
      tencent: { token: null },
    });
  });

  it('puts engine errors at their field', () => {
    expect(
      errorsByField([
        { path: 'hold.marginMs', message: 'Safety margin must be…' },
        { path: '(root)', message: 'Unrecognized key' },
      ]),
    ).toEqual({ 'hold.marginMs': 'Safety margin must be…', '': 'Unrecognized key' });
  });
});
