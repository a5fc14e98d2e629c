import type { OpenImProfile } from '../../contract/settings.js';
import type { CommandInfo, FieldSpec } from '../types.js';
import type { OpenImCommand } from './row.js';

/**
 * The request struct a version sends under this name: a legacy name's own struct where it has one (the one-member
 * member-join of ≤ v3.7, the capital-C set-member-info of v3.0–v3.4.0), else the row's `wire` for that version, else
 * the current fields. Used by validation and by `send`, so both read the same struct.
 */
export function structFor(info: CommandInfo, profile: OpenImProfile | undefined): FieldSpec[] {
  const row = (info as Partial<OpenImCommand>).row;
  if (!row) return info.fields;
  const legacy = info.legacy ? row.legacyNames?.find((l) => l.name === info.name) : undefined;
  if (profile === undefined) return legacy?.fields ?? info.fields;
  if (legacy !== undefined)
    return legacy.wire?.[profile]?.fields ?? legacy.fields ?? row.wire?.[profile]?.fields ?? info.fields;
  return row.wire?.[profile]?.fields ?? info.fields;
}
