import Foundation
import GroundbreakDomain
import Plot

/// Building blocks shared by pages: labelled form fields that show their own errors and keep
/// what was typed, badges and pagination.
enum Components {
    struct Option: Sendable {
        var value: String
        var label: String
        /// Options of the same group are shown under an `<optgroup>`.
        var group: String?

        init(_ value: String, _ label: String, group: String? = nil) {
            self.value = value
            self.label = label
            self.group = group
        }
    }

    static func fieldID(_ name: String) -> String {
        "f-" + name
    }

    static func errors<C: HTML.BodyContext>(_ messages: [String]) -> Node<C> {
        .forEach(messages) { .p(.class("field-error"), .text($0)) }
    }

    static func label<C: HTML.BodyContext>(_ name: String, _ text: String, required: Bool, form: String = "") -> Node<C> {
        .label(.for(fieldID(form + name)), .text(text), .if(required, .span(.class("required"), .text(" *"))))
    }

    static func textField<C: HTML.BodyContext>(
        _ name: String, label text: String, value: String, errors messages: [String] = [], required: Bool = false,
        placeholder: String = "", hint: String? = nil, inputType: HTMLInputType = .text, wide: Bool = false,
        form: String = ""
    ) -> Node<C> {
        .div(
            .class("field" + (messages.isEmpty ? "" : " has-error") + (wide ? " wide" : "")),
            label(name, text, required: required, form: form),
            .input(
                .type(inputType), .name(name), .id(fieldID(form + name)), .value(esc(value)), .placeholder(esc(placeholder)),
                .attribute(named: "aria-invalid", value: messages.isEmpty ? nil : "true"),
                .attribute(named: "inputmode", value: inputMode(for: name))
            ),
            .unwrap(hint) { .p(.class("hint"), .text($0)) },
            errors(messages)
        )
    }

    /// Which keyboard a phone shows for a field: the number pad for amounts, counts and years.
    static func inputMode(for name: String) -> String? {
        let decimal: Set = ["dispatch", "statistical", "totalInvestmentWan", "plannedInvestment", "plannedInvestmentWan", "value", "minWan", "maxWan",
                            "longitude", "latitude"]
        let numeric: Set = ["progressPercent", "jobs", "year", "add", "limit", "promised"]
        let base = String(name.prefix { !$0.isNumber })
        return decimal.contains(base) ? "decimal" : numeric.contains(base) ? "numeric" : nil
    }

    static func textArea<C: HTML.BodyContext>(_ name: String, label text: String, value: String, errors messages: [String] = []) -> Node<C> {
        .div(
            .class("field wide" + (messages.isEmpty ? "" : " has-error")),
            label(name, text, required: false),
            .textarea(.name(name), .id(fieldID(name)), .rows(4), .text(value)),
            errors(messages)
        )
    }

    static func selectField<C: HTML.BodyContext>(
        _ name: String, label text: String, options: [Option], selected: String, errors messages: [String] = [],
        required: Bool = false, blank: String? = WebText.Common.choose, form: String = ""
    ) -> Node<C> {
        .div(
            .class("field" + (messages.isEmpty ? "" : " has-error")),
            label(name, text, required: required, form: form),
            select(name, options: options, selected: [selected], blank: blank, form: form),
            errors(messages)
        )
    }

