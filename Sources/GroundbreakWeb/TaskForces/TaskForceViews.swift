import Foundation
import GroundbreakDomain
import Plot

/// The task forces the reader may read.
struct TaskForceListPage {
    var context: PageContext
    var taskForces: [TaskForce]
    var catalog: ReferenceCatalog
    var errors: [FieldError]
    var form: FormData

    typealias T = WebText.TaskForces

    var document: HTML {
        Layout.document(title: T.title, context: context, nav: .taskForces, content: .group(
            .h1(.text(T.title)),
            .p(.class("meta"), .text(T.lead)),
            .if(context.may(.manageTaskForces), createForm),
            taskForces.isEmpty ? .p(.class("notice"), .text(T.none)) : .div(.class("table-wrap"), .table(.class("ledger"),
                .thead(.tr(.th(.text(T.title)), .th(.text(T.unit)), .th(.text(T.shape)), .th(.text(T.leaders)), .th(.class("num"), .text(T.groups)))),
                .tbody(.forEach(taskForces) { force in
                    .tr(.td(.class("name"), .a(.href(esc(Route.taskForce(force.id).path)), .text(force.name))),
                        .td(.text(force.unit.name(catalog))), .td(.text(force.shape)), .td(.text(catalog.seatNames(force.leaderSeats))),
                        .td(.class("num"), .text(String(force.groups.count))))
                })))
        ))
    }
}

/// One task force: its seats, office and duty, and each group with what it follows; the centre
/// adds groups here.
struct TaskForceShowPage {
    var context: PageContext
    var taskForce: TaskForce
    var projectCounts: [Int64: Int]
    var catalog: ReferenceCatalog
    var classes: [SchemeClass]
    var errors: [FieldError]
    var form: FormData
    var notice: String?

    typealias T = WebText.TaskForces

    var document: HTML {
        Layout.document(title: taskForce.name, context: context, nav: .taskForces, content: .group(
            .p(.class("no-print"), .a(.href(esc(Route.taskForces.path)), .text(T.back))),
            Components.notice(notice),
            .h1(.text(taskForce.name)),
            .dl(.class("details"),
                .dt(.text(T.unit)), .dd(.text(taskForce.unit.name(catalog))),
                .dt(.text(T.shape)), .dd(.text(taskForce.shape)),
                .dt(.text(T.leaders)), .dd(.text(catalog.seatNames(taskForce.leaderSeats))),
                .dt(.text(T.deputies)), .dd(.text(catalog.seatNames(taskForce.deputySeats))),
                .dt(.text(T.office)), .dd(.text(taskForce.office)),
                .dt(.text(T.duty)), .dd(.text(taskForce.duty))),
            .div(.class("page-head"), .h2(.text(T.groups)),
                 .div(.class("actions no-print"),
                      .if(context.may(.viewRanking) && !taskForce.groups.isEmpty,
                          .a(.class("button secondary"), .href(esc(Route.taskForceRanking(taskForce.id).path)), .text(WebText.Assessment.rankingLink))),
                      .if(context.may(.viewLeads) && taskForce.groups.contains { !$0.classIds.isEmpty },
                          .a(.class("button secondary"), .href(esc(Route.taskForceLeadDispatch(taskForce.id).path)), .text(WebText.Leads.dispatchLink))))),
            .div(.class("table-wrap"), .table(.class("ledger"),
                .thead(.tr(.th(.text(T.group)), .th(.text(T.leaders)), .th(.text(T.leadUnits)), .th(.text(T.supportUnits)), .th(.class("num"), .text(T.projects)))),
                .tbody(.forEach(taskForce.groups) { group in
                    .tr(.td(.class("name"), .a(.href(esc(Route.workingGroup(group.id).path)), .text(group.name))),
                        .td(.text(catalog.seatNames(group.leaderSeats))), .td(.text(group.leadUnits.joined(separator: "、"))),
                        .td(.text(group.supportUnits.joined(separator: "、"))), .td(.class("num"), .text(String(projectCounts[group.id] ?? 0))))
                }))),
            .if(context.may(.manageTaskForces), .group(groupForm, editForm))
        ))
    }

    /// A refused edit comes back with `form=edit`: its values and errors go to the edit form, not the group form.
    var editing: Bool { form["form"] == "edit" }

