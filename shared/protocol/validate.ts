import type { Finding } from '../contract/capture.js';
import { unknownCommandText } from './catalogue.js';
import { checkObject, checkValues } from './fields.js';
import { bodyCommand, hasTencentQuery, lastPathSegment } from './identify.js';
import { isObject, jsonTypeOf, own } from './json.js';
import { openimCommand } from './openim/catalogue/index.js';
import { checkOpenImVersion, openImFields } from './openim/validate.js';
import { tencentCommand } from './tencent/catalogue/index.js';
import { checkTencentQuery } from './tencent/validate.js';
import type { CommandInfo, Identification, IncomingRequest, ValidationContext } from './types.js';

type BodyCommand = ReturnType<typeof bodyCommand>;

function checkBody(req: IncomingRequest, out: Finding[]): boolean {
  if (req.body === undefined) {
    if (req.parseError !== undefined) {
      out.push({ level: 'error', code: 'body-not-json', message: `The body is not JSON: ${req.parseError}` });
    } else {
      out.push({ level: 'error', code: 'body-empty', message: 'The body is empty.' });
    }
    return false;
  }
  if (!isObject(req.body)) {
    out.push({
      level: 'error',
      code: 'body-not-object',
      message: `The body must be a JSON object, got ${jsonTypeOf(req.body)}.`,
    });
    return false;
  }
  return true;
}

function checkCommand(req: IncomingRequest, id: Identification, inBody: BodyCommand | undefined, out: Finding[]): void {
  if (id.command === null) {
    out.push({ level: 'error', code: 'no-command', message: 'No command in the URL or the body.' });
    return;
  }
  if (!id.info) {
    out.push({ level: 'warning', code: 'unknown-command', message: unknownCommandText(id.command) });
  } else if (id.info.legacy) {
    out.push({
      level: 'info',
      code: 'legacy-command',
      message: `${id.command} is the name used by older servers; current servers send ${id.info.renamedTo ?? 'another name'}.`,
    });
  }
  if (id.via === 'legacy-query') {
    out.push({
      level: 'info',
      code: 'legacy-url',
      message: 'Command in ?command= / ?callbackCommand=: the URL form of OpenIM ≤ v3.4.0.',
    });
  }
  if (inBody && inBody.name !== id.command) {
    out.push({
      level: 'error',
      code: 'command-mismatch',
      path: inBody.key,
      message: `The URL names ${id.command} but the body says ${inBody.name}.`,
    });
  }
  if (id.via !== 'legacy-query') return;
  const segment = lastPathSegment(req.path);
  if (/^callback[A-Z]\w*Command$/.test(segment) && segment !== id.command) {
    out.push({
      level: 'error',
      code: 'command-mismatch',
      message: `The path names ${segment} but the query says ${id.command}.`,
    });
  }
}

function checkDialectMix(
  req: IncomingRequest,
  id: Identification,
  inBody: BodyCommand | undefined,
  out: Finding[],
): void {
  const reasons: string[] = [];
  if (id.dialect === 'openim' && hasTencentQuery(req)) reasons.push('Tencent query parameters on an OpenIM callback');
  if (id.dialect === 'tencent' && own(req.body, 'callbackCommand') !== undefined) {
    reasons.push('an OpenIM body key (callbackCommand) on a Tencent callback');
  }
  if (id.dialect === 'openim' && inBody?.key === 'CallbackCommand') {
    reasons.push('a Tencent body key (CallbackCommand) on an OpenIM callback');
  }
  if (reasons.length > 0) {
    out.push({ level: 'warning', code: 'dialect-mix', message: `Mixed dialects: ${reasons.join('; ')}.` });
  }
}

/** The row's own extra checks (a hook, for a command whose rules its field table cannot express). */
function checkHooks(info: CommandInfo, body: Record<string, unknown>, out: Finding[]): void {
  const hooks = info.dialect === 'openim' ? openimCommand(info.name)?.row.hooks : tencentCommand(info.name)?.row.hooks;
  hooks?.checkBody?.(body, out);
}

/**
 * Checks a request against the catalogue. Findings are advisory, never fatal, and this never throws:
 * it reads own properties only and walks no deeper than the command's field table.
 */
export function validate(req: IncomingRequest, id: Identification, ctx: ValidationContext): Finding[] {
  const out: Finding[] = [];
  try {
    if (req.method !== 'POST' && req.method.toUpperCase() !== 'POST') {
      out.push({
        level: 'warning',
        code: 'method-not-post',
        message: `The IM servers POST callbacks; this was ${req.method}.`,
      });
    }
    const bodyOk = checkBody(req, out);
    const inBody = bodyCommand(req.body);
    checkCommand(req, id, inBody, out);
    checkDialectMix(req, id, inBody, out);
    checkOpenImVersion(id, ctx, out);
    if (bodyOk && isObject(req.body) && id.info?.modelled && id.dialect !== 'unknown') {
      const fields = id.dialect === 'openim' ? openImFields(id.info, ctx) : id.info.fields;
      checkObject('', req.body, fields, id.dialect, out);
      checkValues(req.body, fields, id.dialect, out);
      checkHooks(id.info, req.body, out);
    }
    if (id.dialect === 'tencent') checkTencentQuery(req, ctx, out);
  } catch (err) {
    out.push({ level: 'error', code: 'validation-failed', message: `Validation stopped early: ${String(err)}` });
  }
  return out;
}