    /// A plain `<select>`, grouped where options carry a group.
    /// `form` distinguishes the ids of a field repeated in several forms on one page.
    /// `owner` names the `<form>` the select belongs to when it sits outside it (a table row's cells).
    static func select<C: HTML.BodyContext>(_ name: String, options: [Option], selected: Set<String>, blank: String?, multiple: Bool = false,
                                            form: String = "", owner: String? = nil) -> Node<C> {
        var nodes: [Node<HTML.SelectContext>] = []
        if let blank { nodes.append(option("", blank, selected: selected.isEmpty || selected == [""])) }
        var index = 0
        while index < options.count {
            let group = options[index].group
            var members: [Option] = []
            while index < options.count && options[index].group == group {
                members.append(options[index])
                index += 1
            }
            let optionNodes: [Node<HTML.SelectContext>] = members.map { option($0.value, $0.label, selected: selected.contains($0.value)) }
            if let group {
                nodes.append(.element(named: "optgroup", nodes: [.attribute(named: "label", value: esc(group))] + optionNodes))
            } else {
                nodes.append(contentsOf: optionNodes)
            }
        }
        return .element(named: "select", nodes: [
            .attribute(named: "name", value: name), .attribute(named: "id", value: fieldID(form + name)),
            .attribute(named: "multiple", value: multiple ? "multiple" : nil),
            .attribute(named: "form", value: owner),
        ] + nodes)
    }

    /// Departments and regions, as an owner unit is chosen (`department:CODE`, `region:CODE`).
    static func unitOptions(_ catalog: ReferenceCatalog) -> [Option] {
        catalog.departments.map { Option("department:\($0.code)", $0.shortName, group: WebText.Common.departments) }
            + catalog.assignableRegions.map { Option("region:\($0.code)", $0.name, group: WebText.Common.regionsAndZones) }
    }

    static func option(_ value: String, _ label: String, selected: Bool) -> Node<HTML.SelectContext> {
        .element(named: "option", nodes: [
            .attribute(named: "value", value: esc(value), ignoreIfValueIsEmpty: false), .attribute(named: "selected", value: selected ? "selected" : nil), .text(label),
        ])
    }

    /// A group of checkboxes sharing one name.
    static func checkboxes<C: HTML.BodyContext>(_ name: String, label text: String, options: [Option], selected: [String], errors messages: [String] = []) -> Node<C> {
        .div(
            .class("field wide" + (messages.isEmpty ? "" : " has-error")),
            .element(named: "fieldset", nodes: [
                .element(named: "legend", text: text),
                .div(.class("checks"), .forEach(options) { option in
                    .label(
                        .class("check"),
                        .input(.type(.checkbox), .name(name), .value(esc(option.value)), .checked(selected.contains(option.value))),
                        .text(option.label)
                    )
                }),
            ]),
            errors(messages)
        )
    }

    /// Lists every problem at the top of a refused form.
    /// `form` is the id prefix of the form the errors belong to, when a page repeats one.
    static func errorSummary<C: HTML.BodyContext>(_ errors: [FieldError], title: String = WebText.Errors.validation, form: String = "") -> Node<C> {
        .if(!errors.isEmpty, .div(
            .class("alert alert-error"), .attribute(named: "role", value: "alert"),
            .strong(.text(title)),
            .ul(.forEach(errors) { error in
                .li(.a(.href(esc("#" + fieldID(form + error.field))), .text("\(error.label)：\(error.message)")))
            })
        ))
    }

    static func notice<C: HTML.BodyContext>(_ text: String?) -> Node<C> {
        .unwrap(text) { .div(.class("alert alert-ok"), .attribute(named: "role", value: "status"), .text($0)) }
    }

    static func stageBadge<C: HTML.BodyContext>(_ stage: Stage) -> Node<C> {
        .span(.class("badge stage-\(stage.rawValue)"), .text(stage.label))
    }

    static func flagBadges<C: HTML.BodyContext>(_ flags: [ProjectFlag]) -> Node<C> {
        .forEach(flags) { flag in
            .span(.class("flag flag-\(flag.severity.rawValue)"), .attribute(named: "title", value: esc(flag.label)), .text(flag.label))
        }
    }

