import Foundation
import GroundbreakDomain
import Plot

/// Every scheme with its classes; the centre edits a class in place and confirms what an import added.
struct SchemesPage {
    var context: PageContext
    var schemes: [ClassificationScheme]
    var counts: [Int64: Int]
    var catalog: ReferenceCatalog
    var manages: Bool
    var errors: [FieldError]
    var editing: Int64?

    typealias T = WebText.Schemes

    var document: HTML {
        Layout.document(title: T.title, context: context, nav: .ledger, content: .group(
            .h1(.text(T.title)),
            .p(.class("meta"), .text(T.lead)),
            Components.errorSummary(errors),
            .if(schemes.isEmpty, .p(.class("notice"), .text(T.none))),
            .forEach(schemes) { scheme($0) },
            .if(manages, newSchemeForm)
        ))
    }

    var categoryOptions: [Components.Option] {
        catalog.assignableCategories.map { Components.Option($0.code, $0.name) }
    }

    func scheme(_ scheme: ClassificationScheme) -> Node<HTML.BodyContext> {
        .section(.class("card"),
                 .h2(.text(T.heading(catalog.region(scheme.regionCode)?.name ?? scheme.regionCode, scheme.name))),
                 .div(.class("table-wrap"), .table(.class("ledger"),
                    .thead(.tr(.th(.text(T.name)), .th(.text(T.shortName)), .th(.text(T.category)), .th(.text(T.synonyms)), .th(.class("num"), .text(T.projects)),
                               .if(manages, .th(.text(T.edit))))),
                    .tbody(.forEach(scheme.classes) { row($0, scheme: scheme) }))),
                 .if(manages, addForm(scheme)))
    }

    func row(_ item: SchemeClass, scheme: ClassificationScheme) -> Node<HTML.TableContext> {
        let form = "class\(item.id)"
        let name: Node<HTML.BodyContext> = .group(.text(item.name), .if(!item.confirmed, .span(.class("flag flag-warning"), .text(T.unconfirmed))))
        guard manages else {
            return .tr(.td(.class("name"), name), .td(.text(item.shortName)), .td(.text(item.categoryCode.flatMap { catalog.category($0)?.name } ?? T.noCategory)),
                       .td(.text(item.synonyms.joined(separator: "、"))), .td(.class("num"), .text(String(counts[item.id] ?? 0))))
        }
        return .tr(
            .td(.class("name"), name,
                .form(.method(.post), .action(esc(Route.editSchemeClass(item.id).path)), .id(form),
                      Layout.csrfField(context), .input(.type(.hidden), .name("version"), .value(String(scheme.version))),
                      .input(.type(.hidden), .name("confirmed"), .value("true")))),
            .td(.input(.type(.text), .name("shortName"), .value(esc(item.shortName)), .attribute(named: "form", value: form),
                       .attribute(named: "aria-label", value: T.shortName))),
            .td(Components.select("categoryCode", options: categoryOptions, selected: [item.categoryCode ?? ""], blank: T.noCategory, form: form, owner: form)),
            .td(.textarea(.name("synonyms"), .rows(2), .attribute(named: "form", value: form), .attribute(named: "aria-label", value: T.synonyms),
                          .text(item.synonyms.joined(separator: "\n")))),
            .td(.class("num"), .text(String(counts[item.id] ?? 0))),
            .td(.input(.type(.hidden), .name("name"), .value(esc(item.name)), .attribute(named: "form", value: form)),
                .button(.type(.submit), .class("button secondary"), .attribute(named: "form", value: form), .text(item.confirmed ? T.save : T.confirm)))
        )
    }

    func addForm(_ scheme: ClassificationScheme) -> Node<HTML.BodyContext> {
        .form(.method(.post), .action(esc(Route.addSchemeClass(scheme.id).path)), .class("inline-form"),
              Layout.csrfField(context), .input(.type(.hidden), .name("version"), .value(String(scheme.version))),
              .div(.class("field-grid"),
                   Components.textField("name", label: T.name, value: "", required: true, form: "add\(scheme.id)"),
                   Components.textField("shortName", label: T.shortName, value: "", form: "add\(scheme.id)"),
                   Components.selectField("categoryCode", label: T.category, options: categoryOptions, selected: "", blank: T.noCategory, form: "add\(scheme.id)")),
              .button(.type(.submit), .class("button secondary"), .text(T.addClass)))
    }

    var newSchemeForm: Node<HTML.BodyContext> {
        .form(.method(.post), .action(esc(Route.createScheme.path)), .class("card"),
              Layout.csrfField(context),
              .h2(.text(T.newScheme)),
              .div(.class("field-grid"),
                   Components.selectField("regionCode", label: T.region, options: catalog.assignableRegions.map { .init($0.code, $0.name) }, selected: "", required: true),
                   Components.textField("name", label: T.schemeName, value: "", required: true)),
              .button(.type(.submit), .class("button"), .text(T.create)))
    }
}
