import { KringWebPart } from '../../kring/KringWebPart';
import { WEB_PARTS } from '../../kring/catalogue';

/** The Kring pioneers web part: `<kring-pioneers>`. */
export default class PioneersWebPart extends KringWebPart {
  protected readonly definition = WEB_PARTS.pioneers;

  protected loadElement(): Promise<unknown> {
    return import(/* webpackChunkName: 'kring-pioneers' */ 'kring/elements/pioneers.js');
  }
}
