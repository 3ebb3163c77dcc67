/**
 * The page's one `<kring-community page>` and the backends it uses, wired to SharePoint's own clients:
 *
 * - `sharepoint`: SharePoint REST through `SPHttpClient` (the user's session, SPFx telemetry, OData v4),
 *   with the digest the page already carries, so the first write makes no `contextinfo` round trip;
 * - `graph`: Microsoft Graph with a token from `aadTokenProviderFactory` (permissions approved by the
 *   tenant administrator from `package-solution.json`);
 * - `rest`: Kring Server through `AadHttpClient`, with an Entra ID token for the server's app registration,
 *   so the server enforces every rule.
 *
 * Loaded on demand by the first Kring web part or the extension on a page (its own chunk with the
 * Kring core), then shared by every Kring web part on the page: one client, one batch window.
 */
import { AadHttpClient, SPHttpClient } from '@microsoft/sp-http';
import type { WebPartContext } from '@microsoft/sp-webpart-base';
import { registerBackend, type BackendSettings } from 'kring/core.js';
import type { ConnectionProperties } from './catalogue';
import { languageOf } from './strings';

export type HostContext = Pick<
  WebPartContext,
  'pageContext' | 'spHttpClient' | 'aadTokenProviderFactory' | 'aadHttpClientFactory'
>;

type FetchLike = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

const GRAPH_RESOURCE = 'https://graph.microsoft.com';
const MARK = 'data-kring-spfx';
const OWNER = 'data-kring-spfx-owner';

/** The context of the component that set up the page's community; its clients serve every request. */
let current: HostContext | undefined;
let currentConnection: ConnectionProperties = {};

/** A request as `(url, init)`: the adapters pass either a URL or a `Request`. */
async function split(input: RequestInfo | URL, init?: RequestInit): Promise<[string, RequestInit]> {
  if (!(input instanceof Request)) return [String(input), init ?? {}];
  const body = input.method === 'GET' || input.method === 'HEAD' ? undefined : await input.text();
  return [input.url, { method: input.method, headers: input.headers, body, signal: input.signal, ...init }];
}

/** `fetch` over SPFx's SPHttpClient: same session, same throttling handling, OData v4 by default. */
export function spHttpFetch(context: Pick<HostContext, 'spHttpClient'>): FetchLike {
  return async (input, init) => {
    const [url, options] = await split(input, init);
    const response = await context.spHttpClient.fetch(url, SPHttpClient.configurations.v1, options);
    return response as unknown as Response;
  };
}

/** `fetch` over AadHttpClient for the Kring Server app registration (`server-resource`). */
function aadHttpFetch(context: HostContext, resource: string): FetchLike {
  const client = context.aadHttpClientFactory.getClient(resource);
  return async (input, init) => {
    const [url, options] = await split(input, init);
    const response = await (await client).fetch(url, AadHttpClient.configurations.v1, options);
    return response as unknown as Response;
  };
}

/** The page's form digest, dated as SharePoint dates it, so the adapter skips its first `contextinfo`. */
function pageDigest(context: HostContext): { value: string; expiresAt: number } | undefined {
  const legacy = context.pageContext.legacyPageContext as
    | { formDigestValue?: string; formDigestTimeoutSeconds?: number }
    | undefined;
  if (!legacy?.formDigestValue) return undefined;
  const lifetimeSeconds = legacy.formDigestTimeoutSeconds ?? 1800;
  // Renew a minute early, as the adapter does for digests it asked for itself.
  return { value: legacy.formDigestValue, expiresAt: Date.now() + (lifetimeSeconds - 60) * 1000 };
}

function requireContext(): HostContext {
  if (!current) throw new Error('Kring was not connected to SharePoint by a web part or the extension.');
  return current;
}

let registered = false;

