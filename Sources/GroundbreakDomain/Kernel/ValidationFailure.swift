import Foundation

/// One problem with one input field; `field` is the JSON/form key.
public struct FieldError: Sendable, Equatable, Error {
    public var field: String
    public var text: DomainText

    public init(_ field: String, _ text: DomainText) {
        self.field = field
        self.text = text
    }

    public var message: String { text.zh }
    /// The field's name as the user reads it.
    public var label: String { resolvedLabel ?? DomainText.field(field).zh }
    private var resolvedLabel: String?

    /// The message and label put into words now, under the labels in force (the refusing
    /// feature's), so that whoever shows them later says the same.
    public func resolved() -> FieldError {
        var copy = FieldError(field, .fixed(message))
        copy.resolvedLabel = label
        return copy
    }
}

/// Every reason an input was refused; nothing is changed when one is returned.
public struct ValidationFailure: Error, Sendable, Equatable {
    public var errors: [FieldError]

    public init(_ errors: [FieldError]) {
        self.errors = errors
    }

    public func messages(for field: String) -> [String] {
        errors.filter { $0.field == field }.map(\.message)
    }
}
