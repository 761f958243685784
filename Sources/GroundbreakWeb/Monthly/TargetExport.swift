import Foundation
import GroundbreakDomain
import GroundbreakOffice
import Hummingbird

/// A unit's targets and 序时进度 as a workbook, with the same figures and wording as the page.
enum TargetExport {
    static func filterText(_ query: TargetPages.Query, catalog: ReferenceCatalog) -> String {
        WebText.Monthly.targetsFilter(query.unit.name(catalog), query.month.label)
    }

    static func xlsx(_ input: EndpointRequest) async throws -> Response {
        guard let query = try TargetPages.query(input, input.queryItems, offered: TargetPages.offeredUnits(input), strict: true) else {
            throw AppError(.forbidden, kind: "forbidden", title: WebText.Monthly.unitOutsideScope)
        }
        let readings = try await TargetPages.readings(input, query)
        let groundwork = try await GroundworkReadings.read(input, unit: query.unit, on: GroundworkReadings.day(ending: query.month, today: input.today))
        typealias T = WebText.Monthly
        let sheet = ListSheet(
            title: T.targetsOf(query.unit.name(input.catalog), query.month.label),
            filterLine: WebText.Common.filterLine(filterText(query, catalog: input.catalog), input.exportTime),
            columns: [.init(T.indicator, width: 30, .wrapped), .init(T.annualTarget, width: 16), .init(T.timeProgress, width: 10), .init(T.done, width: 16),
                      .init(T.bulletinMeasure, width: 44, .wrapped)],
            rows: readings.map { reading in
                [.text(reading.indicator.label), .text(TargetsPage.format(reading.target?.value, reading.indicator.kind)),
                 .text(TargetsPage.percent(reading.timeProgress)), .text(TargetsPage.format(reading.actual, reading.indicator.kind)), .text(reading.bulletin)]
            } + groundwork.map { reading in
                // The front of the chain: the time column carries the day the figure is read to.
                [.text(reading.measure.name), .text(GroundworkSection.target(reading)), .text(reading.asOf.iso), .text(GroundworkSection.done(reading)), .text(reading.sentence)]
            })
        return try await Download.workbook(sheet, name: T.targetsFileName(query.unit.name(input.catalog), query.month.iso), fallback: "targets.xlsx", now: input.now)
    }
}
