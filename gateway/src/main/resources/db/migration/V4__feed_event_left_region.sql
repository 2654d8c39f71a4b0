-- A record moved to another region leaves the first one: the event of the move is about both regions, so that a
-- partner following only the region it left sees it go (and does not keep it forever). left_region_code is the
-- region of the subject's previous event in the feed, where the new event's differs.
ALTER TABLE feed_event ADD COLUMN left_region_code varchar(6);
CREATE INDEX feed_event_left_region ON feed_event (left_region_code text_pattern_ops, position)
    WHERE left_region_code IS NOT NULL;
