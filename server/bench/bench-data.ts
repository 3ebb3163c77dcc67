/**
 * The bench's synthetic company, made by the database itself (generate_series), so seeding takes seconds,
 * not minutes: people with departments and skills, kudos one a minute, activity events over six months.
 */
import type { Db } from '../src/store/db.js';

export interface BenchSize {
  people: number;
  events: number;
  kudos: number;
  /** The seeded data ends here. */
  now: Date;
}

export async function seedBench(
  db: Db,
  { people: PEOPLE, events: EVENTS, kudos: KUDOS, now }: BenchSize,
): Promise<void> {
  await db.query(
    `INSERT INTO people (id, email, name, department, is_member, is_management, joined_at, manager_id)
     SELECT 'p' || n, 'p' || n || '@bench.example', 'Person ' || n, 'Dept ' || (n % 40), n % 3 <> 0, n % 50 = 0,
            $2::timestamptz - (n % 365) * interval '1 day', CASE WHEN n > 40 THEN 'p' || (n % 40 + 1) END
       FROM generate_series(1, $1::int) AS n`,
    [PEOPLE, now],
  );
  await db.query(
    `INSERT INTO skills (person_id, position, name, level, tags)
     SELECT 'p' || n, s, 'Skill ' || ((n * 7 + s * 13) % 400), (ARRAY['learning','practitioner','expert'])[1 + (n + s) % 3], '{}'
       FROM generate_series(1, $1::int) AS n, generate_series(0, 3) AS s ON CONFLICT DO NOTHING`,
    [PEOPLE],
  );
  await db.query(
    `INSERT INTO kudos (id, from_id, value, message, created_at)
     SELECT 'k' || n, 'p' || (1 + (n * 7919) % $1), NULL, 'Thanks for the help with Skill ' || (n % 400),
            $3::timestamptz - ($2 - n) * interval '1 minute'
       FROM generate_series(1, $2::int) AS n`,
    [PEOPLE, KUDOS, now],
  );
  await db.query(
    `INSERT INTO kudos_receivers (kudos_seq, person_id, position)
     SELECT seq, 'p' || (1 + (seq * 104729 + 17) % $1), 0 FROM kudos`,
    [PEOPLE],
  );
  await db.query(
    `INSERT INTO activity (type, actor_id, at, subject)
     SELECT (ARRAY['element-seen','profile-opened','search','kudos-given','reaction','post'])[1 + n % 6],
            'p' || (1 + (n * 31) % $1), $3::timestamptz - ((n::bigint * 183 * 86400) / $2) * interval '1 second',
            CASE WHEN n % 6 = 2 THEN 'skill ' || (n % 50) END
       FROM generate_series(1, $2::int) AS n`,
    [PEOPLE, EVENTS, now],
  );
}
