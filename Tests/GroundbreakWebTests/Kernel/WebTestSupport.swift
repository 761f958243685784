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
        settings.maxUploadBytes = 256 * 1024
        settings.attachmentsDirectory = NSTemporaryDirectory() + "groundbreak-attachments-\(UUID().uuidString)"
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
        return try await withWeb(on: store, settings: WebFixture.settings(), pauses: pauses, body)
    }
}

/// The application over `store`, with a signed-in administrator.
func withWeb<T: Sendable>(
    on store: TestStore, settings: AppSettings, pauses: PauseRecorder = PauseRecorder(),
    _ body: @escaping @Sendable (WebFixture, any TestClientProtocol) async throws -> T
) async throws -> T {
    let clock = FixedWallClock(webNow)
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

/// An enterprise's manufacturing project of 1亿 in a district, as the tests create them.
func sampleProject(_ name: String, region: String = "220104") -> ProjectInput {
    var input = ProjectInput()
    input.name = name
    input.regionCode = region
    input.categoryCode = "IND-MFG"
    input.investmentType = "enterprise"
    input.totalInvestmentWan = "10000"
    input.ownerName = "长春某制造有限公司"
    return input
}

/// The smallest byte string our store takes for a PNG: its signature, then anything.
let tinyPNG: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array("IHDR-not-a-real-image".utf8)

extension TestClientProtocol {
    /// A `multipart/form-data` form post with one file, as a browser sends it.
    func sendMultipart(_ path: String, as fixture: WebFixture, signedIn: Bool = true, fields: [(String, String)], file: (field: String, name: String, bytes: [UInt8])?,
                       csrf: Bool = true) async throws -> TestResponse {
        let boundary = "----groundbreak\(UUID().uuidString)"
        var body: [UInt8] = []
        for (name, value) in fields + (csrf ? [("_csrf", fixture.csrfToken)] : []) {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        if let file {
            let type = file.name.hasSuffix(".png") ? "image/png" : "application/octet-stream"
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\nContent-Type: \(type)\r\n\r\n".utf8)
            body += file.bytes + Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        var headers: HTTPFields = [.contentType: "multipart/form-data; boundary=\(boundary)"]
        if signedIn { headers[.cookie] = fixture.cookie }
        return try await execute(uri: path, method: .post, headers: headers, body: ByteBuffer(bytes: body))
    }

    /// An image as the whole body, for the API.
    /// A raw body (an image, a spreadsheet) with the session's cookie and CSRF header.
    func sendImage(_ path: String, as fixture: WebFixture, signedIn: Bool = true, bytes: [UInt8], contentType: String = "image/png") async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: contentType]
        if signedIn {
            headers[.cookie] = fixture.cookie
            headers[HTTPField.Name("X-CSRF-Token")!] = fixture.csrfToken
        }
        return try await execute(uri: path, method: .post, headers: headers, body: ByteBuffer(bytes: bytes))
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
