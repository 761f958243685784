import Foundation

/// What an API endpoint promises, beside its declaration: its name and summary, the query it
/// reads, the body it takes and the answers it gives. Each feature writes one per API endpoint
/// (`XContract.swift`); the statuses every endpoint of its kind can give — 401, 403, 404 for an
/// `:id`, 400/413/415/422 for a body — are added by the document, not written out each time.
struct OperationContract {
    var id: String
    var summary: String
    var query: [QueryParameter] = []
    var body: RequestBody?
    var answers: [Answer]
    var failures: [Failure] = []

    init(_ id: String, _ summary: String, query: [QueryParameter] = [], body: RequestBody? = nil, answers: [Answer], failures: [Failure] = []) {
        self.id = id
        self.summary = summary
        self.query = query
        self.body = body
        self.answers = answers
        self.failures = failures
    }
}

struct QueryParameter {
    enum Kind {
        case text
        case integer(ClosedRange<Int64>?)
        case date
        case month
        case choice([String])
        /// `true` or `false`.
        case flag
    }

    var name: String
    var kind: Kind
    var note: String?
    var required = false

    static func text(_ name: String, _ note: String? = nil) -> Self { Self(name: name, kind: .text, note: note) }
    static func integer(_ name: String, _ range: ClosedRange<Int64>? = nil, _ note: String? = nil) -> Self { Self(name: name, kind: .integer(range), note: note) }
    static func date(_ name: String, _ note: String? = nil, required: Bool = false) -> Self { Self(name: name, kind: .date, note: note, required: required) }
    static func month(_ name: String, _ note: String? = nil, required: Bool = false) -> Self { Self(name: name, kind: .month, note: note, required: required) }
    static func choice(_ name: String, _ values: [String], _ note: String? = nil) -> Self { Self(name: name, kind: .choice(values), note: note) }
    static func flag(_ name: String, _ note: String? = nil) -> Self { Self(name: name, kind: .flag, note: note) }

    var schema: SchemaObject {
        switch kind {
        case .text: ["type": "string"]
        case .integer(let range):
            range.map { ["type": "integer", "minimum": $0.lowerBound, "maximum": $0.upperBound] } ?? ["type": "integer"]
        case .date: ["type": "string", "format": "date", "pattern": FieldNote.datePattern]
        case .month: ["type": "string", "pattern": FieldNote.monthPattern]
        case .choice(let values): ["type": "string", "enum": values]
        case .flag: ["type": "string", "enum": ["true", "false"]]
        }
    }
}

enum RequestBody {
    /// A JSON body of the given type, named as a component (its own name unless given one) or
    /// written inline; `notes` add what this use alone requires.
    case json(any Decodable.Type, name: String?, notes: [String: [FieldNote]])
    /// A file sent as the body itself, of one of these media types.
    case file([String])

    static func json(_ type: any Decodable.Type, name: String? = nil) -> Self { .json(type, name: name, notes: [:]) }
    static func inline(_ type: any Decodable.Type, notes: [String: [FieldNote]] = [:]) -> Self { .json(type, name: "", notes: notes) }
}

/// A successful answer.
struct Answer {
    enum Body {
        case one(any Decodable.Type)
        case list(any Decodable.Type)
        /// Any JSON object (the document itself).
        case object
    }

    var status: Int
    var body: Body
    var note: String

    static func ok(_ type: any Decodable.Type, _ note: String) -> Self { Self(status: 200, body: .one(type), note: note) }
    static func list(_ type: any Decodable.Type, _ note: String) -> Self { Self(status: 200, body: .list(type), note: note) }
    static func created(_ type: any Decodable.Type, _ note: String) -> Self { Self(status: 201, body: .one(type), note: note) }
}

/// A refusal the endpoint's kind does not already imply, or a better word for one it does.
struct Failure {
    var status: Int
    var note: String

    static func badQuery(_ note: String) -> Self { Self(status: 400, note: note) }
    static func badBody(_ note: String) -> Self { Self(status: 400, note: note) }
    static func forbidden(_ note: String) -> Self { Self(status: 403, note: note) }
    static func notFound(_ note: String) -> Self { Self(status: 404, note: note) }
    static func conflict(_ note: String) -> Self { Self(status: 409, note: note) }
    static func tooLarge(_ note: String) -> Self { Self(status: 413, note: note) }
    static func wrongMediaType(_ note: String) -> Self { Self(status: 415, note: note) }
    static func invalid(_ note: String) -> Self { Self(status: 422, note: note) }
    static func busy(_ note: String) -> Self { Self(status: 503, note: note) }
}
