import { describe, expect, it } from 'vitest';
import type { OpenImProfile } from '../contract/settings.js';
import { identify } from './identify.js';
import { buildServerRequest, replayServerRequest, serverCommandName } from './server-request.js';
import { tencentSign } from './tencent/sign.js';

const NOW = 1_700_000_000_123;
const openim = (version: OpenImProfile) => ({ dialect: 'openim' as const, version });
const tencent = { dialect: 'tencent' as const, policy: 'fail-open' as const };

describe('buildServerRequest: OpenIM (A.1)', () => {
  const body = { callbackCommand: 'callbackBeforeAddFriendCommand', fromUserID: 'a<b', toUserID: 'c&d', reqMsg: '>' };

  it('posts to <url>/<command> with Go headers and a Go-encoded body', () => {
    const req = buildServerRequest({
      to: 'http://127.0.0.1:8080/callback',
      dialect: 'openim',
      command: 'callbackBeforeAddFriendCommand',
      body,
      profile: openim('v3.7+'),
      nowMs: NOW,
      operationId: 'op-1',
    });
    expect(req.method).toBe('POST');
    expect(req.url).toBe('http://127.0.0.1:8080/callback/callbackBeforeAddFriendCommand');
    expect(req.path).toBe('/callback/callbackBeforeAddFriendCommand');
    expect(req.query).toEqual({});
    expect(req.headers).toEqual({
      'Content-Type': 'application/json; charset=utf-8',
      Operationid: 'op-1',
      'User-Agent': 'Go-http-client/1.1',
      'Accept-Encoding': 'gzip',
    });
    // Compact, `<>&` escaped, trailing newline, key order kept.
    expect(req.bodyText).toBe(
      '{"callbackCommand":"callbackBeforeAddFriendCommand","fromUserID":"a\\u003cb","toUserID":"c\\u0026d","reqMsg":"\\u003e","ex":""}\n',
    );
  });

  it('writes only the Go struct: struct order, zero values for missing fields, no keys the struct lacks', () => {
    const req = buildServerRequest({
      to: 'http://h',
      dialect: 'openim',
      command: 'callbackBeforeImportFriendsCommand',
      body: { extra: 1, ownerUserID: 'o' },
      profile: openim('v3.7+'),
      nowMs: NOW,
    });
    // The server cannot send a key its struct does not have (pkg/callbackstruct/friend.go CallbackBeforeImportFriendsReq).
    expect(req.bodyText).toBe(
      '{"callbackCommand":"callbackBeforeImportFriendsCommand","ownerUserID":"o","friendUserIDs":null}\n',
    );
  });

  it('v3.0–v3.4.0: ?command=, operationID as the LAST field, no ex, no trailing newline', () => {
    // CallbackBeforeAddFriendReq @ v3.4.0 (pkg/callbackstruct/friend.go): callbackCommand, fromUserID, toUserID,
    // reqMsg, operationID; pkg/common/http/http_client.go Post encodes with json.Marshal (no newline). The old test
    // expected operationID second, an `ex`-free body only by accident, and a trailing newline: all three wrong.
    const req = buildServerRequest({
      to: 'http://h/cb',
      dialect: 'openim',
      command: 'callbackBeforeAddFriendCommand',
      body: { fromUserID: 'x', callbackCommand: 'callbackBeforeAddFriendCommand', ex: 'dropped' },
      profile: openim('v3.0-v3.4.0'),
      nowMs: NOW,
    });
    expect(req.url).toBe('http://h/cb?command=callbackBeforeAddFriendCommand');
    expect(req.query).toEqual({ command: 'callbackBeforeAddFriendCommand' });
    expect(req.headers.Operationid).toBe(String(NOW));
    expect(req.bodyText).toBe(
      `{"callbackCommand":"callbackBeforeAddFriendCommand","fromUserID":"x","toUserID":"","reqMsg":"","operationID":"${NOW}"}`,
    );
  });

  it('v3.4.2–v3.6 encode with json.Marshal (no newline); v3.7+ with json.Encoder (newline)', () => {
    const text = (version: OpenImProfile) =>
      buildServerRequest({
        to: 'http://h',
        dialect: 'openim',
        command: 'callbackAfterDeleteFriendCommand',
        body: { ownerUserID: 'a', friendUserID: 'b' },
        profile: openim(version),
        nowMs: NOW,
      }).bodyText;
    const bytes = '{"callbackCommand":"callbackAfterDeleteFriendCommand","ownerUserID":"a","friendUserID":"b"}';
    expect(text('v3.4.2-v3.5')).toBe(bytes);
    expect(text('v3.6')).toBe(bytes);
    expect(text('v3.7+')).toBe(`${bytes}\n`);
  });

  it('operationID stays where each struct has it (message bodies: fifth, in every version)', () => {
    const body = { sendID: 's', recvID: 'r', content: '{"content":"hi"}' };
    for (const version of ['v3.0-v3.4.0', 'v3.7+'] as const) {
      const req = buildServerRequest({
        to: 'http://h',
        dialect: 'openim',
        command: 'callbackBeforeSendSingleMsgCommand',
        body,
        profile: openim(version),
        nowMs: NOW,
        operationId: 'op-9',
      });
      expect(Object.keys(JSON.parse(req.bodyText)).slice(0, 5), version).toEqual([
        'sendID',
        'callbackCommand',
        'serverMsgID',
        'clientMsgID',
        'operationID',
      ]);
      expect(JSON.parse(req.bodyText).operationID).toBe('op-9');
    }
  });

  it("uses each version's own name: set-remark without the Command suffix in v3.4.2–v3.6 (A.4.13)", () => {
    for (const version of ['v3.4.2-v3.5', 'v3.6'] as const) {
      expect(serverCommandName('callbackBeforeSetFriendRemarkCommand', openim(version))).toBe(
        'callbackBeforeSetFriendRemark',
      );
    }
    expect(serverCommandName('callbackBeforeSetFriendRemarkCommand', openim('v3.7+'))).toBe(
      'callbackBeforeSetFriendRemarkCommand',
    );
    expect(serverCommandName('callbackBeforeSetFriendRemark', openim('v3.7+'))).toBe(
      'callbackBeforeSetFriendRemarkCommand',
    );
    expect(serverCommandName('callbackAfterTransferGroupOwnerCommand', openim('v3.6'))).toBe(
      'callbackAfterTransferGroupOwner',
    );
    expect(serverCommandName('callbackAfterTransferGroupOwnerCommand', openim('v3.4.2-v3.5'))).toBe(
      'callbackTransferGroupOwnerAfter',
    );
    // v3.0–v3.4.0 has no set-remark callback under any name: the given name is kept (the CLI warns).
    expect(serverCommandName('callbackBeforeSetFriendRemarkCommand', openim('v3.0-v3.4.0'))).toBe(
      'callbackBeforeSetFriendRemarkCommand',
    );
    expect(serverCommandName('callbackBeforeAddFriendCommand', openim('v3.0-v3.4.0'))).toBe(
      'callbackBeforeAddFriendCommand',
    );
    const req = buildServerRequest({
      to: 'http://h/cb',
      dialect: 'openim',
      command: 'callbackAfterSetFriendRemarkCommand',
      body: { callbackCommand: 'callbackAfterSetFriendRemarkCommand', remark: 'r' },
      profile: openim('v3.6'),
      nowMs: NOW,
      operationId: 'o',
    });
    expect(req.url).toBe('http://h/cb/callbackAfterSetFriendRemark');
    expect(JSON.parse(req.bodyText)).toMatchObject({ callbackCommand: 'callbackAfterSetFriendRemark', remark: 'r' });
  });

  it('main: after-send message callbacks carry ?key=base64(json{sendID,recvID,groupID}) (buildKeyMsgDataQuery)', () => {
    const req = buildServerRequest({
      to: 'http://h/cb',
      dialect: 'openim',
      command: 'callbackAfterSendSingleMsgCommand',
      body: { sendID: 'u1', recvID: 'u2' },
      profile: openim('v3.7+'),
      nowMs: NOW,
    });
    // base64 of {"sendID":"u1","recvID":"u2","groupID":""}, as Go's url.Values.Encode writes it.
    expect(req.url).toBe(
      'http://h/cb/callbackAfterSendSingleMsgCommand?key=eyJzZW5kSUQiOiJ1MSIsInJlY3ZJRCI6InUyIiwiZ3JvdXBJRCI6IiJ9',
    );
    expect(req.query.key).toBe('eyJzZW5kSUQiOiJ1MSIsInJlY3ZJRCI6InUyIiwiZ3JvdXBJRCI6IiJ9');
    const group = buildServerRequest({
      to: 'http://h/cb',
      dialect: 'openim',
      command: 'callbackAfterSendGroupMsgCommand',
      body: { sendID: 'user001', groupID: 'group001' },
      profile: openim('v3.7+'),
      nowMs: NOW,
    });
    expect(group.url).toContain('?key=eyJzZW5kSUQiOiJ1c2VyMDAxIiwicmVjdklEIjoiIiwiZ3JvdXBJRCI6Imdyb3VwMDAxIn0%3D');
    expect(group.query.key).toBe('eyJzZW5kSUQiOiJ1c2VyMDAxIiwicmVjdklEIjoiIiwiZ3JvdXBJRCI6Imdyb3VwMDAxIn0=');
  });

  it('is identified by the listener the way the server means it', () => {
    for (const version of ['v3.7+', 'v3.0-v3.4.0'] as const) {
      const req = buildServerRequest({
        to: 'http://h/callbackExample',
        dialect: 'openim',
        command: 'callbackAfterDeleteFriendCommand',
        body: { callbackCommand: 'callbackAfterDeleteFriendCommand' },
        profile: openim(version),
        nowMs: NOW,
      });
      const id = identify({ method: 'POST', path: req.path, query: req.query, headers: req.headers, body: {} });
      expect(id.command).toBe('callbackAfterDeleteFriendCommand');
      expect(id.via).toBe(version === 'v3.7+' ? 'path' : 'legacy-query');
    }
  });
});

