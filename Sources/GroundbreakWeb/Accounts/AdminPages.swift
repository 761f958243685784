import Foundation
import GroundbreakDomain
import GroundbreakStore
import HTTPTypes
import Hummingbird

/// User administration: accounts, roles, units, seats, passwords, locks and API tokens.
/// Only administrators reach these handlers (the guard asks the policy).
enum AdminPages {
    static func users(_ input: EndpointRequest) async throws -> Response {
        let page = UsersPage(context: PageContext(input), users: try await input.services.users.all(), catalog: input.catalog, now: input.now)
        return Responses.html(page.document)
    }

    static func newUser(_ input: EndpointRequest) async throws -> Response {
        Responses.html(UserFormPage(context: PageContext(input), catalog: input.catalog, account: nil, form: FormData(pairs: []), errors: []).document)
    }

    /// Reads and checks the account form; problems are listed per field.
    static func settings(from form: FormData, catalog: ReferenceCatalog) -> (AccountSettings?, [FieldError]) {
        var errors: [FieldError] = []
        let name = TextNormalizer.collapsedLine(form["displayName"])
        if name.isEmpty { errors.append(FieldError("displayName", .required(field: "displayName"))) }
        var roles: Set<Role> = []
        for raw in form.all("roles") {
            if let role = Role(rawValue: raw) { roles.insert(role) } else { errors.append(FieldError("roles", .unknownCode(field: "roles", code: raw))) }
        }
        if roles.isEmpty { errors.append(FieldError("roles", .required(field: "roles"))) }
        var unit: OrgUnit?
        if !form["unit"].isEmpty {
            unit = catalog.orgUnit(form["unit"])
            if unit == nil { errors.append(FieldError("unit", .unknownCode(field: "unit", code: form["unit"]))) }
        } else if !roles.isSubset(of: [.admin, .secretary, .sponsor]) {
            errors.append(FieldError("unit", .required(field: "unit")))
        }
        var position: Int64?
        if !form["positionId"].isEmpty {
            position = Int64(form["positionId"])
            if position.flatMap({ catalog.position($0) }) == nil {
                errors.append(FieldError("positionId", .unknownCode(field: "positionId", code: form["positionId"])))
            }
        } else if !roles.isDisjoint(with: [.secretary, .sponsor]) {
            errors.append(FieldError("positionId", .required(field: "positionId")))
        }
        guard errors.isEmpty else { return (nil, errors) }
        return (AccountSettings(displayName: name, roles: roles, unit: unit, positionId: position, disabled: form["disabled"] == "1"), [])
    }

    static func createUser(_ input: EndpointRequest) async throws -> Response {
        let form = input.form ?? FormData(pairs: [])
        let catalog = input.catalog
        var (settings, errors) = settings(from: form, catalog: catalog)
        let username = form["username"].trimmingCharacters(in: .whitespaces)
        if username.isEmpty { errors.append(FieldError("username", .required(field: "username"))) }
        func refuse(_ errors: [FieldError]) -> Response {
            Responses.html(UserFormPage(context: PageContext(input), catalog: catalog, account: nil, form: form, errors: errors).document,
                           status: .unprocessableContent)
        }
        guard errors.isEmpty, let settings else { return refuse(errors) }
        var generator = SystemRandomNumberGenerator()
        let password = PasswordPolicy.temporaryPassword(using: &generator)
        let hash = try await Passwords.hash(password, cost: input.services.settings.bcryptCost)
        do {
            let account = try await input.services.users.create(
                username: username, settings: settings, passwordHash: hash, mustChangePassword: true, actor: input.actor, now: input.now
            )
            return Responses.html(OneTimeSecretPage(
                context: PageContext(input), title: WebText.Accounts.userCreated(account.username), label: WebText.Accounts.initialPassword,
                secret: password, note: WebText.Accounts.initialPasswordHint,
                back: .adminUser(account.id)
            ).document, status: .created)
        } catch let problem as UserRepository.Problem {
            return refuse([FieldError("username", .field(problem.description))])
        }
    }

