import { KringWebPart } from '../../kring/KringWebPart';
import { WEB_PARTS } from '../../kring/catalogue';

/** The Kring welcome web part: `<kring-welcome>`. */
export default class WelcomeWebPart extends KringWebPart {
  protected readonly definition = WEB_PARTS.welcome;

  protected loadElement(): Promise<unknown> {
    return import(/* webpackChunkName: 'kring-welcome' */ 'kring/elements/welcome.js');
  }
}
