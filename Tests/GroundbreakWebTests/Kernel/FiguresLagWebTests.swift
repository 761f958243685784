import Foundation
import GroundbreakDomain
import GroundbreakOffice
import GroundbreakStore
import GroundbreakTestSupport
@testable import GroundbreakWeb
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// After a change, a dashboard read by someone else is answered the figures already computed —
/// saying so — while the newest are computed once in the background; whoever made the change
/// (by their account, their cookie or the `Groundbreak-Seen` header) waits for the newest.
@Suite("Dashboards after a change", .serialized)
struct FiguresLagWebTests {
    static let lead = #"{"title":"滞后检验项目","investor":{"name":"某公司","kind":"privateOwned"},"channel":"industryChain","unit":"region:220106"}"#

    @Test("another reader gets the kept ranking at once with its age; the writer, a reader naming the write and the next reader get the newest", arguments: allEngines)
    func othersMayLag(engine: DatabaseEngine) async throws {
        try await withWeb(engine, demoProjects: 40) { fixture, client in
            let month = Month(webToday).iso
            let api = "/api/v1/assessment?month=\(month)", page = "/assessment?month=\(month)"
            let reader = try await fixture.signedIn(as: "ly-lag", roles: [.region], unit: OrgUnit(kind: .region, code: "220106"))
            let first = try await client.send(.get, api, as: reader)
            let before = try #require(FiguresCacheTests.leads(first, unit: "region:220106"))
            #expect(first.headers[ReadRouting.figuresLagHeader] == nil)
            _ = try await client.send(.get, page, as: reader)

            let created = try await client.send(.post, "/api/v1/leads", as: fixture, json: Self.lead)
            #expect(created.status == .created)
            let generation = try await fixture.services.database.primaryGeneration().data
            #expect(created.headers[ReadRouting.generationHeader] == String(generation), "the write names the figures generation it moved to")

            // The first read after the change lags for certain; the background computation may end
            // before the next one, which then has the newest.
            let laggingPage = try await client.send(.get, page, as: reader)
            let age = try #require(laggingPage.headers[ReadRouting.figuresLagHeader].flatMap { Int($0) }, "answered at once, with its age")
            #expect(age >= 1 && age <= 30)
            #expect(laggingPage.text.contains(WebText.Figures.lagging(age)), "the page says its figures are as old as its header does")
            #expect(FiguresCacheTests.leadsCell(laggingPage.text, unit: "region:220106") == FiguresCacheTests.leadsRatio(first, unit: "region:220106"),
                    "the kept ranking, as the API gave it before the change")
            let lagging = try await client.send(.get, api, as: reader)
            if lagging.headers[ReadRouting.figuresLagHeader] != nil {
                #expect(FiguresCacheTests.leads(lagging, unit: "region:220106") == before, "the API lags alike")
            } else {
                #expect(FiguresCacheTests.leads(lagging, unit: "region:220106") == before + 1, "or has the newest, once computed")
            }

            var naming = HTTPFields()
            naming[ReadRouting.seenHeader] = String(generation)
            let named = try await client.send(.get, api, as: reader, headers: naming)
            #expect(FiguresCacheTests.leads(named, unit: "region:220106") == before + 1 && named.headers[ReadRouting.figuresLagHeader] == nil,
                    "a reader naming the write waits for the newest")
            let next = try await client.send(.get, api, as: reader)
            #expect(FiguresCacheTests.leads(next, unit: "region:220106") == before + 1 && next.headers[ReadRouting.figuresLagHeader] == nil)
            let freshBook = try await client.send(.get, "/assessment.xlsx?month=\(month)", as: reader)
            let freshCells = try Self.cells(freshBook).joined()
            #expect(freshBook.headers[ReadRouting.figuresLagHeader] == nil && !freshCells.isEmpty && !(0...60).contains { freshCells.contains(WebText.Figures.exportLagging($0)) },
                    "an export of the newest figures names only its time")
            let nextPage = try await client.send(.get, page, as: reader)
            #expect(!nextPage.text.contains("figures-lag") && FiguresCacheTests.leadsCell(nextPage.text, unit: "region:220106") == FiguresCacheTests.leadsRatio(next, unit: "region:220106"),
                    "the page rendered from the older figures is not kept as the newest's")

            // The writer's own next read has the write, with no cookie sent back (an API program).
            #expect(try await client.send(.post, "/api/v1/leads", as: fixture, json: Self.lead).status == .created)
            let own = try await client.send(.get, api, as: fixture)
            #expect(FiguresCacheTests.leads(own, unit: "region:220106") == before + 2 && own.headers[ReadRouting.figuresLagHeader] == nil)
            // And by the cookie a browser sends back.
            let third = try await client.send(.post, "/api/v1/leads", as: fixture, json: Self.lead)
            var cookie = HTTPFields()
            cookie[.cookie] = "\(reader.cookie); \(ReadRouting.seenCookie)=\(third.headers[ReadRouting.generationHeader] ?? "")"
            let byCookie = try await client.send(.get, api, as: reader, signedIn: false, headers: cookie)
            #expect(FiguresCacheTests.leads(byCookie, unit: "region:220106") == before + 3 && byCookie.headers[ReadRouting.figuresLagHeader] == nil)

            // A project moves the ledger's counter with the figures' (one statement on PostgreSQL): named alike.
            let project = try await client.send(.post, "/api/v1/projects", as: fixture, json: apiProjectBody(name: "滞后检验新建的智能装备产业园项目"))
            #expect(project.status == .created)
            #expect(project.headers[ReadRouting.generationHeader] == String(try await fixture.services.database.primaryGeneration().data))
            // The reader's next export comes from the figures kept before that change, and says how old they are.
            let book = try await client.send(.get, "/assessment.xlsx?month=\(month)", as: reader)
            let bookAge = try #require(book.headers[ReadRouting.figuresLagHeader].flatMap { Int($0) })
            let bookCells = try Self.cells(book)
            #expect(bookCells.contains { $0.contains(WebText.Figures.exportLagging(bookAge)) },
                    "the export's filter line says its figures lag, as old as its header does")
            let refused = try await client.send(.post, "/api/v1/projects", as: fixture, json: "{}")
            #expect(refused.status.code >= 400 && refused.headers[ReadRouting.generationHeader] == nil, "a refused write names nothing")
        }
    }

    @Test("the targets page and its API lag for another leader after a change, as the ranking does; the writer reads the newest")
    func targetsMayLag() async throws {
        try await withWeb(demoProjects: 40) { fixture, client in
            let reader = try await fixture.signedIn(as: "zx-lag", roles: [.center], unit: OrgUnit(kind: .department, code: "CC-XMZX"))
            let first = try await client.send(.get, "/api/v1/targets", as: reader)
            #expect(first.status == .ok && first.headers[ReadRouting.figuresLagHeader] == nil)
            _ = try await client.send(.get, "/targets", as: reader)
            let created = try await client.send(.post, "/api/v1/projects", as: fixture, json: apiProjectBody(name: "滞后检验目标页新建的智能装备产业园项目"))
            #expect(created.status == .created)
            let lagging = try await client.send(.get, "/targets", as: reader)
            let age = try #require(lagging.headers[ReadRouting.figuresLagHeader].flatMap { Int($0) }, "answered at once, with its age")
            #expect(lagging.text.contains(WebText.Figures.lagging(age)), "the page says how old its figures are")
            let own = try await client.send(.get, "/api/v1/targets", as: fixture)
            #expect(own.status == .ok && own.headers[ReadRouting.figuresLagHeader] == nil, "the writer waits for the newest")
            // The workbook of figures kept before a change says how old they are, as the page does.
            #expect(try await client.send(.post, "/api/v1/projects", as: fixture, json: apiProjectBody(name: "滞后检验目标表新建的智能装备产业园项目")).status == .created)
            let book = try await client.send(.get, "/targets.xlsx", as: reader)
            let bookAge = try #require(book.headers[ReadRouting.figuresLagHeader].flatMap { Int($0) })
            #expect(try Self.cells(book).contains { $0.contains(WebText.Figures.exportLagging(bookAge)) })
        }
    }

    static func cells(_ book: TestResponse) throws -> [String] {
        try SpreadsheetReader.read(Array(book.body.readableBytesView)).rows.flatMap { $0.map(\.text) }
    }

    @Test("with the lag set to 0 every reader waits for the newest figures")
    func noLag() async throws {
        try await withTestStore(.sqlite) { store in
            _ = try await DemoLoader(database: store.database).load(count: 20, today: webToday, actor: .system("test"), now: webNow)
            var settings = WebFixture.settings()
            settings.figuresMaxLag = 0
            try await withWeb(on: store, settings: settings) { fixture, client in
                let api = "/api/v1/assessment?month=\(Month(webToday).iso)"
                let reader = try await fixture.signedIn(as: "ly-exact", roles: [.region], unit: OrgUnit(kind: .region, code: "220106"))
                let before = try #require(FiguresCacheTests.leads(try await client.send(.get, api, as: reader), unit: "region:220106"))
                let created = try await client.send(.post, "/api/v1/leads", as: fixture, json: Self.lead)
                #expect(created.status == .created && created.headers[ReadRouting.generationHeader] == nil, "nothing to name without a lag or a replica")
                let after = try await client.send(.get, api, as: reader)
                #expect(FiguresCacheTests.leads(after, unit: "region:220106") == before + 1 && after.headers[ReadRouting.figuresLagHeader] == nil)
            }
        }
    }

    @Test("the lag allowed is 0–60 seconds")
    func setting() throws {
        var settings = AppSettings()
        #expect(settings.figuresMaxLag == 30)
        for bad in [-1.0, 61] {
            settings.figuresMaxLag = bad
            #expect(throws: AppSettings.InvalidSetting.self) { try settings.validated() }
        }
        settings.figuresMaxLag = 60
        #expect(try settings.validated().figuresMaxLag == 60)
    }
}
