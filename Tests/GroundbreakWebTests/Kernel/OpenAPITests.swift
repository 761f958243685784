import Foundation
import HTTPTypes
import GroundbreakTestSupport
@testable import GroundbreakWeb
import HummingbirdTesting
import GroundbreakDomain
import Testing

/// The OpenAPI document as the server builds it from the features' declarations.
nonisolated(unsafe) let openAPIDocument: [String: Any] = (try? ContractDocument.build()) ?? [:]
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

    @Test("every API endpoint states its contract, and no page does")
    func contracts() {
        let pairs = Features.all.flatMap { $0.contracts }
        let apiWithout = pairs.filter { $0.0.kind == .api && $0.1 == nil }.map(\.0.description)
        let pagesWith = pairs.filter { $0.0.kind != .api && $0.1 != nil }.map(\.0.description)
        #expect(apiWithout.isEmpty)
        #expect(pagesWith.isEmpty)
        let ids = pairs.compactMap { $0.1?.id }
        #expect(Set(ids).count == ids.count, "operation ids are unique")
    }

    @Test("the document is written out from the Swift types: a field's type, optionality and notes show in it")
    func generatedFromTypes() throws {
        let schemas = try #require((openAPIDocument["components"] as? [String: Any])?["schemas"] as? [String: [String: Any]])
        let report = try #require(schemas["MonthlyReportRequest"])
        let required = Set(report["required"] as? [String] ?? [])
        #expect(required == ["month", "dispatch"], "non-optional Swift properties are required, optional ones are not")
        let properties = try #require(report["properties"] as? [String: [String: Any]])
        #expect(Set(properties.keys) == ["month", "dispatch", "statistical", "progressText", "progressPercent", "jobs", "jumpReason", "version", "correctionReason"])
        #expect(properties["statistical"]?["type"] as? [String] == ["integer", "null"])
        #expect(properties["progressText"]?["maxLength"] as? Int == MonthlyReportRules.maxProgressText)
        #expect(report["additionalProperties"] as? Bool == false)
        // An `ExplicitNull` field is always present in a response, `null` when empty.
        let project = try #require(schemas["Project"])
        #expect((project["required"] as? [String])?.contains("code") == true)
        #expect(((project["properties"] as? [String: [String: Any]])?["code"]?["type"] as? [String]) == ["string", "null"])
        // A nested named type is a reference; a nullable one is one of it or null.
        let zone = try #require((project["properties"] as? [String: [String: Any]])?["zone"])
        #expect((zone["oneOf"] as? [[String: Any]])?.first?["$ref"] as? String == "#/components/schemas/CodeName")
        // Each problem event route names only the events its group may send.
        let manage = try #require(((openAPIDocument["paths"] as? [String: Any])?["/api/v1/problems/{id}/manage"] as? [String: Any])?["post"] as? [String: Any])
        let body = ((manage["requestBody"] as? [String: Any])?["content"] as? [String: Any])?["application/json"] as? [String: Any]
        let event = ((body?["schema"] as? [String: Any])?["properties"] as? [String: [String: Any]])?["event"]
        #expect(event?["enum"] as? [String] == ProblemEventInput.Group.manage.events)
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
