import Foundation
import GroundbreakDomain
import Plot

extension LedgerPage {
    var document: HTML {
        Layout.document(title: WebText.Ledger.title, context: context, nav: .ledger, content: .group(
            .div(
                .class("page-head"),
                .h1(.text(WebText.Ledger.title)),
                .div(
                    .class("actions"),
                    .if(context.may(.createProject), .a(.class("button"), .href(esc(Route.newProject.path)), .text(WebText.Nav.newProject))),
                    .if(context.may(.editProject), .a(.class("button secondary"), .href(esc(Route.imports.path)), .text(WebText.Ledger.importLedger))),
                    .a(.class("button secondary"), .href(esc(Route.ledgerCSV(query).path)), .text(WebText.Ledger.exportCSV))
                )
            ),
            Components.errorSummary(queryErrors, title: WebText.Errors.badQuery),
            filterForm,
            stageChips,
            lightStrip,
            Components.listTools(filter: query.described(catalog, today: context.today, schemes: schemes, lists: lists), xlsx: .ledgerXLSX(query)),
            table,
            Components.pagination(page: page.page, pageCount: page.pageCount, link: pageLink)
        ))
    }

    /// 红黄绿灯 of the filtered set as the daily record last gave them, each a link narrowing the ledger.
    private var lightStrip: Node<HTML.BodyContext> {
        guard let asOf = lightsAsOf else { return .empty }
        return .p(.class("light-strip"), .text(WebText.Ledger.lightsAsOf(asOf)), .forEach([WarningColour.red, .yellow, .green]) { colour in
            var next = query
            next.light = colour
            next.page = 1
            return .a(.href(esc(Route.ledger(next).path)), .class("light-count"),
                      .span(.class("light light-\(colour.rawValue)"), .text(colour.label)), .text(" \(lightCounts[colour] ?? 0)"))
        })
    }

    private var filterForm: Node<HTML.BodyContext> {
        .form(
            .method(.get), .action(esc(Route.ledger.path)), .class("filters"), .attribute(named: "role", value: "search"),
            // On a phone only the keyword and the region show until 更多筛选 is ticked (ticked
            // already when one of the others is in use), so the first project is in view.
            .input(.type(.checkbox), .id("more-filters"), .class("more-toggle"), .checked(hasSecondaryFilters),
                   .attribute(named: "aria-label", value: WebText.Ledger.moreFilters)),
            .div(.class("filter-grid"), .group(filterControls)),
            .label(.for("more-filters"), .class("more-button"), .text(WebText.Ledger.moreFilters)),
            .input(.type(.hidden), .name("sort"), .value(esc(query.sort.rawValue))),
            .input(.type(.hidden), .name("order"), .value(query.descending ? "desc" : "asc")),
            .unwrap(query.natureYear) { .input(.type(.hidden), .name("year"), .value(esc(String($0)))) },
            .div(
                .class("filter-actions"),
                .button(.type(.submit), .class("button"), .text(WebText.Ledger.filter)),
                .if(hasFilters, .a(.class("button secondary"), .href(esc(Route.ledger.path)), .text(WebText.Ledger.reset))),
                .label(
                    .class("per-page"), .text(WebText.Projects.perPagePrefix),
                    Components.select("perPage", options: ProjectQuery.perPageChoices.map { .init(String($0), String($0)) },
                                      selected: [String(query.perPage)], blank: nil),
                    .text(WebText.Projects.perPageSuffix)
                )
            )
        )
    }

