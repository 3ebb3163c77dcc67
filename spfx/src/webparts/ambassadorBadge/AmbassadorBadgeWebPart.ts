import { KringWebPart } from '../../kring/KringWebPart';
import { WEB_PARTS } from '../../kring/catalogue';

/** The Kring ambassador badge web part: `<kring-ambassador-badge>`. */
export default class AmbassadorBadgeWebPart extends KringWebPart {
  protected readonly definition = WEB_PARTS.ambassadorBadge;

  protected loadElement(): Promise<unknown> {
    return import(/* webpackChunkName: 'kring-ambassador-badge' */ 'kring/elements/ambassador-badge.js');
  }
}
