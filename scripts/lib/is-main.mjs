import { pathToFileURL } from 'node:url';
import { realpathSync } from 'node:fs';

/** True when the module at `moduleUrl` is the script node was started with. */
export function isMain(moduleUrl) {
  if (!process.argv[1]) return false;
  try {
    return pathToFileURL(realpathSync(process.argv[1])).href === moduleUrl;
  } catch {
    return false;
  }
}
