/**
 * A fake SharePoint modern page that hosts the components of `kring.sppkg` the way SharePoint does:
 *
 * - an AMD loader that loads the bundle named in each component manifest from `ClientSideAssets/`
 *   (so the page's CSP `script-src 'self'` is the only script source) and answers its externals with
 *   stand-ins for `@microsoft/sp-*` (`SPComponentLoader.loadComponentById` for the ones SPFx loads on
 *   demand, such as `sp-http`);
 * - a page context (web, user, culture, the page's form digest), `SPHttpClient` with SharePoint's own
 *   header rules (OData v4, same-origin credentials, a digest fetched for writes that carry none),
 *   `aadTokenProviderFactory` and `aadHttpClientFactory`;
 * - the network: the project's msw handlers (SharePoint REST, Microsoft Graph, Kring's REST contract)
 *   over one demo data set, answering `fetch` in the page.
 *
 * The page describes what to load in `<script type="application/json" id="spfx-page">`; results and
 * counters are on `window.fakeSharePoint` for the test (test/spfx/sppkg.test.mjs).
 */
import { getResponse, type HttpHandler } from 'msw';
import { createDemoBackend } from '../../src/backends/demo/index.js';
import { createSharePointMock } from '../../mocks/sharepoint/handlers.js';
import { createGraphHandlers } from '../../mocks/graph/handlers.js';
import { createRestHandlers } from '../../mocks/rest/handlers.js';

interface ComponentManifest {
  id: string;
  alias: string;
  componentType: 'WebPart' | 'Extension';
  version: string;
  loaderConfig: {
    entryModuleId: string;
    exportName?: string;
    internalModuleBaseUrls: string[];
    scriptResources: Record<
      string,
      { type: 'path' | 'component'; path?: string; id?: string; version?: string }
    >;
  };
  preconfiguredEntries?: { properties?: Record<string, unknown> }[];
}

interface PageSpec {
  /** The site the page is on, relative to the origin, e.g. `/sites/kring`. */
  site: string;
  /** `en-US`, `nl-NL`. */
  culture: string;
  /** Where SharePoint serves the package's ClientSideAssets. */
  assetsBase: string;
  /** Kring Server's endpoint for `backend="rest"` pages. */
  endpoint: string;
  components: { manifest: ComponentManifest; properties?: Record<string, unknown> }[];
  /** The reader arrives through an invitation link (`?invite=<a valid token>`). */
  arriveWithInvite?: boolean;
}

type Json = Record<string, unknown>;
type Dict = Record<string, unknown>;

const spec = JSON.parse(document.getElementById('spfx-page')!.textContent!) as PageSpec;
const siteUrl = `${location.origin}${spec.site}`;

// ── the network ────────────────────────────────────────────────────────────────────────────────
const demo = createDemoBackend({ persist: false, storage: null });
const sharePoint = createSharePointMock({ siteUrl, backend: demo });
const graph = createGraphHandlers({ backend: demo, siteUrl });
const handlers: HttpHandler[] = [
  ...sharePoint.handlers,
  ...graph.handlers,
  ...createRestHandlers({ endpoint: `${location.origin}${spec.endpoint}`, backend: demo }),
];
const requests: {
  method: string;
  url: string;
  authorization: string | null;
  odataVersion: string | null;
  digest: string | null;
}[] = [];
const nativeFetch = window.fetch.bind(window);
window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
  const request = new Request(input, init);
  requests.push({
    method: request.method,
    url: request.url,
    authorization: request.headers.get('Authorization'),
    odataVersion: request.headers.get('OData-Version'),
    digest: request.headers.get('X-RequestDigest'),
  });
  return (await getResponse(handlers, request)) ?? nativeFetch(request);
};

// ── @microsoft/sp-http ─────────────────────────────────────────────────────────────────────────
/** Like SPFx's HttpClientResponse: wraps the native response, is not one. */
class HttpClientResponse {
  constructor(protected readonly nativeResponse: Response) {}
  get ok() {
    return this.nativeResponse.ok;
  }
  get status() {
    return this.nativeResponse.status;
  }
  get statusText() {
    return this.nativeResponse.statusText;
  }
  get headers() {
    return this.nativeResponse.headers;
  }
  get url() {
    return this.nativeResponse.url;
  }
  get type() {
    return this.nativeResponse.type;
  }
  get body() {
    return this.nativeResponse.body;
  }
  get bodyUsed() {
    return this.nativeResponse.bodyUsed;
  }
  json(): Promise<unknown> {
    return this.nativeResponse.json();
  }
  text() {
    return this.nativeResponse.text();
  }
  blob() {
    return this.nativeResponse.blob();
  }
  arrayBuffer() {
    return this.nativeResponse.arrayBuffer();
  }
  formData() {
    return this.nativeResponse.formData();
  }
  clone() {
    return new HttpClientResponse(this.nativeResponse.clone());
  }
}
class SPHttpClientResponse extends HttpClientResponse {}

