import Foundation
import GroundbreakDomain

/// A JSON Schema object as the document holds it.
typealias SchemaObject = [String: Any]

/// Which way a schema's values travel: a request's strings carry the control-character pattern
/// the input guard enforces, and its dates the pattern the parser takes.
enum ContractDirection {
    case request, response
}

/// A type the API sends or takes, described where it is declared: its component name (nil
/// keeps it inline where it is used) and what its Swift types do not say about its fields.
protocol ContractSchema: Decodable {
    static var contractName: String? { get }
    static var fieldNotes: [String: [FieldNote]] { get }
}

extension ContractSchema {
    static var contractName: String? { nil }
    static var fieldNotes: [String: [FieldNote]] { [:] }
}

/// A closed set of string values (`ProblemStatus`…): the document lists them as an enum.
protocol ContractEnum: Decodable {
    static var contractValues: [String] { get }
    static var contractSample: Self { get }
}

extension ContractEnum where Self: CaseIterable & RawRepresentable, RawValue == String {
    static var contractValues: [String] { allCases.map(\.rawValue) }
    static var contractSample: Self { allCases.first! }
}

/// A value type with a schema of its own that decodes in its own way (several accepted shapes).
protocol ContractLeaf: Decodable {
    static func contractSchema(_ direction: ContractDirection) -> SchemaObject
    static var contractSample: Self { get }
}

/// What a field's Swift type does not say: its meaning, its format, its allowed values, its bounds.
enum FieldNote {
    case note(String)
    /// A calendar day, YYYY-MM-DD.
    case date
    /// A month, YYYY-MM.
    case month
    case values([String])
    case range(Int64, Int64)
    case maxLength(Int)
    /// The rules require it although the type lets it be absent.
    case required
    /// This use of a shared body type does not take the field (a project's stage on `PATCH`).
    case hidden

    static func values<E: CaseIterable & RawRepresentable>(_ type: E.Type) -> FieldNote where E.RawValue == String {
        .values(type.allCases.map(\.rawValue))
    }

    /// A whole number of yuan within the bounds every amount is held to.
    static let yuan = FieldNote.range(0, Money.maximum.yuan)
    /// A record's version: what the client read.
    static let version = FieldNote.range(1, Int64.max)
    /// A database identifier.
    static let identifier = FieldNote.range(1, Int64.max)

    static let datePattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
    static let monthPattern = "^[0-9]{4}-(0[1-9]|1[0-2])$"
}

/// The types behind `ExplicitNull`: always present in a response, `null` when empty.
protocol AlwaysPresent {}
extension ExplicitNull: AlwaysPresent {}

/// String-keyed dictionaries: an object whose values share one schema.
protocol ContractDictionary {
    static func recordValues(into node: SchemaNode, book: SchemaBook) throws -> Self
}

extension Dictionary: ContractDictionary where Key == String, Value: Decodable {
    static func recordValues(into node: SchemaNode, book: SchemaBook) throws -> Self {
        let values = SchemaNode()
        _ = try SchemaRecorder.sample(Value.self, into: values, book: book)
        node.shape = .dictionary(values)
        return [:]
    }
}
