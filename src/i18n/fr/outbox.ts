import type { OutboxStringKey } from '../outbox.js';

export const outboxFr: Record<OutboxStringKey, string> = {
  'outbox.label': 'Modifications non envoyées',
  'outbox.sending': 'Envoi…',
  'outbox.waiting':
    'Pas encore envoyé\u00a0: le serveur est injoignable. L’envoi se fera tout seul dès le retour de la connexion (conservé {days} jours).',
  'outbox.failed': 'Non envoyé. Le serveur indique\u00a0: {reason}',
  'outbox.retry': 'Réessayer',
  'outbox.discard': 'Abandonner',
  'outbox.discarded': 'Abandonné.',
  'outbox.sent': 'Envoyé.',
  'outbox.expired.one': '{count} modification n’a pas pu être envoyée en {days} jours et a été supprimée.',
  'outbox.expired.other':
    '{count} modifications n’ont pas pu être envoyées en {days} jours et ont été supprimées.',
  'outbox.dismiss': 'OK',
  'outbox.kind.giveKudos': 'Kudos\u00a0: «\u00a0{text}\u00a0»',
  'outbox.kind.react': 'Réaction à un kudos',
  'outbox.kind.endorseSkill': 'Recommandation de {text}',
  'outbox.kind.unendorseSkill': 'Recommandation de {text} retirée',
  'outbox.kind.sendInvite': 'Invitation à {text}',
  'outbox.kind.resendInvite': 'Invitation renvoyée',
  'outbox.kind.revokeInvite': 'Invitation retirée',
  'outbox.kind.createInviteLink': 'Nouveau lien d’invitation',
  'outbox.kind.respondToInvite': 'Réponse à l’invitation',
  'outbox.kind.chooseAmbassadorRoles': 'Vos rôles d’ambassadeur',
  'outbox.kind.recordEvidence': 'Preuve d’ambassadeur {text}',
  'outbox.kind.awardBadge': 'Attribution d’un badge',
  'outbox.kind.revokeBadge': 'Badge retiré',
};
