import { expect } from '@open-wc/testing';
import type { Kudos, Person, Skill, SkillLevel, SkillTag } from '../src/model.js';
import { compactKey, foldText, paddedWords, skillKey, subTokens, tokenize } from '../src/search/normalize.js';
import { PeopleIndex, editDistanceWithin } from '../src/search/index.js';
import { skillStrength, TIER_POINTS } from '../src/search/rank.js';
import { indexSkill } from '../src/search/entry.js';

const NOW = Date.parse('2026-11-26T12:00:00Z');

function skill(
  name: string,
  level: SkillLevel = 'practitioner',
  endorsements = 0,
  tags: SkillTag[] = [],
): Skill {
  return { name, level, endorsements, tags, endorsedByMe: false };
}

function person(id: string, name: string, fields: Partial<Person> = {}): Person {
  return { id, name, skills: [], isManagement: false, links: [], ...fields };
}

/** A small company whose expected order is worked out by hand in the tests below. */
const people: Person[] = [
  person('p1', 'Anna Müller', {
    title: 'Data analyst',
    department: 'Finance',
    skills: [skill('Power BI', 'expert', 12, ['ableToMentor', 'askMeAbout']), skill('Excel', 'expert', 3)],
  }),
  person('p2', 'Bjørn Olsen', {
    title: 'Developer',
    department: 'IT',
    skills: [
      skill('C#', 'expert', 4),
      skill('Node.js', 'practitioner', 2),
      skill('.NET'),
      skill('C++', 'learning'),
    ],
  }),
  person('p3', 'Ayşe Öztürk', {
    title: 'Designer',
    department: 'Marketing',
    about: 'I build Power BI dashboards for campaigns.',
    skills: [skill('UX/UI', 'expert', 5, ['askMeAbout'])],
  }),
  person('p4', 'Piet Power', {
    title: 'Power BI lead',
    department: 'Finance',
    skills: [skill('Power Automate', 'practitioner', 1)],
  }),
  // p5 and p6 hold the same skill with the same evidence: a tie broken by name.
  person('p6', 'Zoë Jansen', { department: 'IT', skills: [skill('Power BI', 'practitioner', 3)] }),
  person('p5', 'Daan de Vries', { department: 'HR', skills: [skill('Power BI', 'practitioner', 3)] }),
  // Same name as p5 and the same evidence: broken by id.
  person('p7', 'Daan de Vries', { department: 'HR', skills: [skill('Power BI', 'practitioner', 3)] }),
  // Huge endorsement count at "learning": must still rank below nobody with a better match kind.
  person('p8', 'Erik Łukasz', {
    department: 'Sales',
    skills: [skill('Power BI Embedded', 'expert', 500, ['ableToMentor', 'askMeAbout'])],
  }),
  person('p9', 'Straße Đorđević', { department: 'IT', skills: [skill('Kubernetes')] }),
  person('p10', 'İlkay Gündoğan', { department: 'Sales', skills: [skill('Negotiation', 'expert', 2)] }),
];

const kudos: Kudos[] = [
  {
    id: 'k1',
    from: 'p2',
    to: ['p6'],
    message: 'Thanks for the Power BI report!',
    createdAt: '2026-11-20T10:00:00Z',
    reactions: [],
  },
  {
    id: 'k2',
    from: 'p2',
    to: ['p6'],
    message: 'Old power bi help',
    createdAt: '2026-01-01T10:00:00Z', // older than 90 days: not recent
    reactions: [],
  },
];

function names(index: PeopleIndex, text: string, extra: object = {}): string[] {
  return index.search({ text, limit: 50, ...extra }).items.map((match) => match.person.id);
}

