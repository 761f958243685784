-- Figures read from many tables at once (the ranking, the lights, the big screen, the home
-- tiles) are cached per instance by a counter that every audited change moves: it is bumped as
-- the last statement of each transaction that wrote an audit row, so a reader that sees the
-- change sees the new counter (issue 18). Its own row, locked only between that last statement
-- and the commit, so no transaction waits on it while holding anything else.

CREATE TABLE data_state (
    id INTEGER PRIMARY KEY,
    generation BIGINT NOT NULL DEFAULT 0
);

INSERT INTO data_state (id, generation) VALUES (1, 0);
