import { expect } from '@open-wc/testing';
import { computeMetrics, computePioneers, type MetricsInput } from '../src/metrics/index.js';
import { crossesDepartments } from '../src/metrics/kudos.js';
import { PeopleIndex } from '../src/metrics/people-index.js';
import type { ActivityEvent, ActivityType, Invite, Kudos, Person } from '../src/model.js';

function person(id: string, extra: Partial<Person> = {}): Person {
  return { id, name: id, skills: [], isManagement: false, links: [], ...extra };
}
function event(actorId: string, type: ActivityType, at: string, subject?: string): ActivityEvent {
  return { actorId, type, at, subject };
}
let kudosNumber = 0;
function kudos(from: string, to: string[], createdAt: string, value?: string): Kudos {
  return { id: `k${++kudosNumber}`, from, to, createdAt, value, message: 'thanks', reactions: [] };
}
function invite(id: string, extra: Partial<Invite>): Invite {
  return {
    id,
    inviterId: 'inviter',
    email: `${id}@example.org`,
    status: 'pending',
    createdAt: '2026-10-02T09:00:00.000Z',
    expiresAt: '2026-11-02T09:00:00.000Z',
    ...extra,
  };
}
const input = (parts: Partial<MetricsInput>): MetricsInput => ({
  people: [],
  events: [],
  kudos: [],
  invites: [],
  ...parts,
});
const ids = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`);

describe('metrics: participation, stickiness, management', () => {
  // October 2026: readers r1..r6 (seen only), contributors c1..c5 (reacted), creators k1..k5 (gave kudos).
  // r1..r5 are the management team with x1, who is not active in October.
  const readers = ids('r', 6);
  const contributors = ids('c', 5);
  const creators = ids('k', 5);
  const people = [
    ...readers.map((id, i) => person(id, { isManagement: i < 5 })),
    ...contributors.map((id) => person(id)),
    ...creators.map((id) => person(id)),
    person('x1', { isManagement: true }),
  ];
  const day1 = '2026-10-01T10:00:00.000Z';
  const events: ActivityEvent[] = [
    ...readers.map((id) => event(id, 'element-seen', day1)),
    ...contributors.map((id) => event(id, 'reaction', day1)),
    event('c1', 'element-seen', day1),
    ...creators.map((id) => event(id, 'kudos-given', day1)),
    event('k1', 'reaction', day1),
    // r1 comes back on two more days.
    event('r1', 'profile-opened', '2026-10-02T08:00:00.000Z'),
    event('r1', 'element-seen', '2026-10-31T23:59:59.000Z'),
    // September: r1..r5 on the 10th; r6 at 01:00 on 1 October in UTC+2, which is 30 September in UTC.
    ...readers.slice(0, 5).map((id) => event(id, 'element-seen', '2026-09-10T12:00:00.000Z')),
    event('r6', 'element-seen', '2026-10-01T01:00:00+02:00'),
    // November does not count.
    event('x1', 'kudos-given', '2026-11-01T00:00:00.000Z'),
  ];
  const metrics = computeMetrics(input({ people, events }), '2026-10');

  it('splits visitors into readers, contributors and creators by their highest act', () => {
    // 6 readers + 5 contributors + 5 creators; September had 6 readers only.
    expect(metrics.visitors).to.deep.equal({ value: 16, previous: 6, change: (16 - 6) / 6 });
    expect(metrics.readers).to.deep.equal({ value: 6, previous: 6, change: 0 });
    expect(metrics.contributors).to.deep.equal({ value: 5, previous: 0, change: null });
    expect(metrics.creators).to.deep.equal({ value: 5, previous: 0, change: null });
  });

  it('computes stickiness as average daily actives over monthly actives', () => {
    // October: 16 active on the 1st, r1 on the 2nd and 31st → 18 person-days / 31 days / 16 people.
    const october = 18 / 31 / 16;
    // September: 5 on the 10th, r6 on the 30th → 6 person-days / 30 days / 6 people.
    const september = 6 / 30 / 6;
    expect(metrics.stickiness.value).to.be.closeTo(october, 1e-12);
    expect(metrics.stickiness.previous).to.be.closeTo(september, 1e-12);
    expect(metrics.stickiness.change).to.be.closeTo((october - september) / september, 1e-12);
  });

  it('measures management participation as the active share of the management team', () => {
    // Team r1..r5 + x1 = 6; active in October r1..r5; in September r1..r5 too (x1 only in November).
    expect(metrics.managementParticipation).to.deep.equal({ value: 5 / 6, previous: 5 / 6, change: 0 });
  });
});

describe('metrics: suppression below 5 distinct people', () => {
  it('withholds figures that rest on 1–4 people and says so', () => {
    const people = [
      ...ids('a', 3).map((id) => person(id, { isManagement: true })),
      ...ids('b', 5).map((id) => person(id)),
    ];
    const events = [
      ...ids('a', 3).map((id) => event(id, 'kudos-given', '2026-10-03T10:00:00.000Z')),
      ...ids('b', 5).map((id) => event(id, 'element-seen', '2026-10-03T10:00:00.000Z')),
    ];
    const metrics = computeMetrics(input({ people, events }), '2026-10');
    // Three creators: too few.
    expect(metrics.creators).to.deep.equal({ value: null, previous: 0, change: null, suppressed: true });
    // A management team of three: too few, even though the share could be computed.
    expect(metrics.managementParticipation.suppressed).to.equal(true);
    expect(metrics.managementParticipation.value).to.equal(null);
    // Eight visitors are enough. Five readers would be too, but 8 − 5 − 0 would give the three creators
    // back: the readers are withheld as well, and marked as withheld for that reason.
    expect(metrics.visitors.value).to.equal(8);
    expect(metrics.contributors.value).to.equal(0);
    expect(metrics.readers).to.deep.equal({
      value: null,
      previous: 0,
      change: null,
      suppressed: true,
      complementary: true,
    });
  });

  it('drops search terms and kudos values used by fewer than 5 people', () => {
    const searchers = ids('s', 5);
    const people = [...searchers.map((id) => person(id)), person('e1'), person('e2')];
    const events = [
      ...searchers.map((id) => event(id, 'search', '2026-10-05T10:00:00.000Z', 'TypeScript')),
      event('s1', 'search', '2026-10-06T10:00:00.000Z', ' typescript '),
      event('e1', 'search', '2026-10-06T10:00:00.000Z', 'excel'),
      event('e2', 'search', '2026-10-06T10:00:00.000Z', 'excel'),
    ];
    const metrics = computeMetrics(input({ people, events }), '2026-10');
    // "typescript": 6 searches by 5 people; "excel": 2 people, withheld.
    expect(metrics.topSkills).to.deep.equal([{ value: 'typescript', count: 6 }]);
  });

  it('shows searched skills by the name profiles give them, not the lowercase search term', () => {
    const searchers = ids('s', 5);
    const skill = (name: string) => ({
      name,
      level: 'practitioner' as const,
      tags: [],
      endorsements: 0,
      endorsedByMe: false,
    });
    const people = [
      ...searchers.map((id) => person(id)),
      person('p1', { skills: [skill('Power BI'), skill('UX/UI'), skill('Node.js')] }),
      person('p2', { skills: [skill('Power BI')] }),
      person('p3', { skills: [skill('power bi')] }),
    ];
    const events = searchers.flatMap((id) => [
      event(id, 'search', '2026-10-05T10:00:00.000Z', 'power bi'),
      event(id, 'search', '2026-10-06T10:00:00.000Z', 'ux/ui'),
      // Written without the punctuation: the finder's skill dictionary still knows it is "Node.js".
      event(id, 'search', '2026-10-07T10:00:00.000Z', 'nodejs'),
    ]);
    const metrics = computeMetrics(input({ people, events }), '2026-10');
    expect(metrics.topSkills).to.deep.equal([
      { value: 'Node.js', count: 5 },
      { value: 'Power BI', count: 5 },
      { value: 'UX/UI', count: 5 },
    ]);
  });
});

describe('metrics: growth', () => {
  // 4 early members, 2 joined in September (1 invited), 3 in October (2 invited), 1 in November.
  const people = [
    ...ids('old', 4).map((id) => person(id, { isMember: true, joinedAt: '2024-03-01T00:00:00.000Z' })),
    person('sep1', { isMember: true, joinedAt: '2026-09-04T00:00:00.000Z', invitedBy: 'old1' }),
    person('sep2', { isMember: true, joinedAt: '2026-09-20T00:00:00.000Z' }),
    person('oct1', { isMember: true, joinedAt: '2026-10-01T09:00:00.000Z', invitedBy: 'old1' }), // Thursday
    person('oct2', { isMember: true, joinedAt: '2026-10-05T09:00:00.000Z', invitedBy: 'sep1' }), // Monday
    person('oct3', { isMember: true, joinedAt: '2026-10-31T22:00:00.000Z' }), // Saturday
    person('nov1', { isMember: true, joinedAt: '2026-11-02T09:00:00.000Z', invitedBy: 'old2' }),
    person('dir1'),
    person('dir2', { isMember: false }),
  ];
  const metrics = computeMetrics(input({ people }), '2026-10');

  it('counts members at the end of the month and the invited share', () => {
    expect(metrics.members).to.deep.equal({ value: 9, previous: 6, change: 0.5 });
    expect(metrics.invitedShare.value).to.equal(3 / 9);
    expect(metrics.invitedShare.previous).to.equal(1 / 6);
  });

  it('counts new members per week (weeks start on Monday), withholding weeks of 1–4', () => {
    // Thursday 1 Oct falls in the week of Monday 28 Sep; one invited joiner each in the first two weeks,
    // one not invited in the last. Each rests on one person, so each is withheld; the last week's 0 invited
    // stays, since its count is withheld too.
    expect(metrics.newMembersPerWeek).to.deep.equal([
      { weekStart: '2026-09-28', count: null, invited: null },
      { weekStart: '2026-10-05', count: null, invited: null },
      { weekStart: '2026-10-12', count: 0, invited: 0 },
      { weekStart: '2026-10-19', count: 0, invited: 0 },
      { weekStart: '2026-10-26', count: null, invited: 0 },
    ]);
  });

  it('counts each joiner in the week of their join date', () => {
    const joiners = (prefix: string, count: number, joinedAt: string, invited: number) =>
      ids(prefix, count).map((id, n) =>
        person(id, { isMember: true, joinedAt, invitedBy: n < invited ? 'old1' : undefined }),
      );
    const weekly = computeMetrics(
      input({
        people: [
          ...joiners('thu', 6, '2026-10-01T09:00:00.000Z', 6), // Thursday: week of Monday 28 Sep
          ...joiners('mon', 5, '2026-10-05T00:00:00.000Z', 0), // Monday 00:00 starts a week
          ...joiners('sun', 7, '2026-10-11T23:59:59.000Z', 0), // Sunday: still that week
          ...joiners('sat', 5, '2026-10-31T22:00:00.000Z', 5),
        ],
      }),
      '2026-10',
    ).newMembersPerWeek;
    expect(weekly).to.deep.equal([
      { weekStart: '2026-09-28', count: 6, invited: 6 },
      { weekStart: '2026-10-05', count: 12, invited: 0 },
      { weekStart: '2026-10-12', count: 0, invited: 0 },
      { weekStart: '2026-10-19', count: 0, invited: 0 },
      { weekStart: '2026-10-26', count: 5, invited: 5 },
    ]);
  });

  it('keeps twelve months of member history', () => {
    const history = metrics.memberHistory!;
    expect(history).to.have.length(12);
    expect(history[0]).to.deep.equal({ month: '2025-11', members: 4, invited: 0 });
    expect(history[10]).to.deep.equal({ month: '2026-09', members: 6, invited: 1 });
    expect(history[11]).to.deep.equal({ month: '2026-10', members: 9, invited: 3 });
  });
});

describe('metrics: invite funnel', () => {
  it('follows invitations sent in the month to accepted and active within 30 days', () => {
    const people = [person('n1'), person('n2', { email: 'N2@example.org' }), person('n3')];
    const invites = [
      invite('i1', { inviteeId: 'n1', status: 'accepted', respondedAt: '2026-10-03T10:00:00.000Z' }),
      // Found by e-mail; active on 5 November, 26 days after accepting.
      invite('i2', { email: 'n2@example.org', status: 'accepted', respondedAt: '2026-10-10T10:00:00.000Z' }),
      // Only accepted, then came back 42 days later: not active within 30 days.
      invite('i3', { inviteeId: 'n3', status: 'accepted', respondedAt: '2026-10-20T10:00:00.000Z' }),
      invite('i4', { status: 'pending' }),
      invite('i5', { status: 'declined' }),
      // Sent in September: another month's funnel.
      invite('i6', { inviteeId: 'n1', status: 'accepted', createdAt: '2026-09-20T10:00:00.000Z' }),
    ];
    const events = [
      event('n1', 'reaction', '2026-10-20T10:00:00.000Z'),
      event('n2', 'element-seen', '2026-11-05T10:00:00.000Z'),
      event('n3', 'invite-accepted', '2026-10-20T10:00:00.000Z'),
      event('n3', 'element-seen', '2026-12-01T10:00:00.000Z'),
    ];
    const metrics = computeMetrics(input({ people, invites, events }), '2026-10');
    // One inviter, three accepted, two active: every step rests on fewer than 5 people.
    expect(metrics.inviteFunnel).to.deep.equal({ sent: null, accepted: null, activeWithin30Days: null });
    // The same story told by five inviters: 25 sent, 15 accepted, 10 active; 10 not accepted, 5 not active.
    const copies = [1, 2, 3, 4, 5];
    const many = computeMetrics(
      input({
        people: copies.flatMap((copy) =>
          people.map((one) => ({
            ...one,
            id: `${one.id}-${copy}`,
            email: one.email && `${copy}.${one.email}`,
          })),
        ),
        invites: copies.flatMap((copy) =>
          invites.map((one) => ({
            ...one,
            id: `${one.id}-${copy}`,
            inviterId: `inviter-${copy}`,
            inviteeId: one.inviteeId && `${one.inviteeId}-${copy}`,
            email: `${copy}.${one.email}`,
          })),
        ),
        events: copies.flatMap((copy) =>
          events.map((one) => ({ ...one, actorId: `${one.actorId}-${copy}` })),
        ),
      }),
      '2026-10',
    );
    expect(many.inviteFunnel).to.deep.equal({ sent: 25, accepted: 15, activeWithin30Days: 10 });
  });
});

describe('metrics: kudos', () => {
  const sales = ids('s', 6);
  const it_ = ids('t', 6);
  const people = [
    ...sales.map((id) => person(id, { department: 'Sales' })),
    ...it_.map((id) => person(id, { department: 'IT' })),
  ];
  const oct = '2026-10-12T10:00:00.000Z';
  const kudosList = [
    // Five Sales givers thank five IT colleagues.
    ...[1, 2, 3, 4, 5].map((n) => kudos(`s${n}`, [`t${n}`], oct, 'Samen sterk')),
    kudos('t1', ['s1'], oct, 'Klantgericht'), // returns s1's kudos; crosses departments
    kudos('t2', ['s2', 't3'], oct), // returns s2's; t3 is in the giver's department, so not cross-department
    kudos('s6', ['s1'], oct, 'Samen sterk'), // within Sales
    // September: five kudos.
    ...[1, 2, 3, 4, 5].map((n) => kudos(`s${n}`, [`t6`], '2026-09-12T10:00:00.000Z')),
  ];
  const metrics = computeMetrics(input({ people, kudos: kudosList }), '2026-10');

  it('counts kudos, givers and receivers with the change against last month', () => {
    expect(metrics.kudosGiven).to.deep.equal({ value: 8, previous: 5, change: 0.6 });
    // Givers s1..s6, t1, t2; receivers t1..t5, s1, s2 (t3 twice, s1 twice).
    expect(metrics.kudosGivers.value).to.equal(8);
    expect(metrics.kudosReceivers.value).to.equal(7);
  });

  it('counts a kudos as cross-department only when every receiver sits elsewhere', () => {
    // 5 Sales→IT + t1→s1 = 6 of 8 …
    const index = new PeopleIndex(people);
    const october = kudosList.filter((one) => one.createdAt === oct);
    expect(october.filter((one) => crossesDepartments(one, index))).to.have.length(6);
    expect(crossesDepartments(october.find((one) => one.from === 't2')!, index)).to.equal(false);
    // … but with two departments the share would tell the kudos within and across departments, and with the
    // total that solves the withheld matrix: so October's share is withheld, as complementary.
    expect(metrics.crossDepartmentShare).to.include({ value: null, suppressed: true, complementary: true });
    // September: all five Sales→IT.
    expect(metrics.crossDepartmentShare.previous).to.equal(1);
  });

  it('measures reciprocity over distinct giver→receiver pairs', () => {
    // 9 pairs: s1→t1…s5→t5, t1→s1, t2→s2, t2→t3, s6→s1; returned: s1↔t1 and s2↔t2 = 4 pairs.
    expect(metrics.reciprocity.value).to.equal(4 / 9);
  });

  it('fills the department matrix and withholds cells with fewer than 5 givers', () => {
    expect(metrics.departmentMatrix.departments).to.deep.equal(['IT', 'Sales']);
    // IT→IT: t2 alone; IT→Sales: t1, t2; Sales→Sales: s6 alone. Sales→IT has five givers, but with the
    // kudos given (8) and the other cells it would give them away, so it is withheld too.
    expect(metrics.departmentMatrix.counts).to.deep.equal([
      [null, null],
      [null, null],
    ]);
  });

  it('lists kudos values given by at least 5 people', () => {
    // "Samen sterk": s1..s5 and s6 → 6 kudos by 6 givers; "Klantgericht" only by t1.
    expect(metrics.topValues).to.deep.equal([{ value: 'Samen sterk', count: 6 }]);
  });
});

describe('pioneers', () => {
  const people = [
    person('p1', { department: 'Sales' }),
    person('p2', { department: 'Sales' }),
    person('p3', { department: 'Sales' }),
    person('t1', { department: 'IT' }),
    person('t2', { department: 'IT' }),
    person('t3', { department: 'IT' }),
    person('h1', { department: 'HR' }),
    person('h2', { department: 'HR' }),
    person('f1', { department: 'Finance' }),
  ];
  const now = Date.parse('2026-11-01T00:00:00.000Z');
  const recent = '2026-10-15T10:00:00.000Z';
  const result = computePioneers(
    {
      people,
      kudos: [
        kudos('p1', ['t1', 'h1'], recent),
        kudos('p2', ['t1', 't2', 't3'], recent),
        kudos('p2', ['h1'], '2025-01-01T00:00:00.000Z'),
      ],
      endorsements: [{ from: 'p1', to: 'f1', at: recent }],
      invites: [invite('j1', { inviterId: 'p3', inviteeId: 'h2', status: 'accepted', respondedAt: recent })],
      // Views across departments never count.
      events: ['t1', 't2', 'h1', 'h2', 'f1'].map(() => event('p3', 'profile-opened', recent)),
    },
    { now, limit: 3 },
  );

  it('ranks by departments reached through public acts, then by cross-department acts', () => {
    // p1: IT, HR, Finance via 3 acts → 3 + 3/4; p2: IT via 3 receivers → 1 + 3/4 (the 2025 kudos is too old);
    // t1: Sales via p1 and p2 → 1 + 2/3.
    expect(result.map((rank) => rank.personId)).to.deep.equal(['p1', 'p2', 't1']);
    expect(result[0].score).to.equal(3.75);
    expect(result[0].departmentsReached).to.equal(3);
    expect(result[0].reasons).to.deep.equal([
      { kind: 'kudos', departments: 2, count: 2 },
      { kind: 'endorsements', departments: 1, count: 1 },
    ]);
  });

  it('credits accepted invitations and ignores views', () => {
    const all = computePioneers(
      {
        people,
        kudos: [],
        invites: [
          invite('j1', { inviterId: 'p3', inviteeId: 'h2', status: 'accepted', respondedAt: recent }),
        ],
        events: [],
      },
      { now },
    );
    expect(all.find((rank) => rank.personId === 'p3')?.reasons).to.deep.equal([
      { kind: 'invites', departments: 1, count: 1 },
    ]);
  });
});

describe('metrics: edges', () => {
  it('compares January with December of the year before', () => {
    const people = ids('p', 6).map((id) => person(id));
    const events = [
      ...ids('p', 6).map((id) => event(id, 'post', '2027-01-15T10:00:00.000Z')),
      ...ids('p', 5).map((id) => event(id, 'post', '2026-12-31T23:59:59.999Z')),
    ];
    const metrics = computeMetrics(input({ people, events }), '2027-01');
    // A post makes a creator; 6 in January against 5 in December.
    expect(metrics.creators).to.deep.equal({ value: 6, previous: 5, change: 0.2 });
  });

  it('counts actors missing from the directory, and skips unreadable times', () => {
    const events = [
      ...ids('ghost', 5).map((id) => event(id, 'element-seen', '2026-10-10T10:00:00.000Z')),
      event('ghost1', 'element-seen', 'not a time'),
      event('ghost6', 'element-seen', ''),
    ];
    const metrics = computeMetrics(input({ events }), '2026-10');
    expect(metrics.visitors.value).to.equal(5);
    expect(metrics.departmentMatrix).to.deep.equal({ departments: [], counts: [] });
  });

  it('rejects a month that is not YYYY-MM', () => {
    expect(() => computeMetrics(input({}), '2026-13')).to.throw(RangeError);
    expect(() => computeMetrics(input({}), 'October')).to.throw(RangeError);
  });

  it('counts a day-31 visit in stickiness (31-day months use every bit)', () => {
    const people = ids('p', 5).map((id) => person(id));
    const events = ids('p', 5).flatMap((id) => [
      event(id, 'element-seen', '2026-10-30T10:00:00.000Z'),
      event(id, 'element-seen', '2026-10-31T10:00:00.000Z'),
    ]);
    const metrics = computeMetrics(input({ people, events }), '2026-10');
    // Everyone on two of 31 days: (10 person-days / 31) / 5 people.
    expect(metrics.stickiness.value).to.be.closeTo(10 / 31 / 5, 1e-12);
  });
});
