import type { OpenImProfile } from '../../contract/settings.js';
import { OPENIM_ROWS } from './catalogue/index.js';
import type { OpenImRow } from './row.js';
import { versionSends } from './versions.js';

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

const FAMILY_TITLE: Record<string, string> = {
  relationship: 'friends and blocklist',
  message: 'messages',
  push: 'push',
  user: 'users',
  status: 'online status',
  group: 'groups',
  conversation: 'conversations',
};

/** Rows the version calls (under any of its names), with the key that version's config uses. */
function rowsFor(profile: OpenImProfile): { row: OpenImRow; key: string }[] {
  const out: { row: OpenImRow; key: string }[] = [];
  for (const row of OPENIM_ROWS) {
    const key = profile === 'v3.7+' ? row.configKey : row.oldConfigKey;
    if (key === undefined) continue;
    const names = [row.name, ...(row.legacyNames ?? []).map((l) => l.name)];
    if (names.some((n) => versionSends(profile, n).sent === true)) out.push({ row, key });
  }
  return out;
}

/** One block per family, relationship callbacks enabled (what the inspector is mostly for), the others listed off. */
function blocks(profile: OpenImProfile, indent: string, extra: string[]): string[] {
  const lines: string[] = [];
  let family = '';
  for (const { row, key } of rowsFor(profile)) {
    if (row.family !== family) {
      family = row.family;
      lines.push(`${indent}# ${FAMILY_TITLE[family] ?? family}`);
    }
    const on = row.family === 'relationship';
    lines.push(
      `${indent}${key}:`,
      `${indent}  enable: ${on}`,
      `${indent}  timeout: 5`,
      ...extra.map((e) => indent + e),
    );
  }
  return lines;
}

/**
 * Ready-to-paste callback configuration for the chosen server version, pointing at `baseUrl`: every callback that
 * version calls, by its own key (webhooks.yml from v3.7, the `callback:` section of config/config.yaml before:
 * pkg/common/config/config.go at each tag), from the catalogue rows' `configKey` / `oldConfigKey`.
 */
export function openimConfigSnippet(baseUrl: string, profile: OpenImProfile): string {
  if (profile === 'v3.7+') return openimWebhooksYaml(baseUrl);
  const lines = [
    `# config/config.yaml (OpenIM ${profile}): the callback section; restart the RPC services after editing.`,
    "# Before v3.7 several callbacks borrow another one's timeout and failedContinue (research/openim).",
    'callback:',
    `  url: ${cleanBase(baseUrl)}`,
    ...blocks(profile, '  ', ['  failedContinue: true']),
  ];
  return `${lines.join('\n')}\n`;
}

const trimSlashes = (p: string): string => p.replace(/\/+$/, '');

/** Base URL the way OpenIM needs it: no query string, no fragment, no trailing slash (A.3). */
function cleanBase(url: string): string {
  return trimSlashes(url.trim().replace(/[?#].*$/, ''));
}

/** Ready-to-paste `config/webhooks.yml`: every callback's key, the relationship ones enabled (A.3 key layout). */
export function openimWebhooksYaml(baseUrl: string): string {
  const lines = [
    '# config/webhooks.yml (OpenIM v3.7+): restart the RPC services after editing.',
    '# failedContinue is not read by v3.7+ (before-callbacks fail closed), so it is left out.',
    `url: ${cleanBase(baseUrl)}`,
    ...blocks('v3.7+', '', []),
  ];
  return `${lines.join('\n')}\n`;
}

/** How to switch a callback on, for a reason it did not come: its `webhooks.yml` key (A.3), or the file when it has none. */
export function openimEnableHint(command: string, configKey: string | undefined): string {
  return configKey === undefined
    ? `${command} is not enabled in config/webhooks.yml`
    : `the callback is not enabled: set ${configKey}.enable: true in config/webhooks.yml`;
}
