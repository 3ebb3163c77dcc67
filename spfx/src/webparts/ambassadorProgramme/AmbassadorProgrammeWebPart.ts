import { KringWebPart } from '../../kring/KringWebPart';
import { WEB_PARTS } from '../../kring/catalogue';

/** The Kring ambassador programme web part: `<kring-ambassador-programme>`. */
export default class AmbassadorProgrammeWebPart extends KringWebPart {
  protected readonly definition = WEB_PARTS.ambassadorProgramme;

  protected loadElement(): Promise<unknown> {
    return import(
      /* webpackChunkName: 'kring-ambassador-programme' */ 'kring/elements/ambassador-programme.js'
    );
  }
}
