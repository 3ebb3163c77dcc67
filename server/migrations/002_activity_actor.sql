-- /metrics: whether an invitee was active within 30 days of joining (one look-up per invitee).
CREATE INDEX activity_actor_at ON activity (actor_id, at);
