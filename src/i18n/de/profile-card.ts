import type { ProfileCardStringKey } from '../profile-card.js';

export const profileCardDe: Record<ProfileCardStringKey, string> = {
  'card.loading': 'Profil wird geladen…',
  'card.notFound': 'Profil nicht gefunden',
  'card.notFoundHint': 'Niemand mit „{person}“ steht im Verzeichnis.',
  'card.error': 'Das Profil konnte nicht geladen werden. {reason}',
  'card.retry': 'Erneut versuchen',
  'card.noPerson': 'Geben Sie im Attribut person eine ID, eine E-Mail-Adresse oder „me“ an.',
  'card.mail': 'E-Mail an {name}',
  'card.chat': 'Chat mit {name}',
  'card.profile': 'Profil von {name}',
  'card.web': 'Website von {name}',
  'card.copyMail': 'E-Mail-Adresse von {name} kopieren',
  'card.copied': 'E-Mail-Adresse von {name} kopiert',
  'card.giveKudos': 'Kudos an {name} geben',
  'card.closeKudos': 'Schließen',
  'card.skills': 'Fähigkeiten',
  'card.endorsements.one': '{count} Empfehlung',
  'card.endorsements.other': '{count} Empfehlungen',
  'card.kudos.one': '{count}-mal Kudos erhalten',
  'card.kudos.other': '{count}-mal Kudos erhalten',
  'card.member': 'Mitglied seit {date}',
};
