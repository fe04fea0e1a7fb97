-- Texts up to 4 KiB in CLOB columns (the timeline's before/after state, a few hundred bytes each) are
-- stored in the row itself instead of H2's separate LOB store. Every change appends a timeline event,
-- and writing each small state as a LOB cost about as much again as the rest of the insert: measured
-- here with H2 2.5.252, 500-character values in commits of 10 took 800-900 us a row as LOBs and
-- 250-420 us in the row. Reading them is unchanged; rows written before keep their LOBs. The setting
-- is kept in the database file. PostgreSQL stores TEXT in the row already and needs no counterpart.
SET MAX_LENGTH_INPLACE_LOB 4096;
