import Foundation
import GroundbreakDomain
@testable import GroundbreakStore
import GroundbreakTestSupport
@testable import GroundbreakWeb
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

let webToday = Day(year: 2026, month: 11, day: 23)!
let webNow = webToday.startInChina.addingTimeInterval(10 * 3600)

/// An application over a fresh store, with a signed-in administrator.
struct WebFixture: Sendable {
    let store: TestStore
    let services: AppServices
    let clock: FixedWallClock
    let sessionToken: String
    let csrfToken: String
    let userId: Int64

    var cookie: String { "\(AuthenticationMiddleware.cookieName)=\(sessionToken)" }

    static func settings() -> AppSettings {
        var settings = AppSettings()
        settings.bcryptCost = 4
        settings.maxBodyBytes = 64 * 1024
        return settings
    }
}

/// Records the pauses sign-in throttling asks for, instead of sleeping.
final class PauseRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [Duration] = []

    func pause(_ duration: Duration) {
        lock.withLock { recorded.append(duration) }
    }

    var pauses: [Duration] { lock.withLock { recorded } }
}

func withWeb<T: Sendable>(
    _ engine: DatabaseEngine = .sqlite, demoProjects: Int = 0, pauses: PauseRecorder = PauseRecorder(),
    _ body: @escaping @Sendable (WebFixture, any TestClientProtocol) async throws -> T
) async throws -> T {
    try await withTestStore(engine) { store in
        if demoProjects > 0 {
            _ = try await DemoLoader(database: store.database).load(count: demoProjects, today: webToday, actor: .system("test"), now: webNow)
        }
        let clock = FixedWallClock(webNow)
        let settings = WebFixture.settings()
        let services = try await AppServices(settings: settings, database: store.database, clock: clock, pause: { pauses.pause($0) })
        let hash = try await Passwords.hash("Passw0rd!", cost: 4)
        let user = try await services.users.create(
            username: "center", settings: AccountSettings(displayName: "项目中心张三", roles: [.admin], unit: OrgUnit(kind: .department, code: "CC-XMZX"), positionId: nil),
            passwordHash: hash, mustChangePassword: false, actor: .system("test"), now: webNow
        )
        let (token, record) = try await services.sessions.create(
            userId: user.id, now: webNow, expiresAt: webNow.addingTimeInterval(settings.sessionAbsoluteTimeout), sourceIP: "127.0.0.1", userAgent: "test"
        )
        let fixture = WebFixture(store: store, services: services, clock: clock, sessionToken: token, csrfToken: record.csrfToken, userId: user.id)
        let app = Application(router: GroundbreakApplication.router(services: services))
        return try await app.test(.router) { client in
            try await body(fixture, client)
        }
    }
}

extension WebFixture {
    /// Adds an account and a live session for it; returns a fixture acting as that user.
    func signedIn(
        as username: String, roles: Set<Role>, unit: OrgUnit? = nil, positionId: Int64? = nil, mustChange: Bool = false
    ) async throws -> WebFixture {
        let hash = try await Passwords.hash("Passw0rd!", cost: 4)
        let user = try await services.users.create(
            username: username, settings: AccountSettings(displayName: username, roles: roles, unit: unit, positionId: positionId),
            passwordHash: hash, mustChangePassword: mustChange, actor: .system("test"), now: clock.now()
        )
        return try await session(for: user.id)
    }
}

extension WebFixture {
    /// The same user, signed in again (after a route that ended the session).
    func newSession() async throws -> WebFixture {
        try await session(for: userId)
    }

    func session(for userId: Int64) async throws -> WebFixture {
        let (token, record) = try await services.sessions.create(
            userId: userId, now: clock.now(), expiresAt: clock.now().addingTimeInterval(3600), sourceIP: "127.0.0.1", userAgent: "test"
        )
        return WebFixture(store: store, services: services, clock: clock, sessionToken: token, csrfToken: record.csrfToken, userId: userId)
    }
}

extension TestClientProtocol {
    /// A request as the signed-in user (or anonymous with `signedIn: false`).
    func send(
        _ method: HTTPRequest.Method, _ path: String, as fixture: WebFixture, signedIn: Bool = true,
        json: String? = nil, form: [(String, String)]? = nil, csrf: Bool = true, headers extra: HTTPFields = [:]
    ) async throws -> TestResponse {
        var headers = extra
        if signedIn { headers[.cookie] = fixture.cookie }
        var body: ByteBuffer?
        if let json {
            headers[.contentType] = "application/json"
            if csrf { headers[HTTPField.Name("X-CSRF-Token")!] = fixture.csrfToken }
            body = ByteBuffer(string: json)
        }
        if var form {
            if csrf { form.append(("_csrf", fixture.csrfToken)) }
            headers[.contentType] = "application/x-www-form-urlencoded"
            body = ByteBuffer(string: form.map { "\(Route.encode($0.0))=\(Route.encode($0.1))" }.joined(separator: "&"))
        }
        return try await execute(uri: path, method: method, headers: headers, body: body)
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    var json: Any? { try? JSONSerialization.jsonObject(with: Data(text.utf8)) }

    var object: [String: Any] { (json as? [String: Any]) ?? [:] }

    var location: String? { headers[.location] }
}

/// A valid create body for the API.
func apiProjectBody(name: String = "长春汽开区新能源汽车零部件产业园项目", code: String? = nil, stage: String? = nil) -> String {
    var object: [String: Any] = [
        "name": name, "regionCode": "220106", "zoneCode": "220174", "categoryCode": "IND-MFG", "industryDivision": "36",
        "investmentType": "enterprise", "totalInvestment": 1_200_000_000, "ownerName": "长春某汽车零部件有限公司",
        "ownerCreditCode": "91440300708461136T", "plannedStart": "2027-04-15", "levels": ["cityKey"], "tags": ["SANZAO"],
        "leadDepartmentCode": "CC-GXJ", "supportDepartmentCodes": ["CC-ZRZY"],
    ]
    if let code { object["code"] = code }
    if let stage { object["stage"] = stage }
    return String(decoding: try! JSONSerialization.data(withJSONObject: object), as: UTF8.self)
}