interface SPHttpClientConfiguration {
  jsonRequest: boolean;
  jsonResponse: boolean;
  defaultODataVersion: string;
  defaultSameOriginCredentials: boolean;
  requestDigest: boolean;
}

const digestCache = new Map<string, string>();
async function fetchDigest(webUrl: string): Promise<string> {
  const cached = digestCache.get(webUrl);
  if (cached) return cached;
  const response = await window.fetch(`${webUrl}/_api/contextinfo`, {
    method: 'POST',
    headers: { Accept: 'application/json;odata=nometadata' },
    credentials: 'same-origin',
  });
  const value = ((await response.json()) as { FormDigestValue: string }).FormDigestValue;
  digestCache.set(webUrl, value);
  return value;
}

/** SharePoint REST with the rules of SPFx's SPHttpClientHelper.fetchCore. */
class SPHttpClient {
  static readonly configurations = {
    v1: {
      jsonRequest: true,
      jsonResponse: true,
      defaultODataVersion: '4.0',
      defaultSameOriginCredentials: true,
      requestDigest: true,
    } satisfies SPHttpClientConfiguration,
  };
  async fetch(url: string, configuration: SPHttpClientConfiguration, options: RequestInit = {}) {
    if (!configuration?.defaultODataVersion) throw new Error('SPHttpClient.fetch needs a configuration');
    const headers = new Headers(options.headers);
    const modified: RequestInit = { ...options, headers };
    if (configuration.defaultSameOriginCredentials && !options.credentials)
      modified.credentials = 'same-origin';
    if (!headers.has('OData-Version')) headers.append('OData-Version', configuration.defaultODataVersion);
    const method = (options.method ?? 'GET').toUpperCase();
    if (configuration.jsonRequest && method !== 'GET' && !headers.has('Content-Type')) {
      headers.append('Content-Type', 'application/json;charset=utf-8');
    }
    if (configuration.jsonResponse && !headers.has('Accept')) {
      headers.append('Accept', 'application/json;odata.metadata=minimal');
    }
    if (
      configuration.requestDigest &&
      !['GET', 'HEAD', 'OPTIONS'].includes(method) &&
      !headers.has('X-RequestDigest')
    ) {
      const webUrl = url.includes('/_api/') ? url.slice(0, url.indexOf('/_api/')) : siteUrl;
      headers.append('X-RequestDigest', await fetchDigest(webUrl));
    }
    return new SPHttpClientResponse(await window.fetch(new Request(url, modified)));
  }
  get(url: string, configuration: SPHttpClientConfiguration, options: RequestInit = {}) {
    return this.fetch(url, configuration, { ...options, method: 'GET' });
  }
  post(url: string, configuration: SPHttpClientConfiguration, options: RequestInit = {}) {
    return this.fetch(url, configuration, { ...options, method: 'POST' });
  }
}

const tokenRequests: string[] = [];
const tokenProvider = {
  async getToken(resource: string, _forceRefresh?: boolean): Promise<string> {
    tokenRequests.push(resource);
    return `fake-entra-token-for-${resource}`;
  },
};

class AadHttpClient {
  static readonly configurations = { v1: { flags: {} } };
  constructor(private readonly resource: string) {}
  async fetch(url: string, _configuration: unknown, options: RequestInit = {}) {
    const headers = new Headers(options.headers);
    headers.set('Authorization', `Bearer ${await tokenProvider.getToken(this.resource)}`);
    return new HttpClientResponse(await window.fetch(new Request(url, { ...options, headers })));
  }
}

const spHttp = { SPHttpClient, SPHttpClientResponse, HttpClientResponse, AadHttpClient };

