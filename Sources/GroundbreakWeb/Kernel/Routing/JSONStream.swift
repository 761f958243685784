import Foundation
import GroundbreakDomain

/// Encodes a DTO straight into JSON bytes, as `Responses.jsonEncoder` does (the same escaping,
/// numbers and ISO 8601 dates; keys in the order the type encodes them), without Foundation's
/// intermediate tree of boxed values: a ledger page of 20 projects took Foundation's encoder
/// ~0.5 ms, a sixth of the request. What it does not write itself (nested or super encoders,
/// `Data`, `URL`, `Decimal`) it hands back, and `encode` gives the value to Foundation whole.
enum JSONStream {
    struct Unsupported: Error {}

    static func encode(_ value: some Encodable) throws -> [UInt8] {
        let sink = JSONSink()
        do {
            if let writable = value as? any JSONWritable { try writable.writeJSON(into: sink) } else { try sink.value(value) }
            if sink.unsupported { throw Unsupported() }
            return sink.bytes
        } catch is Unsupported {
            return [UInt8](try Responses.jsonEncoder.encode(value))
        }
    }
}

/// A value that writes its own JSON (`JSONMembers`): the same bytes as its synthesised
/// `Encodable` through `JSONStream`, for what is written many times a request (a ledger page's
/// projects), where an encoder and a boxed container per nested object cost more than the
/// writing. Used when it is the value encoded, not when nested in another.
protocol JSONWritable: Encodable {
    func writeJSON(into sink: JSONSink) throws
}

/// The bytes written so far, and whether a value asked for what only Foundation writes.
///
/// Held through a pointer the sink never reassigns: a class's own `var` would be checked for
/// exclusive access on every byte appended.
final class JSONSink {
    struct State {
        var bytes: [UInt8] = []
        var unsupported = false
    }

    private let state: UnsafeMutablePointer<State>

    init() {
        state = .allocate(capacity: 1)
        state.initialize(to: State())
        state.pointee.bytes.reserveCapacity(4_096)
    }

    deinit {
        state.deinitialize(count: 1)
        state.deallocate()
    }

    var bytes: [UInt8] { state.pointee.bytes }

    var unsupported: Bool {
        get { state.pointee.unsupported }
        set { state.pointee.unsupported = newValue }
    }

    func value<T: Encodable>(_ value: T) throws {
        // Types compared, not cast: a dynamic cast per value was a visible part of a page.
        if T.self == String.self {
            string(unsafeBitCast(value, to: String.self))
        } else if T.self == Int.self {
            integer(unsafeBitCast(value, to: Int.self))
        } else if T.self == Int64.self {
            integer(unsafeBitCast(value, to: Int64.self))
        } else if T.self == Bool.self {
            raw(unsafeBitCast(value, to: Bool.self) ? "true" : "false")
        } else if T.self == Date.self {
            date(unsafeBitCast(value, to: Date.self))
        } else if T.self == Data.self || T.self == URL.self || T.self == Decimal.self {
            throw JSONStream.Unsupported()
        } else {
            try encodeFields(value)
        }
    }

    private func encodeFields(_ value: some Encodable) throws {
        let encoder = JSONStreamEncoder(sink: self)
        try value.encode(to: encoder)
        encoder.close()
    }

    @inline(__always) func byte(_ byte: UInt8) { state.pointee.bytes.append(byte) }

    func raw(_ text: String) { state.pointee.bytes.append(contentsOf: text.utf8) }

    func raw(_ utf8: UnsafeBufferPointer<UInt8>) { state.pointee.bytes.append(contentsOf: utf8) }

    func null() { raw("null") }

