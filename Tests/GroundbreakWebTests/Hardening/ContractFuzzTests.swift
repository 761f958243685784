import Foundation
import GroundbreakDomain
@testable import GroundbreakStore
import GroundbreakTestSupport
@testable import GroundbreakWeb
import Hummingbird
import HummingbirdTesting
import Testing

/// Schemathesis (from PyPI) against the served OpenAPI document, on a live server with demo
/// data, once with a token for each kind of seat: a bounded run with a fixed seed. Any server
/// error, undocumented status, wrong content type or response outside its schema fails the test;
/// the server must still answer afterwards. Reports land in test-output/schemathesis/.
@Suite("API contract under fuzzing")
struct ContractFuzzTests {
    static var isRequired: Bool { ProcessInfo.processInfo.environment["GROUNDBREAK_REQUIRE_FUZZER"] == "1" }
    /// Seconds per seat; the whole run stays within a few minutes on two cores.
    static var secondsPerSeat: Int { Int(ProcessInfo.processInfo.environment["GROUNDBREAK_FUZZ_SECONDS"] ?? "") ?? 40 }

    static let seats: [(username: String, roles: Set<Role>, unit: OrgUnit?)] = [
        ("fuzz-center", [.center], OrgUnit(kind: .department, code: "CC-XMZX")),
        ("fuzz-region", [.region], OrgUnit(kind: .region, code: "220104")),
        ("fuzz-department", [.department], OrgUnit(kind: .department, code: "CC-GXJ")),
        ("fuzz-supervision", [.supervision], OrgUnit(kind: .department, code: "CC-DCS")),
        ("fuzz-viewer", [.viewer], nil),
    ]

    @Test("schemathesis finds no server error, no crash and no schema violation for any seat")
    func fuzz() async throws {
        guard let schemathesis = ChildProcess.find("st") ?? ChildProcess.find("schemathesis") else {
            if Self.isRequired { Issue.record("schemathesis 未安装（pip install schemathesis），GROUNDBREAK_REQUIRE_FUZZER=1"); return }
            try Test.cancel("跳过：本机没有 schemathesis（pip install schemathesis）。CI 设置 GROUNDBREAK_REQUIRE_FUZZER=1 时会失败而不是跳过。")
        }
        let output = testOutputDirectory + "/schemathesis"
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        try await withTestStore(.sqlite) { store in
            _ = try await DemoLoader(database: store.database).load(count: 150, today: SystemWallClock().today(), actor: .system("test"))
            var settings = AppSettings()
            settings.bcryptCost = 4
            settings.attachmentsDirectory = NSTemporaryDirectory() + "groundbreak-fuzz-\(UUID().uuidString)"
            let services = try await AppServices(settings: settings, database: store.database)
            var tokens: [(String, String)] = []
            for seat in Self.seats {
                let account = try await services.users.create(
                    username: seat.username, settings: AccountSettings(displayName: seat.username, roles: seat.roles, unit: seat.unit, positionId: nil),
                    passwordHash: try await Passwords.hash("Fuzz#2026-pass", cost: 4), mustChangePassword: false, actor: .system("test"))
                tokens.append((seat.username, try await services.tokens.issue(userId: account.id, name: "fuzz", actor: .system("test")).token))
            }
            let seatsAndTokens = tokens
            let app = Application(router: GroundbreakApplication.router(services: services),
                                  configuration: .init(address: .hostname("127.0.0.1", port: 0)))
            try await app.test(.live) { client in
                let base = "http://127.0.0.1:\(try #require(client.port))"
                for (seat, token) in seatsAndTokens {
                    let log = output + "/\(seat).txt"
                    try? FileManager.default.removeItem(atPath: log)
                    let pid = try ChildProcess.spawn([
                        schemathesis, "run", base + "/api/v1/openapi.json", "--url", base,
                        "-H", "Authorization: Bearer \(token)",
                        "--checks", "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance",
                        "--phases", "examples,coverage,fuzzing", "--seed", "2026", "--max-examples", "10", "--generation-database", "none",
                        "--max-time", String(Self.secondsPerSeat), "--request-timeout", "20", "--no-color",
                        "--report", "junit", "--report-junit-path", output + "/\(seat).xml",
                    ], outputPath: log, environment: ["SCHEMATHESIS_HOOKS": "", "PYTHONIOENCODING": "utf-8"])
                    let status = await ChildProcess.waitAsync(pid)
                    let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
                    let summary = text.split(separator: "\n").suffix(25).joined(separator: "\n")
                    #expect(status == 0, "schemathesis as \(seat) exited \(status); see \(log)\n\(summary)")
                    let health = try await client.execute(uri: "/healthz", method: .get)
                    #expect(health.status == .ok, "the server still answers after \(seat)'s run")
                }
            }
        }
    }
}
