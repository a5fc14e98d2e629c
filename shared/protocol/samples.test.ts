import { describe, expect, it } from 'vitest';
import { OPENIM_PROFILES } from '../contract/settings.js';
import { findCommand, sampleCommands } from './catalogue.js';
import { identify } from './identify.js';
import { OPENIM_ROWS } from './openim/catalogue/index.js';
import { OPENIM_PROFILE_GUIDE, openimConfigSnippet, openimWebhooksYaml } from './openim/setup.js';
import { buildSampleRequest } from './server-request.js';
import { TENCENT_COMMANDS } from './tencent/catalogue/index.js';
import { tencentCallbackNotes, tencentCallbackUrl, tencentConsoleSwitches } from './tencent/setup.js';
import { tencentSign } from './tencent/sign.js';
import { getHeader } from './wire.js';

const NOW = 1_700_000_000_123;
const info = (name: string) => {
  const c = findCommand(name);
  if (!c) throw new Error(name);
  return c;
};

describe('buildSampleRequest', () => {
  it('builds OpenIM requests like the Go server', () => {
    const s = buildSampleRequest(info('callbackBeforeAddFriendCommand'), { nowMs: NOW });
    expect(s.path).toBe('/callbackExample/callbackBeforeAddFriendCommand');
    expect(s.query).toEqual({});
    expect(s.bodyText).toBe(
      '{"callbackCommand":"callbackBeforeAddFriendCommand","fromUserID":"user123","toUserID":"user456","reqMsg":"Hi, let\'s be friends!","ex":""}\n',
    );
    expect(getHeader(s.headers, 'operationID')).toBe(`sample-${NOW}`);
    expect(Object.keys(s.headers)).toContain('Operationid');
    expect(getHeader(s.headers, 'content-type')).toBe('application/json; charset=utf-8');
    expect(buildSampleRequest(info('callbackAfterDeleteFriendCommand'), { nowMs: NOW, basePath: '/hooks/' }).path).toBe(
      '/hooks/callbackAfterDeleteFriendCommand',
    );
  });

  it('escapes HTML characters like Go json.Encoder', () => {
    const c = { ...info('callbackBeforeAddFriendCommand'), sample: { callbackCommand: 'x', reqMsg: '<a&b>' } };
    expect(buildSampleRequest(c, { nowMs: NOW }).bodyText).toBe(
      '{"callbackCommand":"x","reqMsg":"\\u003ca\\u0026b\\u003e"}\n',
    );
  });

  it('builds Tencent requests with query, fresh EventTime and optional Sign', () => {
    const s = buildSampleRequest(info('Sns.CallbackPrevFriendAdd'), { nowMs: NOW });
    expect(s.path).toBe('/');
    expect(s.query).toMatchObject({
      SdkAppid: '1400000000',
      CallbackCommand: 'Sns.CallbackPrevFriendAdd',
      contenttype: 'json',
      OptPlatform: 'Android',
    });
    expect(s.query.ClientIP).toBeTypeOf('string');
    expect(s.query.Sign).toBeUndefined();
    expect(JSON.parse(s.bodyText).EventTime).toBe(NOW);
    const signed = buildSampleRequest(info('Sns.CallbackFriendAdd'), {
      nowMs: NOW,
      token: 'tok',
      sdkAppId: 1400123456,
    });
    expect(signed.query).toMatchObject({
      SdkAppid: '1400123456',
      RequestTime: '1700000000',
      Sign: tencentSign('tok', '1700000000'),
    });
    expect(signed.target).toMatch(/^\/\?SdkAppid=1400123456&CallbackCommand=Sns\.CallbackFriendAdd&/);
  });

  it('produces requests that identify back to their command', () => {
    for (const c of sampleCommands()) {
      const s = buildSampleRequest(c, { nowMs: NOW });
      const id = identify({
        method: 'POST',
        path: s.path,
        query: s.query,
        headers: s.headers,
        body: JSON.parse(s.bodyText),
      });
      expect(id.command, c.name).toBe(c.name);
      expect(id.via).toBe(c.dialect === 'openim' ? 'path' : 'tencent-query');
    }
  });
});

