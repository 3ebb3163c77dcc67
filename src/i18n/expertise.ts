import type { StringBundle } from './index.js';
import { expertiseDe } from './de/expertise.js';
import { expertiseFr } from './fr/expertise.js';

/** Strings of `<kring-expertise-finder>` and `<kring-skill-list>`. */
export type ExpertiseKey =
  | 'finder.label'
  | 'finder.placeholder'
  | 'finder.hint'
  | 'finder.results'
  | 'finder.searching'
  | 'finder.count.one'
  | 'finder.count.other'
  | 'finder.countMore'
  | 'finder.empty'
  | 'finder.emptyHint'
  | 'finder.noSkillSearch'
  | 'finder.relatedTitle'
  | 'finder.invite'
  | 'finder.error'
  | 'finder.retry'
  | 'finder.filters'
  | 'finder.removeFilter'
  | 'finder.addDepartment'
  | 'finder.addSkill'
  | 'finder.departmentsTitle'
  | 'finder.skillsTitle'
  | 'finder.filterDepartment'
  | 'finder.filterSkill'
  | 'why.level.learning'
  | 'why.level.practitioner'
  | 'why.level.expert'
  | 'why.skillPrefix'
  | 'why.endorsements.one'
  | 'why.endorsements.other'
  | 'why.mentor'
  | 'why.askMe'
  | 'why.kudos.one'
  | 'why.kudos.other'
  | 'why.name'
  | 'why.title'
  | 'why.about'
  | 'why.department'
  | 'skills.labelFor'
  | 'skills.empty'
  | 'skills.more'
  | 'skills.level.learning'
  | 'skills.level.practitioner'
  | 'skills.level.expert'
  | 'skills.count.one'
  | 'skills.count.other'
  | 'skills.endorse'
  | 'skills.endorseShort'
  | 'skills.saved'
  | 'skills.removed'
  | 'skills.failed'
  | 'skills.askMe'
  | 'skills.mentor'
  | 'skills.wantsToLearn';

