// Options both library builds share.
export const sharedBuildOptions = {
  // `public/` holds msw's worker for Storybook and tests; it must not ship in the library.
  publicDir: false,
  // Resolve lit's `production` export condition so the dev-mode build (warnings, extra checks) never ships.
  resolve: {
    conditions: ['module', 'browser', 'production'],
  },
  define: {
    'process.env.NODE_ENV': JSON.stringify('production'),
  },
  build: {
    target: 'es2022',
    minify: true,
    reportCompressedSize: false,
  },
};
