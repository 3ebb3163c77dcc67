import { KringWebPart } from '../../kring/KringWebPart';
import { WEB_PARTS } from '../../kring/catalogue';

/** The Kring kudos web part: `<kring-kudos-feed>`. */
export default class KudosFeedWebPart extends KringWebPart {
  protected readonly definition = WEB_PARTS.kudosFeed;

  protected loadElement(): Promise<unknown> {
    return import(/* webpackChunkName: 'kring-kudos-feed' */ 'kring/elements/kudos-feed.js');
  }
}
