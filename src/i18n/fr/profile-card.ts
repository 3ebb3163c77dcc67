import type { ProfileCardStringKey } from '../profile-card.js';

export const profileCardFr: Record<ProfileCardStringKey, string> = {
  'card.loading': 'Chargement du profil…',
  'card.notFound': 'Profil introuvable',
  'card.notFoundHint': 'Personne ne correspond à «\u00a0{person}\u00a0» dans l’annuaire.',
  'card.error': 'Le profil n’a pas pu être chargé. {reason}',
  'card.retry': 'Réessayer',
  'card.noPerson': 'Indiquez dans l’attribut person un identifiant, une adresse e-mail ou «\u00a0me\u00a0».',
  'card.mail': 'Écrire à {name}',
  'card.chat': 'Discuter avec {name}',
  'card.profile': 'Profil de {name}',
  'card.web': 'Site web de {name}',
  'card.copyMail': 'Copier l’adresse e-mail de {name}',
  'card.copied': 'Adresse e-mail de {name} copiée',
  'card.giveKudos': 'Envoyer des kudos à {name}',
  'card.closeKudos': 'Fermer',
  'card.skills': 'Compétences',
  'card.endorsements.one': '{count} recommandation',
  'card.endorsements.other': '{count} recommandations',
  'card.kudos.one': '{count} kudos reçu',
  'card.kudos.other': '{count} kudos reçus',
  'card.member': 'Membre depuis le {date}',
};
