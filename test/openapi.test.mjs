// The REST contract (`docs/api/openapi.yaml`) is what a CMS implements for `backend="rest"`. It must be a
// valid OpenAPI 3.1 document, and the msw imitation of it (`mocks/rest/handlers.ts`, used by the tests,
// Storybook and the demo) must answer exactly the operations it describes.
// Run: `node --test test/openapi.test.mjs` (npm test runs it).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { projectRoot } from '../scripts/lib/entries.mjs';

const specFile = join(projectRoot, 'docs/api/openapi.yaml');
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** Every place in the document where a key has no value: in YAML a comma inside `{ … }` starts a key. */
function emptyKeys(value, path = '#') {
  if (value === null) return [path];
  if (typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => emptyKeys(child, `${path}/${key}`));
}

/** `GET /people/{personId}` for every route the msw imitation registers. */
function mockOperations() {
  const source = readFileSync(join(projectRoot, 'mocks/rest/handlers.ts'), 'utf8');
  // `route('get', '/me', …)`, and any route registered with msw directly (`http.get(`${base}/me`, …)`).
  const routes = [
    ...source.matchAll(/\broute\(\s*'(get|put|post|delete|patch)',\s*'([^']*)'/g),
    ...source.matchAll(/http\.(get|put|post|delete|patch)\(\s*`\$\{base\}([^`]*)`/g),
  ];
  return routes.map(([, method, path]) => `${method.toUpperCase()} ${path.replace(/:(\w+)/g, '{$1}')}`);
}

describe('the REST contract', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const api = await SwaggerParser.validate(specFile);
    assert.equal(api.openapi, '3.1.0');
  });

  it('has no key without a value (an unquoted comma in a one-line description)', async () => {
    assert.deepEqual(emptyKeys(await SwaggerParser.parse(specFile)), []);
  });

  it('is what the msw imitation answers, operation for operation', async () => {
    const api = await SwaggerParser.parse(specFile);
    const specified = Object.entries(api.paths).flatMap(([path, item]) =>
      METHODS.filter((method) => item[method]).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const mocked = mockOperations();
    assert.ok(mocked.length > 10, 'the imitation routes were found');
    assert.deepEqual([...new Set(mocked)].sort(), [...new Set(specified)].sort());
  });
});

describe('the contract and the code share their limits', () => {
  const spec = readFileSync(specFile, 'utf8');

  it('one kudos message length: src/kudos/message.ts and KudosInput.message.maxLength', () => {
    const code = readFileSync(join(projectRoot, 'src/kudos/message.ts'), 'utf8');
    const constant = Number(/export const MESSAGE_MAX_LENGTH = ([\d_]+);/.exec(code)?.[1].replace(/_/g, ''));
    const contract = Number(
      /KudosInput:[\s\S]*?message: \{ type: string, maxLength: (\d+) \}/.exec(spec)?.[1],
    );
    assert.ok(constant > 0, 'MESSAGE_MAX_LENGTH found');
    assert.equal(contract, constant);
  });

  it('one page limit: the REST adapter pages above components.parameters.Limit.maximum', () => {
    // The paging lives with the REST adapter's community reads, which load on first use.
    const code = readFileSync(join(projectRoot, 'src/backends/rest/rest-community.ts'), 'utf8');
    const constant = Number(/export const MAX_PAGE_LIMIT = (\d+);/.exec(code)?.[1]);
    const contract = Number(/ {4}Limit:[\s\S]*?maximum: (\d+)/.exec(spec)?.[1]);
    assert.ok(constant > 0, 'MAX_PAGE_LIMIT found');
    assert.equal(contract, constant);
  });
});
