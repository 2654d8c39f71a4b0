-- Steps of one day are ordered by when they were recorded, not by id: an import inserts history rows
-- with the column's default while Hibernate hands out ids in blocks of 50, so ids are not in time order.
DROP INDEX platform_history_asof;
CREATE INDEX platform_history_asof ON platform_history (platform_id, effective_on DESC, recorded_at DESC, id DESC);
