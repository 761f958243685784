-- Import history is shown by unit (issue 12): each import remembers the importer's unit.
-- Imports recorded before this have no unit and are listed only to the centre, the
-- administrators and the importer themself.

ALTER TABLE imports ADD COLUMN actor_unit TEXT NOT NULL DEFAULT '';
CREATE INDEX imports_unit ON imports (actor_unit, id);