export const expertiseStrings: StringBundle<ExpertiseKey> = {
  en: {
    'finder.label': 'Find colleagues by skill or name',
    'finder.placeholder': 'Who knows about…',
    'finder.hint': 'Use the arrow keys to go through the results, Enter to choose, Escape to close.',
    'finder.results': 'People',
    'finder.searching': 'Searching…',
    'finder.count.one': '{count} person found',
    'finder.count.other': '{count} people found',
    'finder.countMore': 'showing the first {shown}',
    'finder.empty': 'No one found for “{query}”.',
    'finder.emptyHint': 'Try a related skill, or invite someone who knows.',
    'finder.noSkillSearch':
      'This directory can search names and job titles only, not skills: someone may know “{query}” without it showing here.',
    'finder.relatedTitle': 'Related skills',
    'finder.invite': 'Invite someone who knows {skill}',
    'finder.error': 'The search did not work: {message}',
    'finder.retry': 'Try again',
    'finder.filters': 'Active filters',
    'finder.removeFilter': 'Remove filter {value}',
    'finder.addDepartment': 'Only {value} ({count})',
    'finder.addSkill': 'Also knows {value} ({count})',
    'finder.departmentsTitle': 'Departments',
    'finder.skillsTitle': 'Also knows',
    'finder.filterDepartment': 'Department: {value}',
    'finder.filterSkill': 'Skill: {value}',
    'why.level.learning': 'Learning {skill}',
    'why.level.practitioner': 'Practitioner in {skill}',
    'why.level.expert': 'Expert in {skill}',
    'why.skillPrefix': 'Knows {skill}',
    'why.endorsements.one': '{count} endorsement',
    'why.endorsements.other': '{count} endorsements',
    'why.mentor': 'can mentor',
    'why.askMe': 'ask me about',
    'why.kudos.one': 'recent kudos: {count}',
    'why.kudos.other': '{count} recent kudos',
    'why.name': 'Name matches',
    'why.title': 'Title: {value}',
    'why.about': 'Mentions it in “about me”',
    'why.department': 'Department: {value}',
    'skills.labelFor': 'Skills of {name}',
    'skills.empty': 'No skills listed yet.',
    'skills.more': '+{count} more',
    'skills.level.learning': 'learning',
    'skills.level.practitioner': 'practitioner',
    'skills.level.expert': 'expert',
    'skills.count.one': '{count} endorsement',
    'skills.count.other': '{count} endorsements',
    'skills.endorse': 'Endorse {skill}',
    'skills.endorseShort': 'Endorse',
    'skills.saved': 'You endorsed {skill}.',
    'skills.removed': 'Your endorsement of {skill} was removed.',
    'skills.failed': 'Your change to {skill} could not be saved: {message}',
    'skills.askMe': 'ask me about',
    'skills.mentor': 'can mentor',
    'skills.wantsToLearn': 'wants to learn',
  },
  nl: {
    'finder.label': 'Vind collega’s op vaardigheid of naam',
    'finder.placeholder': 'Wie weet iets van…',
    'finder.hint':
      'Gebruik de pijltoetsen om door de resultaten te gaan, Enter om te kiezen, Escape om te sluiten.',
    'finder.results': 'Mensen',
    'finder.searching': 'Zoeken…',
    'finder.count.one': '{count} persoon gevonden',
    'finder.count.other': '{count} mensen gevonden',
    'finder.countMore': 'de eerste {shown} worden getoond',
    'finder.empty': 'Niemand gevonden voor “{query}”.',
    'finder.emptyHint': 'Probeer een verwante vaardigheid, of nodig iemand uit die het weet.',
    'finder.noSkillSearch':
      'Deze adreslijst kan alleen op naam en functie zoeken, niet op vaardigheden: misschien kent iemand “{query}” zonder dat het hier te zien is.',
    'finder.relatedTitle': 'Verwante vaardigheden',
    'finder.invite': 'Nodig iemand uit die {skill} kent',
    'finder.error': 'Het zoeken is niet gelukt: {message}',
    'finder.retry': 'Opnieuw proberen',
    'finder.filters': 'Actieve filters',
    'finder.removeFilter': 'Filter {value} verwijderen',
    'finder.addDepartment': 'Alleen {value} ({count})',
    'finder.addSkill': 'Kent ook {value} ({count})',
    'finder.departmentsTitle': 'Afdelingen',
    'finder.skillsTitle': 'Kent ook',
    'finder.filterDepartment': 'Afdeling: {value}',
    'finder.filterSkill': 'Vaardigheid: {value}',
    'why.level.learning': 'Leert {skill}',
    'why.level.practitioner': 'Ervaren in {skill}',
    'why.level.expert': 'Expert in {skill}',
    'why.skillPrefix': 'Kent {skill}',
    'why.endorsements.one': '{count} aanbeveling',
    'why.endorsements.other': '{count} aanbevelingen',
    'why.mentor': 'kan begeleiden',
    'why.askMe': 'vraag me ernaar',
    'why.kudos.one': 'onlangs {count} keer kudos gekregen',
    'why.kudos.other': 'onlangs {count} keer kudos gekregen',
    'why.name': 'Naam komt overeen',
    'why.title': 'Functie: {value}',
    'why.about': 'Noemt het bij “over mij”',
    'why.department': 'Afdeling: {value}',
    'skills.labelFor': 'Vaardigheden van {name}',
    'skills.empty': 'Nog geen vaardigheden opgegeven.',
    'skills.more': '+{count} meer',
    'skills.level.learning': 'lerend',
    'skills.level.practitioner': 'ervaren',
    'skills.level.expert': 'expert',
    'skills.count.one': '{count} aanbeveling',
    'skills.count.other': '{count} aanbevelingen',
    'skills.endorse': '{skill} aanbevelen',
    'skills.endorseShort': 'Aanbevelen',
    'skills.saved': 'Je hebt {skill} aanbevolen.',
    'skills.removed': 'Je aanbeveling van {skill} is ingetrokken.',
    'skills.failed': 'Je wijziging van {skill} kon niet worden opgeslagen: {message}',
    'skills.askMe': 'vraag me ernaar',
    'skills.mentor': 'kan begeleiden',
    'skills.wantsToLearn': 'wil het leren',
  },
  de: expertiseDe,
  fr: expertiseFr,
};
