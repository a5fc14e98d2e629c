/**
 * The two callbacks the bench sends. Bodies copied from the spec's examples (OpenIM before-add-friend,
 * Tencent Sns.CallbackPrevFriendAdd) so the bench does not depend on the protocol module's sample builder.
 */
export interface SampleRequest {
  name: 'openim' | 'tencent';
  label: string;
  /** Path with query, as sent on the wire. */
  path: string;
  bodyText: string;
}

const OPENIM_BODY = {
  callbackCommand: 'callbackBeforeAddFriendCommand',
  fromUserID: 'user123',
  toUserID: 'user456',
  reqMsg: "Hi, let's be friends!",
  ex: '',
};

const TENCENT_BODY = {
  CallbackCommand: 'Sns.CallbackPrevFriendAdd',
  Requester_Account: 'id',
  From_Account: 'id',
  FriendItem: [
    {
      To_Account: 'id1',
      Remark: 'remark1',
      GroupName: 'group1',
      AddSource: 'AddSource_Type_Android',
      AddWording: 'this is id1!',
    },
    {
      To_Account: 'id2',
      Remark: 'remark2',
      GroupName: 'group1',
      AddSource: 'AddSource_Type_Android',
      AddWording: 'this is id2!',
    },
  ],
  AddType: 'Add_Type_Both',
  ForceAddFlags: 0,
  EventTime: 1631777344870,
};

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
