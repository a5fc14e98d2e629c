import { useMemo } from 'react';
import type { CaptureState } from '../../../shared/contract/index.js';
import { catalogue } from '../../../shared/protocol/index.js';
import { Field } from '../lib/Field.js';
import { Options } from '../lib/Options.js';
import { getState, setState, useApp } from '../store/app-store.js';
import { isFilterEmpty, type RowFilter } from '../store/capture-list.js';
import { rowView } from '../store/row-view.js';

const STATES: { value: CaptureState | ''; label: string }[] = [
  { value: '', label: 'All states' },
  { value: 'held', label: 'Held' },
  { value: 'answered', label: 'Answered' },
  { value: 'failed', label: 'Failed' },
];

function setFilter(patch: Partial<RowFilter>): void {
  setState({ filter: { ...getState().filter, ...patch } });
}

/** Text, command and state filters plus the follow-newest toggle, above the table. */
export function FilterBar() {
  const filter = useApp((s) => s.filter);
  const list = useApp((s) => s.list);
  const total = list.rows.length;
  const visible = rowView(list, filter).length;
  const followNewest = useApp((s) => s.followNewest);
  const backfilling = useApp((s) => s.backfilling);
  const commands = useMemo(
    () => ({
      openim: catalogue.filter((c) => c.dialect === 'openim').map((c) => c.name),
      tencent: catalogue.filter((c) => c.dialect === 'tencent').map((c) => c.name),
    }),
    [],
  );
  return (
    <div className="filter-bar">
      <Field label="Filter" className="field field-grow">
        <input
          type="search"
          value={filter.text}
          placeholder="user, command, text…"
          onChange={(e) => setFilter({ text: e.target.value })}
          spellCheck={false}
        />
      </Field>
      <Field label="Command">
        <select value={filter.command} onChange={(e) => setFilter({ command: e.target.value })}>
          <option value="">All commands</option>
          <optgroup label="OpenIM">
            <Options items={commands.openim} />
          </optgroup>
          <optgroup label="Tencent">
            <Options items={commands.tencent} />
          </optgroup>
        </select>
      </Field>
      <Field label="State">
        {/* Option values are exactly the CaptureState union plus '' (all). */}
        <select value={filter.state} onChange={(e) => setFilter({ state: e.target.value as CaptureState | '' })}>
          <Options items={STATES} />
        </select>
      </Field>
      <label className="toggle">
        <input type="checkbox" checked={followNewest} onChange={(e) => setState({ followNewest: e.target.checked })} />
        Follow newest
      </label>
      <span className="row-count" aria-live="polite">
        {isFilterEmpty(filter)
          ? `${total.toLocaleString()} capture${total === 1 ? '' : 's'}`
          : `${visible.toLocaleString()} of ${total.toLocaleString()}`}
        {backfilling ? ' · loading older…' : ''}
      </span>
    </div>
  );
}