    /// Digits straight into the bytes (a `String` per number was a visible part of a page).
    func integer(_ value: some BinaryInteger) {
        guard let wide = Int64(exactly: value) else { raw(String(value)); return }
        if wide < 0 { byte(UInt8(ascii: "-")) }
        var magnitude = wide.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = 20
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            raw(UnsafeBufferPointer(rebasing: digits[start..<20]))
        }
    }

    /// `.iso8601` as Foundation writes it, quoted (`iso8601(_:)`), straight into the bytes for
    /// years of four digits.
    func date(_ date: Date) {
        let (day, within) = Self.dayAndSecond(date)
        guard (0...9_999).contains(day.year) else { string(Self.iso8601(date)); return }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 22) { text in
            func put(_ value: Int, at: Int, width: Int) {
                var value = value
                for place in stride(from: at + width - 1, through: at, by: -1) {
                    text[place] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
            }
            text[0] = UInt8(ascii: "\"")
            put(day.year, at: 1, width: 4)
            text[5] = UInt8(ascii: "-")
            put(day.month, at: 6, width: 2)
            text[8] = UInt8(ascii: "-")
            put(day.day, at: 9, width: 2)
            text[11] = UInt8(ascii: "T")
            put(within / 3_600, at: 12, width: 2)
            text[14] = UInt8(ascii: ":")
            put(within / 60 % 60, at: 15, width: 2)
            text[17] = UInt8(ascii: ":")
            put(within % 60, at: 18, width: 2)
            text[20] = UInt8(ascii: "Z")
            text[21] = UInt8(ascii: "\"")
            raw(UnsafeBufferPointer(text))
        }
    }

    /// A finite number as Foundation writes it: the shortest form, without a trailing ".0".
    func number(_ description: String, finite: Bool) throws {
        guard finite else { throw JSONStream.Unsupported() }
        raw(description.hasSuffix(".0") ? String(description.dropLast(2)) : description)
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// Quotes and escapes `"`, `\` and control characters (short forms where JSON has them, else
    /// `\u00XX`); "/" and everything else as UTF-8.
    func string(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in Self.quote(utf8, into: &state.pointee.bytes) }
    }

    private static func quote(_ utf8: UnsafeBufferPointer<UInt8>, into bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var start = 0
        for index in 0..<utf8.count {
            let byte = utf8[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
            start = index + 1
            bytes.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
            case 0x08: bytes.append(UInt8(ascii: "b"))
            case 0x0C: bytes.append(UInt8(ascii: "f"))
            case 0x0A: bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(UInt8(ascii: "t"))
            default:
                bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
            }
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        bytes.append(UInt8(ascii: "\""))
    }

    /// `.iso8601` as Foundation writes it: UTC, whole seconds (rounded down).
    static func iso8601(_ date: Date) -> String {
        let (day, within) = dayAndSecond(date)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(day.iso)T\(two(within / 3_600)):\(two(within / 60 % 60)):\(two(within % 60))Z"
    }

    /// The UTC day of `date` and the second within it (whole seconds, rounded down).
    private static func dayAndSecond(_ date: Date) -> (day: Day, second: Int) {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        return (Day(ordinal: Int(days)), Int(seconds - days * 86_400))
    }
}

/// One value's encoder: opens the object or array the value asks for, and its parent closes it
/// once the value's `encode(to:)` has returned (synthesised `Codable` writes in order).
final class JSONStreamEncoder: Encoder {
    enum Opened { case nothing, object, array, single }