// ── @microsoft/sp-core-library, sp-property-pane, sp-webpart-base, sp-application-base ───────────
class Version {
  constructor(
    readonly major: number,
    readonly minor: number,
    readonly patch: number,
  ) {}
  static parse(text: string): Version {
    const [major = 0, minor = 0, patch = 0] = text.split('.').map(Number);
    return new Version(major, minor, patch);
  }
  toString() {
    return `${this.major}.${this.minor}.${this.patch}`;
  }
}
const spCoreLibrary = {
  Version,
  DisplayMode: { Read: 1, Edit: 2 },
  Environment: { type: 2 },
  EnvironmentType: { Test: 0, Local: 1, SharePoint: 2, ClassicSharePoint: 3 },
  Log: { info() {}, warn() {}, error() {}, verbose() {} },
};

const fieldType = {
  Custom: 1,
  CheckBox: 2,
  TextField: 3,
  Toggle: 5,
  Dropdown: 6,
  Label: 7,
  Slider: 8,
  Heading: 9,
  ChoiceGroup: 10,
  Button: 11,
  HorizontalRule: 12,
  Link: 13,
};
const field = (type: number) => (targetProperty: string, properties: Dict) => ({
  type,
  targetProperty,
  properties,
});
const spPropertyPane = {
  PropertyPaneFieldType: fieldType,
  PropertyPaneTextField: field(fieldType.TextField),
  PropertyPaneToggle: field(fieldType.Toggle),
  PropertyPaneDropdown: field(fieldType.Dropdown),
  PropertyPaneLabel: field(fieldType.Label),
  PropertyPaneButton: field(fieldType.Button),
  PropertyPaneCheckbox: field(fieldType.CheckBox),
  PropertyPaneChoiceGroup: field(fieldType.ChoiceGroup),
  PropertyPaneLink: field(fieldType.Link),
};

interface FakeContext {
  pageContext: Json;
  spHttpClient: SPHttpClient;
  aadTokenProviderFactory: { getTokenProvider(): Promise<typeof tokenProvider> };
  aadHttpClientFactory: { getClient(resource: string): Promise<AadHttpClient> };
  propertyPane: { refresh(): void; open(): void; isPropertyPaneOpen(): boolean };
  manifest: ComponentManifest;
  instanceId: string;
  application?: { navigatedEvent: { add(owner: unknown, handler: () => void): void } };
}

class BaseClientSideWebPart {
  context!: FakeContext;
  properties: Dict = {};
  domElement!: HTMLElement;
  displayMode = 1;
  /** What SharePoint does before the first render. */
  async fakeInitialize(context: FakeContext, properties: Dict, domElement: HTMLElement) {
    this.context = context;
    this.properties = properties;
    this.domElement = domElement;
    await this.onInit();
    this.render();
  }
  protected onInit(): Promise<void> {
    return Promise.resolve();
  }
  render(): void {}
  protected onDispose(): void {}
  protected onPropertyPaneFieldChanged(_propertyPath: string, _oldValue: unknown, _newValue: unknown): void {}
  protected getPropertyPaneConfiguration(): unknown {
    return { pages: [] };
  }
  /** What the property pane does when an editor changes a field. */
  fakeChangeProperty(name: string, value: unknown) {
    const old = this.properties[name];
    this.properties[name] = value;
    this.onPropertyPaneFieldChanged(name, old, value);
    this.render();
  }
  fakePropertyPane() {
    return this.getPropertyPaneConfiguration();
  }
  fakeDispose() {
    this.onDispose();
  }
}

class BaseApplicationCustomizer {
  context!: FakeContext;
  properties: Dict = {};
  async fakeInitialize(context: FakeContext, properties: Dict) {
    this.context = context;
    this.properties = properties;
    await this.onInit();
  }
  protected onInit(): Promise<void> {
    return Promise.resolve();
  }
}

// ── the AMD loader ─────────────────────────────────────────────────────────────────────────────
const externals: Record<string, unknown> = {
  '@microsoft/sp-core-library': spCoreLibrary,
  '@microsoft/sp-property-pane': spPropertyPane,
  '@microsoft/sp-webpart-base': { BaseClientSideWebPart },
  '@microsoft/sp-application-base': { BaseApplicationCustomizer },
  '@microsoft/sp-http': spHttp,
  '@microsoft/sp-http-base': spHttp,
};
/** SharePoint knows its framework components by id (from each package's `dist/<id>.manifest.json`). */
const componentNames = new Map<string, string>([
  ['c07208f0-ea3b-4c1a-9965-ac1b825211a6', '@microsoft/sp-http'],
  ['8496636c-2300-4915-abef-20de64c98d8b', '@microsoft/sp-http-base'],
  ['7263c7d0-1d6a-45ec-8d85-d4d1d234171b', '@microsoft/sp-core-library'],
  ['974a7777-0990-4136-8fa6-95d80114c2e0', '@microsoft/sp-webpart-base'],
  ['f9e737b7-f0df-4597-ba8c-3060f82380db', '@microsoft/sp-property-pane'],
  ['1c6c9123-7aac-41f3-a376-3caea41ed83f', '@microsoft/sp-loader'],
]);
externals['@microsoft/sp-loader'] = {
  SPComponentLoader: {
    async loadComponentById(id: string) {
      const name = componentNames.get(id);
      if (!name || !(name in externals)) throw new Error(`SPComponentLoader: no component ${id} (${name})`);
      return externals[name];
    },
  },
};

