/**
 * The demo skills taxonomy: skills in related groups. A skill may sit in more than one group;
 * "related skills" are the other members of its groups.
 */

export interface SkillGroup {
  id: string;
  skills: readonly string[];
}

export const SKILL_GROUPS: readonly SkillGroup[] = [
  {
    id: 'development',
    skills: [
      'Python',
      'JavaScript',
      'TypeScript',
      'C#',
      'Java',
      'Node.js',
      'React',
      'Angular',
      'SQL',
      'Git',
      'Docker',
      'Kubernetes',
      'Azure',
      'API-design',
      'Testautomatisering',
    ],
  },
  {
    id: 'data',
    skills: [
      'Power BI',
      'Excel',
      'SQL',
      'Python',
      'Data-analyse',
      'Statistiek',
      'Machine learning',
      'Tableau',
      'Datamodellering',
      'R',
    ],
  },
  {
    id: 'design',
    skills: [
      'UX/UI',
      'Figma',
      'Toegankelijkheid',
      'Gebruikersonderzoek',
      'Grafisch ontwerp',
      'Adobe InDesign',
    ],
  },
  {
    id: 'workplace',
    skills: ['SharePoint', 'Microsoft Teams', 'Power Automate', 'Power Apps', 'Excel', 'Outlook'],
  },
  {
    id: 'communication',
    skills: [
      'Copywriting',
      'Presenteren',
      'Storytelling',
      'Social media',
      'Persvoorlichting',
      'Interne communicatie',
      'Redactie',
      'SEO',
      'Fotografie',
      'Video-editing',
    ],
  },
  {
    id: 'projects',
    skills: [
      'Projectmanagement',
      'Scrum',
      'Agile',
      'Kanban',
      'Prince2',
      'Lean Six Sigma',
      'Veranderkunde',
      'Stakeholdermanagement',
      'Procesoptimalisatie',
    ],
  },
  {
    id: 'finance',
    skills: [
      'Boekhouden',
      'Budgettering',
      'Controlling',
      'Fiscaal recht',
      'SAP',
      'Exact Online',
      'Financiële analyse',
      'Auditing',
      'Excel',
    ],
  },
  {
    id: 'people',
    skills: [
      'Coaching',
      'Recruitment',
      'Arbeidsrecht',
      'Onboarding',
      'Gesprekstechnieken',
      'Mentoring',
      'Training geven',
      'Conflicthantering',
    ],
  },
  {
    id: 'legal',
    skills: [
      'Contractrecht',
      'AVG/GDPR',
      'Aanbestedingsrecht',
      'Compliance',
      'Arbeidsrecht',
      'Contractmanagement',
    ],
  },
  {
    id: 'logistics',
    skills: [
      'Supply chain',
      'Voorraadbeheer',
      'Planning',
      'Transportmanagement',
      'WMS',
      'Lean Six Sigma',
      'SAP',
    ],
  },
  {
    id: 'purchasing',
    skills: [
      'Inkoopmanagement',
      'Contractmanagement',
      'Onderhandelen',
      'Leveranciersmanagement',
      'Aanbestedingsrecht',
    ],
  },
  {
    id: 'sales',
    skills: ['Accountmanagement', 'Salesforce', 'CRM', 'Onderhandelen', 'Offertes maken', 'Marktonderzoek'],
  },
  {
    id: 'customers',
    skills: [
      'Klantcontact',
      'Klachtenafhandeling',
      'Zendesk',
      'Telefonische ondersteuning',
      'Gesprekstechnieken',
      'CRM',
    ],
  },
  {
    id: 'product',
    skills: [
      'Productmanagement',
      'Prototyping',
      '3D-printen',
      'Design thinking',
      'Gebruikersonderzoek',
      'Figma',
    ],
  },
  { id: 'languages', skills: ['Engels', 'Duits', 'Frans', 'Spaans', 'Turks', 'Arabisch', 'Pools'] },
];

/** Every skill in the taxonomy, once, in a stable order. */
export const SKILLS: readonly string[] = [...new Set(SKILL_GROUPS.flatMap((group) => group.skills))];

const groupsBySkill = new Map<string, SkillGroup[]>();
for (const group of SKILL_GROUPS) {
  for (const skill of group.skills) {
    const key = skill.toLowerCase();
    groupsBySkill.set(key, [...(groupsBySkill.get(key) ?? []), group]);
  }
}

/** The other skills in the groups of `skill` (case-insensitive), nearest group first. */
export function relatedSkills(skill: string): string[] {
  const groups = groupsBySkill.get(skill.toLowerCase()) ?? [];
  const related = new Set<string>();
  for (const group of groups) {
    for (const other of group.skills) if (other.toLowerCase() !== skill.toLowerCase()) related.add(other);
  }
  return [...related];
}

/** The taxonomy's spelling of a skill name, or undefined when it is not in the taxonomy. */
export function canonicalSkill(skill: string): string | undefined {
  const key = skill.trim().toLowerCase();
  return SKILLS.find((candidate) => candidate.toLowerCase() === key);
}

/** Which skill groups people in a department usually have, strongest first. */
export const DEPARTMENT_SKILL_GROUPS: Readonly<Record<string, readonly string[]>> = {
  Financiën: ['finance', 'data', 'workplace', 'projects'],
  Klantenservice: ['customers', 'workplace', 'languages', 'communication'],
  ICT: ['development', 'data', 'projects', 'workplace'],
  'Marketing & Communicatie': ['communication', 'design', 'workplace', 'data'],
  HR: ['people', 'workplace', 'legal', 'communication'],
  'Juridische zaken': ['legal', 'workplace', 'purchasing', 'languages'],
  Logistiek: ['logistics', 'projects', 'data', 'languages'],
  Inkoop: ['purchasing', 'finance', 'legal', 'languages'],
  Sales: ['sales', 'communication', 'languages', 'data'],
  Productontwikkeling: ['product', 'design', 'projects', 'development'],
  Directie: ['projects', 'finance', 'communication', 'people'],
};

export function skillGroup(id: string): SkillGroup | undefined {
  return SKILL_GROUPS.find((group) => group.id === id);
}
