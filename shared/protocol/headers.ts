/** Case-insensitive header look-up (Go canonicalises `operationID` to `Operationid` on the wire). */
export function getHeader(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const key of Object.keys(headers)) {
    if (key.toLowerCase() !== lower) continue;
    const value = headers[key];
    if (Array.isArray(value)) return value.join(', ');
    if (typeof value === 'string') return value;
  }
  return undefined;
}