describe('setup help', () => {
  it('writes webhooks.yml with the key of every OpenIM command, relationship ones enabled', () => {
    const yaml = openimWebhooksYaml('http://127.0.0.1:10006/callbackExample/?x=1');
    expect(yaml).toContain('url: http://127.0.0.1:10006/callbackExample\n');
    expect(yaml).toContain('beforeAddFriend:\n  enable: true\n  timeout: 5\n');
    expect(yaml).toContain('afterRemoveBlack:\n  enable: true\n  timeout: 5\n');
    expect(yaml.match(/enable: true/g)).toHaveLength(11);
    // Every current command v3.7+ calls, by its webhooks.yml key (kick-off is called by no version: left out).
    for (const row of OPENIM_ROWS) {
      if (row.name === 'callbackAfterUserKickOffCommand') continue;
      expect(yaml, row.name).toContain(`\n${row.configKey}:\n`);
    }
    expect(yaml).toContain('beforeSendSingleMsg:\n  enable: false\n');
    expect(yaml).toContain('beforeApplyJoinGroup:\n');
    expect(yaml).toContain('afterMsgSaveDB:\n');
  });

  it('writes the config.yaml callback section for servers before v3.7 (pkg/common/config/config.go @ v3.5.1, v3.4.0)', () => {
    const v35 = openimConfigSnippet('http://127.0.0.1:10006/callbackExample', 'v3.4.2-v3.5');
    expect(v35).toContain('callback:\n  url: http://127.0.0.1:10006/callbackExample\n');
    expect(v35).toContain(
      '  callbackBeforeSetFriendRemark:\n    enable: true\n    timeout: 5\n    failedContinue: true\n',
    );
    expect(v35).toContain('  addFriendAgreeBefore:\n');
    expect(v35).toContain('  msgModify:\n    enable: false\n');
    expect(v35).toContain('  transferGroupOwner:\n');
    expect(v35).toContain('  joinGroupAfter:\n');
    expect(v35).not.toContain('beforeAddBlack');
    expect(v35.match(/enable: true/g)).toHaveLength(8);
    const v34 = openimConfigSnippet('http://h/cb', 'v3.0-v3.4.0');
    expect(v34.match(/enable: true/g)).toHaveLength(1);
    expect(v34).toContain('  superGroupOnlinePush:\n');
    expect(v34).toContain('  beforeUpdateUserInfo:\n');
    expect(openimConfigSnippet('http://h/cb', 'v3.7+')).toBe(openimWebhooksYaml('http://h/cb'));
    expect(OPENIM_PROFILE_GUIDE.map((g) => g.profile)).toEqual([...OPENIM_PROFILES]);
  });

  it('gives a Tencent console URL without a query', () => {
    expect(tencentCallbackUrl('http://127.0.0.1:10006/?SdkAppid=1')).toBe('http://127.0.0.1:10006/');
    expect(tencentCallbackUrl('https://cb.example.com/tim')).toBe('https://cb.example.com/tim');
    expect(tencentCallbackNotes('http://127.0.0.1:10006/?a=1').join(' ')).toMatch(/query string.*public URL/);
    expect(tencentCallbackNotes('https://cb.example.com/').join(' ')).toMatch(/retry on timeout.*receive it twice/);
  });

  it('lists the console switch of every modelled Tencent command, topics under the group switches', () => {
    const switches = tencentConsoleSwitches();
    const listed = switches.flatMap((s) => s.commands);
    expect(listed.sort()).toEqual(
      TENCENT_COMMANDS.filter((c) => c.modelled)
        .map((c) => c.name)
        .sort(),
    );
    // 37 commands; 4 topic callbacks and the daily group quota alarm share a group callback's switch.
    expect(switches).toHaveLength(32);
    expect(switches.find((s) => s.label === 'After Group Profile Is Modified')?.commands).toEqual([
      'Group.CallbackAfterGroupInfoChanged',
      'Group.CallbackOnDailyGroupQuotaAlarm',
      'Group.CallbackAfterTopicInfoChanged',
    ]);
    expect(switches.find((s) => s.label === 'Before a Group Is Created')?.commands).toEqual([
      'Group.CallbackBeforeCreateGroup',
      'Group.CallbackBeforeCreateTopic',
    ]);
    expect(switches.find((s) => s.commands.includes('C2C.CallbackBeforeSendMsg'))).toMatchObject({
      label: 'Before a One-to-One Message Is Sent',
      phase: 'before',
    });
  });
});
