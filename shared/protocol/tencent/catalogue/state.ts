import { commandField, int, str, type TencentRow } from '../row.js';
import { opt, page } from './common.js';

/** Online-state callbacks: intlcloud-documents `…/第三方回调/在线状态相关回调/状态变更回调_intl_en.md`. */
export const STATE: readonly TencentRow[] = [
  {
    name: 'State.StateChange',
    phase: 'after',
    family: 'status',
    title: 'Online status changed',
    short: 'status change',
    subject: 'the status change',
    configKey: 'Webhook for status change',
    iosPlatform: 'IOS',
    source: page('34357', '在线状态相关回调/状态变更回调_intl_en.md'),
    fields: [
      commandField('State.StateChange'),
      { ...int('EventTime', 'int64', 'when the callback was triggered'), unit: 'ms' },
      {
        name: 'Info',
        type: 'object',
        required: true,
        description: 'the login or logout',
        items: [
          str('Action', 'Login, Logout or Disconnect'),
          str('To_Account', 'UserID whose status changed'),
          str('Reason', 'Register, Unregister, LinkClose or TimeOut'),
        ],
      },
      opt({
        name: 'KickedDevice',
        type: 'object[]',
        required: true,
        description: 'devices kicked offline (Login/Register only)',
        items: [str('Platform', 'platform of the kicked device: iOS, Android, Web, Windows, iPad, Mac, Linux')],
      }),
    ],
    failure: 'ignored',
    parties: { from: 'Info.To_Account' },
    sample: {
      EventTime: 1629883332497,
      Info: { Action: 'Login', To_Account: 'testuser316', Reason: 'Register' },
      KickedDevice: [{ Platform: 'Windows' }, { Platform: 'Android' }],
    },
  },
];
