// Prints benchmark rows as an aligned text table.
export function formatTable(rows) {
  const columns = ['bench', 'name', 'value', 'unit', 'note'];
  const cells = rows.map((row) => [
    row.bench,
    row.name,
    typeof row.value === 'number' ? formatNumber(row.value) : String(row.value),
    row.unit ?? '',
    row.note ?? '',
  ]);
  const widths = columns.map((column, index) =>
    Math.max(column.length, ...cells.map((cell) => cell[index].length)),
  );
  const line = (values) =>
    values
      .map((value, index) => (index === 2 ? value.padStart(widths[index]) : value.padEnd(widths[index])))
      .join('  ')
      .trimEnd();
  return [line(columns), line(widths.map((width) => '─'.repeat(width))), ...cells.map(line)].join('\n');
}

function formatNumber(value) {
  if (Number.isInteger(value)) return String(value);
  return value.toFixed(Math.abs(value) >= 100 ? 0 : 1);
}
