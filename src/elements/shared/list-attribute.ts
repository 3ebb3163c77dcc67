/** Lit converter for attributes that hold a comma-separated list (`to="p1, p2"`): trimmed, empty items dropped. */
export const commaListConverter = {
  fromAttribute: (value: string | null): string[] =>
    (value ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  toAttribute: (value: string[]): string => value.join(','),
};
