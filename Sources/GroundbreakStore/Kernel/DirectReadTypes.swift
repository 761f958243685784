/// The types both row readers (`StoredSQLiteRow`, `StoredPostgresRow`) read straight from the
/// driver's value, told apart by identifiers taken once: spelling `String?.self` in each comparison
/// looked up the optional's metadata every time, a third of a direct read's cost.
enum DirectReadTypes {
    static let string = ObjectIdentifier(String.self), optionalString = ObjectIdentifier(String?.self)
    static let int64 = ObjectIdentifier(Int64.self), optionalInt64 = ObjectIdentifier(Int64?.self)
    static let int = ObjectIdentifier(Int.self), optionalInt = ObjectIdentifier(Int?.self)
    static let double = ObjectIdentifier(Double.self), optionalDouble = ObjectIdentifier(Double?.self)
}
