import type { PeoplePickerStringKey } from '../people-picker.js';

export const peoplePickerDe: Record<PeoplePickerStringKey, string> = {
  label: 'Kolleginnen und Kollegen',
  placeholder: 'Namen eingeben…',
  hint: 'Tippen, um zu suchen. Mit den Pfeiltasten auswählen und mit Enter hinzufügen.',
  searching: 'Suche läuft…',
  noResults: 'Keine Kolleginnen oder Kollegen für „{text}“ gefunden.',
  'results.one': '{count} Person gefunden.',
  'results.other': '{count} Personen gefunden.',
  error: 'Die Suche ist fehlgeschlagen.',
  retry: 'Erneut suchen',
  remove: '{name} entfernen',
  added: '{name} hinzugefügt.',
  removed: '{name} entfernt.',
  you: '(Sie)',
  selected: 'Ausgewählte Personen',
  required: 'Wählen Sie mindestens eine Person aus.',
};
