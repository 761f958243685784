import Foundation
import GroundbreakDomain
import GroundbreakOffice
import Hummingbird

/// The reserve page's two tables a leader takes away: 龙头/标志性 against their minimums per unit,
/// and the conversion of each year's entries into starts — the same figures as the page.
enum ReserveExports {
    typealias T = WebText.Reserve

    static func designations(_ input: EndpointRequest) async throws -> Response {
        let listing = try await ReservePages.base(input)
        let rules = input.services.reserveRules
        let lines = listing.figures.designations
        let sheet = ListSheet(title: T.designations, filterLine: WebText.Common.filterLine(T.asOf(T.allVisible, input.today.iso), Format.dateTime(input.now)),
                              columns: [.init(T.serial, width: 6, .integer), .init(T.unit, width: 22), .init(T.designation, width: 14), .init(T.count, width: 10, .integer),
                                        .init(T.minimum, width: 10, .integer), .init(T.metColumn, width: 10)],
                              rows: lines.enumerated().map { index, line in
                                  [.integer(index + 1), .text(line.unit.name(input.catalog)), .text(rules.designations.first { $0.tag == line.tag }?.name ?? line.tag),
                                   .integer(line.count), .integer(line.minimum), .text(line.met ? T.met : T.unmet)]
                              })
        return try await Download.file(contentType: Download.xlsxType, name: T.designationsFile, fallback: "reserve-designations.xlsx") {
            try ListWorkbook.write(sheet, to: $0, created: input.now, countLine: T.designationsCount(lines.count, lines.filter(\.met).count))
        }
    }

    static func conversion(_ input: EndpointRequest) async throws -> Response {
        let listing = try await ReservePages.base(input)
        let lines = listing.figures.conversion
        let sheet = ListSheet(title: T.conversion, filterLine: WebText.Common.filterLine(T.asOf(T.allVisible, input.today.iso), Format.dateTime(input.now)),
                              columns: [.init(T.enteredYear, width: 12), .init(T.entered, width: 12, .integer), .init(T.started, width: 12, .integer), .init(T.rate, width: 12)],
                              rows: lines.map { line in
                                  [.text(String(line.year)), .integer(line.entered), .integer(line.started), .text(line.percent.map { Decimals.percent($0) } ?? T.none)]
                              })
        return try await Download.file(contentType: Download.xlsxType, name: T.conversionFile, fallback: "reserve-conversion.xlsx") {
            try ListWorkbook.write(sheet, to: $0, created: input.now, countLine: T.conversionCount(lines.reduce(0) { $0 + $1.entered }, lines.reduce(0) { $0 + $1.started }))
        }
    }
}
