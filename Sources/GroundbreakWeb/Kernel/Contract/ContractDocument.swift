import Foundation
import HTTPTypes

/// The OpenAPI document, built from what the features declare: each API endpoint's declaration
/// (method, path, whether it names an object, whether it writes) and its contract, and the
/// schemas of the Swift types it takes and returns. Nothing in it is written by hand twice.
enum ContractDocument {
    /// The document as JSON bytes (keys sorted, so the same code gives the same bytes).
    static func bytes() throws -> [UInt8] {
        try [UInt8](JSONSerialization.data(withJSONObject: try build(), options: [.sortedKeys]))
    }

    static func build() throws -> SchemaObject {
        let requests = SchemaBook(direction: .request)
        let responses = SchemaBook(direction: .response)
        responses.need(ProblemDTO.self, as: "Problem")
        var paths: [String: SchemaObject] = [:]
        for (endpoint, contract) in Features.all.flatMap({ $0.contracts }) {
            guard endpoint.kind == .api, let contract else { continue }
            let path = endpoint.pattern.replacingOccurrences(of: ":id", with: "{id}")
            var item = paths[path] ?? [:]
            item[endpoint.method.rawValue.lowercased()] = try operation(endpoint, contract, requests: requests, responses: responses)
            paths[path] = item
        }
        try requests.drain()
        try responses.drain()
        var schemas = responses.components
        for (name, schema) in requests.components {
            guard schemas[name] == nil else { throw ContractError.nameUsedTwice(name) }
            schemas[name] = schema
        }
        return [
            "openapi": "3.1.0",
            "info": ["title": WebText.Contract.title, "version": "1.0.0", "description": WebText.Contract.description],
            "servers": [["url": "/"]],
            "security": [["session": [String]()], ["bearer": [String]()]],
            "components": [
                "securitySchemes": [
                    "session": ["type": "apiKey", "in": "cookie", "name": AuthenticationMiddleware.cookieName],
                    "csrf": ["type": "apiKey", "in": "header", "name": "X-CSRF-Token"],
                    "bearer": ["type": "http", "scheme": "bearer", "description": WebText.Contract.bearer],
                ],
                "schemas": schemas,
            ],
            "paths": paths,
        ]
    }

    enum ContractError: Error {
        case nameUsedTwice(String)
    }

    private static func operation(_ endpoint: Endpoint, _ contract: OperationContract, requests: SchemaBook, responses: SchemaBook) throws -> SchemaObject {
        var operation: SchemaObject = ["operationId": contract.id, "summary": contract.summary]
        var parameters: [SchemaObject] = []
        if endpoint.pattern.contains(":id") {
            parameters.append(["name": "id", "in": "path", "required": true, "schema": ["type": "integer", "minimum": 1],
                               "description": WebText.Contract.identifier(endpoint.target.name)])
        }
        for query in contract.query {
            var parameter: SchemaObject = ["name": query.name, "in": "query", "schema": query.schema]
            if let note = query.note { parameter["description"] = note }
            if query.required { parameter["required"] = true }
            parameters.append(parameter)
        }
        if !parameters.isEmpty { operation["parameters"] = parameters }
        if endpoint.action == nil {
            operation["security"] = [SchemaObject]()
        } else if endpoint.isMutation {
            operation["security"] = [["session": [String](), "csrf": [String]()], ["bearer": [String]()]]
        }
        if let body = contract.body { operation["requestBody"] = try requestBody(body, book: requests) }
        var answers: [String: SchemaObject] = [:]
        for answer in contract.answers {
            answers[String(answer.status)] = ["description": answer.note, "content": ["application/json": ["schema": try schema(answer.body, book: responses)]]]
        }
        for failure in failures(endpoint, contract) {
            answers[String(failure.status)] = ["description": failure.note,
                                               "content": ["application/problem+json": ["schema": ["$ref": "#/components/schemas/Problem"]]]]
        }
        operation["responses"] = answers
        return operation
    }

    /// The refusals the endpoint's kind implies, then the contract's own (which win).
    private static func failures(_ endpoint: Endpoint, _ contract: OperationContract) -> [Failure] {
        typealias T = WebText.Contract
        var implied: [Failure] = []
        if endpoint.action != nil {
            implied.append(Failure(status: 401, note: T.unauthenticated))
            let forbidden = endpoint.declaration.beforePasswordChange ? T.forbiddenBeforePasswordChange
                : endpoint.isMutation ? T.forbiddenWrite : T.forbiddenRead
            implied.append(.forbidden(forbidden))
        }
        if endpoint.target != .none { implied.append(.notFound(T.missing(endpoint.target.name))) }
        switch contract.body {
        case .json?:
            implied += [.badBody(T.badJSON), .tooLarge(T.bodyTooLarge), .wrongMediaType(T.notJSON), .invalid(T.invalidBody)]
        case .file?:
            implied += [.tooLarge(T.fileTooLarge), .wrongMediaType(T.wrongFileType)]
        case nil:
            break
        }
        let own = Set(contract.failures.map(\.status))
        return implied.filter { !own.contains($0.status) } + contract.failures
    }

    private static func requestBody(_ body: RequestBody, book: SchemaBook) throws -> SchemaObject {
        switch body {
        case .json(let type, let name, let notes):
            let schema: SchemaObject
            let component = name ?? (type as? any ContractSchema.Type)?.contractName
            if let component, !component.isEmpty {
                book.add(component, try SchemaRecorder.schema(of: type, book: book, notes: notes))
                schema = ["$ref": "#/components/schemas/\(component)"]
            } else {
                schema = try SchemaRecorder.schema(of: type, book: book, notes: notes)
            }
            return ["required": true, "content": ["application/json": ["schema": schema]]]
        case .file(let mediaTypes):
            var content: SchemaObject = [:]
            for mediaType in mediaTypes { content[mediaType] = ["schema": ["type": "string", "format": "binary"]] }
            return ["required": true, "content": content]
        }
    }

    private static func schema(_ body: Answer.Body, book: SchemaBook) throws -> SchemaObject {
        switch body {
        case .object: return ["type": "object"]
        case .one(let type): return try reference(type, book: book)
        case .list(let type): return ["type": "array", "items": try reference(type, book: book)]
        }
    }

    /// A named type by reference; an unnamed one written out.
    private static func reference(_ type: any Decodable.Type, book: SchemaBook) throws -> SchemaObject {
        if let described = type as? any ContractSchema.Type, let name = described.contractName {
            book.need(described, as: name)
            return ["$ref": "#/components/schemas/\(name)"]
        }
        return try SchemaRecorder.schema(of: type, book: book)
    }
}

extension ProblemDTO: ContractSchema {
    static let contractName: String? = "Problem"
    static let fieldNotes: [String: [FieldNote]] = ["title": [.note(WebText.Contract.problemTitle)], "currentVersion": [.note(WebText.Contract.currentVersion)]]
}

extension ProblemDTO.FieldProblem: ContractSchema {}
