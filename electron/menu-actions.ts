// What the application menu's items do. The Electron calls (dialogs, shell) come in from main.ts, so this file
// holds the behaviour only: which control-API call, what the person is asked and told.
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { MessageBoxOptions } from 'electron';
import type { ExportFormat, HoldMode } from '../shared/contract/index.js';
import { clearCaptures, exportSession, importSession, setHoldMode } from './control-client.js';
import type { Engine } from './engine/engine.js';
import { exportFileName } from './file-names.js';
import type { MenuActions } from './menu.js';

export interface MenuActionDeps {
  engine(): Engine | null;
  productName: string;
  dataFolder(): string;
  appVersion(): string;
  /** shell.openPath: resolves to an error text, '' on success. */
  openPath(path: string): Promise<string>;
  saveDialog(name: string, format: ExportFormat): Promise<string | null>;
  openDialog(): Promise<string | null>;
  /** Reads an import file, refusing one over the engine's limit before reading it. */
  readLimited(file: string): Promise<string>;
  /** A message box; resolves to the index of the button pressed. */
  ask(options: MessageBoxOptions): Promise<number>;
}

export function createMenuActions(deps: MenuActionDeps): MenuActions {
  const { productName: title } = deps;
  const tell = (options: MessageBoxOptions) => deps.ask({ title, ...options });
  const failed = (what: string) => (error: unknown) =>
    void tell({ type: 'error', message: `${what} failed`, detail: String(error) });
  /** Runs `fn` with the engine (none while starting or stopping: nothing to do then), reporting a failure. */
  const withEngine = (what: string, fn: (engine: Engine) => Promise<void>): void => {
    const engine = deps.engine();
    if (engine) fn(engine).catch(failed(what));
  };

  return {
    exportSession(format: ExportFormat): void {
      withEngine('Export', async (engine) => {
        const file = await deps.saveDialog(exportFileName(format, new Date()), format);
        if (file === null) return;
        await writeFile(file, await exportSession(engine.controlUrl(), engine.token, format), 'utf8');
      });
    },
    importSession(): void {
      withEngine('Import', async (engine) => {
        const file = await deps.openDialog();
        if (file === null) return;
        const result = await importSession(engine.controlUrl(), engine.token, await deps.readLimited(file));
        const parts = [
          `${result.imported} captures imported`,
          ...(result.duplicates ? [`${result.duplicates} already present`] : []),
          ...(result.skipped ? [`${result.skipped} skipped`] : []),
        ];
        await tell({ type: 'info', message: `Imported ${basename(file)}`, detail: `${parts.join(', ')}.` });
      });
    },
    setHoldMode(mode: HoldMode): void {
      withEngine('Setting the hold mode', (engine) => setHoldMode(engine.controlUrl(), engine.token, mode));
    },
    clearCaptures(): void {
      withEngine('Clear', async (engine) => {
        const count = engine.listCaptures({ limit: 1 }).total;
        const response = await tell({
          type: 'warning',
          message: `Clear all ${count} captures?`,
          detail:
            "This deletes them from the engine's memory and from the capture log on disk (captures.ndjson in the " +
            'data folder). It cannot be undone: export first to keep them. Held requests stay and still get an answer.',
          buttons: ['Cancel', `Clear ${count} captures`],
          defaultId: 0,
          cancelId: 0,
        });
        if (response === 1) await clearCaptures(engine.controlUrl(), engine.token);
      });
    },
    openDataFolder(): void {
      deps.openPath(deps.dataFolder()).then((error) => {
        if (error) failed('Opening the data folder')(error);
      }, failed('Opening the data folder'));
    },
    showAbout(): void {
      const engine = deps.engine();
      const detail = [
        'Stand-in app backend for OpenIM and Tencent Cloud Chat friend callbacks.',
        '',
        `Electron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node ${process.versions.node}`,
        `Callback listener: ${engine?.listenerUrl() ?? '-'}`,
        `Control API: ${engine?.controlUrl() ?? '-'}`,
        `Data folder: ${deps.dataFolder()}`,
      ].join('\n');
      void tell({ type: 'info', title: `About ${title}`, message: `${title} ${deps.appVersion()}`, detail });
    },
  };
}
