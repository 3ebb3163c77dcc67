/**
 * JSON with object keys sorted, so `{a, b}` and `{b, a}` name the same request.
 * Used to key the read cache and in-flight de-duplication.
 */
export function stableKey(method: string, args: readonly unknown[]): string {
  return `${method}:${JSON.stringify(args, sortKeys)}`;
}

function sortKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) sorted[key] = (value as Record<string, unknown>)[key];
  return sorted;
}
