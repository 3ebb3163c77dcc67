#!/usr/bin/env node
// Regenerates custom-elements.json into a temporary folder with the same analyzer and config,
// and fails when it differs from the committed file (so docs, Storybook controls and IDEs stay true),
// or when it says less than the source: an event that is not a `src/events/` class with its name and a
// description (a phantom), an event class no element lists, a `part` in a template without `@csspart`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './lib/entries.mjs';
import { isMain } from './lib/is-main.mjs';
import { elementReach, readEventClasses } from './lib/manifest-sources.mjs';

export function checkManifest(root = projectRoot) {
  // The analyzer joins --outdir onto the working directory, so the scratch folder lives in the project.
  const relativeOutdir = join('node_modules', '.cache', `kring-manifest-check-${process.pid}`);
  const outdir = join(root, relativeOutdir);
  mkdirSync(outdir, { recursive: true });
  try {
    const analyzer = join(root, 'node_modules', '.bin', 'cem');
    const result = spawnSync(
      analyzer,
      ['analyze', '--config', 'custom-elements-manifest.config.mjs', '--outdir', relativeOutdir, '--quiet'],
      { cwd: root, encoding: 'utf8' },
    );
    if (result.status !== 0) {
      return { ok: false, message: `cem analyze failed:\n${result.stdout}${result.stderr}` };
    }
    const committedPath = join(root, 'custom-elements.json');
    if (!existsSync(committedPath)) {
      return { ok: false, message: 'custom-elements.json is missing: run `npm run manifest` and commit it.' };
    }
    const fresh = readFileSync(join(outdir, 'custom-elements.json'), 'utf8');
    const committed = readFileSync(committedPath, 'utf8');
    if (fresh !== committed) {
      return { ok: false, message: describeDifference(committed, fresh) };
    }
    const problems = manifestProblems(JSON.parse(fresh), root);
    if (problems.length) {
      return {
        ok: false,
        message: `custom-elements.json says less than the source:\n  ${problems.join('\n  ')}`,
      };
    }
    const modules = JSON.parse(fresh).modules ?? [];
    const tags = modules.flatMap((m) => (m.declarations ?? []).map((d) => d.tagName).filter(Boolean));
    return {
      ok: true,
      message: `custom-elements.json is fresh (${tags.length} elements: ${tags.join(', ')})`,
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

const EVENT_NAME = /^kring-[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** What the manifest leaves out or gets wrong about events and parts, one line each. */
export function manifestProblems(manifest, root = projectRoot) {
  const problems = [];
  const eventClasses = readEventClasses(root);
  const listed = new Set();
  const declared = new Set(
    (manifest.modules ?? []).flatMap((module) =>
      (module.declarations ?? []).map((declaration) => `${module.path}#${declaration.name}`),
    ),
  );
  const parsed = new Map();
  for (const module of manifest.modules ?? []) {
    for (const declaration of module.declarations ?? []) {
      if (!declaration.tagName) continue;
      const tag = `<${declaration.tagName}>`;
      for (const event of declaration.events ?? []) {
        const label = event.name
          ? `event "${event.name}"`
          : `an unnamed event (${event.type?.text ?? 'no type'})`;
        if (!event.name || !EVENT_NAME.test(event.name)) {
          problems.push(`${tag}: ${label} is not a Kring event name (kring-…): a phantom from a dispatch?`);
        }
        const eventClass = eventClasses.get(event.type?.text);
        if (!eventClass) {
          problems.push(
            `${tag}: ${label} has no event class type: write \`@event {KringXEvent} name - what\`.`,
          );
        } else if (event.name && eventClass.eventName !== event.name) {
          problems.push(
            `${tag}: ${label} is typed ${event.type.text}, which fires "${eventClass.eventName}".`,
          );
        }
        for (const reference of event.type?.references ?? []) {
          if (!declared.has(`${reference.module}#${reference.name}`)) {
            problems.push(
              `${tag}: ${label} refers to ${reference.name} in ${reference.module}, which the manifest lacks.`,
            );
          }
        }
        if (!event.description) problems.push(`${tag}: ${label} has no description (\`@event\` JSDoc).`);
        if (event.name) listed.add(event.name);
      }
      const reach = elementReach(root, module.path, declaration.name, parsed);
      const documented = new Set((declaration.cssParts ?? []).map((part) => part.name));
      for (const [part, file] of reach.parts) {
        if (!documented.has(part)) problems.push(`${tag}: part "${part}" (in ${file}) has no \`@csspart\`.`);
      }
      const listedHere = new Set((declaration.events ?? []).map((event) => event.name));
      for (const [className, file] of reach.constructed) {
        const fired = eventClasses.get(className);
        if (fired && !listedHere.has(fired.eventName)) {
          problems.push(
            `${tag}: fires "${fired.eventName}" (new ${className} in ${file}) without \`@event\`.`,
          );
        }
      }
      for (const part of declaration.cssParts ?? []) {
        if (!part.description) problems.push(`${tag}: \`@csspart ${part.name}\` has no description.`);
      }
    }
  }
  for (const [className, { eventName, module }] of eventClasses) {
    if (!listed.has(eventName)) {
      problems.push(`${className} (${module}) fires "${eventName}", which no element lists with \`@event\`.`);
    }
  }
  return problems;
}

function describeDifference(committed, fresh) {
  const before = committed.split('\n');
  const after = fresh.split('\n');
  const firstDifferent = after.findIndex((line, index) => line !== before[index]);
  const line = firstDifferent === -1 ? Math.min(before.length, after.length) : firstDifferent;
  return (
    'custom-elements.json is stale: run `npm run manifest` and commit the result.\n' +
    `first difference at line ${line + 1}:\n` +
    `  committed: ${before[line] ?? '(end of file)'}\n` +
    `  fresh:     ${after[line] ?? '(end of file)'}`
  );
}

if (isMain(import.meta.url)) {
  const { ok, message } = checkManifest();
  (ok ? console.log : console.error)(`manifest: ${message}`);
  if (!ok) process.exit(1);
}
