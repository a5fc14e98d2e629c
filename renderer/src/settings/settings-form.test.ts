import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/contract/index.js';
import {
  errorsByField,
  formFromSettings,
  patchFromForm,
  type SettingsForm,
  settingsSections,
} from './settings-form.js';

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
      errorsByField(DEFAULT_SETTINGS, [
        { path: 'hold.marginMs', message: 'Safety margin must be…' },
        { path: '(root)', message: 'Unrecognized key' },
      ]),
    ).toEqual({ 'hold.marginMs': 'Safety margin must be…', '': 'Unrecognized key' });
  });

  it('offers the upstream URL and failure policy only when the engine has the setting', () => {
    const { upstream: _, ...older } = DEFAULT_SETTINGS;
    // An engine from before upstream mode reports settings without it: no such section (it would refuse the key).
    const olderSettings = older as typeof DEFAULT_SETTINGS; // the shape such an engine reports
    expect(settingsSections(olderSettings).map((s) => s.title)).not.toContain('Upstream (forward mode)');
    expect(
      settingsSections(DEFAULT_SETTINGS)
        .at(-1)
        ?.fields.map((f) => f.path),
    ).toEqual(['upstream.url', 'upstream.onFailure']);
    const form: SettingsForm = { ...formFromSettings(DEFAULT_SETTINGS), 'upstream.url': 'http://127.0.0.1:8080/cb' };
    expect(form['upstream.onFailure']).toBe('relay');
    expect(patchFromForm(DEFAULT_SETTINGS, form)).toEqual({ upstream: { url: 'http://127.0.0.1:8080/cb' } });
    const cleared = {
      ...formFromSettings({ ...DEFAULT_SETTINGS, upstream: { url: 'http://b/cb', onFailure: 'relay' } }),
    };
    cleared['upstream.url'] = '';
    expect(
      patchFromForm({ ...DEFAULT_SETTINGS, upstream: { url: 'http://b/cb', onFailure: 'relay' } }, cleared),
    ).toEqual({ upstream: { url: null } });
  });
});
