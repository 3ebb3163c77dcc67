// What `npm start` serves, shared with the demo-page test so both see the same site.
import { join } from 'node:path';
import { projectRoot } from './entries.mjs';
import { DEMO_PHOTO_TYPE, demoPhotoSvg, emailFromSharePointPhotoPath } from '../../mocks/demo-photo.mjs';

// The same strict policy a locked-down intranet sends, so the demo also proves Kring works under it.
// `blob:` images: the Graph adapter turns photo bytes into object URLs.
export const DEMO_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; object-src 'none'; " +
  "base-uri 'none'; form-action 'self'; require-trusted-types-for 'script'; trusted-types lit-html kring";

export const demoMounts = [
  { prefix: '/dist/', dir: join(projectRoot, 'dist') },
  { prefix: '/', dir: join(projectRoot, 'demo') },
  // `?backend=rest|sharepoint|graph`: the server imitations, built from demo/mock-servers.ts.
  { prefix: '/', dir: join(projectRoot, '.demo-build') },
];

/**
 * The profile photos the imitated SharePoint points at (`?backend=sharepoint`): an `<img>` asks the
 * server for them, not the imitated `fetch`, so the server draws them.
 */
export function demoDynamic(url) {
  const email = emailFromSharePointPhotoPath(url.pathname);
  return email ? { type: DEMO_PHOTO_TYPE, body: demoPhotoSvg(email) } : undefined;
}
