import Foundation
import GroundbreakDomain
import GroundbreakOffice
import GroundbreakStore
import Hummingbird

/// A task force's biweekly dispatch of its industry groups' leads (seed 003): the page, its
/// workbook and the API read one `LeadDispatch`.
enum LeadDispatchPages {
    typealias T = WebText.Leads

    /// `through=2026-11-27`: the period's last day, today when absent; a day to come is refused.
    static func through(_ input: EndpointRequest) throws -> Day {
        let asked = FormData(pairs: input.queryItems)["through"]
        guard !asked.isEmpty else { return input.today }
        guard let day = Day.parse(asked), Day.plausibleYears.contains(day.year), day <= input.today else {
            throw AppError.badQuery(ValidationFailure([FieldError("through", .dateInvalid)]))
        }
        return day
    }

    /// The task force's groups over the leads the reader sees.
    static func dispatch(_ input: EndpointRequest) async throws -> (TaskForce, LeadDispatch) {
        guard let taskForce = input.taskForce, let principal = input.principal else { throw AppError.notFound }
        let through = try through(input)
        let leads = try await input.services.leads.leads(reach: Policy.leadReach(.viewLeads, of: principal, catalog: input.catalog))
        return (taskForce, LeadDispatch(groups: taskForce.groups, leads: leads, moves: try await input.services.leads.advances(),
                                        catalog: input.services.leadCatalog, through: through))
    }

    static func page(_ input: EndpointRequest) async throws -> Response {
        let (taskForce, dispatch) = try await dispatch(input)
        return Responses.html(LeadDispatchPage(context: PageContext(input), taskForce: taskForce, dispatch: dispatch, catalog: input.services.leadCatalog,
                                               reference: input.catalog).document)
    }

    static func xlsx(_ input: EndpointRequest) async throws -> Response {
        let (taskForce, dispatch) = try await dispatch(input)
        let catalog = input.services.leadCatalog
        let rows: [[ListSheet.Value]] = dispatch.groups.flatMap { group in
            group.lines.map { line in
                [.text(group.name), .text(line.lead.title), .text(line.lead.investor.name), .text(line.lead.unit.name(input.catalog)),
                 .text(catalog.stageName(line.lead.stageCode)), .integer(line.daysAtStage), .text(line.lead.lastActivityOn.iso),
                 .text(line.advanced ? T.yes : ""), .text(line.stale ? T.staleMark : ""), .text(line.lead.handlerName)]
            }
        }
        let sheet = ListSheet(title: T.dispatchTitle, filterLine: WebText.Common.filterLine(T.dispatchHeading(taskForce.name, dispatch.from.iso, dispatch.through.iso),
                                                                                             Format.dateTime(input.now)),
                              columns: [.init(T.group, width: 14), .init(T.leadTitle, width: 28, .wrapped), .init(T.investor, width: 26, .wrapped),
                                        .init(T.unit, width: 12), .init(T.stage, width: 8), .init(T.daysAtStage, width: 8, .integer),
                                        .init(T.lastActivity, width: 11), .init(T.advancedInPeriod, width: 8), .init(T.stale, width: 10), .init(T.handler, width: 8)],
                              rows: rows)
        return try await Download.file(contentType: Download.xlsxType, name: T.dispatchFile(dispatch.through.iso), fallback: "lead-dispatch.xlsx") {
            try ListWorkbook.write(sheet, to: $0, created: input.now, countLine: T.count(rows.count))
        }
    }

    static func api(_ input: EndpointRequest) async throws -> Response {
        let (taskForce, dispatch) = try await dispatch(input)
        return try Responses.json(LeadDispatchDTO(taskForce, dispatch, input))
    }
}
