import { findCommand } from '../shared/protocol/index.js';

/** The two callbacks the bench sends: the protocol catalogue's samples for OpenIM before-add-friend and Tencent PrevFriendAdd. */
export interface SampleRequest {
  name: 'openim' | 'tencent';
  label: string;
  /** Path with query, as sent on the wire. */
  path: string;
  bodyText: string;
}

function sampleBody(name: string): Record<string, unknown> {
  const sample = findCommand(name)?.sample;
  if (!sample) throw new Error(`no sample body for ${name} in the protocol catalogue`);
  return sample;
}

const OPENIM_BODY = sampleBody('callbackBeforeAddFriendCommand');
const TENCENT_BODY = sampleBody('Sns.CallbackPrevFriendAdd');

const TENCENT_QUERY =
  'SdkAppid=1400000000&CallbackCommand=Sns.CallbackPrevFriendAdd&contenttype=json&ClientIP=127.0.0.1&OptPlatform=RESTAPI';

export const OPENIM_SAMPLE: SampleRequest = {
  name: 'openim',
  label: 'OpenIM callbackBeforeAddFriendCommand',
  path: '/callbackExample/callbackBeforeAddFriendCommand',
  bodyText: JSON.stringify(OPENIM_BODY),
};

export const TENCENT_SAMPLE: SampleRequest = {
  name: 'tencent',
  label: 'Tencent Sns.CallbackPrevFriendAdd',
  path: `/?${TENCENT_QUERY}`,
  bodyText: JSON.stringify(TENCENT_BODY),
};

export const SAMPLES: readonly SampleRequest[] = [OPENIM_SAMPLE, TENCENT_SAMPLE];

/**
 * Bodies with autocannon's `[<id>]` placeholder so every capture differs (memory and UI sections):
 * the parties and the key text change, as they would with real traffic.
 */
export const VARIED_BODIES = {
  openim: JSON.stringify({ ...OPENIM_BODY, fromUserID: 'u-[<id>]', reqMsg: 'hello [<id>]' }),
  tencent: JSON.stringify({
    ...TENCENT_BODY,
    From_Account: 'u-[<id>]',
    Requester_Account: 'u-[<id>]',
  }),
};

/** A body the filter section can find: only the needle captures carry this text. */
export function needleBody(needle: string): string {
  return JSON.stringify({ ...OPENIM_BODY, fromUserID: needle, reqMsg: `looking for ${needle}` });
}
