import type { OpenImProfile } from '../../contract/settings.js';
import { OPENIM_ROWS } from './catalogue/index.js';

/** Which OpenIM profile fits which server, in words (README "Server profiles" and the window's Setup help). */
export interface ProfileGuide {
  profile: OpenImProfile;
  /** The server releases it covers. */
  versions: string;
  /** What sets it apart, for choosing. */
  summary: string;
}

export const OPENIM_PROFILE_GUIDE: readonly ProfileGuide[] = [
  {
    profile: 'v3.7+',
    versions: 'v3.7.0 and later: v3.7.x, v3.8.x, main',
    summary:
      "Fails closed: no answer, a late answer or bad JSON fails the user's action (90004 / 90007). Deny = actionCode 0 and nextCode 1. Configured in config/webhooks.yml. Blocklist and after-agree callbacks from v3.8.1.",
  },
  {
    profile: 'v3.6',
    versions: 'v3.6.x',
    summary:
      "No answer can deny (the server only logs a deny). Failures continue (failedContinue). Set-remark copies the answer's remark even when it has none.",
  },
  {
    profile: 'v3.4.2-v3.5',
    versions: 'v3.4.2 to v3.5.x',
    summary:
      "Deny = actionCode ≠ 0 or nextCode 1. After-callbacks run inline: a deny there reaches the API caller as an error. Set-remark copies the answer's remark even when it has none.",
  },
  {
    profile: 'v3.0-v3.4.0',
    versions: 'v3.0.0 to v3.4.0',
    summary:
      'Deny = actionCode ≠ 0 or errCode ≠ 0; nextCode is not read. Calls <url>?command=<cmd>, and only callbackBeforeAddFriendCommand among friend callbacks.',
  },
];

/**
 * The `callback:` keys of config/config.yaml before v3.7 (pkg/common/config/config.go @ v3.5.1 / v3.6.0; v3.4.0
 * has only `beforeAddFriend` among friend callbacks).
 */
const LEGACY_KEYS: Record<Exclude<OpenImProfile, 'v3.7+'>, string[]> = {
  'v3.6': [
    'beforeAddFriend',
    'addFriendAfter',
    'addFriendAgreeBefore',
    'deleteFriendAfter',
    'callbackBeforeSetFriendRemark',
    'callbackAfterSetFriendRemark',
    'importFriendsBefore',
    'importFriendsAfter',
  ],
  'v3.4.2-v3.5': [
    'beforeAddFriend',
    'addFriendAfter',
    'addFriendAgreeBefore',
    'deleteFriendAfter',
    'callbackBeforeSetFriendRemark',
    'callbackAfterSetFriendRemark',
    'importFriendsBefore',
    'importFriendsAfter',
  ],
  'v3.0-v3.4.0': ['beforeAddFriend'],
};

/** Ready-to-paste callback configuration for the chosen server version, pointing at `baseUrl`. */
export function openimConfigSnippet(baseUrl: string, profile: OpenImProfile): string {
  if (profile === 'v3.7+') return openimWebhooksYaml(baseUrl);
  const url = baseUrl
    .trim()
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '');
  const lines = [
    `# config/config.yaml (OpenIM ${profile}): the callback section; restart the friend RPC after editing.`,
    '# set-remark uses the beforeAddFriend timeout and failedContinue before v3.7 (internal/rpc/friend/callback.go).',
    'callback:',
    `  url: ${url}`,
  ];
  for (const key of LEGACY_KEYS[profile]) {
    lines.push(`  ${key}:`, '    enable: true', '    timeout: 5', '    failedContinue: true');
  }
  return `${lines.join('\n')}\n`;
}

const trimSlashes = (p: string): string => p.replace(/\/+$/, '');

/** Base URL the way OpenIM needs it: no query string, no fragment, no trailing slash (A.3). */
function cleanBase(url: string): string {
  return trimSlashes(url.trim().replace(/[?#].*$/, ''));
}

/** Ready-to-paste `config/webhooks.yml` lines enabling every relationship callback (A.3 key layout; the friend RPC reads them). */
export function openimWebhooksYaml(baseUrl: string): string {
  const lines = [
    '# config/webhooks.yml (OpenIM v3.7+): restart openim-rpc-friend after editing.',
    '# failedContinue is not read by v3.7+ (before-callbacks fail closed), so it is left out.',
    `url: ${cleanBase(baseUrl)}`,
  ];
  for (const c of OPENIM_ROWS) {
    if (c.family !== 'relationship') continue;
    if (!c.configKey) continue;
    lines.push(`${c.configKey}:`, '  enable: true', '  timeout: 5');
  }
  return `${lines.join('\n')}\n`;
}
