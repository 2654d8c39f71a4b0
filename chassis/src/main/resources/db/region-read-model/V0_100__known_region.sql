-- The regions the registry created after its seed, as its events on registry.region.v1 say (chassis
-- RegionReadModel; the seeded ones come from db/region-seed, which has no events). Only the services that
-- set innoreg.regions.read-model=true have this location; V0_100 stays clear of the chassis's V0_x.
CREATE TABLE known_region (
    code        varchar(6)  PRIMARY KEY,
    parent_code varchar(6),
    event_id    text        NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now()
);
