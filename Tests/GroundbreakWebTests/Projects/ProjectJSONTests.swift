import Foundation
import GroundbreakDomain
import GroundbreakStore
@testable import GroundbreakWeb
import Testing

/// A project's JSON is written by hand on the ledger's pages (`ProjectDTO.writeJSON(into:)`):
/// it must be the very bytes its synthesised `Encodable` writes, for every shape a project takes.
@Suite("A project's JSON written by hand")
struct ProjectJSONTests {
    /// The synthesised encoding through `JSONStream`, which `JSONStreamTests` holds to Foundation's.
    struct Synthesised: Encodable {
        let dto: ProjectDTO
        func encode(to encoder: any Encoder) throws { try dto.encode(to: encoder) }
    }

    struct SynthesisedList: Encodable {
        let list: ProjectListDTO
        func encode(to encoder: any Encoder) throws { try list.encode(to: encoder) }
    }

    static func byHand(_ dto: ProjectDTO) throws -> String {
        let sink = JSONSink()
        try dto.writeJSON(into: sink)
        return String(decoding: sink.bytes, as: UTF8.self)
    }

    static func synthesised(_ dto: ProjectDTO) throws -> String {
        String(decoding: try JSONStream.encode(Synthesised(dto: dto)), as: UTF8.self)
    }

    /// Every optional member absent, then present with awkward text and numbers.
    static func shapes(of dto: ProjectDTO) -> [ProjectDTO] {
        let awkward = ["", "引号\"与\\反斜杠", "\n\r\t\u{8}\u{C}\u{0}\u{1F}", "长春😀", "</script>", "a/b"]
        var bare = dto
        (bare.code, bare.codeFormat, bare.zone, bare.industry, bare.sizeBand) = (nil, nil, nil, nil, nil)
        (bare.plannedStart, bare.plannedCompletion, bare.actualStart, bare.actualCompletion) = (nil, nil, nil, nil)
        (bare.constructionNature, bare.suspendedFrom, bare.stageNote, bare.leadDepartment) = (nil, nil, nil, nil)
        (bare.sponsor, bare.secretary, bare.owner.creditCode) = (nil, nil, nil)
        (bare.levels, bare.tags, bare.supportDepartments, bare.flags) = ([], [], [], [])
        bare.location = .init(address: "", longitude: nil, latitude: nil)
        var full = dto
        for (index, text) in awkward.enumerated() {
            full.name += text
            full.code = "2026-220104-48-01-\(index)\(text)"
            full.codeFormat = text
            full.owner = .init(name: text, creditCode: text)
            full.zone = .init(code: text, name: text)
            full.industry = .init(section: "C", sectionName: text, division: "13", divisionName: text)
            full.sizeBand = .init(code: "Y1", name: text)
            full.constructionContent = text
            (full.plannedStart, full.plannedCompletion, full.actualStart, full.actualCompletion) = ("2026-01-01", text, "2025-12-31", text)
            (full.constructionNature, full.suspendedFrom, full.stageNote) = ("newStart", text, text)
            full.levels.append(text)
            full.tags.append(.init(code: text, name: text))
            full.leadDepartment = .init(code: "CC-FGW", name: text)
            full.supportDepartments.append(.init(code: text, name: "部门\(index)"))
            full.sponsor = .init(positionId: Int64(index), title: text, unitName: text, holderName: index.isMultiple(of: 2) ? nil : text)
            full.secretary = .init(positionId: .max, title: text, unitName: text, holderName: text)
            full.flags.append(.init(code: text, label: text, severity: "warning"))
        }
        var located = full
        located.location = .init(address: "九台区\"超达大街\"", longitude: 125.8437112, latitude: -0.1 - 0.2)
        var westward = located
        westward.location = .init(address: "", longitude: 1e-7, latitude: nil)
        (westward.totalInvestment, westward.version, westward.id) = (.max, .min, .min)
        westward.createdAt = Date(timeIntervalSince1970: -1.5)
        westward.updatedAt = Date(timeIntervalSince1970: 1_764_400_000.999)
        return [dto, bare, full, located, westward]
    }

    @Test("each demo project, bare and with every member present, and their page are the synthesised encoding byte for byte")
    func sameBytes() async throws {
        try await withWeb(demoProjects: 40) { fixture, _ in
            let catalog = fixture.services.catalog()
            var query = ProjectQuery()
            query.perPage = 40
            let page = try await fixture.services.projects.list(query, scope: .everything, catalog: catalog, today: webToday)
            #expect(page.projects.count == 40)
            var compared = 0
            for project in page.projects {
                for dto in Self.shapes(of: ProjectDTO(project, catalog: catalog, today: webToday)) {
                    let hand = try Self.byHand(dto)
                    #expect(hand == (try Self.synthesised(dto)))
                    compared += 1
                }
            }
            #expect(compared == 200)
            // The page around them, its figures by stage in the dictionary's order.
            let list = ProjectListDTO(page, catalog: catalog, today: webToday)
            #expect(list.byStage.count > 1)
            let sink = JSONSink()
            try list.writeJSON(into: sink)
            #expect(String(decoding: sink.bytes, as: UTF8.self) == String(decoding: try JSONStream.encode(SynthesisedList(list: list)), as: UTF8.self))
            #expect(try JSONStream.encode(list) == sink.bytes, "the page is written by hand when it is the value encoded")
            // Bytes Foundation must write (a coordinate that is not finite) hand the value to it whole, which refuses it, as before.
            var broken = ProjectDTO(page.projects[0], catalog: catalog, today: webToday)
            broken.location.longitude = .nan
            #expect(throws: (any Error).self) { try JSONStream.encode(broken) }
        }
    }
}