describe('search: normalisation', () => {
  it('folds case and accents, including letters without a decomposition', () => {
    expect(foldText('Müller')).to.equal('muller');
    expect(foldText('Öztürk')).to.equal('ozturk');
    expect(foldText('Bjørn')).to.equal('bjorn');
    expect(foldText('Æsir')).to.equal('aesir');
    expect(foldText('Straße')).to.equal('strasse');
    expect(foldText('Łódź')).to.equal('lodz');
    expect(foldText('Đorđe')).to.equal('dorde');
    expect(foldText('İstanbul')).to.equal('istanbul');
    expect(foldText('ISTANBUL')).to.equal('istanbul');
  });

  it('keeps skill names with punctuation as one token', () => {
    expect(tokenize(foldText('I love C#, C++, Node.js and UX/UI (.NET).'))).to.deep.equal([
      'i',
      'love',
      'c#',
      'c++',
      'node.js',
      'and',
      'ux/ui',
      '.net',
    ]);
    expect(tokenize('... -- //')).to.deep.equal([]);
    expect(subTokens('node.js')).to.deep.equal(['node', 'js']);
    expect(subTokens('ux/ui')).to.deep.equal(['ux', 'ui']);
    expect(skillKey('  Power   BI ')).to.equal('power bi');
    expect(compactKey('Node.js')).to.equal('nodejs');
    expect(compactKey('C#')).to.not.equal(compactKey('C++'));
  });

  it('pads the same words for kudos messages as the tokeniser gives', () => {
    for (const text of [
      'Thanks for the Power BI report!',
      'Node.js. and C# (UX/UI) - .NET, fine',
      'Dank je, Anneke — je hielp met Data-analyse en Excel.',
      'C++/Rust & R&D: top!',
      '  spaces   everywhere  ',
    ]) {
      expect(paddedWords(text)).to.equal(' ' + tokenize(foldText(text)).join(' ') + ' ');
    }
  });

  it('measures small edit distances for "did you mean"', () => {
    expect(editDistanceWithin('powr', 'power', 1)).to.equal(true);
    expect(editDistanceWithin('kubernets', 'kubernetes', 2)).to.equal(true);
    expect(editDistanceWithin('excel', 'power', 2)).to.equal(false);
  });
});

