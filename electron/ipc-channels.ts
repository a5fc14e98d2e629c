// IPC between the preload and the main process. One place for the channel names, so the two sides cannot drift.

export const IPC = {
  /** Synchronous, once, at preload time: control URL, token and version for the bridge. */
  config: 'callback-inspector:config',
  saveFile: 'callback-inspector:save-file',
  openFile: 'callback-inspector:open-file',
  /** Main → page: select this capture (a notification about a held request was clicked). */
  selectCapture: 'callback-inspector:select-capture',
} as const;

export interface DesktopConfig {
  controlUrl: string;
  token: string;
  version: string;
}

export function isDesktopConfig(value: unknown): value is DesktopConfig {
  if (typeof value !== 'object' || value === null) return false;
  const v: Partial<Record<keyof DesktopConfig, unknown>> = value;
  return typeof v.controlUrl === 'string' && typeof v.token === 'string' && typeof v.version === 'string';
}