type Define = { deps: string[]; factory: (...modules: unknown[]) => unknown };
let defined: Define[] = [];
const amdDefine = (
  deps: string[] | ((...m: unknown[]) => unknown),
  factory?: (...m: unknown[]) => unknown,
) => {
  if (typeof deps === 'function') defined.push({ deps: [], factory: deps });
  else defined.push({ deps, factory: factory! });
};
(amdDefine as unknown as { amd: object }).amd = {};
(window as unknown as { define: unknown }).define = amdDefine;

const bundles = new Map<string, Promise<Dict>>();
function loadBundle(url: string): Promise<Dict> {
  let bundle = bundles.get(url);
  if (!bundle) {
    bundle = new Promise<Dict>((resolve, reject) => {
      const script = document.createElement('script');
      script.src = url;
      script.crossOrigin = 'anonymous';
      script.addEventListener('error', () => reject(new Error(`could not load ${url}`)));
      script.addEventListener('load', () => {
        const definition = defined.pop();
        defined = [];
        if (!definition) return reject(new Error(`${url} defined no AMD module`));
        const modules = definition.deps.map((name) => {
          if (!(name in externals)) throw new Error(`${url} needs ${name}, which SharePoint would load`);
          return externals[name];
        });
        resolve(definition.factory(...modules) as Dict);
      });
      document.head.append(script);
    });
    bundles.set(url, bundle);
  }
  return bundle;
}

async function loadComponent(manifest: ComponentManifest): Promise<new () => unknown> {
  const { loaderConfig } = manifest;
  for (const [name, resource] of Object.entries(loaderConfig.scriptResources)) {
    if (resource.type === 'component' && resource.id) componentNames.set(resource.id, name);
  }
  const entry = loaderConfig.scriptResources[loaderConfig.entryModuleId];
  // SharePoint serves the package's assets from the app catalog (or the Office 365 CDN) and rewrites the base.
  const exports = await loadBundle(`${spec.assetsBase}${entry.path}`);
  // A bundle of several components exports each one's module as `exportName`; the component is its default.
  const module = (loaderConfig.exportName ? exports[loaderConfig.exportName] : exports) as Dict;
  const component = module?.default ?? module;
  if (typeof component !== 'function') throw new Error(`${manifest.alias}: no component class exported`);
  return component as new () => unknown;
}

// ── the page ───────────────────────────────────────────────────────────────────────────────────
async function pageDigest(): Promise<{ value: string; timeout: number }> {
  // The server renders the page with a digest of its own; the mock issues it here.
  const response = await getResponse(
    handlers,
    new Request(`${siteUrl}/_api/contextinfo`, {
      method: 'POST',
      headers: { Accept: 'application/json;odata=nometadata' },
    }),
  );
  const body = (await response!.json()) as { FormDigestValue: string; FormDigestTimeoutSeconds: number };
  return { value: body.FormDigestValue, timeout: body.FormDigestTimeoutSeconds };
}

const webParts: BaseClientSideWebPart[] = [];