describe('search: ranking', () => {
  const index = new PeopleIndex(people, { kudos, now: () => NOW });

  it('ranks exact skill above prefix above title above about, with ties by name then id', () => {
    expect(names(index, 'power bi')).to.deep.equal([
      'p1', // exact, expert, 12 endorsements, mentor + ask me
      'p6', // exact, practitioner, 3 endorsements, 1 recent kudos naming the skill
      'p5', // exact, same evidence as p7: "Daan de Vries" before "Zoë"… and p5 before p7 by id
      'p7',
      'p8', // prefix ("Power BI Embedded") despite 500 endorsements
      'p4', // title "Power BI lead"
      'p3', // about
    ]);
  });

  it('gives the documented scores', () => {
    const [first] = index.search({ text: 'power bi' }).items;
    const expected = TIER_POINTS['skill-exact'] + 20 + Math.min(40, 8 * Math.log2(13)) + 8 + 8;
    expect(first.score).to.be.closeTo(expected, 1e-9);
    expect(skillStrength(indexSkill(skill('X', 'learning', 0)), 0)).to.equal(0);
    // Diminishing returns, and a cap: 500 endorsements are worth no more than 31.
    expect(skillStrength(indexSkill(skill('X', 'learning', 500)), 0)).to.equal(
      skillStrength(indexSkill(skill('X', 'learning', 31)), 0),
    );
    // Every bonus together stays below the gap between two kinds of match.
    const strongest = skillStrength(
      indexSkill(skill('X', 'expert', 10_000, ['askMeAbout', 'ableToMentor'])),
      10_000,
    );
    expect(strongest).to.be.below(TIER_POINTS['skill-exact'] - TIER_POINTS['skill-prefix']);
  });

  it('is deterministic: the same query gives the same order every time', () => {
    const first = names(index, 'power');
    const reversed = new PeopleIndex([...people].reverse(), { kudos, now: () => NOW });
    expect(names(reversed, 'power')).to.deep.equal(first);
    expect(names(reversed, 'power bi')).to.deep.equal(names(index, 'power bi'));
  });

  it('explains every match with evidence', () => {
    const [anna] = index.search({ text: 'Power BI' }).items;
    expect(anna.evidence[0]).to.deep.equal({
      kind: 'skill-exact',
      value: 'Power BI',
      level: 'expert',
      endorsements: 12,
      tags: ['ableToMentor', 'askMeAbout'],
    });
    const zoe = index.search({ text: 'Power BI' }).items.find((match) => match.person.id === 'p6')!;
    expect(zoe.evidence[0].recentKudos).to.equal(1);
    const piet = index.search({ text: 'power bi' }).items.find((match) => match.person.id === 'p4')!;
    expect(piet.evidence[0]).to.deep.equal({ kind: 'title', value: 'Power BI lead' });
  });

  it('finds names and skills regardless of accents and case', () => {
    expect(names(index, 'Muller')).to.deep.equal(['p1']);
    expect(names(index, 'ozturk')).to.deep.equal(['p3']);
    expect(names(index, 'OZTÜRK')).to.deep.equal(['p3']);
    expect(names(index, 'Bjorn')).to.deep.equal(['p2']);
    expect(names(index, 'bjørn')).to.deep.equal(['p2']);
    expect(names(index, 'strasse')).to.deep.equal(['p9']);
    expect(names(index, 'dordevic')).to.deep.equal(['p9']);
    expect(names(index, 'ilkay')).to.deep.equal(['p10']);
    expect(names(index, 'lukasz')).to.deep.equal(['p8']);
  });

  it('matches skills with punctuation exactly and keeps C, C# and C++ apart', () => {
    const csharp = index.search({ text: 'C#' }).items;
    expect(csharp.map((m) => m.person.id)).to.deep.equal(['p2']);
    expect(csharp[0].evidence[0]).to.include({ kind: 'skill-exact', value: 'C#' });
    expect(index.search({ text: 'c++' }).items[0].evidence[0]).to.include({
      kind: 'skill-exact',
      value: 'C++',
    });
    expect(index.search({ text: 'node.js' }).items[0].evidence[0]).to.include({
      kind: 'skill-exact',
      value: 'Node.js',
    });
    expect(index.search({ text: 'nodejs' }).items[0].evidence[0]).to.include({
      kind: 'skill-exact',
      value: 'Node.js',
    });
    expect(index.search({ text: 'node' }).items[0].evidence[0]).to.include({
      kind: 'skill-prefix',
      value: 'Node.js',
    });
    expect(index.search({ text: 'UX/UI' }).items[0].evidence[0]).to.include({
      kind: 'skill-exact',
      value: 'UX/UI',
    });
    expect(index.search({ text: 'ux ui' }).items[0].evidence[0]).to.include({
      kind: 'skill-exact',
      value: 'UX/UI',
    });
    expect(index.search({ text: 'ui' }).items[0].evidence[0]).to.include({
      kind: 'skill-prefix',
      value: 'UX/UI',
    });
    expect(index.search({ text: '.NET' }).items[0].evidence[0]).to.include({
      kind: 'skill-exact',
      value: '.NET',
    });
  });

  it('requires every word of a multi-word query to match', () => {
    expect(names(index, 'power bi finance')).to.deep.equal(['p1', 'p4']);
    expect(names(index, 'anna excel')).to.deep.equal(['p1']);
    expect(names(index, 'anna kubernetes')).to.deep.equal([]);
    // A multi-word skill still matches while its last word is being typed (all skill prefixes now).
    expect(names(index, 'power b')).to.deep.equal(['p8', 'p1', 'p6', 'p5', 'p7', 'p4', 'p3']);
  });

  it('filters by skill, department and membership', () => {
    expect(names(index, '', { skill: 'power bi' })).to.deep.equal(['p1', 'p6', 'p5', 'p7']);
    expect(names(index, 'power', { department: 'finance' })).to.deep.equal(['p1', 'p4']);
    expect(names(index, '', { department: 'Sales' })).to.deep.equal(['p8', 'p10']);
    expect(names(index, 'power', { membersOnly: true })).to.deep.equal([]);
  });

  it('returns facets: departments and related skills with counts', () => {
    const { facets } = index.search({ text: 'power bi' });
    expect(facets!.departments).to.deep.equal([
      { value: 'Finance', count: 2 },
      { value: 'HR', count: 2 },
      { value: 'IT', count: 1 },
      { value: 'Marketing', count: 1 },
      { value: 'Sales', count: 1 },
    ]);
    expect(facets!.relatedSkills).to.deep.equal([
      { value: 'Excel', count: 1 },
      { value: 'Power Automate', count: 1 },
      { value: 'UX/UI', count: 1 },
    ]);
  });

  it('suggests nearby skills when nothing matches', () => {
    const result = index.search({ text: 'kubernets' });
    expect(result.items).to.deep.equal([]);
    expect(result.total).to.equal(0);
    expect(result.facets!.relatedSkills.map((facet) => facet.value)).to.deep.equal(['Kubernetes']);
    expect(index.suggestSkills('pow')).to.deep.equal(['Power BI', 'Power Automate', 'Power BI Embedded']);
  });

  it('pages with a cursor', () => {
    const first = index.search({ text: 'power bi', limit: 3 });
    expect(first.total).to.equal(7);
    expect(first.next).to.equal('3');
    const second = index.search({ text: 'power bi', limit: 3, cursor: first.next });
    expect(second.items.map((m) => m.person.id)).to.deep.equal(['p7', 'p8', 'p4']);
  });

  it('updates in place: endorsements, new people, removals, kudos', () => {
    const local = new PeopleIndex(people, { now: () => NOW });
    expect(names(local, 'power bi').slice(1, 4)).to.deep.equal(['p5', 'p7', 'p6']);
    const p7 = people.find((p) => p.id === 'p7')!;
    local.upsert({ ...p7, skills: [skill('Power BI', 'practitioner', 4)] });
    expect(names(local, 'power bi').slice(1, 4)).to.deep.equal(['p7', 'p5', 'p6']);
    const extra: Kudos = { ...kudos[0], id: 'k3', to: ['p6'] };
    local.addKudos(extra);
    expect(names(local, 'power bi').slice(1, 2)).to.deep.equal(['p6']);
    local.upsert(person('p11', 'Aad Kwast', { skills: [skill('Rust')] }));
    expect(names(local, 'rust')).to.deep.equal(['p11']);
    local.upsert(person('p11', 'Aad Kwast', { skills: [skill('Go')] }));
    expect(names(local, 'rust')).to.deep.equal([]);
    expect(local.hasSkill('rust')).to.equal(false);
    local.remove('p1');
    expect(names(local, 'muller')).to.deep.equal([]);
    expect(local.size).to.equal(people.length);
  });

  it('lists everyone by name for an empty query', () => {
    const all = index.search({ text: '   ', limit: 3 });
    expect(all.total).to.equal(people.length);
    expect(all.items.map((match) => match.person.name)).to.deep.equal([
      'Anna Müller',
      'Ayşe Öztürk',
      'Bjørn Olsen',
    ]);
  });

  it('answers a query in milliseconds at 20,000 people', () => {
    const big: Person[] = [];
    const pool = [
      'Power BI',
      'Excel',
      'C#',
      'Node.js',
      'UX/UI',
      'Kubernetes',
      'Python',
      'SQL',
      'Scrum',
      'SAP',
    ];
    const departments = ['Finance', 'IT', 'HR', 'Sales', 'Marketing', 'Legal'];
    for (let i = 0; i < 20_000; i++) {
      big.push(
        person(`b${i}`, `Person ${i} Müller${i % 97}`, {
          title: i % 3 ? 'Analyst' : 'Engineer',
          department: departments[i % departments.length],
          about: 'Works on reports, dashboards and ' + pool[(i * 7) % pool.length],
          skills: [0, 1, 2].map((k) => skill(pool[(i + k * 3) % pool.length], 'practitioner', (i * k) % 40)),
        }),
      );
    }
    const started = performance.now();
    const bigIndex = new PeopleIndex(big);
    const buildMs = performance.now() - started;
    const timings: number[] = [];
    const queries = ['power bi', 'p', 'node', 'muller4', 'c#', 'analyst sql', 'ux', 'nothing here'];
    for (const text of queries) bigIndex.search({ text }); // warm-up
    for (const text of queries) {
      const t0 = performance.now();
      bigIndex.search({ text });
      timings.push(performance.now() - t0);
    }
    timings.sort((a, b) => a - b);
    // Generous bounds for a shared, busy 2-core test machine (a per-person string scan is ~10x
    // slower); the bench reports the real figures.
    expect(buildMs, `build ${buildMs} ms`).to.be.below(10_000);
    const median = timings[timings.length >> 1];
    expect(median, `median query ${median} ms`).to.be.below(250);
  });
});