describe('buildServerRequest: Tencent (B.1)', () => {
  it('appends the documented query parameters, and Sign/RequestTime with a token', () => {
    const req = buildServerRequest({
      to: 'https://backend.example/im',
      dialect: 'tencent',
      command: 'Sns.CallbackPrevFriendAdd',
      body: { CallbackCommand: 'Sns.CallbackPrevFriendAdd' },
      profile: tencent,
      nowMs: NOW,
      sdkAppId: 1400123456,
      token: 'xxxxyyyy',
    });
    const time = String(Math.floor(NOW / 1000));
    expect(req.url).toBe(
      `https://backend.example/im?SdkAppid=1400123456&CallbackCommand=Sns.CallbackPrevFriendAdd&contenttype=json&ClientIP=203.0.113.10&OptPlatform=Android&Sign=${tencentSign('xxxxyyyy', time)}&RequestTime=${time}`,
    );
    expect(req.query.Sign).toMatch(/^[0-9a-f]{64}$/);
    expect(req.query.RequestTime).toBe(time);
    expect(req.bodyText).toBe('{"CallbackCommand":"Sns.CallbackPrevFriendAdd"}');
  });

  it('sends no Sign without a token', () => {
    const req = buildServerRequest({
      to: 'http://h/',
      dialect: 'tencent',
      command: 'Sns.CallbackFriendDelete',
      body: { PairList: [] },
      profile: tencent,
      nowMs: NOW,
    });
    expect(req.bodyText).toBe('{"CallbackCommand":"Sns.CallbackFriendDelete","PairList":[]}');
    expect(Object.keys(req.query)).toEqual(['SdkAppid', 'CallbackCommand', 'contenttype', 'ClientIP', 'OptPlatform']);
    expect(req.query.SdkAppid).toBe('1400000000');
  });

  it('spells an iOS client as the command does: IOS on State.StateChange, iOS elsewhere (1047/34354)', () => {
    const send = (command: string, optPlatform: string) =>
      buildServerRequest({
        to: 'http://h/',
        dialect: 'tencent',
        command,
        body: {},
        profile: tencent,
        nowMs: NOW,
        clientIp: '127.0.0.1',
        optPlatform,
      }).query;
    expect(send('State.StateChange', 'iOS')).toMatchObject({ ClientIP: '127.0.0.1', OptPlatform: 'IOS' });
    expect(send('C2C.CallbackBeforeSendMsg', 'IOS').OptPlatform).toBe('iOS');
    expect(send('Group.CallbackBeforeSendMsg', 'RESTAPI').OptPlatform).toBe('RESTAPI');
  });
});

