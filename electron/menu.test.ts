import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, type MenuActions } from './menu.js';

const actions = (): MenuActions => ({
  exportSession: vi.fn(),
  importSession: vi.fn(),
  setHoldMode: vi.fn(),
  clearCaptures: vi.fn(),
  openDataFolder: vi.fn(),
  showAbout: vi.fn(),
});

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

const byId = (items: MenuItemConstructorOptions[], id: string) => {
  const item = flatten(items).find((i) => i.id === id);
  if (!item) throw new Error(`no menu item ${id}`);
  return item;
};

// The menu's click handlers ignore their arguments; Electron's signature needs three.
const click = (item: MenuItemConstructorOptions) =>
  item.click?.(...([] as unknown as Parameters<NonNullable<typeof item.click>>));

describe('buildMenuTemplate', () => {
  it('has File, Edit, Captures, View, Window and Help, plus the app menu on macOS', () => {
    const linux = buildMenuTemplate(actions(), 'linux');
    expect(linux.map((m) => m.label ?? m.role)).toEqual([
      '&File',
      'editMenu',
      '&Captures',
      '&View',
      'windowMenu',
      'help',
    ]);
    const mac = buildMenuTemplate(actions(), 'darwin');
    expect(mac[0]?.role).toBe('appMenu');
    expect(mac).toHaveLength(7);
  });

  it('Captures → Hold Mode is a radio group checked at the current mode; Clear Captures… asks the action', () => {
    const a = actions();
    const menu = buildMenuTemplate(a, 'linux', 'before');
    expect(['hold-off', 'hold-before', 'hold-all'].map((id) => byId(menu, id).checked)).toEqual([false, true, false]);
    expect(byId(menu, 'hold-all').type).toBe('radio');
    click(byId(menu, 'hold-all'));
    click(byId(menu, 'hold-off'));
    expect(vi.mocked(a.setHoldMode).mock.calls).toEqual([['all'], ['off']]);
    const clear = byId(menu, 'clear');
    expect(clear.label).toBe('Clear Captures…');
    click(clear);
    expect(a.clearCaptures).toHaveBeenCalledTimes(1);
  });

  it('offers reload, devtools and zoom in View', () => {
    const roles = flatten(buildMenuTemplate(actions(), 'linux')).map((i) => i.role);
    for (const role of [
      'reload',
      'forceReload',
      'toggleDevTools',
      'resetZoom',
      'zoomIn',
      'zoomOut',
      'togglefullscreen',
    ]) {
      expect(roles).toContain(role);
    }
    expect(roles).toContain('quit');
    expect(flatten(buildMenuTemplate(actions(), 'darwin')).map((i) => i.role)).toContain('close');
  });

  it('wires File → Export (three formats) and Import… to the actions', () => {
    const a = actions();
    const menu = buildMenuTemplate(a, 'linux');
    click(byId(menu, 'export-json'));
    click(byId(menu, 'export-har'));
    click(byId(menu, 'export-ndjson'));
    expect(vi.mocked(a.exportSession).mock.calls).toEqual([['json'], ['har'], ['ndjson']]);
    const importItem = byId(menu, 'import');
    expect(importItem.label).toBe('Import…');
    click(importItem);
    expect(a.importSession).toHaveBeenCalledTimes(1);
  });

  it('wires Help → About and Open Data Folder', () => {
    const a = actions();
    const menu = buildMenuTemplate(a, 'win32');
    click(byId(menu, 'about'));
    click(byId(menu, 'open-data-folder'));
    expect(a.showAbout).toHaveBeenCalledTimes(1);
    expect(a.openDataFolder).toHaveBeenCalledTimes(1);
    expect(a.exportSession).not.toHaveBeenCalled();
  });
});
