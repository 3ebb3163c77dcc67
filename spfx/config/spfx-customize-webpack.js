// How the SPFx webpack build finds Kring and keeps each web part small.
//
// - `kring/...` resolves to this repository's build (`../dist`), the files `npm install kring` gives.
// - Every file of that build keeps its side effects: an element entry (`kring/elements/<name>.js`) may be
//   nothing but `import "../chunks/define-….js"`, and webpack's `sideEffects` pruning must not drop
//   that chunk (it defines the element), whatever the library's `package.json` lists.
// - Kring is loaded on demand (see src/kring/KringWebPart.ts): the bundle SharePoint loads for every web
//   part holds only the web part classes; lit, the client and the adapter land in shared chunks.
const path = require('node:path');

const kringBuild = path.resolve(__dirname, '..', '..', 'dist');

module.exports = function customizeWebpack(config) {
  config.resolve.alias = { ...config.resolve.alias, kring: kringBuild };
  config.module.rules.push({ include: kringBuild, sideEffects: true });
  config.optimization.splitChunks = {
    chunks: 'async',
    // One shared chunk per group of modules used by several web parts, however small.
    minSize: 0,
    maxAsyncRequests: 30,
  };
};
