-- A subscription records what went wrong with it itself (a digest that could not be closed), so one bad
-- subscription is visible to its hospital instead of stopping everyone's notifications.
ALTER TABLE subscription ADD COLUMN last_error VARCHAR(500);
ALTER TABLE subscription ADD COLUMN last_error_at TIMESTAMP WITH TIME ZONE;
