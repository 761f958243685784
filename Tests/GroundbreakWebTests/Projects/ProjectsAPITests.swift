import Foundation
import HTTPTypes
import GroundbreakDomain
@testable import GroundbreakStore
import GroundbreakTestSupport
@testable import GroundbreakWeb
import HummingbirdTesting
import Testing

@Suite("Projects API")
struct ProjectsAPITests {
    @Test("create, read, list, patch and transition, every response as documented", arguments: allEngines)
    func lifecycle(engine: DatabaseEngine) async throws {
        try await withWeb(engine) { fixture, client in
            let created = try await client.send(.post, "/api/v1/projects", as: fixture, json: apiProjectBody(code: "2609-220106-89-01-123456", stage: "approval"))
            #expect(created.status == .created)
            expectDocumented(created, ProjectsEndpoints.apiCreateProject)
            let id = try #require(created.object["id"] as? Int)
            #expect(created.location == "/api/v1/projects/\(id)")
            #expect(created.object["totalInvestmentWan"] as? String == "120000.00")
            #expect((created.object["zone"] as? [String: Any])?["name"] as? String == "长春汽车经济技术开发区")
            #expect(created.object["sponsor"] is NSNull)

            let fetched = try await client.send(.get, "/api/v1/projects/\(id)", as: fixture)
            #expect(fetched.status == .ok)
            expectDocumented(fetched, ProjectsEndpoints.apiGetProject)
            #expect(fetched.object["version"] as? Int == 1)

            let patched = try await client.send(.patch, "/api/v1/projects/\(id)", as: fixture, json: #"{"version":1,"totalInvestment":1500000000,"zoneCode":null}"#)
            #expect(patched.status == .ok)
            expectDocumented(patched, ProjectsEndpoints.apiUpdateProject)
            #expect(patched.object["totalInvestment"] as? Int == 1_500_000_000)
            #expect(patched.object["zone"] is NSNull)
            #expect(patched.object["name"] as? String == "长春汽开区新能源汽车零部件产业园项目")
            #expect(patched.object["version"] as? Int == 2)

            let stale = try await client.send(.patch, "/api/v1/projects/\(id)", as: fixture, json: #"{"version":1,"name":"过时"}"#)
            #expect(stale.status == .conflict)
            expectDocumented(stale, ProjectsEndpoints.apiUpdateProject)
            #expect(stale.object["currentVersion"] as? Int == 2)
            #expect(stale.headers[.contentType]?.hasPrefix("application/problem+json") == true)

            let moved = try await client.send(.post, "/api/v1/projects/\(id)/transitions", as: fixture,
                                              json: #"{"target":"construction","actualStart":"2026-05-06","note":"主体开工","version":2}"#)
            #expect(moved.status == .ok)
            expectDocumented(moved, ProjectsEndpoints.apiTransitionProject)
            #expect(moved.object["stage"] as? String == "construction")

            let refused = try await client.send(.post, "/api/v1/projects/\(id)/transitions", as: fixture, json: #"{"target":"reserve","version":3}"#)
            #expect(refused.status == .unprocessableContent)
            expectDocumented(refused, ProjectsEndpoints.apiTransitionProject)

            let history = try await client.send(.get, "/api/v1/projects/\(id)/transitions", as: fixture)
            expectDocumented(history, ProjectsEndpoints.apiProjectHistory)
            #expect((history.json as? [[String: Any]])?.map { $0["to"] as? String } == ["construction"])

            let list = try await client.send(.get, "/api/v1/projects?stage=construction&sizeBand=Y10", as: fixture)
            #expect(list.status == .ok)
            expectDocumented(list, ProjectsEndpoints.apiListProjects)
            #expect(list.object["totalCount"] as? Int == 1)
            #expect(list.object["totalInvestment"] as? Int == 1_500_000_000)

            let reference = try await client.send(.get, "/api/v1/reference", as: fixture)
            expectDocumented(reference, ReferenceEndpoints.apiReference)
        }
    }

    @Test("bad input answers with a Chinese problem and changes nothing")
    func refusals() async throws {
        try await withWeb { fixture, client in
            func count() async throws -> Int { try await fixture.services.projects.count() }

            let invalid = try await client.send(.post, "/api/v1/projects", as: fixture,
                                                json: #"{"name":"","regionCode":"220106","categoryCode":"IND","investmentType":"state","totalInvestment":-1}"#)
            #expect(invalid.status == .unprocessableContent)
            expectDocumented(invalid, ProjectsEndpoints.apiCreateProject)
            let fields = Set(((invalid.object["errors"] as? [[String: Any]]) ?? []).compactMap { $0["field"] as? String })
            #expect(fields == ["name", "categoryCode", "investmentType", "totalInvestment"])
            #expect((invalid.object["title"] as? String)?.contains("未作任何修改") == true)

            let unknownKey = try await client.send(.post, "/api/v1/projects", as: fixture, json: #"{"nmae":"拼错的字段"}"#)
            #expect(unknownKey.status == .unprocessableContent)

            let malformed = try await client.send(.post, "/api/v1/projects", as: fixture, json: #"{"name": "#)
            #expect(malformed.status == .badRequest)
            expectDocumented(malformed, ProjectsEndpoints.apiCreateProject)
            #expect(malformed.object["title"] as? String == "请求体不是有效的 JSON")

            let wrongType = try await client.send(.post, "/api/v1/projects", as: fixture, json: #"{"totalInvestment":"很多"}"#)
            #expect(wrongType.status == .unprocessableContent)
            expectDocumented(wrongType, ProjectsEndpoints.apiCreateProject)
            #expect(wrongType.text.contains("总投资的类型不正确"), "\(wrongType.text)")

            var headers = HTTPFields()
            headers[HTTPField.Name("X-CSRF-Token")!] = fixture.csrfToken
            let wrongMedia = try await client.send(.post, "/api/v1/projects", as: fixture, form: [("name", "x")], csrf: false, headers: headers)
            #expect(wrongMedia.status == .unsupportedMediaType)
            expectDocumented(wrongMedia, ProjectsEndpoints.apiCreateProject)

            let huge = try await client.send(.post, "/api/v1/projects", as: fixture, json: apiProjectBody(name: String(repeating: "大", count: 40_000)))
            #expect(huge.status == .contentTooLarge)
            expectDocumented(huge, ProjectsEndpoints.apiCreateProject)

            let noCSRF = try await client.send(.post, "/api/v1/projects", as: fixture, json: apiProjectBody(), csrf: false)
            #expect(noCSRF.status == .forbidden)
            expectDocumented(noCSRF, ProjectsEndpoints.apiCreateProject)

            let anonymous = try await client.send(.get, "/api/v1/projects", as: fixture, signedIn: false)
            #expect(anonymous.status == .unauthorized)
            expectDocumented(anonymous, ProjectsEndpoints.apiListProjects)

            let missing = try await client.send(.get, "/api/v1/projects/999", as: fixture)
            #expect(missing.status == .notFound)
            expectDocumented(missing, ProjectsEndpoints.apiGetProject)
            let notNumber = try await client.send(.get, "/api/v1/projects/abc", as: fixture)
            #expect(notNumber.status == .notFound)

            let badQuery = try await client.send(.get, "/api/v1/projects?stage=started&perPage=9999", as: fixture)
            #expect(badQuery.status == .badRequest)
            expectDocumented(badQuery, ProjectsEndpoints.apiListProjects)

            #expect(try await count() == 0)
        }
    }
}
