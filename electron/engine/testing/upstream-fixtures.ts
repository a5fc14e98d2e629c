import type { SettingsPatch } from '../../../shared/contract/index.js';
import { buildSampleRequest, findCommand } from '../../../shared/protocol/index.js';
import { type BackendAnswer, type FakeBackend, startFakeBackend } from './fake-backend.js';
import { startTestEngine, type TestEngine } from './test-support.js';

/** The catalogue sample of a command, as its IM server sends it now. */
export function sampleRequest(command: string): ReturnType<typeof buildSampleRequest> {
  const info = findCommand(command);
  if (!info) throw new Error(command);
  return buildSampleRequest(info, { nowMs: Date.now() });
}

/** A backend answer with a JSON body. */
export const jsonAnswer = (body: unknown, status = 200): BackendAnswer => ({
  status,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

/** What an app backend denying an OpenIM before-callback answers. */
export const OPENIM_DENY = { actionCode: 0, errCode: 5002, errMsg: 'blocked by backend', errDlt: '', nextCode: 1 };

/**
 * A fake app backend answering each request path with `behave`, and an engine in upstream mode in front of it
 * (`upstream.url` = the backend + `base`). The caller stops both (its afterEach).
 */
export async function startUpstream(
  behave: (path: string) => BackendAnswer,
  settings: SettingsPatch = {},
  base = '/cb',
): Promise<{ engine: TestEngine; backend: FakeBackend }> {
  const backend = await startFakeBackend((r) => behave(r.url));
  const engine = await startTestEngine({
    settings: { ...settings, upstream: { url: `${backend.url}${base}`, ...settings.upstream } },
  });
  return { engine, backend };
}
