import { flexRender, type Header, type Table } from '@tanstack/react-table';
import { type KeyboardEvent, useState } from 'react';
import type { CaptureRow } from '../store/capture-list.js';

const KEY_STEP = 16;
const MAX_WIDTH = 800;

/** Arrow keys resize too: the handle is a focusable separator, so a keyboard user can widen a column. */
function onHandleKey(event: KeyboardEvent, header: Header<CaptureRow, unknown>, table: Table<CaptureRow>): void {
  const delta = event.key === 'ArrowRight' ? KEY_STEP : event.key === 'ArrowLeft' ? -KEY_STEP : 0;
  if (delta === 0) return;
  event.preventDefault();
  event.stopPropagation();
  const column = header.column;
  const min = column.columnDef.minSize ?? 40;
  const width = Math.min(MAX_WIDTH, Math.max(min, column.getSize() + delta));
  table.setColumnSizing((old) => ({ ...old, [column.id]: width }));
}

/**
 * ↑/↓ on a handle move the focus to the previous/next column's handle: the handles are one stop in the Tab order
 * (roving tabindex), so Tab goes from the filters to the rows instead of crossing ten handles.
 */
function onHandleMove(event: KeyboardEvent, step: number): void {
  event.preventDefault();
  event.stopPropagation();
  // Only the handles on screen: a narrow list folds some columns away (table-compact.css).
  const handles = [...(event.currentTarget.closest('tr')?.querySelectorAll<HTMLElement>('.col-resizer') ?? [])].filter(
    (h) => h.checkVisibility({ visibilityProperty: true }),
  );
  const at = handles.indexOf(event.currentTarget as HTMLElement);
  handles[Math.min(handles.length - 1, Math.max(0, at + step))]?.focus();
}

/** Column headers, each with a drag (or arrow-key) handle on its right edge. */
export function TableHeader({ table }: { table: Table<CaptureRow> }) {
  const [active, setActive] = useState<string | null>(null);
  const first = table.getHeaderGroups()[0]?.headers[0]?.id;
  return (
    <thead className="table-head">
      {table.getHeaderGroups().map((group) => (
        <tr key={group.id} className="table-row table-header-row" aria-rowindex={1}>
          {group.headers.map((header) => {
            const label = String(header.column.columnDef.header ?? header.id);
            return (
              <th key={header.id} className={`cell cell-${header.id}`} scope="col">
                {flexRender(header.column.columnDef.header, header.getContext())}
                {/* biome-ignore lint/a11y/useSemanticElements: an <hr> cannot be focused or dragged */}
                <div
                  role="separator"
                  aria-orientation="vertical"
                  aria-label={`Resize ${label} column`}
                  aria-valuenow={Math.round(header.column.getSize())}
                  aria-valuemin={header.column.columnDef.minSize ?? 40}
                  aria-valuemax={MAX_WIDTH}
                  tabIndex={header.id === (active ?? first) ? 0 : -1}
                  title="Drag, or ←/→ to resize; ↑/↓ for the other columns"
                  onFocus={() => setActive(header.id)}
                  className={`col-resizer${header.column.getIsResizing() ? ' resizing' : ''}`}
                  onPointerDown={header.getResizeHandler()}
                  onDoubleClick={() => header.column.resetSize()}
                  onKeyDown={(e) =>
                    e.key === 'ArrowUp' || e.key === 'ArrowDown'
                      ? onHandleMove(e, e.key === 'ArrowUp' ? -1 : 1)
                      : onHandleKey(e, header, table)
                  }
                />
              </th>
            );
          })}
        </tr>
      ))}
    </thead>
  );
}
