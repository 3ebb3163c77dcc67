import { KringWebPart } from '../../kring/KringWebPart';
import { WEB_PARTS } from '../../kring/catalogue';

/** The Kring invite web part: `<kring-invite>`. */
export default class InviteWebPart extends KringWebPart {
  protected readonly definition = WEB_PARTS.invite;

  protected loadElement(): Promise<unknown> {
    return import(/* webpackChunkName: 'kring-invite' */ 'kring/elements/invite.js');
  }
}
