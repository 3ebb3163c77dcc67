// Helpers for the kring.sppkg checks: read the package (a ZIP in Open Packaging Conventions form) and
// build the fake SharePoint host page (test/spfx/fake-sharepoint-host.ts).
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { join } from 'node:path';
import { projectRoot } from '../../scripts/lib/entries.mjs';
import { isStale } from '../../scripts/lib/freshness.mjs';

/** Every file in a ZIP: name → bytes (stored or deflated entries, as the SPFx packager writes). */
export function readZip(file) {
  const zip = readFileSync(file);
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error(`${file} is not a ZIP file`);
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const files = new Map();
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(offset) !== 0x02014b50) throw new Error('broken ZIP central directory');
    const method = zip.readUInt16LE(offset + 10);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const localHeader = zip.readUInt32LE(offset + 42);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    const dataStart =
      localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
    const data = zip.subarray(dataStart, dataStart + compressedSize);
    files.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

const entities = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" };

/** The value of `attribute` on the first `<tag>` in an XML text, entities decoded. */
export function xmlAttribute(xml, tag, attribute) {
  const element = xml.match(new RegExp(`<${tag}\\b[^>]*>`))?.[0];
  const value = element?.match(new RegExp(`\\s${attribute}="([^"]*)"`))?.[1];
  return value?.replace(/&(\w+);/g, (match, name) => entities[name] ?? match);
}

export const fakeHostBuild = join(projectRoot, '.spfx-test-build');

/** Builds the fake host page script with Vite when it is older than its sources. */
export async function buildFakeHostIfNeeded() {
  const output = join(fakeHostBuild, 'fake-sharepoint-host.js');
  const inputs = ['test/spfx/fake-sharepoint-host.ts', 'mocks', 'src'].map((p) => join(projectRoot, p));
  if (!isStale(output, inputs)) return;
  const { build } = await import('vite');
  const { sharedBuildOptions } = await import('../../scripts/lib/vite-shared.mjs');
  await build({
    ...sharedBuildOptions,
    configFile: false,
    logLevel: 'warn',
    root: projectRoot,
    build: {
      ...sharedBuildOptions.build,
      outDir: fakeHostBuild,
      emptyOutDir: true,
      sourcemap: false,
      rollupOptions: {
        input: { 'fake-sharepoint-host': join(projectRoot, 'test/spfx/fake-sharepoint-host.ts') },
        output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  });
}
