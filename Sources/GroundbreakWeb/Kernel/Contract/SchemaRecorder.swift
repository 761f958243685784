import Foundation

/// What the recorder learnt about one value: its shape, and whether it may be `null`.
final class SchemaNode {
    indirect enum Shape {
        case unknown
        case leaf(SchemaObject)
        case object(Fields)
        case array(SchemaNode)
        case dictionary(SchemaNode)
        case reference(String)
    }

    final class Fields {
        var order: [String] = []
        var nodes: [String: SchemaNode] = [:]
        var required: Set<String> = []
        /// Keys asked about with `contains` or `decodeNil` first: the body may leave them out.
        var optional: Set<String> = []

        func node(_ key: String) -> SchemaNode {
            if let node = nodes[key] { return node }
            let node = SchemaNode()
            nodes[key] = node
            order.append(key)
            return node
        }
    }

    var shape: Shape = .unknown
    var nullable = false
    var notes: [String: [FieldNote]] = [:]
}

/// The component schemas met while recording, and the ones still to record.
final class SchemaBook {
    let direction: ContractDirection
    private(set) var components: [String: SchemaObject] = [:]
    private var pending: [(String, any ContractSchema.Type)] = []
    private var named: Set<String> = []

    init(direction: ContractDirection) {
        self.direction = direction
    }

    /// Asks for a component; recorded once, at `drain`.
    func need(_ type: any ContractSchema.Type, as name: String) {
        guard named.insert(name).inserted else { return }
        pending.append((name, type))
    }

    /// A component recorded by the caller (a request body under the name its use gives it).
    func add(_ name: String, _ schema: SchemaObject) {
        named.insert(name)
        components[name] = schema
    }

    func drain() throws {
        while !pending.isEmpty {
            let (name, type) = pending.removeFirst()
            components[name] = try SchemaRecorder.schema(of: type, book: self)
        }
    }
}

/// Builds the JSON Schema of a `Decodable` type by letting the type decode itself from a decoder
/// that hands out placeholder values and writes down every key and value type it is asked for.
/// The Swift declaration stays the one source: a renamed field, a new optional, a changed type
/// shows in the document without anyone editing it.
enum SchemaRecorder {
    static func schema(of type: any Decodable.Type, book: SchemaBook, notes extra: [String: [FieldNote]] = [:]) throws -> SchemaObject {
        let node = SchemaNode()
        try open(type, into: node, book: book)
        for (field, notes) in extra { node.notes[field, default: []] += notes }
        return SchemaRenderer(direction: book.direction).render(node)
    }

    private static func open<T: Decodable>(_ type: T.Type, into node: SchemaNode, book: SchemaBook) throws {
        _ = try T(from: RecordingDecoder(node: node, book: book))
        if let described = T.self as? any ContractSchema.Type { node.notes = described.fieldNotes }
    }

    /// A placeholder value of `T`, having recorded its schema into `node`.
    static func sample<T: Decodable>(_ type: T.Type, into node: SchemaNode, book: SchemaBook) throws -> T {
        if let value = primitive(type, into: node) { return value }
        if let leaf = T.self as? any ContractLeaf.Type {
            node.shape = .leaf(leaf.contractSchema(book.direction))
            return leaf.contractSample as! T
        }
        if let closed = T.self as? any ContractEnum.Type {
            node.shape = .leaf(["type": "string", "enum": closed.contractValues])
            return closed.contractSample as! T
        }
        if let dictionary = T.self as? any ContractDictionary.Type {
            return try dictionary.recordValues(into: node, book: book) as! T
        }
        if let described = T.self as? any ContractSchema.Type, let name = described.contractName {
            node.shape = .reference(name)
            book.need(described, as: name)
            return try T(from: RecordingDecoder(node: SchemaNode(), book: SchemaBook(direction: book.direction)))
        }
        let value = try T(from: RecordingDecoder(node: node, book: book))
        if let described = T.self as? any ContractSchema.Type { node.notes = described.fieldNotes }
        return value
    }

    private static func primitive<T>(_ type: T.Type, into node: SchemaNode) -> T? {
        let (schema, value): (SchemaObject, Any)
        if let integer = type as? any FixedWidthInteger.Type {
            (schema, value) = (["type": "integer"], integer.zero)
        } else if let number = type as? any BinaryFloatingPoint.Type {
            (schema, value) = (["type": "number"], number.zero)
        } else {
            switch type {
            case is String.Type: (schema, value) = (["type": "string"], "")
            case is Bool.Type: (schema, value) = (["type": "boolean"], false)
            case is Date.Type: (schema, value) = (["type": "string", "format": "date-time"], Date(timeIntervalSince1970: 0))
            default: return nil
            }
        }
        node.shape = .leaf(schema)
        return value as? T
    }
}

