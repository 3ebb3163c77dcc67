/** Shared by the pulse, report and tracking tests: a hand-made month of figures. */
import type { CommunityMetrics, MetricFigure } from '../../src/model.js';

const f = (value: number | null, previous: number | null, suppressed?: boolean): MetricFigure => ({
  value,
  previous,
  change: value !== null && previous ? (value - previous) / previous : null,
  ...(suppressed ? { suppressed } : {}),
});

/** October 2026: 128 kudos givers (+14% on 112 in September), 41% across departments. */
export function octoberMetrics(): CommunityMetrics {
  return {
    month: '2026-10',
    members: f(420, 400),
    visitors: f(300, 250),
    readers: f(240, 210),
    contributors: f(40, 30),
    creators: f(20, 10),
    stickiness: f(0.2, 0.25),
    invitedShare: f(0.35, 0.3),
    newMembersPerWeek: [
      { weekStart: '2026-09-28', count: 4, invited: 2 },
      { weekStart: '2026-10-05', count: 6, invited: 3 },
      { weekStart: '2026-10-12', count: 3, invited: 1 },
      { weekStart: '2026-10-19', count: 5, invited: 2 },
      { weekStart: '2026-10-26', count: 2, invited: 0 },
    ],
    inviteFunnel: { sent: 50, accepted: 30, activeWithin30Days: 15 },
    kudosGiven: f(210, 190),
    kudosGivers: f(128, 112),
    kudosReceivers: f(150, 140),
    crossDepartmentShare: f(0.41, 0.38),
    reciprocity: f(0.22, 0.2),
    managementParticipation: f(null, null, true),
    topSkills: [
      { value: 'typescript', count: 31 },
      { value: 'excel', count: 12 },
    ],
    topValues: [{ value: 'Samen sterk', count: 80 }],
    departmentMatrix: {
      departments: ['Finance', 'IT', 'Sales'],
      counts: [
        [12, 6, null],
        [7, 30, 5],
        [null, 9, 25],
      ],
    },
    memberHistory: Array.from({ length: 12 }, (_, i) => ({
      month: `${i < 2 ? 2025 : 2026}-${String(((i + 10) % 12) + 1).padStart(2, '0')}`,
      members: 200 + i * 20,
      invited: 50 + i * 10,
    })),
  };
}

/** A month where nothing happened. */
export function emptyMetrics(month = '2026-10'): CommunityMetrics {
  const zero = f(0, 0);
  return {
    ...octoberMetrics(),
    month,
    members: zero,
    visitors: zero,
    readers: zero,
    contributors: zero,
    creators: zero,
    kudosGiven: zero,
    inviteFunnel: { sent: 0, accepted: 0, activeWithin30Days: 0 },
  };
}

/** The demo organisation's departments, with its two long names (24 and 19 characters). */
export const DEMO_DEPARTMENTS: readonly string[] = [
  'Directie',
  'Financiën',
  'HR',
  'ICT',
  'Inkoop',
  'Juridische zaken',
  'Klantenservice',
  'Logistiek',
  'Marketing & Communicatie',
  'Productontwikkeling',
  'Sales',
];
