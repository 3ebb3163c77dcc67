// Attributes the bytes of a minified file to its sources, grouped by folder (src/<area>/<name>,
// node_modules/<package>), using the source map's mappings.
const base64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function decodeVlq(segment) {
  const values = [];
  let value = 0;
  let shift = 0;
  for (const character of segment) {
    let digit = base64.indexOf(character);
    const more = digit & 32;
    digit &= 31;
    value += digit << shift;
    if (more) shift += 5;
    else {
      values.push(value & 1 ? -(value >> 1) : value >> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

function groupOf(source) {
  const path = source.replace(/^(\.\.\/)+/, '').replace(/^.*?node_modules\//, 'node_modules/');
  const modulePackage = path.match(/^node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (modulePackage) return `node_modules/${modulePackage[1]}`;
  const area = path.match(/^(src\/[^/]+\/[^/]+)\//);
  return area ? area[1] : path;
}

/** `[{ source, bytes }]`, largest first. */
export function bytesBySource(code, map) {
  const lines = code.split('\n');
  const totals = new Map();
  let sourceIndex = 0;
  map.mappings.split(';').forEach((line, lineIndex) => {
    const segments = line.split(',').filter(Boolean).map(decodeVlq);
    let column = 0;
    const starts = [];
    for (const segment of segments) {
      column += segment[0];
      if (segment.length > 1) sourceIndex += segment[1];
      starts.push({ column, source: segment.length > 1 ? sourceIndex : undefined });
      // Later fields (line, column, name) are relative too, but only the source matters here.
    }
    const lineLength = lines[lineIndex]?.length ?? 0;
    starts.forEach((start, index) => {
      if (start.source === undefined) return;
      const end = index + 1 < starts.length ? starts[index + 1].column : lineLength;
      const group = groupOf(map.sources[start.source]);
      totals.set(group, (totals.get(group) ?? 0) + Math.max(0, end - start.column));
    });
  });
  return [...totals].map(([source, bytes]) => ({ source, bytes })).sort((a, b) => b.bytes - a.bytes);
}
