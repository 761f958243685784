import Foundation
import HTTPTypes
import GroundbreakTestSupport
@testable import GroundbreakWeb
import HummingbirdTesting
import Testing

/// The OpenAPI document, loaded the way the server serves it.
nonisolated(unsafe) let openAPIDocument: [String: Any] = (try? JSONSerialization.jsonObject(with: Data(Assets.openAPI))) as? [String: Any] ?? [:]
nonisolated(unsafe) let schemaValidator = JSONSchemaValidator(document: openAPIDocument)

/// Fails the test unless the body matches the documented response for this route and status.
func expectDocumented(_ response: TestResponse, _ declared: some EndpointSet, sourceLocation: SourceLocation = #_sourceLocation) {
    expectDocumented(response, endpoint: declared.endpoint, sourceLocation: sourceLocation)
}

func expectDocumented(_ response: TestResponse, endpoint: Endpoint, sourceLocation: SourceLocation = #_sourceLocation) {
    let path = endpoint.pattern.replacingOccurrences(of: ":id", with: "{id}")
    let status = Int(response.status.code)
    guard let schema = schemaValidator.responseSchema(path: path, method: endpoint.method.rawValue, status: status) else {
        Issue.record("\(endpoint.method.rawValue) \(path) → \(status) is not in the OpenAPI document", sourceLocation: sourceLocation)
        return
    }
    let problems = schemaValidator.errors(response.json, schema: schema)
    #expect(problems.isEmpty, "\(endpoint) \(status): \(problems.prefix(5))", sourceLocation: sourceLocation)
}

@Suite("OpenAPI document")
struct OpenAPITests {
    @Test("every API route is documented with its method, and nothing else is")
    func coverage() throws {
        let paths = try #require(openAPIDocument["paths"] as? [String: [String: Any]])
        var documented: Set<String> = []
        for (path, item) in paths {
            for method in item.keys where ["get", "post", "patch", "put", "delete"].contains(method) {
                documented.insert("\(method.uppercased()) \(path)")
            }
        }
        let routed = Set(Endpoint.allCases.filter { $0.kind == .api }.map {
            "\($0.method.rawValue) \($0.pattern.replacingOccurrences(of: ":id", with: "{id}"))"
        })
        #expect(routed == documented)
        #expect(openAPIDocument["openapi"] as? String == "3.1.0")
    }

    @Test("served at /api/v1/openapi.json without a session")
    func served() async throws {
        try await withWeb { fixture, client in
            let response = try await client.send(.get, "/api/v1/openapi.json", as: fixture, signedIn: false)
            #expect(response.status == .ok)
            #expect((response.object["info"] as? [String: Any])?["title"] as? String != nil)
            // The codes the server takes today are in it, so "valid" generated data is valid.
            let schemas = try #require((response.object["components"] as? [String: Any])?["schemas"] as? [String: Any])
            let create = try #require((schemas["ProjectCreate"] as? [String: Any])?["properties"] as? [String: Any])
            let regions = (create["regionCode"] as? [String: Any])?["enum"] as? [Any]
            #expect(regions?.contains { $0 as? String == "220104" } == true)
            #expect(regions?.contains { $0 as? String == "220381" } == false, "a retired code is not offered")
            let target = try #require((schemas["TargetRequest"] as? [String: Any])?["properties"] as? [String: Any])
            #expect(((target["unit"] as? [String: Any])?["enum"] as? [String])?.contains("region:220104") == true)
            let months = ((schemas["MonthlyReportRequest"] as? [String: Any])?["properties"] as? [String: Any])?["dispatch"] as? [String: Any]
            #expect(months?["maximum"] as? Int == 100_000_000_000_000)
        }
    }
}

@Suite("Schema validator")
struct SchemaValidatorTests {
    @Test("it rejects what the document does not allow")
    func rejects() throws {
        let project = try #require(schemaValidator.responseSchema(path: "/api/v1/projects/{id}", method: "GET", status: 200))
        #expect(!schemaValidator.errors(["id": "not a number"], schema: project).isEmpty)
        let problem: [String: Any] = ["type": "x", "title": "t", "status": 404, "instance": "/", "extra": true]
        let problemSchema = try #require(schemaValidator.responseSchema(path: "/api/v1/projects/{id}", method: "GET", status: 404))
        #expect(schemaValidator.errors(problem, schema: problemSchema) == ["$: unexpected extra"])
        var valid = problem
        valid["extra"] = nil
        #expect(schemaValidator.errors(valid, schema: problemSchema).isEmpty)
    }
}
