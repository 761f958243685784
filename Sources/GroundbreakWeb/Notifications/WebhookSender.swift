import AsyncHTTPClient
import Crypto
import Foundation
import GroundbreakDomain
import GroundbreakStore
import NIOCore
import NIOHTTP1

/// Posts a delivery's JSON to its webhook, signed so the receiver can tell it came from us and
/// was not replayed: `X-Groundbreak-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`.
public struct WebhookSender: Sendable {
    public let client: HTTPClient
    public let timeout: TimeAmount

    public init(client: HTTPClient = .shared, timeout: TimeAmount = .seconds(10)) {
        self.client = client
        self.timeout = timeout
    }

    public static func signature(secret: String, timestamp: Int, body: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("\(timestamp).\(body)".utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return "t=\(timestamp),v1=" + Hex.encode(mac)
    }

    /// The receiver's status code, or nil with the reason it could not be reached.
    public func send(_ delivery: WebhookDelivery, to webhook: Webhook, now: Date) async -> (statusCode: Int?, error: String) {
        var request = HTTPClientRequest(url: webhook.url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
        request.headers.add(name: "User-Agent", value: "Groundbreak-Webhook/1")
        request.headers.add(name: "X-Groundbreak-Event", value: delivery.eventType)
        request.headers.add(name: "X-Groundbreak-Delivery", value: String(delivery.id))
        request.headers.add(name: "X-Groundbreak-Signature",
                            value: Self.signature(secret: webhook.secret, timestamp: Int(now.timeIntervalSince1970), body: delivery.payload))
        request.body = .bytes(ByteBuffer(string: delivery.payload))
        do {
            let response = try await client.execute(request, timeout: timeout)
            _ = try? await response.body.collect(upTo: 64 * 1024)
            let code = Int(response.status.code)
            return (code, (200..<300).contains(code) ? "" : WebText.Notifications.receiverAnswered(code))
        } catch {
            return (nil, WebText.Notifications.undeliverable(error))
        }
    }
}
