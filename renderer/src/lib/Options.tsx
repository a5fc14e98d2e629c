/** One option: a plain value shows as itself (or its label in `labels`); `{ value, label }` shows its label. */
export type OptionItem = string | { value: string | number; label: string };

/** A select's options, in order. */
export function Options({
  items,
  labels,
}: {
  items: readonly OptionItem[];
  labels?: Readonly<Record<string, string>>;
}) {
  return (
    <>
      {items.map((item) => {
        const { value, label } = typeof item === 'string' ? { value: item, label: labels?.[item] ?? item } : item;
        return (
          <option key={value} value={value}>
            {label}
          </option>
        );
      })}
    </>
  );
}
