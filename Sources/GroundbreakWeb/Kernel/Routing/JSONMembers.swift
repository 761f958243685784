import Foundation

/// An object's members written by hand into a `JSONSink`, for a value written on every page of a
/// list (`JSONWritable`): the same bytes as its synthesised `Encodable` through
/// `JSONStream`, without an encoder and a boxed container per nested object. Keys are written as
/// given, so they must be plain ASCII names, as `CodingKeys` are; a dictionary's keys are data
/// and are escaped (`object(named:)`).
///
/// `nullable` members are written as `null` when absent (`ExplicitNull`), `ifPresent` ones left
/// out (a plain optional).
struct JSONMembers {
    let sink: JSONSink
    private var first = true

    private init(sink: JSONSink) {
        self.sink = sink
    }

    /// `{`, the members `body` writes, `}`.
    static func object(_ sink: JSONSink, _ body: (inout JSONMembers) throws -> Void) rethrows {
        sink.byte(UInt8(ascii: "{"))
        var members = JSONMembers(sink: sink)
        try body(&members)
        sink.byte(UInt8(ascii: "}"))
    }

    /// `[`, each element as `write` writes it, `]`.
    static func array<Element>(_ sink: JSONSink, _ elements: [Element], _ write: (Element) throws -> Void) rethrows {
        sink.byte(UInt8(ascii: "["))
        // By index: an enumeration hands out copies of the elements (a project is dozens of references).
        for index in elements.indices {
            if index > 0 { sink.byte(UInt8(ascii: ",")) }
            try write(elements[index])
        }
        sink.byte(UInt8(ascii: "]"))
    }

    private mutating func key(_ name: StaticString) {
        if first { first = false } else { sink.byte(UInt8(ascii: ",")) }
        sink.byte(UInt8(ascii: "\""))
        name.withUTF8Buffer { sink.raw($0) }
        sink.byte(UInt8(ascii: "\""))
        sink.byte(UInt8(ascii: ":"))
    }

    /// A key that is data (a dictionary's), quoted and escaped as any string.
    private mutating func key(text name: String) {
        if first { first = false } else { sink.byte(UInt8(ascii: ",")) }
        sink.string(name)
        sink.byte(UInt8(ascii: ":"))
    }

    mutating func string(_ name: StaticString, _ value: String) {
        key(name)
        sink.string(value)
    }

    mutating func nullable(_ name: StaticString, _ value: String?) {
        key(name)
        if let value { sink.string(value) } else { sink.null() }
    }

    mutating func integer(_ name: StaticString, _ value: some BinaryInteger) {
        key(name)
        sink.integer(value)
    }

    mutating func date(_ name: StaticString, _ value: Date) {
        key(name)
        sink.date(value)
    }

    mutating func ifPresent(_ name: StaticString, _ value: Double?) throws {
        guard let value else { return }
        key(name)
        try sink.number(value.description, finite: value.isFinite)
    }

    mutating func object(_ name: StaticString, _ body: (inout JSONMembers) throws -> Void) rethrows {
        key(name)
        try Self.object(sink, body)
    }

    /// A dictionary's entry whose value is an object.
    mutating func object(named name: String, _ body: (inout JSONMembers) throws -> Void) rethrows {
        key(text: name)
        try Self.object(sink, body)
    }

    mutating func nullable<Value>(_ name: StaticString, _ value: Value?, _ body: (inout JSONMembers, Value) throws -> Void) rethrows {
        key(name)
        guard let value else { sink.null(); return }
        try Self.object(sink) { try body(&$0, value) }
    }

    mutating func array<Element>(_ name: StaticString, _ elements: [Element], _ write: (Element) throws -> Void) rethrows {
        key(name)
        try Self.array(sink, elements, write)
    }

    /// An array of objects, each written by `body`.
    mutating func objects<Element>(_ name: StaticString, _ elements: [Element], _ body: (inout JSONMembers, Element) throws -> Void) rethrows {
        key(name)
        try Self.array(sink, elements) { element in try Self.object(sink) { try body(&$0, element) } }
    }
}
