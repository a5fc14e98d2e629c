/** Headers or query parameters, names in a narrow column, values monospace and wrapping. */
export function KeyValueTable({ label, entries }: { label: string; entries: Record<string, string> }) {
  const pairs = Object.entries(entries);
  return (
    <details className="kv" open={pairs.length <= 8}>
      <summary>
        {label} <span className="muted">({pairs.length})</span>
      </summary>
      <table aria-label={label}>
        <tbody>
          {pairs.map(([name, value]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