    var groupForm: Node<HTML.BodyContext> {
        let errors = editing ? [] : errors
        let form = editing ? FormData(pairs: []) : form
        let messages = { (field: String) in errors.filter { $0.field == field }.map(\.message) }
        return .form(.method(.post), .action(esc(Route.addWorkingGroup(taskForce.id).path)), .class("card project-form no-print"),
                     Layout.csrfField(context),
                     .input(.type(.hidden), .name("version"), .value(String(taskForce.version))),
                     .h2(.text(T.addGroup)),
                     Components.errorSummary(errors),
                     .div(.class("field-grid"),
                          Components.textField("name", label: T.groupName, value: form["name"], errors: messages("name") + messages("groups"), required: true),
                          TaskForceForms.seats("leaderSeats", label: T.groupLeaders, catalog: catalog, selected: form),
                          TaskForceForms.seats("memberSeats", label: T.groupMembers, catalog: catalog, selected: form),
                          Components.textField("leadUnits", label: T.leadUnits, value: form["leadUnits"], hint: T.unitsHint),
                          Components.textField("supportUnits", label: T.supportUnits, value: form["supportUnits"], hint: T.unitsHint),
                          TaskForceForms.multiple("classIds", label: T.classes, options: classes.map { Components.Option(String($0.id), $0.name) }, selected: form),
                          Components.textArea("duty", label: T.duty, value: form["duty"]),
                          Components.textArea("projects", label: T.groupProjects, value: form["projects"], errors: messages("projects"))),
                     .p(.class("meta"), .text(T.seatsHint)),
                     .button(.type(.submit), .class("button"), .text(T.addGroup)))
    }
}

/// The task force forms' seat and class pickers.
enum TaskForceForms {
    static func multiple<C: HTML.BodyContext>(_ name: String, label: String, options: [Components.Option], selected form: FormData) -> Node<C> {
        let chosen = Set(form.pairs.filter { $0.0 == name }.map(\.1))
        return .element(named: "div", nodes: [.class("field"), Components.label(name, label, required: false),
                                              Components.select(name, options: options, selected: chosen, blank: nil, multiple: true)])
    }

    static func seats<C: HTML.BodyContext>(_ name: String, label: String, catalog: ReferenceCatalog, selected form: FormData) -> Node<C> {
        multiple(name, label: label, options: catalog.positions.map { Components.Option(String($0.id), "\($0.display) · \($0.unitName)") }, selected: form)
    }
}

extension TaskForceListPage {
    var createForm: Node<HTML.BodyContext> {
        let messages = { (field: String) in errors.filter { $0.field == field }.map(\.message) }
        let units = catalog.assignableRegions.filter { $0.kind != .city }.map { Components.Option(OrgUnit(kind: .region, code: $0.code).text, $0.name, group: WebText.Common.regions) }
            + catalog.zones.map { Components.Option(OrgUnit(kind: .zone, code: $0.code).text, $0.name, group: WebText.Accounts.zones) }
        return .form(.method(.post), .action(esc(Route.createTaskForce.path)), .class("card project-form no-print"),
                     Layout.csrfField(context),
                     .h2(.text(T.newTaskForce)),
                     Components.errorSummary(errors),
                     .div(.class("field-grid"),
                          Components.selectField("unit", label: T.unit, options: units, selected: form["unit"], errors: messages("unit"), required: true),
                          Components.textField("name", label: T.name, value: form["name"], errors: messages("name"), required: true),
                          Components.textField("shape", label: T.shape, value: form["shape"], placeholder: "1+5"),
                          Components.textField("office", label: T.office, value: form["office"]),
                          TaskForceForms.seats("leaderSeats", label: T.leaders, catalog: catalog, selected: form),
                          TaskForceForms.seats("deputySeats", label: T.deputies, catalog: catalog, selected: form),
                          Components.textArea("duty", label: T.duty, value: form["duty"])),
                     .p(.class("meta"), .text(T.seatsHint)),
                     .button(.type(.submit), .class("button"), .text(T.create)))
    }
}

/// One group: who leads it, what it follows, its figures, its projects, the problems holding them
/// up and the supervised items those raised; the centre names projects to it here.
struct WorkingGroupPage {
    var context: PageContext
    var reading: GroupReading
    var catalog: ReferenceCatalog
    var rateCatalog: FourRateCatalog
    var classes: [SchemeClass]
    var errors: [FieldError]
    var form = FormData(pairs: [])
    var notice: String?

    typealias T = WebText.TaskForces

    var document: HTML {
        let group = reading.group, force = reading.taskForce, figures = reading.figures
        return Layout.document(title: group.name, context: context, nav: .taskForces, content: .group(
            .p(.class("no-print"), .a(.href(esc(Route.taskForce(force.id).path)), .text(force.name))),
            Components.notice(notice),
            Components.errorSummary(errors),
            .h1(.text(group.name)),
            .dl(.class("details"),
                .dt(.text(T.leaders)), .dd(.text(catalog.seatNames(group.leaderSeats))),
                .if(!group.memberSeats.isEmpty, .group(.dt(.text(T.members)), .dd(.text(catalog.seatNames(group.memberSeats))))),
                .dt(.text(T.leadUnits)), .dd(.text(group.leadUnits.joined(separator: "、"))),
                .dt(.text(T.supportUnits)), .dd(.text(group.supportUnits.joined(separator: "、"))),
                .if(!group.duty.isEmpty, .group(.dt(.text(T.duty)), .dd(.text(group.duty)))),
                .if(!reading.classNames.isEmpty, .group(.dt(.text(T.follows)), .dd(.text(reading.classNames.joined(separator: "、")))))),
            .div(.class("tiles"),
                tile(T.projects, String(figures.projects)), tile(T.total, Format.wan(figures.totalInvestment)),
                tile(T.planned, Format.wan(figures.planned)), tile(T.done, Format.wan(figures.yearDispatch)),
                tile(T.completion, figures.completionPercent.map { Decimals.percent($0) } ?? T.none2),
                tile(T.openProblems, String(figures.openProblems)), tile(T.overdueProblems, String(figures.overdueProblems)), tile(T.red, String(figures.red))),
            .p(.class("meta"), .text(T.asOf)),
            .h2(.text(WebText.Portfolio.fourRates)),
            FourRatesView.tiles(reading.rates, catalog: rateCatalog),
            Components.listTools(filter: T.groupFilter(group.name, force.name), xlsx: .workingGroupXLSX(group.id)),
            Components.listTotal(reading.projects.count, T.count(reading.projects.count)),
            projectsTable,
            .h2(.text(T.problemsHeading)),
            problemsTable,
            .h2(.text(T.itemsHeading)),
            itemsTable,
            .if(context.may(.manageTaskForces), .group(manageForm, editForm, removeForm))
        ))
    }

