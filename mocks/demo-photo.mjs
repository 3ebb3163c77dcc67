// A stand-in profile photo for the imitated services: a head-and-shoulders silhouette on a colour picked
// from the person's key, 96×96 like Graph's `96x96` size. It is an SVG (the real services send JPEG), so
// the demo shows something that reads as a photo without shipping pictures of people. Plain JavaScript:
// the msw handlers (browser) and the demo's static server (Node) both use it.

export const DEMO_PHOTO_TYPE = 'image/svg+xml';

/** @param {string} key */
export function demoPhotoSvg(key) {
  let hash = 0;
  for (const char of key) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  const hue = hash % 360;
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96">' +
    `<rect width="96" height="96" fill="hsl(${hue} 45% 42%)"/>` +
    `<circle cx="48" cy="38" r="17" fill="hsl(${hue} 40% 82%)"/>` +
    `<path d="M14 96c3-20 17-30 34-30s31 10 34 30z" fill="hsl(${hue} 40% 82%)"/>` +
    '</svg>'
  );
}

/** The same photo, base64-encoded as Graph sends photo bodies inside a `$batch`. @param {string} key */
export function demoPhotoBase64(key) {
  return btoa(demoPhotoSvg(key));
}

/** Where the imitated SharePoint profile service keeps someone's photo. @param {string} email */
export function sharePointPhotoPath(email) {
  return `/User%20Photos/Profile%20Pictures/${encodeURIComponent(email)}_MThumb.jpg`;
}

/** The e-mail address in a photo path from `sharePointPhotoPath`, or undefined. @param {string} pathname */
export function emailFromSharePointPhotoPath(pathname) {
  const match = /^\/User(?:%20| )Photos\/Profile(?:%20| )Pictures\/([^/]+)_MThumb\.jpg$/.exec(pathname);
  return match ? decodeURIComponent(match[1]) : undefined;
}