    /// Page links: first, previous, a window around the current page, next, last.
    /// Above a list a leader reads: the filter it shows, named in words (printed with the list),
    /// its Excel download with the same filter, and a print button.
    static func listTools<C: HTML.BodyContext>(filter: String, xlsx: Route) -> Node<C> {
        .element(named: "div", nodes: [
            .class("list-tools"),
            .element(named: "p", nodes: [.class("filter-named"), .text(WebText.Common.filterNamed(filter))]),
            .element(named: "a", nodes: [.class("button secondary no-print"), .attribute(named: "href", value: esc(xlsx.path)), .text(WebText.Common.exportXLSX)]),
            .element(named: "button", nodes: [.attribute(named: "type", value: "button"), .class("button secondary no-print"),
                                              .attribute(named: "data-print", value: ""), .text(WebText.Common.print)]),
        ])
    }

    /// How many rows a list holds under its filter, in words and as `data-total` (the home page's
    /// counts are checked against it).
    static func listTotal<C: HTML.BodyContext>(_ count: Int, _ text: String) -> Node<C> {
        .element(named: "p", nodes: [.class("list-total"), .attribute(named: "data-total", value: String(count)), .text(text)])
    }

    static func pagination<C: HTML.BodyContext>(page: Int, pageCount: Int, link: (Int) -> String) -> Node<C> {
        guard pageCount > 1 else { return .empty }
        let window = Set((max(1, page - 2)...min(pageCount, page + 2)).map { $0 } + [1, pageCount])
        var nodes: [Node<HTML.BodyContext>] = []
        if page > 1 { nodes.append(.a(.href(esc(link(page - 1))), .attribute(named: "rel", value: "prev"), .text(WebText.Common.previousPage))) }
        var previous = 0
        for number in window.sorted() {
            if number - previous > 1 { nodes.append(.span(.class("gap"), .text("…"))) }
            nodes.append(number == page
                ? .span(.class("current"), .attribute(named: "aria-current", value: "page"), .text(String(number)))
                : .a(.href(esc(link(number))), .text(String(number))))
            previous = number
        }
        if page < pageCount { nodes.append(.a(.href(esc(link(page + 1))), .attribute(named: "rel", value: "next"), .text(WebText.Common.nextPage))) }
        return .element(named: "nav", nodes: [.class("pagination"), .attribute(named: "aria-label", value: WebText.Common.pagination)] + nodes.map { .element(named: "span", nodes: [$0]) })
    }
}

extension ReferenceCatalog {
    /// Options for pickers, built from the catalog.
    var regionOptions: [Components.Option] {
        assignableRegions.map { .init($0.code, $0.name) }
    }

    var zoneOptions: [Components.Option] {
        zones.map { .init($0.code, $0.parentCode == nil ? $0.name : "　" + $0.name) }
    }

    var categoryOptions: [Components.Option] {
        assignableCategories.map { category in
            .init(category.code, category.name, group: category.parentCode.flatMap { self.category($0)?.name } ?? WebText.Common.other)
        }
    }

    var categoryFilterOptions: [Components.Option] {
        categories.map { .init($0.code, $0.level == 1 ? $0.name : "　" + $0.name) }
    }

    var divisionOptions: [Components.Option] {
        divisions.map { division in
            .init(division.code, "\(division.code) \(division.name)", group: section(division.sectionCode).map { "\($0.code) \($0.name)" })
        }
    }

    var sectionOptions: [Components.Option] {
        sections.map { .init($0.code, "\($0.code) \($0.name)") }
    }

    var departmentOptions: [Components.Option] {
        departments.map { .init($0.code, $0.name, group: $0.level == "city" ? WebText.Common.cityDepartments : WebText.Common.regions) }
    }

    var tagOptions: [Components.Option] {
        tags.map { .init($0.code, $0.name) }
    }

    var bandOptions: [Components.Option] {
        sizeBands.filter { $0.minimum > .zero }.map { .init($0.code, $0.label) }
    }

    func positionOptions(_ duty: Position.Duty) -> [Components.Option] {
        positions(withDuty: duty).map { .init(String($0.id), "\($0.display) · \($0.unitName)") }
    }
}
