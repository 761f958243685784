import Foundation
import GroundbreakDomain

/// The create and edit form. It always renders from raw input, so a refused submission comes
/// back exactly as typed, with each problem beside its field.
struct ProjectFormPage {
    enum Mode {
        case create(stage: String)
        case edit(project: Project)
    }

    var context: PageContext
    var mode: Mode
    var input: ProjectInput
    var catalog: ReferenceCatalog
    var errors: [FieldError] = []
    /// Set when the project changed under the user: the current version to resubmit against.
    var conflictVersion: Int?

    func messages(_ field: String) -> [String] {
        errors.filter { $0.field == field }.map(\.message)
    }

    var title: String {
        switch mode {
        case .create: WebText.Project.create
        case .edit(let project): WebText.Projects.editTitle(project.fields.name)
        }
    }

    var action: String {
        switch mode {
        case .create: Route.ledger.path
        case .edit(let project): Route.editProject(project.id).path
        }
    }

    var version: Int? {
        guard case .edit(let project) = mode else { return nil }
        return conflictVersion ?? project.version
    }

    /// Reads the form fields into raw input; the names match the JSON keys.
    static func input(from form: FormData) -> ProjectInput {
        var input = ProjectInput()
        input.name = form["name"]
        input.code = form["code"]
        input.ownerName = form["ownerName"]
        input.ownerCreditCode = form["ownerCreditCode"]
        input.regionCode = form["regionCode"]
        input.zoneCode = form["zoneCode"]
        input.categoryCode = form["categoryCode"]
        input.industryDivision = form["industryDivision"]
        input.investmentType = form["investmentType"]
        input.totalInvestmentWan = form["totalInvestment"]
        input.constructionContent = form["constructionContent"]
        input.address = form["address"]
        input.longitude = form["longitude"]
        input.latitude = form["latitude"]
        input.plannedStart = form["plannedStart"]
        input.plannedCompletion = form["plannedCompletion"]
        input.actualStart = form["actualStart"]
        input.actualCompletion = form["actualCompletion"]
        input.levels = form.all("levels")
        input.tags = form.all("tags")
        input.leadDepartmentCode = form["leadDepartmentCode"]
        input.supportDepartmentCodes = form.all("supportDepartmentCodes")
        input.sponsorPositionId = form["sponsorPositionId"]
        input.secretaryPositionId = form["secretaryPositionId"]
        return input
    }
}
