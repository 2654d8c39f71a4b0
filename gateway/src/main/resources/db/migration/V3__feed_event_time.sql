-- The feed's time filter (since=): events whose CloudEvents time is at or after an instant, in feed order.
CREATE INDEX feed_event_time ON feed_event (event_time, position);
