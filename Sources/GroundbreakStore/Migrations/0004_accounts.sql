-- Accounts, roles, scopes, API tokens, sign-in throttling; the audit trail records the actor's unit.

ALTER TABLE users ADD COLUMN unit_kind TEXT;
ALTER TABLE users ADD COLUMN unit_code TEXT;
ALTER TABLE users ADD COLUMN position_id BIGINT REFERENCES positions (id);
ALTER TABLE users ADD COLUMN failed_attempts BIGINT NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN locked_until TEXT;
ALTER TABLE users ADD COLUMN password_changed_at TEXT;

-- A user holds one or more roles; is_admin (0001) is kept only as history and replaced here.
CREATE TABLE user_roles (
    user_id BIGINT NOT NULL REFERENCES users (id),
    role TEXT NOT NULL,
    PRIMARY KEY (user_id, role)
);
INSERT INTO user_roles (user_id, role) SELECT id, 'admin' FROM users WHERE is_admin = 1;

-- The last hashes of each account, so a new password cannot repeat one of the last five.
CREATE TABLE password_history (
    id {{ID}},
    user_id BIGINT NOT NULL REFERENCES users (id),
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX password_history_user ON password_history (user_id, id);

-- Tokens for other systems. Only the SHA-256 of the token is kept.
CREATE TABLE api_tokens (
    id {{ID}},
    user_id BIGINT NOT NULL REFERENCES users (id),
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    created_by BIGINT,
    last_used_at TEXT,
    revoked_at TEXT
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

-- Every sign-in attempt, for throttling by account and by source address.
CREATE TABLE sign_in_attempts (
    id {{ID}},
    username TEXT NOT NULL,
    source_ip TEXT NOT NULL,
    at TEXT NOT NULL,
    succeeded INTEGER NOT NULL
);
CREATE INDEX sign_in_attempts_ip ON sign_in_attempts (source_ip, at);

ALTER TABLE audit_log ADD COLUMN actor_unit TEXT NOT NULL DEFAULT '';
CREATE INDEX audit_log_actor ON audit_log (actor_user_id, id);
CREATE INDEX audit_log_action ON audit_log (action, id);
