-- Issue 15: SCIM provisioning, deactivation, the audit log of manager actions.

-- A deactivated person (SCIM active=false, or erased) cannot sign in and is not found by search; their
-- kudos keep their name.
ALTER TABLE people ADD COLUMN deactivated_at timestamptz;
-- The identity provider's own id (SCIM externalId) and sign-in name (SCIM userName).
ALTER TABLE people ADD COLUMN external_id text;
ALTER TABLE people ADD COLUMN user_name text;
-- The person's language (SCIM preferredLanguage/locale), e.g. nl or en-GB: the invitation e-mail's language.
ALTER TABLE people ADD COLUMN locale text;
-- SCIM look-ups by filter (userName eq, externalId eq).
CREATE UNIQUE INDEX people_user_name ON people (lower(user_name));
CREATE INDEX people_external_id ON people (external_id);

CREATE TABLE scim_groups (
  id text PRIMARY KEY,
  display_name text NOT NULL,
  external_id text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX scim_groups_display_name ON scim_groups (lower(display_name));

CREATE TABLE scim_group_members (
  group_id text NOT NULL REFERENCES scim_groups (id) ON DELETE CASCADE,
  person_id text NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  PRIMARY KEY (group_id, person_id)
);
CREATE INDEX scim_group_members_person ON scim_group_members (person_id);

-- Who did what: badge awards and revokes, imports, SCIM changes, exports and erasures.
CREATE TABLE audit_log (
  seq bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor text NOT NULL,
  action text NOT NULL,
  subject text,
  details jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_at ON audit_log (at);

-- SCIM name parts, so a change of one part keeps the other (people.name is what Kring shows).
ALTER TABLE people ADD COLUMN given_name text;
ALTER TABLE people ADD COLUMN family_name text;
