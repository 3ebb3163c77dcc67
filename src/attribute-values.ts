/**
 * The allowed value an attribute names, ignoring case and surrounding spaces (`REST` → `rest`), or
 * `undefined` when it names none. Attributes are typed by hand in CMS editors and page templates, so
 * `backend="REST"` means `rest`; the const arrays of allowed values stay the one source of truth.
 */
export function allowedValue<T extends string>(
  value: string | null | undefined,
  allowed: readonly T[],
): T | undefined {
  const wanted = value?.trim().toLowerCase();
  if (!wanted) return undefined;
  return allowed.find((candidate) => candidate.toLowerCase() === wanted);
}
