import { withLaterStrings, type StringBundle } from './index.js';

export type ProfileCardStringKey =
  | 'card.loading'
  | 'card.notFound'
  | 'card.notFoundHint'
  | 'card.error'
  | 'card.retry'
  | 'card.noPerson'
  | 'card.mail'
  | 'card.chat'
  | 'card.profile'
  | 'card.web'
  | 'card.copyMail'
  | 'card.copied'
  | 'card.giveKudos'
  | 'card.closeKudos'
  | 'card.skills'
  | 'card.endorsements.one'
  | 'card.endorsements.other'
  | 'card.kudos.one'
  | 'card.kudos.other'
  | 'card.member';

export const profileCardStrings: StringBundle<ProfileCardStringKey> = withLaterStrings({
  en: {
    'card.loading': 'Loading profile…',
    'card.notFound': 'Profile not found',
    'card.notFoundHint': 'Nobody with “{person}” is in the directory.',
    'card.error': 'The profile could not be loaded. {reason}',
    'card.retry': 'Try again',
    'card.noPerson': 'Set the person attribute to an id, an e-mail address or “me”.',
    'card.mail': 'E-mail {name}',
    'card.chat': 'Chat with {name}',
    'card.profile': 'Profile of {name}',
    'card.web': 'Website of {name}',
    'card.copyMail': 'Copy the e-mail address of {name}',
    'card.copied': 'E-mail address of {name} copied',
    'card.giveKudos': 'Give kudos to {name}',
    'card.closeKudos': 'Close',
    'card.skills': 'Skills',
    'card.endorsements.one': '{count} endorsement',
    'card.endorsements.other': '{count} endorsements',
    'card.kudos.one': 'Kudos received: {count}',
    'card.kudos.other': '{count} kudos received',
    'card.member': 'Member since {date}',
  },
  // Loaded on first use (preloaded for the page's language): the script-tag core carries English only.
  nl: () => import('./nl/profile-card.js').then((module) => module.profileCardNl),
  de: () => import('./de/profile-card.js').then((module) => module.profileCardDe),
  fr: () => import('./fr/profile-card.js').then((module) => module.profileCardFr),
});
