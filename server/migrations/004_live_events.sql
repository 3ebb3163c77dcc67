-- Live updates (GET /events): every change a stream may carry, in commit order (see src/live/events.ts).
-- `audience` NULL means every signed-in person; otherwise only the listed person ids. Kept for a day
-- (KRING_LIVE_RETENTION_HOURS), so a client that reconnects, on any instance, gets what it missed.
CREATE TABLE live_events (
  id bigserial PRIMARY KEY,
  topic text NOT NULL,
  audience text[],
  data jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX live_events_created_at ON live_events (created_at);