private struct RecordingDecoder: Decoder {
    let node: SchemaNode
    let book: SchemaBook
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        if case .object(let fields) = node.shape { return KeyedDecodingContainer(KeyedRecorder<Key>(fields: fields, book: book)) }
        let fields = SchemaNode.Fields()
        node.shape = .object(fields)
        return KeyedDecodingContainer(KeyedRecorder<Key>(fields: fields, book: book))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let element = SchemaNode()
        node.shape = .array(element)
        return UnkeyedRecorder(element: element, book: book)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleRecorder(node: node, book: book)
    }
}

private struct KeyedRecorder<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let fields: SchemaNode.Fields
    let book: SchemaBook
    var codingPath: [any CodingKey] { [] }
    var allKeys: [Key] { [] }

    func contains(_ key: Key) -> Bool {
        fields.optional.insert(key.stringValue)
        return true
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        fields.optional.insert(key.stringValue)
        fields.node(key.stringValue).nullable = true
        return false
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try decode(type, key) }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decode(type as Bool.Type, key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decode(type as String.Type, key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decode(type as Double.Type, key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try decode(type as Float.Type, key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decode(type as Int.Type, key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decode(type as Int8.Type, key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decode(type as Int16.Type, key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decode(type as Int32.Type, key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decode(type as Int64.Type, key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decode(type as UInt.Type, key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decode(type as UInt8.Type, key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decode(type as UInt16.Type, key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decode(type as UInt32.Type, key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decode(type as UInt64.Type, key) }

    private func decode<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T {
        let name = key.stringValue
        if !fields.optional.contains(name) { fields.required.insert(name) }
        return try SchemaRecorder.sample(type, into: fields.node(name), book: book)
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        let name = key.stringValue
        let node = fields.node(name)
        if T.self is any AlwaysPresent.Type {
            fields.required.insert(name)
        } else {
            node.nullable = true
        }
        return try SchemaRecorder.sample(type, into: node, book: book)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        fields.required.insert(key.stringValue)
        return try RecordingDecoder(node: fields.node(key.stringValue), book: book).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        fields.required.insert(key.stringValue)
        return try RecordingDecoder(node: fields.node(key.stringValue), book: book).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { RecordingDecoder(node: SchemaNode(), book: book) }
    func superDecoder(forKey key: Key) throws -> any Decoder { RecordingDecoder(node: fields.node(key.stringValue), book: book) }
}

/// One element stands for all: an array's items share one schema.
private struct UnkeyedRecorder: UnkeyedDecodingContainer {
    let element: SchemaNode
    let book: SchemaBook
    var codingPath: [any CodingKey] { [] }
    var count: Int? { 1 }
    var currentIndex = 0
    var isAtEnd: Bool { currentIndex > 0 }

    mutating func decodeNil() throws -> Bool {
        element.nullable = true
        return false
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try decodeElement(type) }
    mutating func decode(_ type: Bool.Type) throws -> Bool { try decodeElement(type) }
    mutating func decode(_ type: String.Type) throws -> String { try decodeElement(type) }
    mutating func decode(_ type: Double.Type) throws -> Double { try decodeElement(type) }
    mutating func decode(_ type: Float.Type) throws -> Float { try decodeElement(type) }
    mutating func decode(_ type: Int.Type) throws -> Int { try decodeElement(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try decodeElement(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try decodeElement(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try decodeElement(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try decodeElement(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try decodeElement(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try decodeElement(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try decodeElement(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try decodeElement(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try decodeElement(type) }

    private mutating func decodeElement<T: Decodable>(_ type: T.Type) throws -> T {
        currentIndex += 1
        return try SchemaRecorder.sample(type, into: element, book: book)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        currentIndex += 1
        return try RecordingDecoder(node: element, book: book).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        currentIndex += 1
        return try RecordingDecoder(node: element, book: book).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        currentIndex += 1
        return RecordingDecoder(node: element, book: book)
    }
}

private struct SingleRecorder: SingleValueDecodingContainer {
    let node: SchemaNode
    let book: SchemaBook
    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool {
        node.nullable = true
        return false
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decodeValue(type) }
    func decode(_ type: Bool.Type) throws -> Bool { try decodeValue(type) }
    func decode(_ type: String.Type) throws -> String { try decodeValue(type) }
    func decode(_ type: Double.Type) throws -> Double { try decodeValue(type) }
    func decode(_ type: Float.Type) throws -> Float { try decodeValue(type) }
    func decode(_ type: Int.Type) throws -> Int { try decodeValue(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decodeValue(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decodeValue(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decodeValue(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decodeValue(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try decodeValue(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decodeValue(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decodeValue(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decodeValue(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decodeValue(type) }

    private func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        try SchemaRecorder.sample(type, into: node, book: book)
    }
}
