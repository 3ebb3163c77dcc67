/** The vocabulary of the fictional Dutch company in the demo: names, departments, places, titles, values. */

/** First names, Dutch and international, with diacritics on purpose (search must fold them). */
export const FIRST_NAMES: readonly string[] = [
  'Anna',
  'Sanne',
  'Lotte',
  'Femke',
  'Eva',
  'Sophie',
  'Julia',
  'Emma',
  'Lisa',
  'Anouk',
  'Noor',
  'Fleur',
  'Iris',
  'Marieke',
  'Ingrid',
  'Petra',
  'Wilma',
  'Annelies',
  'Daniëlle',
  'Zoë',
  'Renée',
  'Anaïs',
  'Chloé',
  'Noëlle',
  'Inés',
  'Aylin',
  'Elif',
  'Fatima',
  'Yasmina',
  'Mei',
  'Priya',
  'Sofía',
  'Agnieszka',
  'Małgorzata',
  'Ingrid',
  'Sigrún',
  'Björk',
  'Astrid',
  'Maja',
  'Liv',
  'Jan',
  'Pieter',
  'Kees',
  'Bram',
  'Daan',
  'Thijs',
  'Sem',
  'Lucas',
  'Jeroen',
  'Ruben',
  'Maarten',
  'Wouter',
  'Joost',
  'Sander',
  'Bas',
  'Niels',
  'Koen',
  'Gert-Jan',
  'Henk',
  'Willem',
  'Floris',
  'Job',
  'Stijn',
  'Mees',
  'Noël',
  'Bjørn',
  'Søren',
  'Jürgen',
  'Jörg',
  'José',
  'André',
  'Sébastien',
  'François',
  'Mehmet',
  'Emre',
  'Çağan',
  'Yusuf',
  'Mohamed',
  'Karim',
  'Raj',
  'Wei',
  'Tomás',
  'Łukasz',
  'Piotr',
  'Dragan',
  'Miloš',
  'Kwame',
];

/** Last names; Dutch ones keep their lower-case prefix ("de Vries", "van den Berg"). */
export const LAST_NAMES: readonly string[] = [
  'de Vries',
  'van den Berg',
  'Jansen',
  'de Jong',
  'Bakker',
  'Visser',
  'Smit',
  'Meijer',
  'de Boer',
  'Mulder',
  'de Groot',
  'Bos',
  'Vos',
  'Peters',
  'Hendriks',
  'van Leeuwen',
  'Dekker',
  'Brouwer',
  'de Wit',
  'Dijkstra',
  'Smits',
  'de Graaf',
  'van der Meer',
  'van der Linden',
  'Kok',
  'Jacobs',
  'de Haan',
  'Vermeulen',
  'van den Heuvel',
  'van der Veen',
  'van den Broek',
  'de Bruijn',
  'de Bruin',
  'van der Heijden',
  'Schouten',
  'van Beek',
  'Willems',
  "van 't Hof",
  "d'Hondt",
  'Hoekstra',
  'Koster',
  'Prins',
  'Huisman',
  'Postma',
  'Kuipers',
  'Verbeek',
  'Timmermans',
  'Müller',
  'Schröder',
  'Weiß',
  'Öztürk',
  'Çelik',
  'Yılmaz',
  'Şahin',
  'Doğan',
  'Ñúñez',
  'García',
  'Fernández',
  'Gonçalves',
  'Lefèvre',
  'Dubois',
  'Bjørnsen',
  'Håkansson',
  'Sørensen',
  'Nowak',
  'Wójcik',
  'Kowalczyk',
  'El Amrani',
  'Bouzid',
  'Chen',
  'Nguyễn',
  'Patel',
  'Singh',
  'Mensah',
  'Novák',
  'Dvořák',
  'Jovanović',
];