/** Registers the three SharePoint-hosted backends once per page; each loads its adapter on first use. */
function registerSharePointBackends(): void {
  if (registered) return;
  registered = true;
  registerBackend('sharepoint', async (settings: BackendSettings) => {
    const context = requireContext();
    const { createSharePointBackend } = await import(
      /* webpackChunkName: 'kring-backend-sharepoint' */ 'kring/backends/sharepoint.js'
    );
    return createSharePointBackend({
      siteUrl: settings.siteUrl || context.pageContext.web.absoluteUrl,
      fetch: spHttpFetch(context),
      odata: 'v4',
      formDigest: pageDigest(context),
      // The community client retries; SPHttpClient itself waits out 429s.
      retries: 0,
    });
  });
  registerBackend('graph', async (settings: BackendSettings) => {
    const context = requireContext();
    const provider = await context.aadTokenProviderFactory.getTokenProvider();
    const { graphBackendFactory } = await import(
      /* webpackChunkName: 'kring-backend-graph' */ 'kring/backends/graph.js'
    );
    return graphBackendFactory({
      ...settings,
      siteUrl: settings.siteUrl || context.pageContext.web.absoluteUrl,
      getToken: async (options?: { forceRefresh?: boolean }) =>
        // The second argument is `useCachedToken`: after a 401 the adapter asks for a fresh one.
        provider.getToken(GRAPH_RESOURCE, !options?.forceRefresh),
    });
  });
  registerBackend('rest', async (settings: BackendSettings) => {
    const context = requireContext();
    const resource = currentConnection['server-resource'];
    const { restBackendFactory } = await import(
      /* webpackChunkName: 'kring-backend-rest' */ 'kring/backends/rest.js'
    );
    return restBackendFactory({
      ...settings,
      fetch: resource ? aadHttpFetch(context, resource) : settings.fetch,
    });
  });
}

function setAttribute(element: Element, name: string, value: string | undefined): void {
  if (value) element.setAttribute(name, value);
  else element.removeAttribute(name);
}

/** Who asks for the page's community: the extension's settings win over any web part's. */
export type Requester = 'extension' | 'web part';

/**
 * Puts one `<kring-community page>` on the page (or reuses the one there), connected with `connection`.
 * On one page the extension decides, else the first web part, else an editor changing a web part's
 * Connection settings (`changed`). After SharePoint navigates to another page without a reload, the next
 * one to ask takes it over (another site may mean other lists).
 */
export function connectPage(
  context: HostContext,
  connection: ConnectionProperties,
  requester: Requester,
  changed = false,
): HTMLElement {
  registerSharePointBackends();
  const page = location.pathname;
  let community = document.querySelector<HTMLElement>(`kring-community[page][${MARK}]`);
  if (community && community.getAttribute(MARK) === page && current) {
    const owner = community.getAttribute(OWNER);
    const extensionTakesOver = requester === 'extension' && owner !== 'extension';
    const editorTakesOver = requester === 'web part' && owner !== 'extension' && changed;
    if (!extensionTakesOver && !editorTakesOver) return community;
  }
  // A page author's own page-level community (a customised build) is left alone.
  const authored = document.querySelector<HTMLElement>(`kring-community[page]:not([${MARK}])`);
  if (authored) return authored;
  current = context;
  currentConnection = connection;
  if (!community) {
    community = document.createElement('kring-community');
    community.setAttribute('page', '');
    document.body.append(community);
  }
  community.setAttribute(MARK, page);
  community.setAttribute(OWNER, requester);
  setAttribute(community, 'lang', languageOf(context.pageContext.cultureInfo.currentUICultureName));
  setAttribute(community, 'site-url', connection['site-url'] || context.pageContext.web.absoluteUrl);
  setAttribute(community, 'endpoint', connection.endpoint);
  setAttribute(community, 'backend', connection.backend || 'sharepoint');
  return community;
}

/** Creates the Kring lists on the community site (the property pane's button, after the owner confirms). */
export async function provisionLists(
  context: HostContext,
  siteUrl: string,
): Promise<{ createdLists: string[]; createdFields: string[] }> {
  const { provisionSharePointLists } = await import(
    /* webpackChunkName: 'kring-backend-sharepoint' */ 'kring/backends/sharepoint.js'
  );
  return provisionSharePointLists({ siteUrl, fetch: spHttpFetch(context), odata: 'v4' });
}
