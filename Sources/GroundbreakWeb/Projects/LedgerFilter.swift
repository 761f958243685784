import GroundbreakDomain

extension ProjectQuery {
    /// The ledger's filter in words, as its printout and workbook name it ("全部项目" when none).
    func described(_ catalog: ReferenceCatalog, today: Day, schemes: [ClassificationScheme] = [], lists: [YearList] = []) -> String {
        typealias T = WebText.Projects
        var parts: [String] = []
        if let code = regionCode { parts.append(T.filterPart(T.regionShort, catalog.region(code)?.name ?? code)) }
        if let code = zoneCode { parts.append(T.filterPart(T.zone, catalog.zone(code)?.name ?? code)) }
        if !stages.isEmpty { parts.append(T.filterPart(T.stage, stages.map(\.label).joined(separator: "、"))) }
        if let code = categoryCode { parts.append(T.filterPart(T.category, catalog.category(code)?.name ?? code)) }
        if let code = industrySection { parts.append(T.filterPart(T.industrySection, catalog.section(code)?.name ?? code)) }
        if let code = industryDivision { parts.append(T.filterPart(T.industryDivisionShort, catalog.division(code)?.name ?? code)) }
        if let code = sizeBand { parts.append(T.filterPart(T.sizeBand, catalog.sizeBands.first { $0.code == code }?.label ?? code)) }
        if let level { parts.append(T.filterPart(T.levels, level.label)) }
        if let code = tag { parts.append(T.filterPart(T.tags, catalog.tag(code)?.name ?? code)) }
        if let code = leadDepartmentCode { parts.append(T.filterPart(T.leadDepartment, catalog.department(code)?.name ?? code)) }
        if let minInvestment { parts.append(T.investmentAtLeast(minInvestment.exactWanText)) }
        if let maxInvestment { parts.append(T.investmentAtMost(maxInvestment.exactWanText)) }
        if let nature { parts.append(T.filterPart(T.natureOfYear(natureYear ?? today.year), nature.label)) }
        if let id = schemeClassId {
            let scheme = schemes.first { $0.classes.contains { $0.id == id } }
            parts.append(T.filterPart(scheme?.name ?? T.schemeClass, scheme?.classes.first { $0.id == id }?.name ?? String(id)))
        }
        if owed { parts.append(T.owedOnly) }
        if let light { parts.append(T.filterPart(WebText.Ledger.light, WebText.Ledger.lightName(light.label))) }
        if let id = yearListId {
            let list = lists.first { $0.id == id }
            parts.append(list.map { T.onList($0.year, catalog.region($0.regionCode)?.name ?? $0.regionCode, StatisticsText.band($0.threshold)) } ?? T.onListNumber(id))
        }
        if let text, !text.isEmpty { parts.append(T.keyword(text)) }
        return parts.isEmpty ? WebText.Imports.allProjects : parts.joined(separator: WebText.Common.filterSeparator)
    }
}
