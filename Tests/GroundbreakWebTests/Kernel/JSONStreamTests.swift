import Foundation
import GroundbreakDomain
import GroundbreakTestSupport
import HTTPTypes
import HummingbirdTesting
@testable import GroundbreakWeb
import Testing

/// The API's JSON is written by `JSONStream`, not Foundation's encoder: every value must read back
/// exactly as Foundation's encoding of it (objects compared as parsed, since Foundation's key
/// order is a hash order; arrays of scalars byte for byte).
@Suite("JSON written straight to bytes")
struct JSONStreamTests {
    struct Everything: Codable {
        struct Inner: Codable {
            var name: String
            @ExplicitNull var note: String?
            var at: Date?
        }
        var text: String
        var whole: Int
        var small: Int8
        var unsigned: UInt64
        var wide: Int64
        var ratio: Double
        var single: Float
        var flag: Bool
        var missing: String?
        @ExplicitNull var empty: Int?
        var when: Date
        var list: [Inner]
        var byName: [String: Int]
        var byNumber: [Int: String]
        var nested: [[Double]]
    }

    /// Foundation's bytes and ours parse to equal values.
    static func same(_ value: some Encodable, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let ours = Data(try JSONStream.encode(value))
        let theirs = try Responses.jsonEncoder.encode(value)
        #expect(try canonical(ours) == canonical(theirs), "\(String(decoding: ours, as: UTF8.self)) ≠ \(String(decoding: theirs, as: UTF8.self))",
                sourceLocation: sourceLocation)
    }

    /// JSON parsed and written again with sorted keys: equal for equal values whatever the key order.
    static func canonical(_ json: Data) throws -> Data {
        try JSONSerialization.data(withJSONObject: try JSONSerialization.jsonObject(with: json, options: [.fragmentsAllowed]),
                                   options: [.sortedKeys, .fragmentsAllowed])
    }

    static let awkward = ["", "a/b", "引号\"与\\反斜杠", "\n\r\t\u{8}\u{C}", "\u{0}\u{1}\u{1F}\u{7F}", "\u{2028}\u{2029}", "长春😀🇨🇳", "</script>"]

    @Test("strings, numbers and dates are written byte for byte as Foundation writes them")
    func scalars() throws {
        var random = SystemRandomNumberGenerator()
        var strings = Self.awkward
        for _ in 0..<200 {
            let scalars = (0..<Int.random(in: 0...12, using: &random)).compactMap { _ in
                Unicode.Scalar([0x00...0x7F, 0x80...0x7FF, 0x4E00...0x9FFF, 0x1F600...0x1F64F].randomElement(using: &random)!.randomElement(using: &random)!)
            }
            strings.append(String(String.UnicodeScalarView(scalars)))
        }
        var doubles: [Double] = [0, -0.0, 1, 125, 43.88, 0.1 + 0.2, 1e21, 1e-7, 5e-324, .greatestFiniteMagnitude, -123_456_789.125]
        for _ in 0..<200 { doubles.append(Double(bitPattern: UInt64.random(in: 0...UInt64.max, using: &random))) }
        doubles = doubles.filter(\.isFinite)
        var dates = [Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: -1.5), Date(timeIntervalSince1970: 1_764_400_000.999),
                     Date(timeIntervalSince1970: 951_782_400)]  // 2000-02-29
        for _ in 0..<200 { dates.append(Date(timeIntervalSince1970: Double.random(in: -2_208_988_800...4_102_444_800, using: &random))) }
        let integers: [Int64] = [0, -1, .min, .max] + (0..<50).map { _ in Int64.random(in: .min ... .max, using: &random) }

        #expect(try JSONStream.encode(strings) == Array(try Responses.jsonEncoder.encode(strings)))
        #expect(try JSONStream.encode(doubles) == Array(try Responses.jsonEncoder.encode(doubles)))
        #expect(try JSONStream.encode(dates) == Array(try Responses.jsonEncoder.encode(dates)))
        #expect(try JSONStream.encode(integers) == Array(try Responses.jsonEncoder.encode(integers)))
        #expect(try JSONStream.encode([Float(1.1), 3, -0.5]) == Array(try Responses.jsonEncoder.encode([Float(1.1), 3, -0.5])))
        #expect(try JSONStream.encode([true, false]) == Array(try Responses.jsonEncoder.encode([true, false])))
        for string in Self.awkward { #expect(try JSONStream.encode(string) == Array(try Responses.jsonEncoder.encode(string))) }
    }

    @Test("objects, optionals, explicit nulls, nested lists and both kinds of dictionary read back as Foundation's")
    func objects() throws {
        let inner = Everything.Inner(name: "审批\"事项\"", note: nil, at: Date(timeIntervalSince1970: 1_700_000_000.25))
        let value = Everything(
            text: Self.awkward.joined(), whole: -42, small: -8, unsigned: .max, wide: .min, ratio: 0.30000000000000004, single: 1.1, flag: true,
            missing: nil, empty: nil, when: Date(timeIntervalSince1970: 1_764_400_000.999),
            list: [inner, .init(name: "", note: "备注", at: nil)], byName: ["施工": 3, "前期": 0, "a\"b": -1], byNumber: [2026: "今年", -1: "无"],
            nested: [[], [1.5, 2], [1e300]]
        )
        try Self.same(value)
        try Self.same([value, value])
        try Self.same([String: Everything]())
        try Self.same(["k": [Everything.Inner]()])
        // An explicit null is written, a plain nil optional left out, as Foundation does.
        let text = String(decoding: try JSONStream.encode(value), as: UTF8.self)
        #expect(text.contains("\"empty\":null"))
        #expect(!text.contains("\"missing\""))
    }

    struct Nests: Encodable {
        enum Keys: String, CodingKey { case outer, list, sup }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            var nested = container.nestedContainer(keyedBy: Keys.self, forKey: .outer)
            try nested.encode(1, forKey: .list)
            var list = container.nestedUnkeyedContainer(forKey: .list)
            try list.encode("x")
            try container.encode(2, forKey: .sup)
        }
    }

    struct Special: Encodable {
        var blob = Data([0, 1, 2, 250])
        var link = URL(string: "https://example.gov.cn/a?b=c")!
        var amount = Decimal(string: "12345.678")!
    }

    @Test("what only Foundation writes (nested containers, Data, URL, Decimal) is handed to Foundation whole")
    func handedBack() throws {
        try Self.same(Nests())
        try Self.same(Special())
        try Self.same([Special()])
        #expect(throws: (any Error).self) { try JSONStream.encode([Double.nan]) }
    }

    @Test("a ledger page as the API answers it reads back as Foundation's encoding of the same page")
    func ledgerPage() async throws {
        try await withWeb(demoProjects: 30) { fixture, client in
            let response = try await client.send(.get, "/api/v1/projects?perPage=30", as: fixture)
            #expect(response.status == .ok)
            let page = try JSONDecoder.iso8601.decode(ProjectListDTO.self, from: Data(response.text.utf8))
            #expect(page.items.count == 30)
            try Self.same(page)
            try Self.same(page.items[0])
            // And what was served is what Foundation would have written for it.
            #expect(try Self.canonical(Data(response.text.utf8)) == Self.canonical(try Responses.jsonEncoder.encode(page)))
        }
    }
}

