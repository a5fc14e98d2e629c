// File names and dialog filters for the native save/open dialogs.
import type { FileFilter } from 'electron';
import type { ExportFormat } from '../shared/contract/index.js';

export const EXPORT_FILTERS: Record<ExportFormat, FileFilter> = {
  json: { name: 'Callback Inspector session', extensions: ['json'] },
  har: { name: 'HAR 1.2', extensions: ['har'] },
  ndjson: { name: 'NDJSON', extensions: ['ndjson'] },
};

export const IMPORT_FILTERS: FileFilter[] = [
  { name: 'Session, HAR or NDJSON', extensions: ['json', 'har', 'ndjson'] },
  { name: 'All files', extensions: ['*'] },
];

/** `callback-inspector-20250131-142233.har` (local time). */
export function exportFileName(format: ExportFormat, now: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const day = `${now.getFullYear()}${two(now.getMonth() + 1)}${two(now.getDate())}`;
  const time = `${two(now.getHours())}${two(now.getMinutes())}${two(now.getSeconds())}`;
  return `callback-inspector-${day}-${time}.${format}`;
}

const FALLBACK_NAME = 'callback-inspector.json';
// Path separators, characters Windows forbids in names, and control characters.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is stripped
const UNSAFE = /[/\\:*?"<>|\u0000-\u001f\u007f]/g;

/**
 * The page suggests a name for the save dialog; it only becomes the dialog's default, never a path: no folders,
 * no reserved characters, no leading dots (hidden files, `..`), at most 200 characters.
 */
export function safeFileName(suggested: string): string {
  const name = suggested
    .replace(UNSAFE, '_')
    .replace(/^[.\s]+/, '')
    .trim()
    .slice(0, 200);
  return name === '' ? FALLBACK_NAME : name;
}
