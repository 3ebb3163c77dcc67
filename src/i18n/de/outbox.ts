import type { OutboxStringKey } from '../outbox.js';

export const outboxDe: Record<OutboxStringKey, string> = {
  'outbox.label': 'Nicht gesendete Änderungen',
  'outbox.sending': 'Wird gesendet…',
  'outbox.waiting':
    'Noch nicht gesendet: Der Server ist nicht erreichbar. Es wird von selbst gesendet, sobald die Verbindung zurück ist (wir bewahren es {days} Tage auf).',
  'outbox.failed': 'Nicht gesendet. Der Server meldet: {reason}',
  'outbox.retry': 'Erneut versuchen',
  'outbox.discard': 'Verwerfen',
  'outbox.discarded': 'Verworfen.',
  'outbox.sent': 'Gesendet.',
  'outbox.expired.one':
    '{count} Änderung konnte nicht innerhalb von {days} Tagen gesendet werden und wurde entfernt.',
  'outbox.expired.other':
    '{count} Änderungen konnten nicht innerhalb von {days} Tagen gesendet werden und wurden entfernt.',
  'outbox.dismiss': 'OK',
  'outbox.kind.giveKudos': 'Kudos: „{text}“',
  'outbox.kind.react': 'Reaktion auf ein Kudos',
  'outbox.kind.endorseSkill': 'Bestätigung von {text}',
  'outbox.kind.unendorseSkill': 'Bestätigung von {text} zurückgezogen',
  'outbox.kind.sendInvite': 'Einladung an {text}',
  'outbox.kind.resendInvite': 'Einladung erneut gesendet',
  'outbox.kind.revokeInvite': 'Einladung zurückgezogen',
  'outbox.kind.createInviteLink': 'Neuer Einladungslink',
  'outbox.kind.respondToInvite': 'Antwort auf die Einladung',
  'outbox.kind.chooseAmbassadorRoles': 'Ihre Botschafterrollen',
  'outbox.kind.recordEvidence': 'Botschafternachweis {text}',
  'outbox.kind.awardBadge': 'Vergabe eines Abzeichens',
  'outbox.kind.revokeBadge': 'Abzeichen entzogen',
};
