// Builds `mocks/rest/contract-validators.generated.js`: request and response validators for every operation
// of `docs/api/openapi.yaml`, compiled by ajv ahead of time and bundled into one ES module. The msw REST mock
// checks each request and answer with them, so the mock cannot drift from the contract unnoticed.
//
// Ahead of time because ajv compiles schemas with `new Function`, which the browser pages we test (strict
// CSP, Trusted Types) refuse; standalone code is plain JavaScript.
//
//   node scripts/contract-validators.mjs          write the module
//   node scripts/contract-validators.mjs --check  fail when the committed module is out of date
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import SwaggerParser from '@apidevtools/swagger-parser';
import { build } from 'esbuild';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const contractPath = `${root}docs/api/openapi.yaml`;
const outputPath = `${root}mocks/rest/contract-validators.generated.js`;
const typesPath = `${root}mocks/rest/contract-validators.generated.d.ts`;
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** Follows a local `$ref` (`#/components/parameters/Limit`) to the object it names. */
function resolve(document, value) {
  if (!value || typeof value !== 'object' || typeof value.$ref !== 'string') return value;
  const path = value.$ref.replace(/^#\//, '').split('/');
  return resolve(
    document,
    path.reduce((node, key) => node[key], document),
  );
}

/** Schema references point at the shared `contract` schema, where the components live under `$defs`. */
function retarget(schema) {
  return JSON.parse(JSON.stringify(schema).replaceAll('"#/components/schemas/', '"contract#/$defs/'));
}

/** One validator name per operation part, e.g. `listKudos_request`, `listKudos_200`. */
function operationSchemas(document) {
  const operations = [];
  const schemas = {};
  for (const [path, item] of Object.entries(document.paths)) {
    const shared = (item.parameters ?? []).map((parameter) => resolve(document, parameter));
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const parameters = [
        ...shared,
        ...(operation.parameters ?? []).map((parameter) => resolve(document, parameter)),
      ];
      // Path, query and header values in one object; header names in lower case as `Headers` gives them.
      const request = { type: 'object', properties: {}, required: [] };
      for (const parameter of parameters) {
        const name = parameter.in === 'header' ? parameter.name.toLowerCase() : parameter.name;
        request.properties[name] = retarget(parameter.schema ?? {});
        if (parameter.required) request.required.push(name);
      }
      const id = operation.operationId;
      schemas[`${id}_parameters`] = request;
      const body = resolve(document, operation.requestBody);
      const bodySchema = body?.content?.['application/json']?.schema;
      if (bodySchema) schemas[`${id}_body`] = retarget(bodySchema);
      const responses = {};
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        const schema = resolve(document, response)?.content?.['application/json']?.schema;
        responses[status] = schema ? `${id}_${status}` : null;
        if (schema) schemas[`${id}_${status}`] = retarget(schema);
      }
      operations.push({
        id,
        method: method.toUpperCase(),
        path,
        parameters: Object.fromEntries(
          parameters.map((parameter) => [
            parameter.in === 'header' ? parameter.name.toLowerCase() : parameter.name,
            { in: parameter.in, type: parameter.schema?.type ?? 'string' },
          ]),
        ),
        body: bodySchema ? { required: body.required === true } : null,
        responses,
      });
    }
  }
  return { operations, schemas };
}

async function generate() {
  const document = await SwaggerParser.parse(contractPath);
  const { operations, schemas } = operationSchemas(document);
  const ajv = new Ajv2020({
    strict: false,
    inlineRefs: false,
    code: { source: true, esm: true },
    formats: {
      // The contract's two formats. Regular expressions are emitted into the generated code as they are.
      email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
      'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i,
    },
  });
  // One schema holds the components and every operation part, so each component compiles to one function.
  ajv.addSchema({ $id: 'contract', $defs: { ...retarget(document.components.schemas), ...schemas } });
  const source = standaloneCode(
    ajv,
    Object.fromEntries(Object.keys(schemas).map((name) => [name, `contract#/$defs/${name}`])),
  );
  const bundled = await build({
    stdin: { contents: source, resolveDir: root, loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    legalComments: 'none',
    minifyWhitespace: true,
  });
  const header = '// Generated by scripts/contract-validators.mjs from docs/api/openapi.yaml. Do not edit.';
  const types = [
    header,
    'type Validator = ((data: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] | null };',
    'export declare const operations: readonly unknown[];',
    ...Object.keys(schemas).map((name) => `export declare const ${name}: Validator;`),
    '',
  ].join('\n');
  const code = [
    header,
    '// @ts-nocheck',
    `export const operations = ${JSON.stringify(operations)};`,
    bundled.outputFiles[0].text,
  ].join('\n');
  return { code, types };
}

const generated = await generate();
if (process.argv.includes('--check')) {
  const current = await readFile(outputPath, 'utf8').catch(() => '');
  const currentTypes = await readFile(typesPath, 'utf8').catch(() => '');
  if (current !== generated.code || currentTypes !== generated.types) {
    console.error(
      'mocks/rest/contract-validators.generated.js is out of date with docs/api/openapi.yaml: run `node scripts/contract-validators.mjs`.',
    );
    process.exit(1);
  }
  console.log('contract validators are current');
} else {
  await writeFile(outputPath, generated.code);
  await writeFile(typesPath, generated.types);
  console.log(`wrote ${outputPath.slice(root.length)} (${generated.code.length} characters) and its types`);
}
