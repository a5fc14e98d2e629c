import { flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { setState, useApp } from '../store/app-store.js';
import { type CaptureRow, visibleRows } from '../store/capture-list.js';
import { moveSelection, selectCapture } from '../store/selection-actions.js';
import { columns } from './columns.js';

/** Fixed row height: the virtualiser never measures, so streaming rows cannot shift anything. */
export const ROW_HEIGHT = 30;
const HEADER_HEIGHT = 28;

/**
 * The live list. The virtualiser owns the window of rows; react-table renders only that window (its row model
 * is built from the visible slice, so 100 000 captures cost the same per frame as 40).
 */
export function CaptureTable() {
  const list = useApp((s) => s.list);
  const filter = useApp((s) => s.filter);
  const selectedId = useApp((s) => s.selectedId);
  const followNewest = useApp((s) => s.followNewest);
  // A new list object (version) on every change; the rows array itself may be the same, updated in place.
  const view = useMemo(() => ({ rows: visibleRows(list, filter) }), [list, filter]);
  const { rows } = view;
  const scrollRef = useRef<HTMLDivElement>(null);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollPaddingStart: HEADER_HEIGHT,
    // Let React batch scroll-driven renders with the streaming updates instead of rendering inside the event.
    useFlushSync: false,
    // Default index keys: every row has the same fixed height, so nothing per row needs to be remembered.
  });
  const items = virtualizer.getVirtualItems();
  const slice = useMemo(
    () => items.map((item) => view.rows[item.index]).filter((r): r is CaptureRow => r !== undefined),
    [items, view],
  );
  const table = useReactTable({
    data: slice,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.summary.id,
    // The data is the visible window and changes on every scroll; nothing here pages or expands, and the
    // auto-reset would otherwise set table state on each data change (a render loop).
    autoResetAll: false,
  });
  const tableRows = table.getRowModel().rows;

  // Older pages arrive in front: keep what the person is looking at in place.
  const firstId = useRef<string | null>(null);
  useLayoutEffect(() => {
    const el = scrollRef.current;
    const previous = firstId.current;
    firstId.current = view.rows[0]?.summary.id ?? null;
    if (!el || previous === null || followNewest) return;
    const shift = view.rows.findIndex((r) => r.summary.id === previous);
    if (shift > 0) el.scrollTop += shift * ROW_HEIGHT;
  }, [view, followNewest]);

  // Follow newest: one write per commit to a position computed from the fixed row height. The virtualiser's
  // scrollToIndex reads the element's max scroll offset (a forced layout) and re-checks it every frame.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (followNewest && el && rows.length > 0) el.scrollTop = HEADER_HEIGHT + rows.length * ROW_HEIGHT;
  }, [followNewest, rows.length]);

  // Keep the selected row visible when J/K (or the arrows) move it.
  const selectedIndex = useMemo(
    () => (selectedId === null ? -1 : view.rows.findIndex((r) => r.summary.id === selectedId)),
    [view, selectedId],
  );
  useEffect(() => {
    if (selectedIndex >= 0 && !followNewest) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, followNewest, virtualizer]);

  const onScroll = (): void => {
    const el = scrollRef.current;
    if (!el) return;
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < ROW_HEIGHT;
    if (!atBottom && followNewest) setState({ followNewest: false });
  };

  const onRowKey = (event: KeyboardEvent<HTMLTableRowElement>, id: string): void => {
    if (event.key === ' ') {
      event.preventDefault();
      selectCapture(id);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      moveSelection(event.key === 'ArrowDown' ? 1 : -1);
      requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>('tr[data-selected="true"]')?.focus());
    }
  };

  return (
    <div className="table-scroll" ref={scrollRef} onScroll={onScroll}>
      <table className="capture-table" aria-label="Captured callbacks" aria-rowcount={rows.length + 1}>
        <thead className="table-head">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} className="table-row table-header-row" aria-rowindex={1}>
              {group.headers.map((header) => (
                <th key={header.id} className={`cell cell-${header.id}`} scope="col">
                  {flexRender(header.column.columnDef.header, header.getContext())}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody className="table-body" style={{ height: virtualizer.getTotalSize() }}>
          {tableRows.map((row, i) => {
            const item = items[i];
            if (!item) return null;
            const summary = row.original.summary;
            const selected = summary.id === selectedId;
            return (
              <tr
                key={row.id}
                className={`table-row${selected ? ' selected' : ''}`}
                aria-rowindex={item.index + 2}
                aria-current={selected ? 'true' : undefined}
                data-selected={selected}
                data-state={summary.state}
                // Rows are the keyboard stops of the list (roving tabindex): one reachable row, arrows/J/K move.
                tabIndex={selected || (selectedIndex === -1 && item.index === 0) ? 0 : -1}
                // `top`, not a transform: transformed rows become separate layers, which the software
                // rasteriser repaints on every follow-newest scroll (measured: 3-4x longer tasks).
                style={{ top: item.start }}
                onClick={() => selectCapture(summary.id)}
                onKeyDown={(e) => onRowKey(e, summary.id)}
                onFocus={() => selectCapture(summary.id)}
              >
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className={`cell cell-${cell.column.id}`}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
