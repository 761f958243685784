import GroundbreakDomain

/// 通报: drafts generated from the month's figures, edited and issued by the centre, read by every unit.
enum BulletinsEndpoints: String, EndpointSet {
    case bulletinsPage, bulletinCreate, bulletinShow, bulletinSave, bulletinRegenerate, bulletinIssue, bulletinDiscard, bulletinDocx
    case apiBulletins, apiBulletinCreate, apiBulletin, apiBulletinEdit, apiBulletinRegenerate, apiBulletinIssue, apiBulletinDiscard

    static let navigation = [NavigationEntry(.bulletins, order: 46, label: WebText.Nav.bulletins, route: .bulletins, requires: .viewRanking)]

    static let feature = "bulletins"

    var declaration: EndpointDeclaration {
        switch self {
        case .bulletinsPage: .get("/bulletins", .viewRanking, BulletinPages.list)
        case .bulletinCreate: .post("/bulletins", .manageBulletins, BulletinPages.create)
        case .bulletinShow: .get("/bulletins/:id", .viewRanking, on: .bulletin, BulletinPages.show)
        case .bulletinSave: .post("/bulletins/:id", .manageBulletins, on: .bulletin, BulletinPages.save)
        case .bulletinRegenerate: .post("/bulletins/:id/regenerate", .manageBulletins, on: .bulletin, BulletinPages.regenerate)
        case .bulletinIssue: .post("/bulletins/:id/issue", .manageBulletins, on: .bulletin, BulletinPages.issue)
        case .bulletinDiscard: .post("/bulletins/:id/discard", .manageBulletins, on: .bulletin, BulletinPages.discard)
        case .bulletinDocx: .get("/bulletins/:id/bulletin.docx", .viewRanking, on: .bulletin, BulletinPages.docx)
        case .apiBulletins: .get("/api/v1/bulletins", .viewRanking, BulletinsAPI.list)
        case .apiBulletinCreate: .post("/api/v1/bulletins", .manageBulletins, BulletinsAPI.create)
        case .apiBulletin: .get("/api/v1/bulletins/:id", .viewRanking, on: .bulletin, BulletinsAPI.show)
        case .apiBulletinEdit: .patch("/api/v1/bulletins/:id", .manageBulletins, on: .bulletin, BulletinsAPI.edit)
        case .apiBulletinRegenerate: .post("/api/v1/bulletins/:id/regenerate", .manageBulletins, on: .bulletin, BulletinsAPI.regenerate)
        case .apiBulletinIssue: .post("/api/v1/bulletins/:id/issue", .manageBulletins, on: .bulletin, BulletinsAPI.issue)
        case .apiBulletinDiscard: .post("/api/v1/bulletins/:id/discard", .manageBulletins, on: .bulletin, BulletinsAPI.discard)
        }
    }
}

/// The feature's typed links.
extension Route {
    private typealias E = BulletinsEndpoints

    static var bulletins: Route { Route(E.bulletinsPage) }
    static var createBulletin: Route { Route(E.bulletinCreate) }
    static func bulletin(_ id: Int64) -> Route { Route(E.bulletinShow, id: id) }
    static func saveBulletin(_ id: Int64) -> Route { Route(E.bulletinSave, id: id) }
    static func regenerateBulletin(_ id: Int64) -> Route { Route(E.bulletinRegenerate, id: id) }
    static func issueBulletin(_ id: Int64) -> Route { Route(E.bulletinIssue, id: id) }
    static func discardBulletin(_ id: Int64) -> Route { Route(E.bulletinDiscard, id: id) }
    static func bulletinDocx(_ id: Int64) -> Route { Route(E.bulletinDocx, id: id) }
}

extension NavItem {
    static let bulletins = NavItem("bulletins")
}