async function boot() {
  if (spec.arriveWithInvite) {
    const token = demo.demo.sampleTokens().valid;
    if (!token) throw new Error('the demo data has no valid invitation');
    history.replaceState(null, '', `${location.pathname}?invite=${encodeURIComponent(token)}`);
  }
  const digest = await pageDigest();
  const digestsBeforeKring = sharePoint.control.digestsIssued;
  const email = sharePoint.control.currentUserEmail;
  const pageContext: Json = {
    web: { absoluteUrl: siteUrl, serverRelativeUrl: spec.site, title: 'Kring community', language: 1033 },
    site: { absoluteUrl: siteUrl, serverRelativeUrl: spec.site },
    user: { email, loginName: `i:0#.f|membership|${email}`, displayName: email, isAnonymousGuestUser: false },
    cultureInfo: {
      currentUICultureName: spec.culture,
      currentCultureName: spec.culture,
      isRightToLeft: false,
    },
    legacyPageContext: {
      formDigestValue: digest.value,
      formDigestTimeoutSeconds: digest.timeout,
      webAbsoluteUrl: siteUrl,
      userEmail: email,
    },
  };
  const canvas = document.getElementById('canvas')!;
  let index = 0;
  for (const { manifest, properties } of spec.components) {
    const Component = await loadComponent(manifest);
    const context: FakeContext = {
      pageContext,
      spHttpClient: new SPHttpClient(),
      aadTokenProviderFactory: { getTokenProvider: async () => tokenProvider },
      aadHttpClientFactory: { getClient: async (resource: string) => new AadHttpClient(resource) },
      propertyPane: { refresh() {}, open() {}, isPropertyPaneOpen: () => false },
      manifest,
      instanceId: `instance-${++index}`,
    };
    const initial = { ...(manifest.preconfiguredEntries?.[0]?.properties ?? {}), ...properties };
    if (manifest.componentType === 'Extension') {
      context.application = { navigatedEvent: { add() {} } };
      await (new Component() as BaseApplicationCustomizer).fakeInitialize(context, initial);
    } else {
      const zone = document.createElement('div');
      zone.className = 'CanvasZone';
      const host = document.createElement('div');
      host.dataset.spWebPartId = manifest.id;
      zone.append(host);
      canvas.append(zone);
      const webPart = new Component() as BaseClientSideWebPart;
      webParts.push(webPart);
      await webPart.fakeInitialize(context, initial, host);
    }
  }
  return { digestsBeforeKring, pageDigest: digest.value };
}

const state = {
  ready: false,
  error: '',
  requests,
  tokenRequests,
  digestsBeforeKring: 0,
  pageDigest: '',
  get digestsIssued() {
    return sharePoint.control.digestsIssued;
  },
  propertyPane: (index: number) => JSON.parse(JSON.stringify(webParts[index].fakePropertyPane())),
  changeProperty: (index: number, name: string, value: unknown) =>
    webParts[index].fakeChangeProperty(name, value),
  /** Renders a custom property-pane field (as SharePoint's pane does) into a pane on the page. */
  renderCustomField: (index: number, key: string) => {
    const configuration = webParts[index].fakePropertyPane() as {
      pages: { groups: { groupFields: { type: number; targetProperty: string; properties: Dict }[] }[] }[];
    };
    const custom = configuration.pages
      .flatMap((page) => page.groups.flatMap((group) => group.groupFields))
      .find((candidate) => candidate.type === fieldType.Custom && candidate.properties.key === key);
    if (!custom) throw new Error(`no custom field ${key}`);
    const pane = document.createElement('aside');
    pane.className = 'property-pane';
    document.body.append(pane);
    const render = custom.properties.onRender as (
      host: HTMLElement,
      context: unknown,
      changed: (targetProperty?: string, newValue?: unknown) => void,
    ) => void;
    render(pane, undefined, (targetProperty, newValue) => {
      if (targetProperty) webParts[index].fakeChangeProperty(targetProperty, newValue);
    });
  },
  /** Clicks a button in a web part's property pane, as an editor would. */
  clickButton: (index: number, targetProperty: string) => {
    const configuration = webParts[index].fakePropertyPane() as {
      pages: { groups: { groupFields: { type: number; targetProperty: string; properties: Dict }[] }[] }[];
    };
    const button = configuration.pages
      .flatMap((page) => page.groups.flatMap((group) => group.groupFields))
      .find(
        (candidate) => candidate.type === fieldType.Button && candidate.targetProperty === targetProperty,
      );
    if (!button) throw new Error(`no button for ${targetProperty}`);
    (button.properties.onClick as () => void)();
  },
};
(window as unknown as { fakeSharePoint: typeof state }).fakeSharePoint = state;

boot().then(
  (result) => {
    state.digestsBeforeKring = result.digestsBeforeKring;
    state.pageDigest = result.pageDigest;
    state.ready = true;
  },
  (error: unknown) => {
    state.error = error instanceof Error ? `${error.message}\n${error.stack}` : String(error);
    console.error(error);
  },
);
