/// A value kept behind one reference and copied only when written while shared, as the standard
/// library's arrays are. A value type with many strings and arrays inside costs a retain of each
/// whenever it is copied; behind this it costs one.
///
/// `@unchecked Sendable`: the box is written only while uniquely referenced (`value`'s `_modify`
/// copies it first otherwise), so a box two threads can see is never written.
public struct CopyOnWrite<Value: Sendable>: @unchecked Sendable {
    private final class Box {
        var value: Value

        init(_ value: Value) {
            self.value = value
        }
    }

    private var box: Box

    public init(_ value: Value) {
        box = Box(value)
    }

    public var value: Value {
        _read { yield box.value }
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.value) }
            yield &box.value
        }
    }
}

extension CopyOnWrite: Equatable where Value: Equatable {
    public static func == (left: Self, right: Self) -> Bool {
        left.box === right.box || left.box.value == right.box.value
    }
}

/// Encoded as the value itself, so a type that keeps a field behind it keeps its JSON.
extension CopyOnWrite: Codable where Value: Codable {
    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(Value.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
