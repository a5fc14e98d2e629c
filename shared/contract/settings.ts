import { z } from 'zod';

/**
 * OpenIM server versions whose answer handling differs (protocols.md A.2, corrected 2026-12-01): v3.7+ (fail closed,
 * deny = actionCode 0 and nextCode 1), v3.6 (a deny is only logged), v3.4.2–v3.5 (deny = actionCode ≠ 0 or
 * nextCode 1, after-callbacks inline), v3.0–v3.4.0 (64-bit actionCode, no nextCode, only before-add-friend).
 */
export const OPENIM_PROFILES = ['v3.7+', 'v3.6', 'v3.4.2-v3.5', 'v3.0-v3.4.0'] as const;
/** Profile names of earlier releases and what a stored one becomes (with a notice, see `migrateSettings`). */
export const RENAMED_OPENIM_PROFILES: Readonly<Record<string, OpenImProfile>> = { 'v3.4.2-v3.6': 'v3.4.2-v3.5' };
export const TENCENT_PROFILES = ['fail-open', 'fail-closed'] as const;
export const HOLD_MODES = ['off', 'before', 'all'] as const;

export const OpenImProfileSchema = z.enum(OPENIM_PROFILES);
export type OpenImProfile = (typeof OPENIM_PROFILES)[number];
export const TencentProfileSchema = z.enum(TENCENT_PROFILES);
export type TencentProfile = z.infer<typeof TencentProfileSchema>;
export const HoldModeSchema = z.enum(HOLD_MODES);
/** Upstream mode, when the backend fails (no answer, or one that is not a JSON object): relay that failure, or answer with the rule/default answer instead. */
export const UPSTREAM_FAILURE_MODES = ['relay', 'fallback'] as const;

/** An absolute http(s) URL without a fragment: where callbacks are forwarded (the app backend's callback base URL). */
export const UpstreamUrlSchema = z
  .string()
  .max(2_000)
  .superRefine((value, ctx) => {
    const problem = upstreamUrlProblem(value);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
  });

const UPSTREAM_URL = /^(https?):\/\/([^/?#\s]+)([^#\s]*)$/i;
const HOST_PORT = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9._~%-]+)(?::(\d{1,5}))?$/;

/** Why a string cannot be an upstream URL, or null when it can. (No WHATWG URL here: shared/ has no DOM or Node.) */
export function upstreamUrlProblem(value: string): string | null {
  const example = '(expected e.g. http://127.0.0.1:8080/callback)';
  if (value.includes('#')) return 'the URL must not have a #fragment';
  const url = UPSTREAM_URL.exec(value);
  if (!url) {
    return /^[a-z][a-z0-9+.-]*:/i.test(value) && !/^https?:\/\//i.test(value)
      ? 'the URL must start with http:// or https://'
      : `not an absolute http(s) URL without spaces: "${value}" ${example}`;
  }
  const authority = url[2] ?? '';
  if (authority.includes('@')) return 'the URL must not carry a user name or password';
  return hostPortProblem(authority, example);
}

/** Why `host[:port]` of a URL is not one (an unclosed `[::1`, a port over 65535), or null when it is. */
export function hostPortProblem(authority: string, example = ''): string | null {
  const hostPort = HOST_PORT.exec(authority);
  if (!hostPort)
    return `"${authority}" is not a host name or address with an optional port${example ? ` ${example}` : ''}`;
  if (hostPort[2] !== undefined && Number(hostPort[2]) > 65_535) return `port ${hostPort[2]} is above 65535`;
  return null;
}
export type HoldMode = z.infer<typeof HoldModeSchema>;

/**
 * A whole number in a range with one message, in words, for every way it can be wrong (the window shows it at the
 * field; the validator's own "expected number, received string" tells a person nothing).
 */
const whole = (what: string, min: number, max: number, unit = '') => {
  const message = `${what} must be a whole number${unit} from ${min} to ${max}.`;
  return z.number({ error: message }).int(message).min(min, message).max(max, message);
};

const SDKAPPID_MESSAGE = 'SdkAppID must be a whole number (the app ID of the Tencent console), or empty for no check.';

