import { KringWebPart } from '../../kring/KringWebPart';
import { WEB_PARTS } from '../../kring/catalogue';

/** The Kring expertise finder web part: `<kring-expertise-finder>`. */
export default class ExpertiseFinderWebPart extends KringWebPart {
  protected readonly definition = WEB_PARTS.expertiseFinder;

  protected loadElement(): Promise<unknown> {
    return import(/* webpackChunkName: 'kring-expertise-finder' */ 'kring/elements/expertise-finder.js');
  }
}
