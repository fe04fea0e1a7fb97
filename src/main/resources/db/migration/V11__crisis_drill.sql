-- A drill (the demo, or a crisis started from simulated data) is marked so the record never
-- passes it off as a real crisis. Existing crises were real ones.
ALTER TABLE crisis ADD COLUMN drill BOOLEAN DEFAULT FALSE NOT NULL;
