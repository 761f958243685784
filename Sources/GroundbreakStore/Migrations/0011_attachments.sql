-- Files attached to records (site photos of a monthly report). The bytes live in an attachment
-- store (local disk by default), named by their SHA-256; this table holds what they are.

CREATE TABLE attachments (
    id {{ID}},
    project_id BIGINT NOT NULL REFERENCES projects (id),
    entity TEXT NOT NULL,
    entity_key TEXT NOT NULL,
    name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    uploaded_by TEXT NOT NULL,
    uploaded_at TEXT NOT NULL
);
CREATE INDEX attachments_entity ON attachments (entity, entity_key);
CREATE INDEX attachments_project ON attachments (project_id);
