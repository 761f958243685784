-- 红黄绿灯 rule sets edited by the centre (issue 16): each edit is a new version, valid from a
-- day, with its author and reason; the shipped warning_rules.json is version 1 until one is saved.

CREATE TABLE warning_rule_sets (
    version BIGINT PRIMARY KEY,
    valid_from TEXT NOT NULL,
    author TEXT NOT NULL,
    reason TEXT NOT NULL,
    curve TEXT NOT NULL,
    rules_json TEXT NOT NULL,
    created_at TEXT NOT NULL
);
