import type { PeoplePickerStringKey } from '../people-picker.js';

export const peoplePickerFr: Record<PeoplePickerStringKey, string> = {
  label: 'Collègues',
  placeholder: 'Saisissez un nom…',
  hint: 'Tapez pour chercher. Choisissez avec les flèches et ajoutez avec Entrée.',
  searching: 'Recherche…',
  noResults: 'Aucun collègue trouvé pour «\u00a0{text}\u00a0».',
  'results.one': '{count} collègue trouvé.',
  'results.other': '{count} collègues trouvés.',
  error: 'La recherche a échoué.',
  retry: 'Chercher à nouveau',
  remove: 'Retirer {name}',
  added: '{name} ajouté(e).',
  removed: '{name} retiré(e).',
  you: '(vous)',
  selected: 'Collègues choisis',
  required: 'Choisissez au moins un collègue.',
};