    private var filterControls: [Node<HTML.FormContext>] {
        let all = WebText.Ledger.allOption
        let year = query.natureYear ?? context.today.year
        let stageOptions: [Components.Option] = Stage.allCases.map { .init($0.rawValue, $0.label) }
        let levelOptions: [Components.Option] = ProjectLevel.allCases.map { .init($0.rawValue, $0.label) }
        let natureOptions: [Components.Option] = YearActivity.allCases.map { .init($0.rawValue, $0.label) }
        let classOptions: [Components.Option] = schemes.flatMap { scheme in
            scheme.classes.map { Components.Option(String($0.id), $0.name, group: WebText.Schemes.heading(catalog.region(scheme.regionCode)?.name ?? scheme.regionCode, scheme.name)) }
        }
        let keyword: Node<HTML.FormContext> = .input(
            .type(.search), .name("q"), .id(Components.fieldID("q")), .value(esc(query.text ?? "")),
            .placeholder(esc(WebText.Ledger.keywordPlaceholder))
        )
        var controls: [Node<HTML.FormContext>] = [filter("q", WebText.Ledger.keyword, keyword)]
        let selects: [(String, String, [Components.Option], Set<String>)] = [
            ("region", WebText.Projects.regionShort, catalog.regionOptions, [query.regionCode ?? ""]),
            ("zone", WebText.Projects.zone, catalog.zoneOptions, [query.zoneCode ?? ""]),
            ("stage", WebText.Projects.stage, stageOptions, Set(query.stages.map(\.rawValue))),
            ("category", WebText.Projects.category, catalog.categoryFilterOptions, [query.categoryCode ?? ""]),
            ("section", WebText.Projects.industrySection, catalog.sectionOptions, [query.industrySection ?? ""]),
            ("division", WebText.Projects.industryDivisionShort, catalog.divisionOptions, [query.industryDivision ?? ""]),
            ("sizeBand", WebText.Projects.sizeBand, catalog.bandOptions, [query.sizeBand ?? ""]),
            ("level", WebText.Projects.levels, levelOptions, [query.level?.rawValue ?? ""]),
            ("tag", WebText.Projects.tags, catalog.tagOptions, [query.tag ?? ""]),
            ("leadDepartment", WebText.Projects.leadDepartment, catalog.departmentOptions, [query.leadDepartmentCode ?? ""]),
            ("nature", WebText.Projects.natureOfYear(year), natureOptions, [query.nature?.rawValue ?? ""]),
            ("class", WebText.Projects.schemeClass, classOptions, [query.schemeClassId.map(String.init) ?? ""]),
            ("owed", WebText.Projects.owed, [.init("true", WebText.Projects.owedOnly)], [query.owed ? "true" : ""]),
            ("light", WebText.Ledger.light, WarningColour.allCases.reversed().map { .init($0.rawValue, WebText.Ledger.lightName($0.label)) }, [query.light?.rawValue ?? ""]),
        ]
        for (name, label, options, selected) in selects {
            controls.append(filter(name, label, Components.select(name, options: options, selected: selected, blank: all)))
        }
        let range: Node<HTML.FormContext> = .div(
            .class("filter range secondary"),
            .label(.for(Components.fieldID("minWan")), .text(WebText.Projects.totalInvestmentWan)),
            .div(
                .class("range-inputs"),
                .input(.type(.text), .name("minWan"), .id(Components.fieldID("minWan")), .value(esc(query.minInvestment?.exactWanText ?? "")),
                       .placeholder(WebText.Projects.atLeast), .attribute(named: "inputmode", value: "decimal")),
                .span(.text("—")),
                .input(.type(.text), .name("maxWan"), .value(esc(query.maxInvestment?.exactWanText ?? "")),
                       .placeholder(WebText.Projects.atMost), .attribute(named: "inputmode", value: "decimal"), .attribute(named: "aria-label", value: WebText.Projects.maximumInvestmentWan))
            )
        )
        controls.append(range)
        return controls
    }

    private func filter<C: HTML.BodyContext>(_ name: String, _ label: String, _ control: Node<C>) -> Node<C> {
        .div(.class(["q", "region"].contains(name) ? "filter" : "filter secondary"), .label(.for(Components.fieldID(name)), .text(label)), control)
    }

    /// A filter other than the keyword and the region is in use.
    private var hasSecondaryFilters: Bool {
        query.items.contains { !["q", "region", "sort", "order", "page", "perPage"].contains($0.0) }
    }