    static func showUser(_ input: EndpointRequest) async throws -> Response {
        let account = try input.requireTargetUser()
        let tokens = try await input.services.tokens.tokens(userId: account.id)
        let notices = ["saved": WebText.Accounts.saved, "unlocked": WebText.Accounts.unlocked, "locked": WebText.Accounts.locked, "revoked": WebText.Accounts.tokenRevoked]
        let page = UserFormPage(context: PageContext(input), catalog: input.catalog, account: account, form: UserFormPage.form(for: account),
                                errors: [], tokens: tokens, now: input.now,
                                notice: input.queryItems.first { $0.0 == "notice" }.flatMap { notices[$0.1] })
        return Responses.html(page.document)
    }

    static func updateUser(_ input: EndpointRequest) async throws -> Response {
        let account = try input.requireTargetUser()
        let form = input.form ?? FormData(pairs: [])
        let (settings, errors) = settings(from: form, catalog: input.catalog)
        guard errors.isEmpty, let settings else {
            let page = UserFormPage(context: PageContext(input), catalog: input.catalog, account: account, form: form, errors: errors)
            return Responses.html(page.document, status: .unprocessableContent)
        }
        _ = try await input.services.users.update(id: account.id, settings: settings, actor: input.actor, now: input.now)
        return Responses.redirect(to: Route.adminUser(account.id).path(notice: "saved"))
    }

    /// A new one-time password; the user must change it at the next sign-in; all sessions end.
    static func resetPassword(_ input: EndpointRequest) async throws -> Response {
        let account = try input.requireTargetUser()
        var generator = SystemRandomNumberGenerator()
        let password = PasswordPolicy.temporaryPassword(using: &generator)
        let hash = try await Passwords.hash(password, cost: input.services.settings.bcryptCost)
        try await input.services.users.setPassword(id: account.id, hash: hash, mustChange: true, keepSession: nil,
                                                   action: "password-reset", actor: input.actor, now: input.now)
        return Responses.html(OneTimeSecretPage(
            context: PageContext(input), title: WebText.Accounts.passwordReset(account.username), label: WebText.Accounts.temporaryPassword, secret: password,
            note: WebText.Accounts.temporaryPasswordHint, back: .adminUser(account.id)
        ).document)
    }

    /// `action=lock` locks the account until an administrator unlocks it; `action=unlock` clears any lock.
    static func lockUser(_ input: EndpointRequest) async throws -> Response {
        let account = try input.requireTargetUser()
        let lock = input.form?["action"] == "lock"
        try await input.services.users.setLock(id: account.id, until: lock ? .distantFuture : nil, actor: input.actor, now: input.now)
        return Responses.redirect(to: Route.adminUser(account.id).path(notice: lock ? "locked" : "unlocked"))
    }

    static func issueToken(_ input: EndpointRequest) async throws -> Response {
        let account = try input.requireTargetUser()
        let name = TextNormalizer.collapsedLine(input.form?["name"] ?? "")
        guard !name.isEmpty, name.count <= 100 else {
            throw AppError.validation(ValidationFailure([FieldError("name", .required(field: "tokenName"))]))
        }
        let (token, _) = try await input.services.tokens.issue(userId: account.id, name: name, actor: input.actor, now: input.now)
        return Responses.html(OneTimeSecretPage(
            context: PageContext(input), title: WebText.Accounts.tokenIssued(account.username, name), label: WebText.Accounts.apiToken, secret: token,
            note: WebText.Accounts.apiTokenHint,
            back: .adminUser(account.id)
        ).document, status: .created)
    }

    static func revokeToken(_ input: EndpointRequest) async throws -> Response {
        guard let token = input.targetToken else { throw AppError.notFound }
        try await input.services.tokens.revoke(id: token.id, actor: input.actor, now: input.now)
        return Responses.redirect(to: Route.adminUser(token.userId).path(notice: "revoked"))
    }
}

extension EndpointRequest {
    func requireTargetUser() throws -> UserAccount {
        guard let targetUser else { throw AppError.notFound }
        return targetUser
    }
}