export const SettingsSchema = z.strictObject({
  listener: z.strictObject({
    host: z
      .string({ error: 'Host must be a host name or IP address, e.g. 127.0.0.1 or 0.0.0.0.' })
      .min(1, 'Host must not be empty: use 127.0.0.1 (this machine only) or 0.0.0.0 (the network).')
      .max(255, 'Host must be at most 255 characters.'),
    port: whole('Port', 0, 65_535, ' (0 = any free port)'),
    /**
     * Accept requests that carry an `Origin` header. IM servers send none; any web page's `fetch` to the listener
     * does, so by default they are refused (403 `browser-origin`) to close cross-site requests from a browser.
     */
    allowBrowserOrigins: z.boolean({ error: 'Allow browser origins must be true or false.' }).default(false),
  }),
  hold: z.strictObject({
    mode: HoldModeSchema,
    openimTimeoutMs: whole('OpenIM timeout', 500, 15_000, ' of ms'),
    tencentTimeoutMs: whole('Tencent timeout', 500, 15_000, ' of ms'),
    marginMs: whole('Safety margin', 0, 5_000, ' of ms'),
    fallback: z.enum(['auto', 'no-response'], { error: 'Fallback must be "auto" or "no-response".' }),
  }),
  profiles: z.strictObject({ openim: OpenImProfileSchema, tencent: TencentProfileSchema }),
  tencent: z.strictObject({
    sdkAppId: z
      .number({ error: SDKAPPID_MESSAGE })
      .int(SDKAPPID_MESSAGE)
      .min(0, SDKAPPID_MESSAGE)
      .max(Number.MAX_SAFE_INTEGER, SDKAPPID_MESSAGE)
      .nullable(),
    token: z
      .string({ error: 'Token must be text (or empty for no Sign check).' })
      .min(1, 'Token must not be empty: leave it unset for no Sign check.')
      .max(128, 'Token must be at most 128 characters.')
      .nullable(),
    maxClockSkewS: whole('Clock skew', 1, 86_400, ' of seconds'),
  }),
  upstream: z.strictObject({
    /** The real app backend's callback base URL; null = the inspector answers by itself (no forwarding). */
    url: UpstreamUrlSchema.nullable(),
    onFailure: z.enum(UPSTREAM_FAILURE_MODES),
  }),
  capture: z.strictObject({
    limit: whole('Capture limit', 10, 1_000_000),
    maxBodyBytes: whole('Body limit', 1_024, 64 * 1_048_576, ' of bytes'),
    /**
     * v3: bytes of bodies the store keeps in memory (request, answer and upstream answer, parsed bodies counted);
     * past it the oldest captures go, as past `limit`. The capture log is compacted past twice this.
     */
    maxStoreBytes: whole('Store limit', 1_048_576, 64 * 1_073_741_824, ' of bytes').default(268_435_456),
  }),
  /** v3: how much of a value a `matches` regex runs on, so no rule can hold the listener (product.md §4). */
  rules: z
    .strictObject({ maxMatchBytes: whole('Regex match limit', 64, 1_048_576, ' of bytes').default(65_536) })
    .default({ maxMatchBytes: 65_536 }),
  /** v3 flows (product.md §3): derived as captures settle; an expected step not seen `settleMs` after is missing. */
  flows: z
    .strictObject({
      enabled: z.boolean({ error: 'Flows enabled must be true or false.' }).default(true),
      settleMs: whole('Settle time', 50, 600_000, ' of ms').default(10_000),
    })
    .default({ enabled: true, settleMs: 10_000 }),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  listener: { host: '127.0.0.1', port: 10006, allowBrowserOrigins: false },
  hold: { mode: 'off', openimTimeoutMs: 5000, tencentTimeoutMs: 2000, marginMs: 300, fallback: 'auto' },
  profiles: { openim: 'v3.7+', tencent: 'fail-open' },
  tencent: { sdkAppId: null, token: null, maxClockSkewS: 60 },
  upstream: { url: null, onFailure: 'relay' },
  capture: { limit: 50_000, maxBodyBytes: 1_048_576, maxStoreBytes: 268_435_456 },
  rules: { maxMatchBytes: 65_536 },
  flows: { enabled: true, settleMs: 10_000 },
};

/** Body of `PATCH /api/settings`: any subset, deep-merged into the current settings, then validated whole. */
export type SettingsPatch = { [K in keyof Settings]?: Partial<Settings[K]> };

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Deep-merges a patch (plain objects merge, everything else replaces); unknown keys are kept so validation reports them. */
export function mergeSettings(current: Settings, patch: unknown): unknown {
  const merge = (base: unknown, next: unknown): unknown => {
    if (!isPlainObject(base) || !isPlainObject(next)) return next;
    const out: Record<string, unknown> = { ...base };
    for (const [key, value] of Object.entries(next)) {
      // Kept as an own property so validation reports it like any unknown key (skipping it answered 200 and
      // ignored the patch); defineProperty, because assigning `__proto__` would replace the prototype.
      const inherited = !Object.hasOwn(base, key);
      const merged = merge(inherited ? undefined : base[key], value);
      Object.defineProperty(out, key, { value: merged, enumerable: true, writable: true, configurable: true });
    }
    return out;
  };
  return merge(current, patch);
}

/**
 * Stored settings of an earlier release brought up to date: a renamed OpenIM profile is replaced by its successor.
 * Returns the (possibly new) object and one sentence per change, for the start log and `GET /api/health` notices.
 */
export function migrateSettings(stored: unknown): { settings: unknown; notices: string[] } {
  if (!isPlainObject(stored) || !isPlainObject(stored.profiles)) return { settings: stored, notices: [] };
  const old = stored.profiles.openim;
  if (typeof old !== 'string' || !Object.hasOwn(RENAMED_OPENIM_PROFILES, old)) return { settings: stored, notices: [] };
  const next = RENAMED_OPENIM_PROFILES[old] as OpenImProfile;
  const notice =
    `The OpenIM profile "${old}" no longer exists and was changed to "${next}": v3.6 reads answers differently ` +
    '(a deny is only logged, so no answer can deny). Pick "v3.6" in the OpenIM server profile if your server is v3.6.x.';
  return { settings: { ...stored, profiles: { ...stored.profiles, openim: next } }, notices: [notice] };
}