describe('replayServerRequest', () => {
  const headers = { host: 'old:10006', 'content-length': '3', Operationid: 'op', connection: 'keep-alive' };

  it('re-targets an OpenIM path-form callback and keeps body bytes and end-to-end headers', () => {
    const req = replayServerRequest(
      {
        dialect: 'openim',
        command: 'callbackBeforeAddFriendCommand',
        identifiedBy: 'path',
        url: '/callbackExample/callbackBeforeAddFriendCommand',
        headers,
        bodyText: '{ "a" : 1 }',
      },
      'http://new:8080/cb',
      { nowMs: NOW },
    );
    expect(req.url).toBe('http://new:8080/cb/callbackBeforeAddFriendCommand');
    expect(req.headers).toEqual({ Operationid: 'op' });
    expect(req.bodyText).toBe('{ "a" : 1 }');
  });

  it('keeps the legacy query form', () => {
    const req = replayServerRequest(
      { dialect: 'openim', command: 'c', identifiedBy: 'legacy-query', url: '/x?command=c', headers: {}, bodyText: '' },
      'http://new/cb',
      { nowMs: NOW },
    );
    expect(req.url).toBe('http://new/cb?command=c');
  });

  it('re-signs a Tencent callback when a token is given', () => {
    const recorded = {
      dialect: 'tencent' as const,
      command: 'Sns.CallbackFriendAdd',
      identifiedBy: 'tencent-query',
      url: '/?SdkAppid=1&CallbackCommand=Sns.CallbackFriendAdd&Sign=old&RequestTime=1',
      headers: {},
      bodyText: '{}',
    };
    expect(replayServerRequest(recorded, 'http://new/t', { nowMs: NOW }).url).toBe(
      'http://new/t?SdkAppid=1&CallbackCommand=Sns.CallbackFriendAdd&Sign=old&RequestTime=1',
    );
    const fresh = replayServerRequest(recorded, 'http://new/t', { nowMs: NOW, token: 'tok' });
    const time = String(Math.floor(NOW / 1000));
    expect(fresh.query).toEqual({
      SdkAppid: '1',
      CallbackCommand: 'Sns.CallbackFriendAdd',
      Sign: tencentSign('tok', time),
      RequestTime: time,
    });
  });
});
