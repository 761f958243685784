-- A counter that every change to who may sign in, and as whom, moves (issue 18): each instance
-- keeps the accounts its sessions and API tokens belong to in memory and uses them only while
-- this counter is where it was when they were read (`CredentialCache`). Triggers move it, so
-- whatever changes a credential or an account (the app, the CLI, another instance, an operator's
-- SQL) moves it in the same transaction.
--
-- What does not move it, since the request checks it by time on every use or never reads it:
-- a new session or token (a credential not yet kept), `sessions.last_seen_at`,
-- `api_tokens.last_used_at` and `users.failed_attempts` (every sign-in attempt writes it).

CREATE TABLE accounts_state (
    id INTEGER PRIMARY KEY,
    generation BIGINT NOT NULL DEFAULT 0
);

INSERT INTO accounts_state (id, generation) VALUES (1, 0);

-- @dialect sqlite
CREATE TRIGGER users_changed AFTER UPDATE ON users
WHEN OLD.username IS NOT NEW.username OR OLD.display_name IS NOT NEW.display_name
  OR OLD.password_hash IS NOT NEW.password_hash OR OLD.is_admin IS NOT NEW.is_admin
  OR OLD.must_change_password IS NOT NEW.must_change_password OR OLD.disabled IS NOT NEW.disabled
  OR OLD.unit_kind IS NOT NEW.unit_kind OR OLD.unit_code IS NOT NEW.unit_code
  OR OLD.position_id IS NOT NEW.position_id OR OLD.locked_until IS NOT NEW.locked_until
  OR OLD.password_changed_at IS NOT NEW.password_changed_at OR OLD.id IS NOT NEW.id
BEGIN
    UPDATE accounts_state SET generation = generation + 1 WHERE id = 1;
END;

CREATE TRIGGER users_removed AFTER DELETE ON users
BEGIN
    UPDATE accounts_state SET generation = generation + 1 WHERE id = 1;
END;

CREATE TRIGGER user_roles_added AFTER INSERT ON user_roles
BEGIN
    UPDATE accounts_state SET generation = generation + 1 WHERE id = 1;
END;

CREATE TRIGGER user_roles_changed AFTER UPDATE ON user_roles
BEGIN
    UPDATE accounts_state SET generation = generation + 1 WHERE id = 1;
END;

CREATE TRIGGER user_roles_removed AFTER DELETE ON user_roles
BEGIN
    UPDATE accounts_state SET generation = generation + 1 WHERE id = 1;
END;

CREATE TRIGGER sessions_changed AFTER UPDATE ON sessions
WHEN OLD.token_hash IS NOT NEW.token_hash OR OLD.user_id IS NOT NEW.user_id
  OR OLD.csrf_token IS NOT NEW.csrf_token OR OLD.created_at IS NOT NEW.created_at
  OR OLD.expires_at IS NOT NEW.expires_at
BEGIN
    UPDATE accounts_state SET generation = generation + 1 WHERE id = 1;
END;

CREATE TRIGGER sessions_removed AFTER DELETE ON sessions
BEGIN
    UPDATE accounts_state SET generation = generation + 1 WHERE id = 1;
END;

CREATE TRIGGER api_tokens_changed AFTER UPDATE ON api_tokens
WHEN OLD.token_hash IS NOT NEW.token_hash OR OLD.user_id IS NOT NEW.user_id
  OR OLD.name IS NOT NEW.name OR OLD.created_at IS NOT NEW.created_at
  OR OLD.revoked_at IS NOT NEW.revoked_at OR OLD.id IS NOT NEW.id
BEGIN
    UPDATE accounts_state SET generation = generation + 1 WHERE id = 1;
END;

CREATE TRIGGER api_tokens_removed AFTER DELETE ON api_tokens
BEGIN
    UPDATE accounts_state SET generation = generation + 1 WHERE id = 1;
END;

-- @dialect postgres
-- Deferred to the commit, and once a transaction: the counter's row is then locked only from the
-- commit's start to its end, after every other row the transaction writes (the ledger's and the
-- figures' counters included), so writers never wait on each other in a cycle through it.
CREATE FUNCTION accounts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('groundbreak.accounts_moved', true) IS DISTINCT FROM 'yes' THEN
        PERFORM set_config('groundbreak.accounts_moved', 'yes', true);
        UPDATE accounts_state SET generation = generation + 1 WHERE id = 1;
    END IF;
    RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER users_changed AFTER UPDATE ON users DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN ((to_jsonb(OLD) - 'failed_attempts') IS DISTINCT FROM (to_jsonb(NEW) - 'failed_attempts'))
    EXECUTE FUNCTION accounts_changed();

CREATE CONSTRAINT TRIGGER users_removed AFTER DELETE ON users DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION accounts_changed();

CREATE CONSTRAINT TRIGGER user_roles_changed AFTER INSERT OR UPDATE OR DELETE ON user_roles DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION accounts_changed();

CREATE CONSTRAINT TRIGGER sessions_changed AFTER UPDATE ON sessions DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN ((to_jsonb(OLD) - 'last_seen_at') IS DISTINCT FROM (to_jsonb(NEW) - 'last_seen_at'))
    EXECUTE FUNCTION accounts_changed();

CREATE CONSTRAINT TRIGGER sessions_removed AFTER DELETE ON sessions DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION accounts_changed();

CREATE CONSTRAINT TRIGGER api_tokens_changed AFTER UPDATE ON api_tokens DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN ((to_jsonb(OLD) - 'last_used_at') IS DISTINCT FROM (to_jsonb(NEW) - 'last_used_at'))
    EXECUTE FUNCTION accounts_changed();

CREATE CONSTRAINT TRIGGER api_tokens_removed AFTER DELETE ON api_tokens DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION accounts_changed();