/** Departments, in the order the pulse matrix shows them; weights give realistic sizes. */
export const DEPARTMENTS: readonly { name: string; weight: number }[] = [
  { name: 'Financiën', weight: 8 },
  { name: 'Klantenservice', weight: 18 },
  { name: 'ICT', weight: 16 },
  { name: 'Marketing & Communicatie', weight: 9 },
  { name: 'HR', weight: 6 },
  { name: 'Juridische zaken', weight: 4 },
  { name: 'Logistiek', weight: 14 },
  { name: 'Inkoop', weight: 5 },
  { name: 'Sales', weight: 11 },
  { name: 'Productontwikkeling', weight: 9 },
  // The board sits in its own small department: only the general director and a secretary.
  { name: 'Directie', weight: 0 },
];

export const LOCATIONS: readonly { name: string; weight: number }[] = [
  { name: 'Utrecht', weight: 30 },
  { name: 'Amsterdam', weight: 20 },
  { name: 'Rotterdam', weight: 16 },
  { name: 'Eindhoven', weight: 10 },
  { name: 'Groningen', weight: 8 },
  { name: 'Zwolle', weight: 8 },
  { name: 'Den Haag', weight: 5 },
  { name: 'Maastricht', weight: 3 },
];

/** Job titles of the people who are neither department head nor team lead. */
export const TITLES: Readonly<Record<string, readonly string[]>> = {
  Financiën: [
    'Financieel administrateur',
    'Controller',
    'Business controller',
    'Crediteurenadministrateur',
    'Financieel analist',
  ],
  Klantenservice: [
    'Klantenservicemedewerker',
    'Senior klantadviseur',
    'Kwaliteitscoach',
    'Klachtencoördinator',
    'Planner klantcontact',
  ],
  ICT: [
    'Software-ontwikkelaar',
    'Senior software-ontwikkelaar',
    'Data-analist',
    'Systeembeheerder',
    'Architect',
    'Product owner',
    'Scrum master',
    'Testengineer',
  ],
  'Marketing & Communicatie': [
    'Communicatieadviseur',
    'Contentmarketeer',
    'Online marketeer',
    'Redacteur intranet',
    'Grafisch ontwerper',
    'UX-designer',
  ],
  HR: [
    'HR-adviseur',
    'Recruiter',
    'Learning & development adviseur',
    'Salarisadministrateur',
    'Arbo-coördinator',
  ],
  'Juridische zaken': ['Bedrijfsjurist', 'Privacy officer', 'Compliance officer', 'Contractmanager'],
  Logistiek: [
    'Logistiek planner',
    'Magazijnmedewerker',
    'Transportcoördinator',
    'Supply chain analist',
    'Voorraadbeheerder',
  ],
  Inkoop: ['Inkoper', 'Senior inkoper', 'Category manager', 'Inkoopassistent'],
  Sales: [
    'Accountmanager',
    'Key accountmanager',
    'Sales support',
    'Binnendienstmedewerker',
    'Business developer',
  ],
  Directie: ['Directiesecretaris'],
  Productontwikkeling: [
    'Productontwikkelaar',
    'Productmanager',
    'Industrieel ontwerper',
    'Onderzoeker',
    'UX-researcher',
  ],
};

/** The company values kudos are tagged with. */
export const COMPANY_VALUES: readonly string[] = [
  'Samen sterk',
  'Klant voorop',
  'Eerlijk',
  'Lef',
  'Vakmanschap',
];

export const EMAIL_DOMAIN = 'kring-demo.nl';

/** "Zoë van den Berg" → "zoe.vandenberg": ASCII only, for e-mail addresses. */
export function emailLocalPart(firstName: string, lastName: string): string {
  return `${asciiName(firstName)}.${asciiName(lastName)}`;
}

const asciiNames = new Map<string, string>();

function asciiName(name: string): string {
  let ascii = asciiNames.get(name);
  if (ascii === undefined) asciiNames.set(name, (ascii = fold(name)));
  return ascii;
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ø/gi, 'o')
    .replace(/ł/gi, 'l')
    .replace(/ı/g, 'i')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '');
}