    let sink: JSONSink
    var opened = Opened.nothing
    /// No member written yet in the opened object or array (a comma goes before every other).
    var first = true
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    init(sink: JSONSink) {
        self.sink = sink
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if opened == .nothing {
            opened = .object
            sink.byte(UInt8(ascii: "{"))
        } else if opened != .object {
            sink.unsupported = true
        }
        return KeyedEncodingContainer(JSONStreamKeyed<Key>(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if opened == .nothing {
            opened = .array
            sink.byte(UInt8(ascii: "["))
        } else if opened != .array {
            sink.unsupported = true
        }
        return JSONStreamUnkeyed(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        if opened != .nothing { sink.unsupported = true }
        opened = .single
        return JSONStreamSingle(encoder: self)
    }

    func close() {
        switch opened {
        case .object: sink.byte(UInt8(ascii: "}"))
        case .array: sink.byte(UInt8(ascii: "]"))
        case .single: break
        case .nothing: sink.raw("{}")
        }
    }

    /// The comma before every member but the first.
    func member() {
        if first { first = false } else { sink.byte(UInt8(ascii: ",")) }
    }
}

struct JSONStreamKeyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: JSONStreamEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }
    private var sink: JSONSink { encoder.sink }

    private func key(_ key: Key) {
        encoder.member()
        sink.string(key.stringValue)
        sink.byte(UInt8(ascii: ":"))
    }

    mutating func encodeNil(forKey key: Key) throws { self.key(key); sink.raw("null") }
    mutating func encode(_ value: Bool, forKey key: Key) throws { self.key(key); sink.raw(value ? "true" : "false") }
    mutating func encode(_ value: String, forKey key: Key) throws { self.key(key); sink.string(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { self.key(key); try sink.number(value.description, finite: value.isFinite) }
    mutating func encode(_ value: Float, forKey key: Key) throws { self.key(key); try sink.number(value.description, finite: value.isFinite) }
    mutating func encode(_ value: Int, forKey key: Key) throws { self.key(key); sink.integer(value) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { self.key(key); sink.integer(value) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { self.key(key); sink.integer(value) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { self.key(key); sink.integer(value) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { self.key(key); sink.integer(value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { self.key(key); sink.integer(value) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { self.key(key); sink.integer(value) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { self.key(key); sink.integer(value) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { self.key(key); sink.integer(value) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { self.key(key); sink.integer(value) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { self.key(key); try sink.value(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        sink.unsupported = true
        return JSONStreamEncoder(sink: JSONSink()).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        sink.unsupported = true
        return JSONStreamEncoder(sink: JSONSink()).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        sink.unsupported = true
        return JSONStreamEncoder(sink: JSONSink())
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder() }
}

struct JSONStreamUnkeyed: UnkeyedEncodingContainer {
    let encoder: JSONStreamEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }
    private(set) var count = 0
    private var sink: JSONSink { encoder.sink }

    private mutating func next() {
        encoder.member()
        count += 1
    }

    mutating func encodeNil() throws { next(); sink.raw("null") }
    mutating func encode(_ value: Bool) throws { next(); sink.raw(value ? "true" : "false") }
    mutating func encode(_ value: String) throws { next(); sink.string(value) }
    mutating func encode(_ value: Double) throws { next(); try sink.number(value.description, finite: value.isFinite) }
    mutating func encode(_ value: Float) throws { next(); try sink.number(value.description, finite: value.isFinite) }
    mutating func encode(_ value: Int) throws { next(); sink.integer(value) }
    mutating func encode(_ value: Int8) throws { next(); sink.integer(value) }
    mutating func encode(_ value: Int16) throws { next(); sink.integer(value) }
    mutating func encode(_ value: Int32) throws { next(); sink.integer(value) }
    mutating func encode(_ value: Int64) throws { next(); sink.integer(value) }
    mutating func encode(_ value: UInt) throws { next(); sink.integer(value) }
    mutating func encode(_ value: UInt8) throws { next(); sink.integer(value) }
    mutating func encode(_ value: UInt16) throws { next(); sink.integer(value) }
    mutating func encode(_ value: UInt32) throws { next(); sink.integer(value) }
    mutating func encode(_ value: UInt64) throws { next(); sink.integer(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { next(); try sink.value(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        sink.unsupported = true
        return JSONStreamEncoder(sink: JSONSink()).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        sink.unsupported = true
        return JSONStreamEncoder(sink: JSONSink()).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        sink.unsupported = true
        return JSONStreamEncoder(sink: JSONSink())
    }
}

struct JSONStreamSingle: SingleValueEncodingContainer {
    let encoder: JSONStreamEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }
    private var sink: JSONSink { encoder.sink }

    mutating func encodeNil() throws { sink.raw("null") }
    mutating func encode(_ value: Bool) throws { sink.raw(value ? "true" : "false") }
    mutating func encode(_ value: String) throws { sink.string(value) }
    mutating func encode(_ value: Double) throws { try sink.number(value.description, finite: value.isFinite) }
    mutating func encode(_ value: Float) throws { try sink.number(value.description, finite: value.isFinite) }
    mutating func encode(_ value: Int) throws { sink.integer(value) }
    mutating func encode(_ value: Int8) throws { sink.integer(value) }
    mutating func encode(_ value: Int16) throws { sink.integer(value) }
    mutating func encode(_ value: Int32) throws { sink.integer(value) }
    mutating func encode(_ value: Int64) throws { sink.integer(value) }
    mutating func encode(_ value: UInt) throws { sink.integer(value) }
    mutating func encode(_ value: UInt8) throws { sink.integer(value) }
    mutating func encode(_ value: UInt16) throws { sink.integer(value) }
    mutating func encode(_ value: UInt32) throws { sink.integer(value) }
    mutating func encode(_ value: UInt64) throws { sink.integer(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try sink.value(value) }
}
