-- 包保专报 (issue 16): a bulletin may be one sponsoring leader's quarterly report; it names the
-- leader's seat. NULL for the other kinds and for the report on all leaders.

ALTER TABLE bulletins ADD COLUMN position_id BIGINT;
