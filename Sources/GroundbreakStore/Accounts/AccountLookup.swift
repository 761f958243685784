/// The statement a signed-in request starts with: the credential's row (a session or an API
/// token), its account with its roles, and the request's counters (`RequestCounters`), found by
/// the credential's hash — the statement's one parameter (`KeptStatementText`).
enum AccountLookup {
    /// `credential` is `alias.column AS name, …` of `table`'s row, `alias`; `live` narrows it further.
    static func text(_ engine: DatabaseEngine, credential: String, table: String, alias: String, live: String = "") -> String {
        """
        SELECT \(credential), \(UserRepository.accountColumns),
               (SELECT \(Dialect.joinedValues("r.role", engine: engine)) FROM user_roles r WHERE r.user_id = u.id) AS role_list,
               \(RequestCounters.columns)
        FROM \(table) \(alias) JOIN users u ON u.id = \(alias).user_id CROSS JOIN \(RequestCounters.tables)
        WHERE \(RequestCounters.condition) \(live) AND \(alias).token_hash = \u{20}
        """
    }
}

enum SessionLookup: KeptStatementText {
    static let name = "groundbreak_session_lookup"
    static let postgresSQL = text(.postgres) + "$1"

    static func text(_ engine: DatabaseEngine) -> String {
        AccountLookup.text(engine, credential: """
            s.token_hash AS s_token_hash, s.csrf_token AS s_csrf_token, s.created_at AS s_created_at,
            s.last_seen_at AS s_last_seen_at, s.expires_at AS s_expires_at
            """, table: "sessions", alias: "s")
    }
}

enum TokenLookup: KeptStatementText {
    static let name = "groundbreak_token_lookup"
    static let postgresSQL = text(.postgres) + "$1"

    static func text(_ engine: DatabaseEngine) -> String {
        AccountLookup.text(engine, credential: "t.id AS t_id, t.name AS t_name, t.created_at AS t_created_at, t.last_used_at AS t_last_used_at",
                           table: "api_tokens", alias: "t", live: "AND t.revoked_at IS NULL")
    }
}
