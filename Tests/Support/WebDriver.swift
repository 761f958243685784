import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOFoundationCompat

/// A minimal W3C WebDriver client for chromedriver: enough to open pages, fill forms, click and
/// take screenshots.
public final class WebDriver: @unchecked Sendable {
    public struct Failure: Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    let base: URL
    var sessionId = ""
    private let driverProcess: pid_t

    public static var chromium: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    public static var chromedriver: String? {
        ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    public static var isAvailable: Bool { chromium != nil && chromedriver != nil }

    public static var isRequired: Bool {
        ProcessInfo.processInfo.environment["GROUNDBREAK_REQUIRE_BROWSER"] == "1"
    }

    /// Starts chromedriver on a free loopback port and a headless Chromium session: a 1440×1000
    /// desktop window, or with `phone` a 390×844 touch screen at 3× (Chromium's mobile emulation).
    public static func start(logPath: String, phone: Bool = false) async throws -> WebDriver {
        guard let chromium, let chromedriver else { throw Failure(message: "Chromium 或 chromedriver 未安装") }
        try FileManager.default.createDirectory(atPath: (logPath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let port = Int.random(in: 20_000...40_000)
        let pid = try ChildProcess.spawn([chromedriver, "--port=\(port)", "--allowed-ips=127.0.0.1"], outputPath: logPath)
        let driver = WebDriver(base: URL(string: "http://127.0.0.1:\(port)")!, process: pid)
        for _ in 0..<100 {
            if (try? await driver.request("GET", "/status")) != nil { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        var options: [String: Any] = [
            "binary": chromium,
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1440,1000", "--lang=zh-CN"],
        ]
        if phone {
            options["mobileEmulation"] = ["deviceMetrics": ["width": 390, "height": 844, "pixelRatio": 3.0, "touch": true],
                                          "userAgent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile"]
        }
        let capabilities: [String: Any] = ["capabilities": ["alwaysMatch": ["browserName": "chrome", "goog:chromeOptions": options]]]
        let session = try await driver.request("POST", "/session", capabilities)
        guard let value = session["value"] as? [String: Any], let id = value["sessionId"] as? String else {
            await driver.stop()
            throw Failure(message: "无法创建浏览器会话：\(session)")
        }
        driver.sessionId = id
        return driver
    }

    private init(base: URL, process: pid_t) {
        self.base = base
        self.driverProcess = process
    }

    /// Ends the browser session and chromedriver.
    public func stop() async {
        if !sessionId.isEmpty {
            _ = try? await request("DELETE", "/session/\(sessionId)")
        }
        _ = try? await request("GET", "/shutdown")
        await ChildProcess.stop(driverProcess)
    }

    @discardableResult
    func request(_ method: String, _ path: String, _ body: [String: Any]? = nil) async throws -> [String: Any] {
        var request = HTTPClientRequest(url: base.absoluteString + path)
        request.method = .init(rawValue: method)
        if let body {
            request.body = .bytes(ByteBuffer(data: try JSONSerialization.data(withJSONObject: body)))
            request.headers.add(name: "Content-Type", value: "application/json")
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
        let data = Data(buffer: try await response.body.collect(upTo: 64 << 20))
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { throw Failure(message: "无效的 WebDriver 响应") }
        if let value = object["value"] as? [String: Any], let error = value["error"] as? String {
            throw Failure(message: "WebDriver \(method) \(path)：\(error) \(value["message"] ?? "")")
        }
        return object
    }

    func session(_ method: String, _ path: String, _ body: [String: Any]? = nil) async throws -> Any? {
        try await request(method, "/session/\(sessionId)\(path)", body)["value"]
    }

    public func open(_ url: String) async throws {
        try await session("POST", "/url", ["url": url])
    }

    public func currentURL() async throws -> String {
        try await session("GET", "/url") as? String ?? ""
    }

    public func title() async throws -> String {
        try await session("GET", "/title") as? String ?? ""
    }

    /// The element id of the first match for a CSS selector.
    public func find(_ css: String) async throws -> String {
        guard let value = try await session("POST", "/element", ["using": "css selector", "value": css]) as? [String: Any],
              let id = value.values.first as? String
        else { throw Failure(message: "找不到元素 \(css)") }
        return id
    }

    public func findAll(_ css: String) async throws -> [String] {
        let values = try await session("POST", "/elements", ["using": "css selector", "value": css]) as? [[String: Any]] ?? []
        return values.compactMap { $0.values.first as? String }
    }

    public func type(_ css: String, _ text: String) async throws {
        let id = try await find(css)
        try await session("POST", "/element/\(id)/clear", [:])
        try await session("POST", "/element/\(id)/value", ["text": text])
    }

    public func click(_ css: String) async throws {
        let id = try await find(css)
        try await session("POST", "/element/\(id)/click", [:])
    }

    public func text(_ css: String) async throws -> String {
        let id = try await find(css)
        return try await session("GET", "/element/\(id)/text") as? String ?? ""
    }

    public func text(ofElement id: String) async throws -> String {
        try await session("GET", "/element/\(id)/text") as? String ?? ""
    }

    /// Chooses the option with `value` in a `<select>`.
    public func select(_ css: String, value: String) async throws {
        try await click("\(css) option[value=\"\(value)\"]")
    }

    /// Forgets the session cookies: the next page is seen signed out.
    public func clearCookies() async throws {
        try await session("DELETE", "/cookie")
    }

    /// Runs JavaScript in the page and returns its result.
    public func script(_ source: String) async throws -> Any? {
        try await session("POST", "/execute/sync", ["script": source, "args": [Any]()])
    }

    /// Writes a PNG screenshot of the viewport.
    public func screenshot(to path: String) async throws {
        guard let base64 = try await session("GET", "/screenshot") as? String, let data = Data(base64Encoded: base64) else {
            throw Failure(message: "截图失败")
        }
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: path))
    }

    /// Waits until `condition` holds, polling; for page loads after a click.
    public func waitUntil(timeout: Duration = .seconds(15), _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if (try? await condition()) == true { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw Failure(message: "等待超时")
    }
}
