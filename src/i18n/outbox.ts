/** Strings of the unsent-writes list every writing element shows (src/elements/shared/pending-writes.ts). */
import type { StringBundle } from './index.js';
import { outboxDe } from './de/outbox.js';
import { outboxFr } from './fr/outbox.js';

const en = {
  'outbox.label': 'Unsent changes',
  'outbox.sending': 'Sending…',
  'outbox.waiting':
    'Not sent yet: the server cannot be reached. It is sent by itself when the connection is back (kept for {days} days).',
  'outbox.failed': 'Not sent. The server said: {reason}',
  'outbox.retry': 'Retry',
  'outbox.discard': 'Discard',
  'outbox.discarded': 'Discarded.',
  'outbox.sent': 'Sent.',
  'outbox.expired.one': '{count} change could not be sent within {days} days and was removed.',
  'outbox.expired.other': '{count} changes could not be sent within {days} days and were removed.',
  'outbox.dismiss': 'OK',
  'outbox.kind.giveKudos': 'Kudos: “{text}”',
  'outbox.kind.react': 'Reaction to a kudos',
  'outbox.kind.endorseSkill': 'Endorsement of {text}',
  'outbox.kind.unendorseSkill': 'Endorsement of {text} withdrawn',
  'outbox.kind.sendInvite': 'Invitation to {text}',
  'outbox.kind.resendInvite': 'Invitation sent again',
  'outbox.kind.revokeInvite': 'Invitation withdrawn',
  'outbox.kind.createInviteLink': 'New invite link',
  'outbox.kind.respondToInvite': 'Reply to the invitation',
  'outbox.kind.chooseAmbassadorRoles': 'Your ambassador roles',
  'outbox.kind.recordEvidence': 'Ambassador evidence {text}',
  'outbox.kind.awardBadge': 'Badge award',
  'outbox.kind.revokeBadge': 'Badge revoked',
};

export type OutboxStringKey = keyof typeof en;

const nl: Record<OutboxStringKey, string> = {
  'outbox.label': 'Niet-verzonden wijzigingen',
  'outbox.sending': 'Bezig met verzenden…',
  'outbox.waiting':
    'Nog niet verzonden: de server is niet bereikbaar. Dit gaat vanzelf zodra de verbinding terug is (we bewaren het {days} dagen).',
  'outbox.failed': 'Niet verzonden. De server meldt: {reason}',
  'outbox.retry': 'Opnieuw proberen',
  'outbox.discard': 'Weggooien',
  'outbox.discarded': 'Weggegooid.',
  'outbox.sent': 'Verzonden.',
  'outbox.expired.one': '{count} wijziging kon niet binnen {days} dagen worden verzonden en is verwijderd.',
  'outbox.expired.other':
    '{count} wijzigingen konden niet binnen {days} dagen worden verzonden en zijn verwijderd.',
  'outbox.dismiss': 'OK',
  'outbox.kind.giveKudos': 'Kudos: ‘{text}’',
  'outbox.kind.react': 'Reactie op een kudos',
  'outbox.kind.endorseSkill': 'Onderschrijving van {text}',
  'outbox.kind.unendorseSkill': 'Onderschrijving van {text} ingetrokken',
  'outbox.kind.sendInvite': 'Uitnodiging voor {text}',
  'outbox.kind.resendInvite': 'Uitnodiging opnieuw verstuurd',
  'outbox.kind.revokeInvite': 'Uitnodiging ingetrokken',
  'outbox.kind.createInviteLink': 'Nieuwe uitnodigingslink',
  'outbox.kind.respondToInvite': 'Antwoord op de uitnodiging',
  'outbox.kind.chooseAmbassadorRoles': 'Je ambassadeursrollen',
  'outbox.kind.recordEvidence': 'Ambassadeursbewijs {text}',
  'outbox.kind.awardBadge': 'Toekenning van een badge',
  'outbox.kind.revokeBadge': 'Badge ingetrokken',
};

export const outboxStrings: StringBundle<OutboxStringKey> = { en, nl, de: outboxDe, fr: outboxFr };
