// The page the screenshot script photographs: one element inside a <kring-community> on the demo
// backend with its data ending on SHOT_NOW, in memory only. Bundled by scripts/screenshots.mjs.
import { configure, createDemoBackend } from '../../src/index.js';
import { ELEMENTS, SHOT_NOW } from './shots.mjs';

interface ShotElement {
  name: string;
  tag: string;
  attributes: Record<string, string>;
  person?: boolean;
  problem?: boolean;
  welcomeToken?: string;
}

const params = new URLSearchParams(location.search);
const lang = params.get('lang') ?? 'en';
document.documentElement.lang = lang;
const backend = createDemoBackend({ now: new Date(SHOT_NOW), persist: false, latencyMs: 0 });
configure({ backend });

/** Replaces what the page shows with one element (by its name in shots.mjs). */
async function show(name: string): Promise<void> {
  const element = (ELEMENTS as ShotElement[]).find((candidate) => candidate.name === name);
  if (!element) throw new Error(`unknown element ${name}`);
  const stage = document.querySelector('main')!;
  stage.replaceChildren();
  const community = document.createElement('kring-community');
  community.setAttribute('lang', lang);
  if (element.problem) {
    // The one thing <kring-community> shows: what is wrong with its setup.
    community.setAttribute('backend', 'sharepoint');
    stage.append(community);
    return;
  }
  const shown = document.createElement(element.tag);
  for (const [attribute, value] of Object.entries(element.attributes)) shown.setAttribute(attribute, value);
  if (element.person) {
    const [person] = await backend.getPeople([backend.demo.currentUserId]);
    (shown as HTMLElement & { person?: unknown }).person = person;
  }
  if (element.welcomeToken) {
    const token = backend.demo.sampleTokens()[element.welcomeToken as 'pending'];
    if (token) shown.setAttribute('token', token);
  }
  community.append(shown);
  stage.append(community);
}

(globalThis as unknown as { kringShow: typeof show }).kringShow = show;
document.documentElement.setAttribute('data-ready', '');
