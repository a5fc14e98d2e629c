import type { Finding } from '../../contract/capture.js';
import type { CommandInfo, FieldSpec, Identification, ValidationContext } from '../types.js';
import { openimCommand } from './catalogue/index.js';
import type { OpenImCommand } from './row.js';
import { structFor } from './struct.js';
import { versionSends } from './versions.js';

/**
 * The request fields the chosen OpenIM version sends for this command: the row's `wire[profile].fields` where that
 * version's struct differs (v3.0–v3.4.0 before-add-friend: `operationID`, no `ex`), else the current fields.
 */
export function openImFields(info: CommandInfo, ctx: ValidationContext): FieldSpec[] {
  const command = (info as Partial<OpenImCommand>).row ? info : (openimCommand(info.name) ?? info);
  return structFor(command, ctx.openimProfile);
}

/** Flags a command the chosen OpenIM version never sends, or sends under another name. */
export function checkOpenImVersion(id: Identification, ctx: ValidationContext, out: Finding[]): void {
  if (ctx.openimProfile === undefined || id.dialect !== 'openim' || !id.info) return;
  const sending = versionSends(ctx.openimProfile, id.info.name);
  if (sending.sent === false) {
    out.push({
      level: 'warning',
      code: 'command-not-sent',
      message: `${sending.note}: check the OpenIM server profile.`,
    });
  } else if (sending.note !== undefined) {
    out.push({
      level: 'info',
      code: sending.sent === 'renamed' ? 'command-renamed' : 'command-version',
      message: `${sending.note}.`,
    });
  }
}
