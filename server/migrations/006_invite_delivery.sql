-- Issue 15: invitation e-mail. What the mailer did with an invitation: queued, sending, sent or failed
-- (SMTP refused it: the reason in delivery_error). NULL: no e-mail is sent (no SMTP configured, personal link).
ALTER TABLE invites ADD COLUMN delivery_status text;
ALTER TABLE invites ADD COLUMN delivery_kind text;
ALTER TABLE invites ADD COLUMN delivery_error text;
ALTER TABLE invites ADD COLUMN delivered_at timestamptz;
ALTER TABLE invites ADD COLUMN reminded_at timestamptz;
-- The mailer's queue: the few invitations waiting to be sent.
CREATE INDEX invites_delivery_queue ON invites (created_at) WHERE delivery_status IN ('queued', 'sending');