    func tile(_ label: String, _ value: String) -> Node<HTML.BodyContext> {
        .div(.class("tile"), .span(.class("tile-count"), .text(value)), .span(.class("tile-label"), .text(label)))
    }

    var projectsTable: Node<HTML.BodyContext> {
        let named = Set(reading.group.projectIds)
        return .div(.class("table-wrap"), .table(.class("ledger"),
            .thead(.tr(.th(.text(T.project)), .th(.text(T.region)), .th(.text(T.stage)), .th(.class("num"), .text(T.total)), .th(.class("num"), .text(T.planned)),
                       .th(.class("num"), .text(T.done)), .th(.text(T.light)), .th(.text(T.how)))),
            .tbody(.forEach(reading.projects) { project in
                let colour = reading.lights[project.id]
                return .tr(.td(.class("name"), .a(.href(esc(Route.project(project.id).path)), .text(project.fields.name))),
                           .td(.text(catalog.region(project.fields.regionCode)?.name ?? project.fields.regionCode)), .td(Components.stageBadge(project.stage)),
                           .td(.class("num"), .text(Format.wan(project.fields.totalInvestment))),
                           .td(.class("num"), .text(reading.plans[project.id].map(Format.wan) ?? T.none2)),
                           .td(.class("num"), .text(reading.done[project.id].map(Format.wan) ?? T.none2)),
                           .td(.unwrap(colour) { .span(.class("light light-\($0.rawValue)"), .text($0.label)) }),
                           .td(.text(named.contains(project.id) ? T.named : T.byClass)))
            })))
    }

    var problemsTable: Node<HTML.BodyContext> {
        guard !reading.problems.isEmpty else { return .p(.class("notice"), .text(T.noProblems)) }
        return .div(.class("table-wrap"), .table(.class("ledger"),
            .thead(.tr(.th(.text(T.problem)), .th(.text(T.deadline)), .th(.text(T.status)))),
            .tbody(.forEach(reading.problems.prefix(50)) { problem in
                .tr(.td(.class("name"), .a(.href(esc(Route.problem(problem.id).path)), .text(Format.headline(problem.description)))),
                    .td(.text(problem.deadline?.iso ?? T.none2)), .td(.text(problem.status.label)))
            })))
    }

    var itemsTable: Node<HTML.BodyContext> {
        guard !reading.items.isEmpty else { return .p(.class("notice"), .text(T.noItems)) }
        return .div(.class("table-wrap"), .table(.class("ledger"),
            .thead(.tr(.th(.text(T.problem)), .th(.text(T.deadline)), .th(.text(T.status)))),
            .tbody(.forEach(reading.items) { item in
                .tr(.td(.class("name"), .a(.href(esc(Route.supervisedItem(item.id).path)), .text(Format.headline(item.content)))),
                    .td(.text(item.deadline.iso)), .td(.text(item.status.label)))
            })))
    }

    var manageForm: Node<HTML.BodyContext> {
        let errors = errors.filter { $0.field == "projects" }
        let named = reading.projects.filter { reading.group.projectIds.contains($0.id) }
        return .form(.method(.post), .action(esc(Route.workingGroupProjects(reading.group.id).path)), .class("card project-form no-print"),
                     Layout.csrfField(context),
                     .input(.type(.hidden), .name("version"), .value(String(reading.taskForce.version))),
                     .h2(.text(T.manage)),
                     Components.textArea("add", label: T.addProjects, value: "", errors: errors.map(\.message)),
                     .if(!named.isEmpty, .div(.class("field wide"),
                        .element(named: "fieldset", nodes: [.element(named: "legend", text: T.removeProjects), .div(.class("checks column"), .forEach(named) { project in
                            .label(.class("check"), .input(.type(.checkbox), .name("remove"), .value(String(project.id))), .text(project.fields.name))
                        })]))),
                     .button(.type(.submit), .class("button"), .text(T.save)))
    }
}
