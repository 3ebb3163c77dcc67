import { BaseApplicationCustomizer } from '@microsoft/sp-application-base';
import type { ConnectionProperties } from '../../kring/catalogue';

/**
 * Puts the page-level `<kring-community page>` on every page of a site (or of every site, from the tenant
 * app catalog's Tenant Wide Extensions list), before any web part asks: every Kring web part on the page
 * then shares one client and one batch window, and the connection is set once, in this extension's
 * properties (`backend`, `site-url`, `endpoint`, `server-resource`), for the whole tenant.
 */
export default class CommunityApplicationCustomizer extends BaseApplicationCustomizer<ConnectionProperties> {
  public async onInit(): Promise<void> {
    await super.onInit();
    const host = await import(/* webpackChunkName: 'kring-host' */ '../../kring/host');
    host.connectPage(this.context, this.properties ?? {}, 'extension');
    // SharePoint navigates between pages without a reload: take the new page over.
    this.context.application.navigatedEvent.add(this, () =>
      host.connectPage(this.context, this.properties ?? {}, 'extension'),
    );
  }
}
