-- The ledger sorted by name (issue 18). After a change the in-memory ledger index places each
-- changed project in every sort order by counting, in the database, the projects that sort
-- before it (so collation stays the database's); without an index on `name` that count read
-- every row of `projects` (95–143 ms at 100,000 projects, most of the placing). The index also
-- serves a name-sorted page when the list goes to SQL.

CREATE INDEX projects_name ON projects (name);
