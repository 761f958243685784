-- Evidence attached to problems (photos, scanned documents, PDFs, Office files): the bytes live in
-- the attachment store by their SHA-256, like site photos; this table says whose they are.

CREATE TABLE problem_files (
    id {{ID}},
    problem_id BIGINT NOT NULL REFERENCES problems (id),
    name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    uploaded_by TEXT NOT NULL,
    uploaded_at TEXT NOT NULL
);
CREATE INDEX problem_files_problem ON problem_files (problem_id, id);