extension JSONStreamTests {
    @Test("the ledger API's projects: the same on overlapping pages, and afresh after an edit")
    func projectsAfresh() async throws {
        try await withWeb(demoProjects: 12) { fixture, client in
            let five = try await client.send(.get, "/api/v1/projects?perPage=5&sort=name", as: fixture)
            let six = try await client.send(.get, "/api/v1/projects?perPage=6&sort=name", as: fixture)
            let decoder = JSONDecoder.iso8601
            let pageOfSix = try decoder.decode(ProjectListDTO.self, from: Data(six.text.utf8))
            #expect(try Self.canonical(Data(six.text.utf8)) == Self.canonical(try Responses.jsonEncoder.encode(pageOfSix)))
            #expect(try decoder.decode(ProjectListDTO.self, from: Data(five.text.utf8)).items.map(\.id) == Array(pageOfSix.items.prefix(5).map(\.id)))

            let target = pageOfSix.items[0]
            let edit = try await client.send(.patch, "/api/v1/projects/\(target.id)", as: fixture,
                                             json: #"{"version":\#(target.version),"name":"改名之后的项目"}"#)
            #expect(edit.status == .ok, "\(edit.text)")
            let afterEdit = try decoder.decode(ProjectListDTO.self, from: Data(try await client.send(.get, "/api/v1/projects?perPage=7&sort=name", as: fixture).text.utf8))
            #expect(afterEdit.items.contains { $0.id == target.id && $0.name == "改名之后的项目" })
            let one = try decoder.decode(ProjectDTO.self, from: Data(try await client.send(.get, "/api/v1/projects/\(target.id)", as: fixture).text.utf8))
            #expect(one.name == "改名之后的项目" && one.version == target.version + 1)
        }
    }
}

private extension JSONDecoder {
    static var iso8601: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
