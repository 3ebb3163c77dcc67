import type { ProfileCardStringKey } from '../profile-card.js';

export const profileCardNl: Record<ProfileCardStringKey, string> = {
  'card.loading': 'Profiel laden…',
  'card.notFound': 'Profiel niet gevonden',
  'card.notFoundHint': 'Niemand met “{person}” staat in de adreslijst.',
  'card.error': 'Het profiel kon niet worden geladen. {reason}',
  'card.retry': 'Opnieuw proberen',
  'card.noPerson': 'Geef in het attribuut person een id, een e-mailadres of “me” op.',
  'card.mail': 'E-mail {name}',
  'card.chat': 'Chat met {name}',
  'card.profile': 'Profiel van {name}',
  'card.web': 'Website van {name}',
  'card.copyMail': 'E-mailadres van {name} kopiëren',
  'card.copied': 'E-mailadres van {name} gekopieerd',
  'card.giveKudos': 'Geef {name} een compliment',
  'card.closeKudos': 'Sluiten',
  'card.skills': 'Vaardigheden',
  'card.endorsements.one': '{count} aanbeveling',
  'card.endorsements.other': '{count} aanbevelingen',
  'card.kudos.one': '{count} keer kudos ontvangen',
  'card.kudos.other': '{count} keer kudos ontvangen',
  'card.member': 'Lid sinds {date}',
};