    private var stageChips: Node<HTML.BodyContext> {
        .div(
            .class("stage-chips"),
            .forEach(stageFigures.filter { $0.count > 0 || query.stages.contains($0.stage) }) { figure in
                .a(
                    .class("chip stage-\(figure.stage.rawValue)" + (query.stages == [figure.stage] ? " active" : "")),
                    .href(esc(link { $0.stages = [figure.stage] })),
                    .span(.class("chip-label"), .text(figure.stage.label)),
                    .span(.class("chip-count"), .text(WebText.Projects.projectCount(Format.count(figure.count)))),
                    .span(.class("chip-amount"), .text(WebText.Projects.investmentYi(Format.yi(figure.investment))))
                )
            }
        )
    }

    private var table: Node<HTML.BodyContext> {
        .div(
            .class("table-wrap"),
            .p(.class("unit-note"), .text(WebText.Ledger.unitNote)),
            .table(
                .class("ledger"),
                .thead(.tr(
                    .th(.class("num"), .text(WebText.Projects.serial)),
                    .forEach(LedgerPage.sortableColumns) { key, title in
                        .th(
                            .class(key == .totalInvestment ? "num" : ""),
                            .attribute(named: "aria-sort", value: query.sort == key ? (query.descending ? "descending" : "ascending") : nil),
                            .a(.href(esc(sortLink(key))), .text(title + (query.sort == key ? (query.descending ? " ▼" : " ▲") : "")))
                        )
                    },
                    .th(.text(WebText.Projects.categoryShort)),
                    .th(.text(WebText.Projects.leadDepartment)),
                    .th(.text(WebText.Project.flags))
                )),
                .tbody(
                    .if(page.projects.isEmpty, .tr(.td(.attribute(named: "colspan", value: "11"), .class("empty"), .text(WebText.Ledger.empty)))),
                    .forEach(Array(page.projects.enumerated())) { offset, project in
                        row(project, number: firstRowNumber + offset)
                    }
                ),
                .tfoot(.tr(
                    .th(.attribute(named: "colspan", value: "4"), .class("list-total"), .attribute(named: "data-total", value: String(page.totalCount)),
                        .text(WebText.Projects.totalsLine(WebText.Ledger.totals, Format.count(page.totalCount)))),
                    .th(.class("num"), .text(Format.wan(page.totalInvestment))),
                    .th(.attribute(named: "colspan", value: "6"), .text(WebText.Projects.totalsInvestment(Format.yi(page.totalInvestment))))
                ))
            )
        )
    }

    private func row(_ project: Project, number: Int) -> Node<HTML.TableContext> {
        let fields = project.fields
        return .tr(
            .td(.class("num"), .text(String(number))),
            .td(.class("name"), .a(.href(esc(Route.project(project.id).path)), .text(fields.name))),
            .td(.class("code"), .text(fields.code?.value ?? "—")),
            .td(.text(catalog.region(fields.regionCode)?.name ?? fields.regionCode)
                + .unwrap(fields.zoneCode) { .span(.class("sub"), .text(catalog.zone($0)?.shortName ?? $0)) }),
            .td(.class("num"), .text(Format.wan(fields.totalInvestment))),
            .td(Components.stageBadge(project.stage)),
            .td(.text(Format.day(fields.plannedStart))),
            .td(.text(Format.dateTime(project.updatedAt))),
            .td(.text(catalog.category(fields.categoryCode)?.name ?? fields.categoryCode)),
            .td(.text(fields.leadDepartmentCode.flatMap { catalog.department($0)?.shortName } ?? "—")),
            .td(.class("flags"), Components.flagBadges(project.flags(rules: catalog.flagRules, today: context.today)))
        )
    }
}

extension Node {
    static func + (lhs: Node, rhs: Node) -> Node {
        .group(lhs, rhs)
    }
}
