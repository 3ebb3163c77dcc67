import type { StringBundle } from './index.js';
import { kudosDe } from './de/kudos.js';
import { kudosFr } from './fr/kudos.js';

export type KudosStringKey =
  | 'feed.label'
  | 'feed.loading'
  | 'feed.empty'
  | 'feed.emptyFiltered'
  | 'feed.error'
  | 'feed.retry'
  | 'feed.loadMore'
  | 'feed.loadingMore'
  | 'feed.loadMoreError'
  | 'feed.loadedMore'
  | 'feed.noCapability'
  | 'feed.newKudos'
  | 'item.label'
  | 'item.to'
  | 'item.unknownPerson'
  | 'item.value'
  | 'item.newTab'
  | 'item.exactTime'
  | 'item.sending'
  | 'item.waiting'
  | 'item.failed'
  | 'item.retry'
  | 'item.discard'
  | 'item.discarded'
  | 'reaction.thanks'
  | 'reaction.celebrate'
  | 'reaction.love'
  | 'reaction.insightful'
  | 'reactions.label'
  | 'reactions.button'
  | 'reactions.error'
  | 'reactors.show'
  | 'reactors.hide'
  | 'reactors.loading'
  | 'reactors.error'
  | 'reactors.none'
  | 'reactors.heading'
  | 'composer.label'
  | 'composer.to'
  | 'composer.value'
  | 'composer.noValue'
  | 'composer.message'
  | 'composer.counter'
  | 'composer.remaining.one'
  | 'composer.remaining.other'
  | 'composer.over.one'
  | 'composer.over.other'
  | 'composer.send'
  | 'composer.sending'
  | 'composer.sent'
  | 'composer.queued'
  | 'composer.failed'
  | 'composer.restored'
  | 'composer.pendingLabel'
  | 'error.noReceivers'
  | 'error.messageRequired'
  | 'error.messageTooLong'
  | 'error.message'
  | 'error.self'
  | 'error.dailyLimit'
  | 'error.unknownReceiver'
  | 'error.unknownValue'
  | 'error.tooManyReceivers'
  | 'error.invalid'
  | 'error.forbidden'
  | 'error.auth'
  | 'error.generic';

