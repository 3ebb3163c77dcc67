import { KringWebPart } from '../../kring/KringWebPart';
import { WEB_PARTS } from '../../kring/catalogue';

/** The Kring community pulse web part: `<kring-pulse>`. */
export default class PulseWebPart extends KringWebPart {
  protected readonly definition = WEB_PARTS.pulse;

  protected loadElement(): Promise<unknown> {
    return import(/* webpackChunkName: 'kring-pulse' */ 'kring/elements/pulse.js');
  }
}
