import { describe, expect, it } from 'vitest';
import type { Capture } from '../../../shared/contract/index.js';
import { summary } from '../store/summary-fixture.js';
import { openSend, seedFromCapture, seedFromSample } from './play-actions.js';
import { playStore } from './play-store.js';

function capture(patch: Partial<Capture> = {}): Capture {
  const { summary: _text, ...rest } = summary(1);
  return {
    ...rest,
    request: { ...rest.request, bodyText: '{"callbackCommand":"callbackBeforeAddFriendCommand","fromUserID":"a"}' },
    response: null,
    ...patch,
  };
}

describe('send editor seeds', () => {
  it('starts from a capture: its command, dialect and pretty-printed body', () => {
    expect(seedFromCapture(capture())).toEqual({
      dialect: 'openim',
      command: 'callbackBeforeAddFriendCommand',
      bodyText: '{\n  "callbackCommand": "callbackBeforeAddFriendCommand",\n  "fromUserID": "a"\n}',
    });
    expect(seedFromCapture(capture({ dialect: 'unknown' }))).toBeNull();
  });

  it('starts from a sample of either server', () => {
    expect(seedFromSample('Sns.CallbackPrevFriendAdd')).toMatchObject({ dialect: 'tencent' });
    expect(JSON.parse(seedFromSample('callbackBeforeSetFriendRemarkCommand')?.bodyText ?? '')).toMatchObject({
      remark: expect.any(String),
    });
    expect(seedFromSample('nope')).toBeNull();
  });

  it('opens on the first sample when nothing callback-like is selected', () => {
    openSend(capture({ command: 'somethingElse', dialect: 'openim' }));
    expect(playStore.getState().send?.command).toBe('callbackBeforeAddFriendCommand');
    openSend(capture());
    expect(JSON.parse(playStore.getState().send?.bodyText ?? '')).toMatchObject({ fromUserID: 'a' });
  });
});
