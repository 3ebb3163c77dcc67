// Configuration for `cem analyze` (`npm run manifest`; `npm run manifest:check` in CI).
// Tag names come from each class's `@tagname` JSDoc; define files only register them.
import { fileURLToPath } from 'node:url';
import { readEventClasses } from './scripts/lib/manifest-sources.mjs';

const root = fileURLToPath(new URL('.', import.meta.url));

export default {
  // The event classes are in the manifest too, so each event's type reference resolves to its class.
  globs: ['src/elements/**/*.ts', 'src/events/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/elements/*/define.ts'],
  outdir: '.',
  litelement: true,
  // package.json already points at the manifest; the analyzer must not rewrite it.
  packagejson: false,
  plugins: [
    {
      // The analyzer names an event found in `this.dispatchEvent(new X(...))` after X's first argument,
      // which for Kring's event classes is the detail (so: no name, or a phantom one such as `award`).
      // Each event class declares its name (`static readonly eventName`), so name the event from its
      // class, merge it with the `@event` JSDoc entry, and link the type to its module.
      name: 'kring-event-classes',
      packageLinkPhase({ customElementsManifest }) {
        const classes = readEventClasses(root);
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            // The analyzer places a global superclass in the module itself; `Event` is the browser's.
            if (classes.has(declaration.name) && declaration.superclass?.name === 'Event') {
              declaration.superclass = { name: 'Event', package: 'global:' };
            }
            if (!declaration.events?.length) continue;
            // Documented entries first, in their order; a dispatch the docs do not list stays, unnamed
            // or undescribed, for the manifest check to report.
            const documented = declaration.events.filter((event) => event.description);
            const found = declaration.events.filter((event) => !event.description);
            const byName = new Map();
            for (const event of [...documented, ...found]) {
              const eventClass = classes.get(event.type?.text);
              // A dispatch of a Kring event class is named by the class; anything else keeps its name.
              const name = eventClass && !event.description ? eventClass.eventName : event.name;
              const key = name ?? `unnamed-${byName.size}`;
              const merged = { ...event, ...byName.get(key) };
              const { type, description } = merged;
              const rest = Object.fromEntries(
                Object.entries(merged).filter(([field]) => !['name', 'type', 'description'].includes(field)),
              );
              const text = type?.text;
              const known = classes.get(text);
              byName.set(key, {
                ...(name ? { name } : {}),
                ...(text
                  ? { type: known ? { text, references: [{ name: text, module: known.module }] } : type }
                  : {}),
                ...(description ? { description } : {}),
                ...rest,
              });
            }
            declaration.events = [...byName.values()];
          }
        }
      },
    },
    {
      // The analyzer emits modules in the order its file reads finish, which varies between runs;
      // sorting makes the committed file reproducible, so the freshness check compares content only.
      name: 'kring-stable-module-order',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
      },
    },
  ],
};
