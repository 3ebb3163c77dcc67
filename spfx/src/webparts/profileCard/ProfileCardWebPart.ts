import { KringWebPart } from '../../kring/KringWebPart';
import { WEB_PARTS } from '../../kring/catalogue';

/** The Kring profile card web part: `<kring-profile-card>`. */
export default class ProfileCardWebPart extends KringWebPart {
  protected readonly definition = WEB_PARTS.profileCard;

  protected loadElement(): Promise<unknown> {
    return import(/* webpackChunkName: 'kring-profile-card' */ 'kring/elements/profile-card.js');
  }
}
