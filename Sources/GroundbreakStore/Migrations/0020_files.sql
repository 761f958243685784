-- One file store (issue 13): site photos and problem evidence were two tables with two code paths.
-- Every stored file is now a row of `files`, with the kind of record that owns it:
--   sitePhoto        owner_id = the project, owner_key = the report month (YYYY-MM)
--   problemEvidence  owner_id = the problem, owner_key = ''
-- The bytes stay where they were (named by their SHA-256). Rows are copied photos first, then
-- evidence, each in id order; their ids are new, so links to /attachments/N and /problem-files/N
-- end (the one route is /files/N).

-- @dialect all
CREATE TABLE files (
    id {{ID}},
    owner_kind TEXT NOT NULL,
    owner_id BIGINT NOT NULL,
    owner_key TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    uploaded_by TEXT NOT NULL,
    uploaded_at TEXT NOT NULL
);
CREATE INDEX files_owner ON files (owner_kind, owner_id, id);
CREATE INDEX files_sha256 ON files (sha256);

INSERT INTO files (owner_kind, owner_id, owner_key, name, content_type, size, sha256, uploaded_by, uploaded_at)
SELECT 'sitePhoto', project_id, entity_key, name, content_type, size, sha256, uploaded_by, uploaded_at FROM attachments ORDER BY id;

INSERT INTO files (owner_kind, owner_id, owner_key, name, content_type, size, sha256, uploaded_by, uploaded_at)
SELECT 'problemEvidence', problem_id, '', name, content_type, size, sha256, uploaded_by, uploaded_at FROM problem_files ORDER BY id;

DROP TABLE attachments;
DROP TABLE problem_files;
