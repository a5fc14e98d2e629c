import { findCommand } from '../shared/protocol/index.js';

export type SampleName = 'openim' | 'tencent' | 'openim-msg' | 'tencent-c2c';

/**
 * The callbacks the bench sends: the protocol catalogue's samples for OpenIM before-add-friend and Tencent
 * PrevFriendAdd (the friend figures compared against v2), and one message callback per dialect (product.md §8 "v3
 * message volume": message callbacks arrive at message rate).
 */
export interface SampleRequest {
  name: SampleName;
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

/**
 * OpenIM before-send-single-message as the server serialises `CallbackBeforeSendSingleMsgReq`
 * (pkg/callbackstruct/message.go + common.go @ v3.8.3: CommonCallbackReq's fields in struct order, then recvID).
 */
const OPENIM_MSG_BODY = {
  sendID: 'user123',
  callbackCommand: 'callbackBeforeSendSingleMsgCommand',
  serverMsgID: '',
  clientMsgID: '7f3b2c1d9e8a4b5c6d7e8f9a0b1c2d3e',
  operationID: '1733580000000-bench',
  senderPlatformID: 1,
  senderNickname: 'Alice',
  sessionType: 1,
  msgFrom: 100,
  contentType: 101,
  status: 1,
  sendTime: 1733580000000,
  createTime: 1733580000000,
  content: '{"content":"hello from the bench"}',
  seq: 0,
  atUserList: null,
  faceURL: '',
  ex: '',
  recvID: 'user456',
};

/** Tencent C2C.CallbackBeforeSendMsg, the request example of the command's page (fields in the page's order). */
const TENCENT_C2C_BODY = {
  CallbackCommand: 'C2C.CallbackBeforeSendMsg',
  From_Account: 'jared',
  To_Account: 'Jonh',
  MsgSeq: 48374,
  MsgRandom: 2837546,
  MsgTime: 1557481126,
  MsgKey: '48374_2837546_1557481126',
  OnlineOnlyFlag: 1,
  MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'red packet' } }],
  CloudCustomData: 'your cloud custom data',
  EventTime: 1670574414123,
};

export const OPENIM_MSG_SAMPLE: SampleRequest = {
  name: 'openim-msg',
  label: 'OpenIM callbackBeforeSendSingleMsgCommand',
  path: '/callbackExample/callbackBeforeSendSingleMsgCommand',
  bodyText: JSON.stringify(OPENIM_MSG_BODY),
};

export const TENCENT_C2C_SAMPLE: SampleRequest = {
  name: 'tencent-c2c',
  label: 'Tencent C2C.CallbackBeforeSendMsg',
  path: `/?${TENCENT_QUERY.replace('Sns.CallbackPrevFriendAdd', 'C2C.CallbackBeforeSendMsg')}`,
  bodyText: JSON.stringify(TENCENT_C2C_BODY),
};

/** Friend samples first: the v2 comparison (`--baseline`) uses only these two, which v2's harness also knows. */
export const FRIEND_SAMPLES: readonly SampleRequest[] = [OPENIM_SAMPLE, TENCENT_SAMPLE];
export const SAMPLES: readonly SampleRequest[] = [OPENIM_SAMPLE, TENCENT_SAMPLE, OPENIM_MSG_SAMPLE, TENCENT_C2C_SAMPLE];

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
