-- Kring Server schema. Runs unchanged on PGlite and PostgreSQL (see src/store/migrate.ts).
-- Times are timestamptz; ids are text (directory ids, e-mail addresses or generated ids).

CREATE TABLE people (
  id text PRIMARY KEY,
  email text,
  name text NOT NULL,
  title text,
  department text,
  location text,
  about text,
  photo_url text,
  manager_id text,
  is_management boolean NOT NULL DEFAULT false,
  is_community_manager boolean NOT NULL DEFAULT false,
  is_member boolean NOT NULL DEFAULT false,
  joined_at timestamptz,
  invited_by text,
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- /people/lookup by e-mail, invitations to a known address.
CREATE UNIQUE INDEX people_email ON people (lower(email));
-- invite tree: who joined through whom.
CREATE INDEX people_invited_by ON people (invited_by);

CREATE TABLE skills (
  person_id text NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  position integer NOT NULL,
  name text NOT NULL,
  level text NOT NULL,
  tags text[] NOT NULL DEFAULT '{}',
  PRIMARY KEY (person_id, position)
);
CREATE UNIQUE INDEX skills_person_name ON skills (person_id, lower(name));

CREATE TABLE endorsements (
  person_id text NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  skill text NOT NULL,
  endorser_id text NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  at timestamptz NOT NULL,
  PRIMARY KEY (person_id, skill, endorser_id)
);
-- ambassador criteria and pioneers: what a person endorsed.
CREATE INDEX endorsements_endorser ON endorsements (endorser_id);

CREATE TABLE kudos (
  seq bigserial PRIMARY KEY,
  id text NOT NULL UNIQUE,
  from_id text NOT NULL REFERENCES people (id),
  value text,
  message text NOT NULL,
  created_at timestamptz NOT NULL
);
-- the feed filtered by giver (and the daily limit: what the giver gave in the last 24 hours).
CREATE INDEX kudos_from ON kudos (from_id, seq DESC);
CREATE INDEX kudos_created ON kudos (created_at);

CREATE TABLE kudos_receivers (
  kudos_seq bigint NOT NULL REFERENCES kudos (seq) ON DELETE CASCADE,
  person_id text NOT NULL REFERENCES people (id),
  position integer NOT NULL,
  PRIMARY KEY (kudos_seq, person_id)
);
-- the feed filtered by receiver; kudos received counts.
CREATE INDEX kudos_receivers_person ON kudos_receivers (person_id, kudos_seq DESC);

CREATE TABLE reactions (
  kudos_seq bigint NOT NULL REFERENCES kudos (seq) ON DELETE CASCADE,
  person_id text NOT NULL REFERENCES people (id),
  type text NOT NULL,
  at timestamptz NOT NULL,
  PRIMARY KEY (kudos_seq, type, person_id)
);
CREATE INDEX reactions_person ON reactions (person_id);

CREATE TABLE invites (
  id text PRIMARY KEY,
  inviter_id text NOT NULL REFERENCES people (id),
  email text NOT NULL,
  invitee_id text,
  message text,
  status text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  responded_at timestamptz,
  token text NOT NULL UNIQUE,
  via_link boolean NOT NULL DEFAULT false
);
-- the inviter's list and monthly quota.
CREATE INDEX invites_inviter ON invites (inviter_id, created_at DESC);

CREATE TABLE invite_links (
  token text PRIMARY KEY,
  inviter_id text NOT NULL REFERENCES people (id),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);

CREATE TABLE ambassador_roles (
  person_id text PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
  roles text[] NOT NULL,
  chosen_at timestamptz NOT NULL
);

CREATE TABLE evidence (
  seq bigserial PRIMARY KEY,
  person_id text NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  role text NOT NULL,
  url text NOT NULL,
  description text,
  recorded_at timestamptz NOT NULL,
  recorded_by text NOT NULL
);
CREATE INDEX evidence_person ON evidence (person_id);

CREATE TABLE badges (
  id text PRIMARY KEY,
  person_id text NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  role text NOT NULL,
  level text NOT NULL,
  awarded_at timestamptz NOT NULL,
  awarded_by text NOT NULL,
  criteria_met jsonb NOT NULL DEFAULT '[]',
  evidence jsonb NOT NULL DEFAULT '[]',
  revoked_at timestamptz
);
CREATE INDEX badges_person ON badges (person_id);

CREATE TABLE activity (
  seq bigserial PRIMARY KEY,
  type text NOT NULL,
  actor_id text NOT NULL,
  at timestamptz NOT NULL,
  subject text
);
-- metrics read two months of events at a time.
CREATE INDEX activity_at ON activity (at);

-- Idempotency keys per user, kept 24 hours (src/idempotency.ts).
CREATE TABLE idempotency (
  user_id text NOT NULL,
  key text NOT NULL,
  request_hash text NOT NULL,
  status integer NOT NULL,
  body jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, key)
);
CREATE INDEX idempotency_created ON idempotency (created_at);
