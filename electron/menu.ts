import type { MenuItemConstructorOptions } from 'electron';
import type { ExportFormat, HoldMode } from '../shared/contract/index.js';

/** What the menu's own items do; main.ts supplies them (dialogs and the control API live there). */
export interface MenuActions {
  exportSession(format: ExportFormat): void;
  importSession(): void;
  setHoldMode(mode: HoldMode): void;
  /** Asks for confirmation first (what goes: captures in memory and the log on disk). */
  clearCaptures(): void;
  openDataFolder(): void;
  showAbout(): void;
}

export const EXPORT_MENU_ITEMS: readonly { id: string; label: string; format: ExportFormat }[] = [
  { id: 'export-json', label: 'JSON Session…', format: 'json' },
  { id: 'export-har', label: 'HAR 1.2…', format: 'har' },
  { id: 'export-ndjson', label: 'NDJSON…', format: 'ndjson' },
];

export const HOLD_MENU_ITEMS: readonly { id: string; label: string; mode: HoldMode }[] = [
  { id: 'hold-off', label: 'Off', mode: 'off' },
  { id: 'hold-before', label: 'Before-callbacks', mode: 'before' },
  { id: 'hold-all', label: 'All callbacks', mode: 'all' },
];

/**
 * The application menu: the platform's usual roles plus File → Export/Import, Captures → Hold mode and Clear, and
 * Help. `holdMode` checks its radio item; main.ts rebuilds the menu when the setting changes elsewhere.
 */
export function buildMenuTemplate(
  actions: MenuActions,
  platform: NodeJS.Platform,
  holdMode: HoldMode = 'off',
): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      {
        label: 'Export',
        submenu: EXPORT_MENU_ITEMS.map(({ id, label, format }) => ({
          id,
          label,
          click: () => actions.exportSession(format),
        })),
      },
      { id: 'import', label: 'Import…', accelerator: 'CmdOrCtrl+O', click: () => actions.importSession() },
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const captures: MenuItemConstructorOptions = {
    label: '&Captures',
    submenu: [
      {
        label: 'Hold Mode',
        submenu: HOLD_MENU_ITEMS.map(({ id, label, mode }) => ({
          id,
          label,
          type: 'radio' as const,
          checked: mode === holdMode,
          click: () => actions.setHoldMode(mode),
        })),
      },
      { type: 'separator' },
      { id: 'clear', label: 'Clear Captures…', click: () => actions.clearCaptures() },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { role: 'reload' },
      { role: 'forceReload' },
      { role: 'toggleDevTools' },
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [
      { id: 'open-data-folder', label: 'Open Data Folder', click: () => actions.openDataFolder() },
      { type: 'separator' },
      { id: 'about', label: 'About Callback Inspector', click: () => actions.showAbout() },
    ],
  };
  return [
    ...(isMac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    file,
    { role: 'editMenu' },
    captures,
    view,
    { role: 'windowMenu' },
    help,
  ];
}