describe('people search: how people ask (Dutch endings, umlaut spellings, questions)', () => {
  const index = new PeopleIndex(
    [
      ...people,
      person('b1', 'Kees Bakker', {
        title: 'Controller',
        department: 'Financiën',
        skills: [skill('Boekhouden', 'expert', 2)],
      }),
    ],
    { now: () => NOW },
  );
  const ids = (text: string) => index.search({ text }).items.map((match) => match.person.id);

  it('stems Dutch: "boekhouding" finds the skill "Boekhouden"', () => {
    expect(ids('boekhouding')).to.deep.equal(['b1']);
    expect(index.search({ text: 'boekhouding' }).items[0].evidence[0]).to.include({
      kind: 'skill-prefix',
      value: 'Boekhouden',
    });
  });

  it('reads umlaut spellings: "Mueller" finds "Müller"', () => {
    expect(ids('Mueller')).to.deep.equal(['p1']);
    expect(ids('anna mueller')).to.deep.equal(['p1']);
  });

  it('finds the subject of a question: "wie kan mij helpen met excel", "who can help me with Power BI"', () => {
    expect(ids('wie kan mij helpen met excel')).to.deep.equal(ids('excel'));
    expect(ids('wie kan mij helpen met excel')).to.include('p1');
    expect(ids('who can help me with Power BI')).to.deep.equal(ids('power bi'));
  });

  it('keeps words as typed when they match: no stemming of a name that is found', () => {
    expect(ids('Olsen')).to.deep.equal(['p2']);
    expect(ids('de')).to.deep.equal(index.search({ text: 'de' }).items.map((match) => match.person.id));
  });
});
