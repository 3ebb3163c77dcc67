import type { StringBundle } from './index.js';
import { peoplePickerDe } from './de/people-picker.js';
import { peoplePickerFr } from './fr/people-picker.js';

export type PeoplePickerStringKey =
  | 'label'
  | 'placeholder'
  | 'hint'
  | 'searching'
  | 'noResults'
  | 'results.one'
  | 'results.other'
  | 'error'
  | 'retry'
  | 'remove'
  | 'added'
  | 'removed'
  | 'you'
  | 'selected'
  | 'required';

/** Strings of `<kring-people-picker>`. */
export const peoplePickerStrings: StringBundle<PeoplePickerStringKey> = {
  en: {
    label: 'Colleagues',
    placeholder: 'Type a name…',
    hint: 'Type to search. Use the arrow keys to choose and Enter to add.',
    searching: 'Searching…',
    noResults: 'No colleagues found for “{text}”.',
    'results.one': '{count} colleague found.',
    'results.other': '{count} colleagues found.',
    error: 'Searching failed.',
    retry: 'Search again',
    remove: 'Remove {name}',
    added: '{name} added.',
    removed: '{name} removed.',
    you: '(you)',
    selected: 'Chosen colleagues',
    required: 'Choose at least one colleague.',
  },
  nl: {
    label: 'Collega’s',
    placeholder: 'Typ een naam…',
    hint: 'Typ om te zoeken. Kies met de pijltjestoetsen en voeg toe met Enter.',
    searching: 'Zoeken…',
    noResults: 'Geen collega’s gevonden voor “{text}”.',
    'results.one': '{count} collega gevonden.',
    'results.other': '{count} collega’s gevonden.',
    error: 'Zoeken is mislukt.',
    retry: 'Opnieuw zoeken',
    remove: '{name} verwijderen',
    added: '{name} toegevoegd.',
    removed: '{name} verwijderd.',
    you: '(jij)',
    selected: 'Gekozen collega’s',
    required: 'Kies ten minste één collega.',
  },
  de: peoplePickerDe,
  fr: peoplePickerFr,
};
