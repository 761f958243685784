import Foundation
import GroundbreakDomain
import Plot

/// The rules in force, each with its thresholds and basis; the centre edits them into a new version.
struct WarningRulesPage {
    var context: PageContext
    var rules: WarningRuleSet
    var history: [WarningRuleSet]
    var manages: Bool
    var errors: [FieldError]
    var form: FormData?

    typealias T = WebText.Warnings

    var document: HTML {
        Layout.document(title: T.rulesTitle, context: context, nav: .warnings, content: .group(
            .h1(.text(T.rulesTitle)),
            .p(.class("meta"), .text(T.ruleLine(rules.version, rules.validFrom, rules.author, rules.reason))),
            Components.errorSummary(errors),
            manages ? editForm : readOnly,
            .h2(.text(T.versions)),
            .if(history.isEmpty, .p(.class("meta"), .text(T.onlyShipped))),
            .ul(.forEach(history) { .li(.text(T.ruleLine($0.version, $0.validFrom, $0.author, $0.reason))) })
        ))
    }

    func value(_ key: String, _ stored: Double?) -> String {
        if let form { return form[key] }
        return stored.map { $0.rounded() == $0 ? String(Int($0)) : String($0) } ?? ""
    }

    var readOnly: Node<HTML.BodyContext> {
        .div(.class("table-wrap"), .table(.class("ledger"),
            .thead(.tr(.th(.text(T.rule)), .th(.class("num"), .text(T.yellow)), .th(.class("num"), .text(T.red)), .th(.text(T.basis)))),
            .tbody(.forEach(rules.rules) { rule in
                .tr(.td(.text(rule.code)), .td(.class("num"), .text(value("", rule.yellowAt))), .td(.class("num"), .text(value("", rule.redAt))),
                    .td(.text(rule.basis)))
            })))
    }

    var editForm: Node<HTML.BodyContext> {
        .form(.method(.post), .action(esc(Route.saveWarningRules.path)), .class("card"),
              Layout.csrfField(context),
              .input(.type(.hidden), .name("version"), .value(String(rules.version))),
              .div(.class("table-wrap"), .table(.class("ledger"),
                .thead(.tr(.th(.text(T.rule)), .th(.text(T.yellow)), .th(.text(T.red)), .th(.text(T.basis)))),
                .tbody(.forEach(rules.rules) { rule in
                    .tr(.td(.text(rule.code)),
                        .td(.input(.type(.text), .name("yellow_\(rule.code)"), .value(esc(value("yellow_\(rule.code)", rule.yellowAt))),
                                   .attribute(named: "inputmode", value: "decimal"), .attribute(named: "aria-label", value: T.yellowOf(rule.code)))),
                        .td(.input(.type(.text), .name("red_\(rule.code)"), .value(esc(value("red_\(rule.code)", rule.redAt))),
                                   .attribute(named: "inputmode", value: "decimal"), .attribute(named: "aria-label", value: T.redOf(rule.code)))),
                        .td(.text(rule.basis)))
                }))),
              Components.textField("reason", label: T.reason, value: form?["reason"] ?? "", errors: errors.filter { $0.field == "reason" }.map(\.message),
                                   required: true, wide: true),
              .p(.class("meta"), .text(T.saveHint)),
              .button(.type(.submit), .class("button"), .text(T.saveVersion(rules.version + 1))))
    }
}
