-- An urge's event text was "the office's words；新时限 YYYY-MM-DD" when it set a new deadline,
-- and the 督办函 cut the suffix back off. The row's deadline column already holds the new
-- deadline, so the text now keeps the office's words alone; this takes the suffix off the rows
-- written before.

-- @dialect all
UPDATE supervision_events SET text = substr(text, 1, length(text) - length('；新时限 ' || deadline))
    WHERE kind = 'urge' AND text LIKE ('%；新时限 ' || deadline);
UPDATE supervision_events SET text = '' WHERE kind = 'urge' AND text = ('新时限 ' || deadline);
