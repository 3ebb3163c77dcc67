// Configuration for `cem analyze` (`npm run manifest`; `npm run manifest:check` in CI).
// Tag names come from each class's `@tagname` JSDoc; define files only register them.
export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/elements/*/define.ts'],
  outdir: '.',
  litelement: true,
  // package.json already points at the manifest; the analyzer must not rewrite it.
  packagejson: false,
  plugins: [
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