/** Strings of `<kring-kudos-feed>` and `<kring-kudos-composer>`. */
export const kudosStrings: StringBundle<KudosStringKey> = {
  en: {
    'feed.label': 'Kudos',
    'feed.loading': 'Loading kudos…',
    'feed.empty': 'No kudos yet. Be the first to thank a colleague!',
    'feed.emptyFiltered': 'No kudos match this selection yet. Be the first to give one!',
    'feed.error': 'The kudos could not be loaded.',
    'feed.retry': 'Try again',
    'feed.loadMore': 'Load more kudos',
    'feed.loadingMore': 'Loading more kudos…',
    'feed.loadMoreError': 'More kudos could not be loaded.',
    'feed.loadedMore': '{count} more kudos loaded.',
    'feed.noCapability': 'Kudos are not available on this intranet.',
    'feed.newKudos': 'New kudos from {giver} to {receivers}.',
    'item.label': 'Kudos from {giver} to {receivers}',
    'item.to': 'to',
    'item.unknownPerson': 'Unknown colleague',
    'item.value': 'Value',
    'item.newTab': '(opens in a new tab)',
    'item.exactTime': 'Given on {time}',
    'item.sending': 'Sending…',
    'item.waiting': 'Not sent yet; trying again soon.',
    'item.failed': 'Not sent.',
    'item.retry': 'Retry',
    'item.discard': 'Discard',
    'item.discarded': 'Unsent kudos discarded.',
    'reaction.thanks': 'Thanks',
    'reaction.celebrate': 'Celebrate',
    'reaction.love': 'Love',
    'reaction.insightful': 'Insightful',
    'reactions.label': 'Reactions',
    'reactions.button': '{reaction}, {count}',
    'reactions.error': 'Your reaction could not be saved.',
    'reactors.show': 'Who reacted?',
    'reactors.hide': 'Hide who reacted',
    'reactors.loading': 'Loading who reacted…',
    'reactors.error': 'Could not load who reacted.',
    'reactors.none': 'No reactions yet.',
    'reactors.heading': '{reaction}: {names}',
    'composer.label': 'Give kudos',
    'composer.to': 'To',
    'composer.value': 'Company value',
    'composer.noValue': 'No value',
    'composer.message': 'Message',
    'composer.counter': '{count}/{max}',
    'composer.remaining.one': '{count} character left',
    'composer.remaining.other': '{count} characters left',
    'composer.over.one': '{count} character too many',
    'composer.over.other': '{count} characters too many',
    'composer.send': 'Send kudos',
    'composer.sending': 'Sending kudos…',
    'composer.sent': 'Kudos sent to {receivers}.',
    'composer.queued': 'Not sent yet: the kudos will be sent as soon as the connection is back.',
    'composer.failed': 'Kudos not sent.',
    'composer.restored': 'Your message is back in the form so you can change it.',
    'composer.pendingLabel': 'Unsent kudos',
    'error.noReceivers': 'Choose at least one colleague.',
    'error.messageRequired': 'Write a message.',
    'error.messageTooLong': 'The message can be at most {max} characters.',
    'error.message': 'Write a message of 1 to {max} characters.',
    'error.self': 'You cannot give kudos to yourself.',
    'error.dailyLimit':
      'You have reached the limit of kudos to the same colleague for today. Thank someone else, or try again tomorrow.',
    'error.unknownReceiver': 'One of the colleagues could not be found.',
    'error.unknownValue': 'This company value is not available.',
    'error.tooManyReceivers': 'Kudos can go to at most {max} colleagues at once.',
    'error.invalid': 'The kudos was refused: {reason}',
    'error.forbidden': 'You are not allowed to give kudos here.',
    'error.auth': 'Sign in again to give kudos.',
    'error.generic': 'Something went wrong while sending the kudos.',
  },
  nl: {
    'feed.label': 'Kudos',
    'feed.loading': 'Kudos laden…',
    'feed.empty': 'Nog geen kudos. Wees de eerste die een collega bedankt!',
    'feed.emptyFiltered': 'Nog geen kudos bij deze selectie. Wees de eerste die er een geeft!',
    'feed.error': 'De kudos konden niet worden geladen.',
    'feed.retry': 'Opnieuw proberen',
    'feed.loadMore': 'Meer kudos laden',
    'feed.loadingMore': 'Meer kudos laden…',
    'feed.loadMoreError': 'Er konden geen kudos meer worden geladen.',
    'feed.loadedMore': '{count} kudos meer geladen.',
    'feed.noCapability': 'Kudos zijn niet beschikbaar op dit intranet.',
    'feed.newKudos': 'Nieuwe kudos van {giver} aan {receivers}.',
    'item.label': 'Kudos van {giver} aan {receivers}',
    'item.to': 'aan',
    'item.unknownPerson': 'Onbekende collega',
    'item.value': 'Waarde',
    'item.newTab': '(opent in een nieuw tabblad)',
    'item.exactTime': 'Gegeven op {time}',
    'item.sending': 'Versturen…',
    'item.waiting': 'Nog niet verstuurd; wordt zo opnieuw geprobeerd.',
    'item.failed': 'Niet verstuurd.',
    'item.retry': 'Opnieuw versturen',
    'item.discard': 'Weggooien',
    'item.discarded': 'Niet-verstuurde kudos weggegooid.',
    'reaction.thanks': 'Bedankt',
    'reaction.celebrate': 'Feest',
    'reaction.love': 'Geweldig',
    'reaction.insightful': 'Leerzaam',
    'reactions.label': 'Reacties',
    'reactions.button': '{reaction}, {count}',
    'reactions.error': 'Je reactie kon niet worden opgeslagen.',
    'reactors.show': 'Wie reageerde?',
    'reactors.hide': 'Verberg wie reageerde',
    'reactors.loading': 'Laden wie reageerde…',
    'reactors.error': 'Kon niet laden wie reageerde.',
    'reactors.none': 'Nog geen reacties.',
    'reactors.heading': '{reaction}: {names}',
    'composer.label': 'Kudos geven',
    'composer.to': 'Aan',
    'composer.value': 'Bedrijfswaarde',
    'composer.noValue': 'Geen waarde',
    'composer.message': 'Bericht',
    'composer.counter': '{count}/{max}',
    'composer.remaining.one': 'Nog {count} teken over',
    'composer.remaining.other': 'Nog {count} tekens over',
    'composer.over.one': '{count} teken te veel',
    'composer.over.other': '{count} tekens te veel',
    'composer.send': 'Kudos versturen',
    'composer.sending': 'Kudos versturen…',
    'composer.sent': 'Kudos verstuurd aan {receivers}.',
    'composer.queued': 'Nog niet verstuurd: de kudos gaat weg zodra de verbinding terug is.',
    'composer.failed': 'Kudos niet verstuurd.',
    'composer.restored': 'Je bericht staat weer in het formulier, zodat je het kunt aanpassen.',
    'composer.pendingLabel': 'Niet-verstuurde kudos',
    'error.noReceivers': 'Kies minstens één collega.',
    'error.messageRequired': 'Schrijf een bericht.',
    'error.messageTooLong': 'Het bericht mag hoogstens {max} tekens lang zijn.',
    'error.message': 'Schrijf een bericht van 1 tot {max} tekens.',
    'error.self': 'Je kunt jezelf geen kudos geven.',
    'error.dailyLimit':
      'Je hebt vandaag het maximum aantal kudos aan dezelfde collega bereikt. Bedank iemand anders, of probeer het morgen opnieuw.',
    'error.unknownReceiver': 'Een van de collega’s is niet gevonden.',
    'error.unknownValue': 'Deze bedrijfswaarde bestaat niet (meer).',
    'error.tooManyReceivers': 'Kudos kan naar hoogstens {max} collega’s tegelijk.',
    'error.invalid': 'De kudos is geweigerd: {reason}',
    'error.forbidden': 'Je mag hier geen kudos geven.',
    'error.auth': 'Meld je opnieuw aan om kudos te geven.',
    'error.generic': 'Er ging iets mis bij het versturen van de kudos.',
  },
  de: kudosDe,
  fr: kudosFr,
};
