import { type ColumnSizingState, flexRender, getCoreRowModel, type Row, useReactTable } from '@tanstack/react-table';
import {
  type CSSProperties,
  type KeyboardEvent,
  memo,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { setState, useApp } from '../store/app-store.js';
import type { CaptureRow } from '../store/capture-list.js';
import { rowView } from '../store/row-view.js';
import { moveSelection, selectCapture } from '../store/selection-actions.js';
import { loadColumnSizing, saveColumnSizing } from './column-sizing.js';
import { columns } from './columns.js';
import { NoMatches } from './NoMatches.js';
import { requestRowFocus, takeRowFocus } from './row-focus.js';
import { TableHeader } from './TableHeader.js';
import { useRowWindow } from './use-row-window.js';

/** Fixed row height: the window is computed, never measured, so streaming rows cannot shift anything. */
export const ROW_HEIGHT = 30;
const HEADER_HEIGHT = 28;
const OVERSCAN = 12;

/**
 * The live list. The window (rows on screen plus overscan) comes from scrollTop and the fixed row height; only
 * that slice is handed to react-table, so 100 000 captures cost the same per update as 50.
 */
export function CaptureTable() {
  const list = useApp((s) => s.list);
  const filter = useApp((s) => s.filter);
  const selectedId = useApp((s) => s.selectedId);
  const followNewest = useApp((s) => s.followNewest);
  // A new view per list version: the store's arrays are updated in place, the version is what changes.
  const view = rowView(list, filter);
  const count = view.length;
  const scrollRef = useRef<HTMLDivElement>(null);
  const { start, end, first } = useRowWindow(scrollRef, {
    count,
    rowHeight: ROW_HEIGHT,
    overscan: OVERSCAN,
    pinToEnd: followNewest,
  });

  const slice = useMemo(() => {
    const out: CaptureRow[] = [];
    for (let i = start; i < end; i++) {
      const row = view.at(i);
      if (row) out.push(row);
    }
    return out;
  }, [view, start, end]);
  const [columnSizing, setColumnSizing] = useState<ColumnSizingState>(loadColumnSizing);
  useEffect(() => saveColumnSizing(columnSizing), [columnSizing]);
  const table = useReactTable({
    data: slice,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.summary.id,
    // The data is the visible window and changes on every scroll; nothing here pages or expands, and the
    // auto-reset would otherwise set table state on each data change (a render loop).
    autoResetAll: false,
    columnResizeMode: 'onChange',
    state: { columnSizing },
    onColumnSizingChange: setColumnSizing,
  });
  // Widths as CSS variables on the table: a resize restyles every row without re-rendering one.
  const widths: Record<string, string> = {};
  for (const col of table.getAllLeafColumns()) widths[`--col-${col.id}`] = `${col.getSize()}px`;
  const totalWidth = table.getTotalSize();
  const tableRows = table.getRowModel().rows;

  // Older pages arrive in front: keep what the person is looking at in place.
  const firstId = useRef<string | null>(null);
  useLayoutEffect(() => {
    const el = scrollRef.current;
    const previous = firstId.current;
    firstId.current = view.at(0)?.summary.id ?? null;
    if (!el || previous === null || followNewest) return;
    const shift = view.indexOf(previous);
    if (shift > 0) el.scrollTop += shift * ROW_HEIGHT;
  }, [view, followNewest]);

  // Follow newest: one write per commit to a position computed from the fixed row height (the browser clamps it),
  // no read of the scroll size.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (followNewest && el && count > 0) el.scrollTop = HEADER_HEIGHT + count * ROW_HEIGHT;
  }, [followNewest, count]);

  // Keep the selected row visible when J/K (or the arrows) move it.
  const selectedIndex = selectedId === null ? -1 : view.indexOf(selectedId);
  useEffect(() => {
    const el = scrollRef.current;
    if (!el || selectedIndex < 0 || followNewest) return;
    const top = selectedIndex * ROW_HEIGHT; // row top in scroll coordinates, minus the sticky header above it
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + HEADER_HEIGHT + ROW_HEIGHT > el.scrollTop + el.clientHeight)
      el.scrollTop = top + HEADER_HEIGHT + ROW_HEIGHT - el.clientHeight;
  }, [selectedIndex, followNewest]);

  // Roving tabindex over a virtual window: the selected row when it is rendered, else the first row on screen, so
  // Tab always reaches the list even after the selected row scrolled out of the rendered rows.
  const tabbableIndex = selectedIndex >= start && selectedIndex < end ? selectedIndex : Math.max(start, first);

  const onScroll = (): void => {
    const el = scrollRef.current;
    if (!el || !followNewest) return;
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < ROW_HEIGHT;
    if (!atBottom) setState({ followNewest: false });
  };

  return (
    <div className="table-scroll" ref={scrollRef} onScroll={onScroll}>
      <table
        className="capture-table"
        aria-label="Captured callbacks"
        aria-rowcount={count + 1}
        // Custom properties are not in CSSProperties' keys; the values are plain lengths.
        style={{ ...widths, '--table-min': `${totalWidth}px` } as CSSProperties}
      >
        <TableHeader table={table} />
        <tbody className="table-body" style={{ height: count * ROW_HEIGHT }}>
          {tableRows.map((row, i) => {
            const index = start + i;
            const selected = row.id === selectedId;
            return (
              <TableRow key={row.id} row={row} index={index} selected={selected} tabbable={index === tabbableIndex} />
            );
          })}
        </tbody>
      </table>
      {/* Rows exist but the filter hides them all (an empty list shows the empty state, or is still loading). */}
      {count === 0 && list.rows.length > 0 ? <NoMatches /> : null}
    </div>
  );
}

function takeRowFocusRef(row: HTMLTableRowElement | null): void {
  if (row) takeRowFocus(row);
}

interface TableRowProps {
  row: Row<CaptureRow>;
  index: number;
  selected: boolean;
  /** Rows are the keyboard stops of the list (roving tabindex): one reachable row, arrows/J/K move. */
  tabbable: boolean;
}

function onRowKey(event: KeyboardEvent<HTMLTableRowElement>, id: string): void {
  if (event.key === ' ') {
    event.preventDefault();
    selectCapture(id);
  } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault();
    moveSelection(event.key === 'ArrowDown' ? 1 : -1);
    requestRowFocus();
  }
}

/**
 * One row. react-table builds fresh row objects for every new slice; a row whose capture, place and selection
 * are unchanged renders nothing new, so a streaming update re-renders only the rows that came into view.
 */
const TableRow = memo(
  function TableRow({ row, index, selected, tabbable }: TableRowProps) {
    const summary = row.original.summary;
    return (
      <tr
        // Only the selected row gets the callback ref (no effect per row): it takes a pending keyboard focus.
        ref={selected ? takeRowFocusRef : undefined}
        className={`table-row${selected ? ' selected' : ''}`}
        aria-rowindex={index + 2}
        aria-current={selected ? 'true' : undefined}
        data-selected={selected}
        data-state={summary.state}
        tabIndex={tabbable ? 0 : -1}
        // `top`, not a transform: transformed rows become separate layers, which the software
        // rasteriser repaints on every follow-newest scroll (measured: 3-4x longer tasks).
        style={{ top: index * ROW_HEIGHT }}
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
  },
  (a, b) =>
    a.row.original === b.row.original && a.index === b.index && a.selected === b.selected && a.tabbable === b.tabbable,
);
