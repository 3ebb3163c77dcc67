// The npm package in Node (SSR, tests, static generation), through its exports map the way a consumer
// imports it: nothing throws without a DOM, and every entry has what the docs promise.
// Run: `npm run build && node --test test/node-import.test.mjs` (npm test does both).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { BACKEND_NAMES, elementNames, projectRoot } from '../scripts/lib/entries.mjs';

const packageJson = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8'));
const esmDir = join(projectRoot, 'dist', 'esm');

describe("import('kring') in Node", () => {
  it('loads the index without a DOM and exports every adapter factory', async () => {
    assert.equal(typeof globalThis.document, 'undefined', 'this test must run without a DOM');
    const kring = await import('kring');
    for (const name of [
      'createDemoBackend',
      'createRestBackend',
      'createSharePointBackend',
      'createGraphBackend',
    ]) {
      assert.equal(typeof kring[name], 'function', `kring exports ${name}`);
    }
    assert.equal(typeof kring.configure, 'function');
    assert.equal(typeof kring.computeMetrics, 'function');
  });

  it('loads every element entry, each exporting its class', async () => {
    for (const name of elementNames()) {
      const module = await import(`kring/elements/${name}`);
      const classes = Object.entries(module).filter(([, value]) => typeof value === 'function');
      assert.equal(classes.length, 1, `kring/elements/${name} exports its element class`);
      assert.match(classes[0][0], /^Kring[A-Z]\w+$/);
    }
  });

  it('loads every backend entry, each exporting its factory', async () => {
    for (const name of BACKEND_NAMES) {
      const module = await import(`kring/backends/${name}`);
      const factories = Object.keys(module).filter((key) => /^create\w+Backend$/.test(key));
      assert.equal(factories.length, 1, `kring/backends/${name} exports one create…Backend`);
      assert.equal(
        module[factories[0]],
        (await import('kring'))[factories[0]],
        'the same function as the index',
      );
    }
  });

  it('imports only packages it declares (lit as a peer, the @lit helpers as dependencies)', () => {
    const declared = new Set([
      ...Object.keys(packageJson.dependencies ?? {}),
      ...Object.keys(packageJson.peerDependencies ?? {}),
    ]);
    const files = readdirSync(esmDir, { recursive: true }).filter((name) => name.endsWith('.js'));
    assert.ok(files.length > 50, 'dist/esm holds one file per module');
    const seen = new Set();
    for (const file of files) {
      const text = readFileSync(join(esmDir, file), 'utf8');
      const statements =
        /^(?:import|export)\b[^;\n]*?from\s*"([^"]+)"|^import\s*"([^"]+)"|\bimport\(\s*"([^"]+)"\s*\)/gm;
      for (const match of text.matchAll(statements)) {
        const specifier = match[1] ?? match[2] ?? match[3];
        if (specifier.startsWith('.')) continue;
        const name = specifier.startsWith('@')
          ? specifier.split('/').slice(0, 2).join('/')
          : specifier.split('/')[0];
        seen.add(name);
        assert.ok(declared.has(name), `${relative(projectRoot, join(esmDir, file))} imports ${specifier}`);
      }
    }
    assert.deepEqual(
      [...seen].sort(),
      [...declared].sort(),
      'each declared package is imported, none bundled',
    );
  });
});
