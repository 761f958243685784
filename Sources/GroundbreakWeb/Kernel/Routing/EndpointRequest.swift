import Foundation
import GroundbreakDomain
import GroundbreakStore
import Hummingbird
import NIOCore
import NIOFoundationCompat

/// What a handler receives: the request, its context, the services, and the body already read
/// (within the size limit) for requests that change state.
struct EndpointRequest: Sendable {
    let endpoint: Endpoint
    let request: Request
    let context: AppContext
    let services: AppServices
    var body: ByteBuffer?
    var form: FormData?
    /// The object named by `:id`, loaded and cleared by the policy before the handler runs.
    var project: Project?
    var targetUser: UserAccount?
    var targetToken: APIToken?
    var approval: ProjectApproval?
    var batch: ApprovalBatch?
    var position: Position?
    var report: MonthlyReport?
    var problem: Problem?
    var supervisedItem: SupervisedItem?
    var meeting: Meeting?
    var problemFile: ProblemFile?
    var attachment: Attachment?
    /// Files of a `multipart/form-data` upload.
    var files: [Multipart.File] = []

    var principal: Principal? { context.principal }
    var actor: AuditActor { context.auditActor }
    var now: Date { services.clock.now() }
    var today: Day { services.clock.today() }
    var catalog: ReferenceCatalog { services.catalog() }

    /// The projects the caller's grants of `action` reach; what the store filters by.
    func scope(_ action: PolicyAction) -> ProjectScope {
        guard let principal else { return .nothing }
        return Policy.scope(for: action, of: principal, catalog: catalog)
    }

    /// The signed-in user; the guard has already refused anonymous callers on routes that need one.
    func requirePrincipal() throws -> Principal {
        guard let principal else { throw AppError.unauthorized }
        return principal
    }

    /// The project the guard loaded for `:id`.
    func targetProject() throws -> Project {
        guard let project else { throw AppError.notFound }
        return project
    }

    /// The numeric `:id` of the path; a non-number is a 404, like a missing row.
    func id() throws -> Int64 {
        guard let text = context.parameters.get("id"), let id = Int64(text), id > 0 else { throw AppError.notFound }
        return id
    }

    var queryItems: [(String, String)] {
        FormData(encoded: request.uri.query ?? "").pairs
    }

    /// The confirmation named by `?notice=`, only ever one of `wordings`: a link cannot make the
    /// page print text of its own as a success banner.
    func notice(_ wordings: [String: String]) -> String? {
        queryItems.first { $0.0 == "notice" }.flatMap { wordings[$0.1] }
    }

    /// Decodes a JSON body; the wrong content type is a 415, bad JSON a 400 with the reason.
    func json<T: Decodable>(_ type: T.Type) throws -> T {
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        guard contentType.hasPrefix("application/json") else { throw AppError.unsupportedMediaType }
        guard let body, body.readableBytes > 0 else {
            throw AppError(.badRequest, kind: "malformed-json", title: WebText.Problem.badJSON, detail: "请求体为空")
        }
        let data = Data(buffer: body)
        do {
            let decoded = try JSONDecoder().decode(T.self, from: data)
            try TextInputGuard.check(decoded: decoded)
            return decoded
        } catch let error as DecodingError {
            // Foundation calls a fraction or an over-large number in an integer field "not valid
            // JSON"; when the text is valid JSON, say which numbers are the trouble instead.
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty, let fields = Self.nonIntegerNumbers(in: data), !fields.isEmpty {
                throw AppError(.badRequest, kind: "invalid-type", title: WebText.Problem.invalidType, detail: WebText.Problem.notAnInteger(fields))
            }
            throw AppError(.badRequest, kind: "malformed-json", title: WebText.Problem.badJSON, detail: Self.describe(error))
        } catch let error as AppError {
            throw error
        }
    }

    /// Paths of the numbers in valid JSON that no `Int64` holds (fractions, exponents past its
    /// range); nil when the text is not JSON at all.
    static func nonIntegerNumbers(in data: Data) -> [String]? {
        guard let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { return nil }
        var paths: [String] = []
        func walk(_ value: Any, _ path: String) {
            if value is Bool { return }
            switch value {
            case let dictionary as [String: Any]:
                for key in dictionary.keys.sorted() { walk(dictionary[key]!, path.isEmpty ? key : path + "." + key) }
            case let array as [Any]:
                for (index, element) in array.enumerated() { walk(element, path + "[\(index)]") }
            case let number as NSNumber:
                let double = number.doubleValue
                if !double.isFinite || double.rounded() != double || abs(double) >= 9.2e18 { paths.append(path.isEmpty ? WebText.Problem.bodyField : path) }
            default:
                break
            }
        }
        walk(object, "")
        return paths
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return keys.isEmpty ? "请求体" : "字段 " + keys.joined(separator: ".")
        }
        switch error {
        case .typeMismatch(_, let context): return "\(path(context)) 的类型不正确"
        case .valueNotFound(_, let context): return "\(path(context)) 不能为 null"
        case .keyNotFound(let key, _): return "缺少字段 \(key.stringValue)"
        case .dataCorrupted(let context): return context.codingPath.isEmpty ? "JSON 语法错误" : "\(path(context)) 的值无效"
        @unknown default: return "JSON 无法解析"
        }
    }
}
