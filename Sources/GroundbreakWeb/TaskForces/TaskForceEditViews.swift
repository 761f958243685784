import Foundation
import GroundbreakDomain
import Plot

/// The forms that change a task force or a group after it is set up, and take a group off.
extension TaskForceShowPage {
    var editForm: Node<HTML.BodyContext> {
        let values = editing ? form : TaskForceInput.form(taskForce)
        let errors = editing ? errors : []
        let messages = { (field: String) in errors.filter { $0.field == field }.map(\.message) }
        return .details(.class("card no-print"), .if(editing, .attribute(named: "open", value: "open")),
            .summary(.text(T.editTaskForce)),
            .form(.method(.post), .action(esc(Route.editTaskForce(taskForce.id).path)), .class("project-form"),
                  Layout.csrfField(context),
                  .input(.type(.hidden), .name("form"), .value("edit")),
                  .input(.type(.hidden), .name("version"), .value(String(taskForce.version))),
                  Components.errorSummary(errors),
                  .div(.class("field-grid"),
                       Components.textField("name", label: T.name, value: values["name"], errors: messages("name"), required: true),
                       Components.textField("shape", label: T.shape, value: values["shape"], placeholder: "1+5"),
                       Components.textField("office", label: T.office, value: values["office"]),
                       TaskForceForms.seats("leaderSeats", label: T.leaders, catalog: catalog, selected: values),
                       TaskForceForms.seats("deputySeats", label: T.deputies, catalog: catalog, selected: values),
                       Components.textArea("duty", label: T.duty, value: values["duty"], errors: messages("duty"))),
                  .p(.class("meta"), .text(T.seatsHint)),
                  .button(.type(.submit), .class("button"), .text(T.save))))
    }
}

extension WorkingGroupPage {
    /// Errors of the edit form (a refused project change names `projects`, a refused removal `version`).
    var editErrors: [FieldError] { errors.filter { $0.field != "projects" } }

    var editForm: Node<HTML.BodyContext> {
        let group = reading.group
        let values = form.pairs.isEmpty ? TaskForceInput.form(group) : form
        let messages = { (field: String) in editErrors.filter { $0.field == field }.map(\.message) }
        return .details(.class("card no-print"), .if(!editErrors.isEmpty, .attribute(named: "open", value: "open")),
            .summary(.text(T.editGroup)),
            .form(.method(.post), .action(esc(Route.editWorkingGroup(group.id).path)), .class("project-form"),
                  Layout.csrfField(context),
                  .input(.type(.hidden), .name("version"), .value(String(reading.taskForce.version))),
                  .div(.class("field-grid"),
                       Components.textField("name", label: T.groupName, value: values["name"], errors: messages("name") + messages("groups"), required: true),
                       TaskForceForms.seats("leaderSeats", label: T.groupLeaders, catalog: catalog, selected: values),
                       TaskForceForms.seats("memberSeats", label: T.groupMembers, catalog: catalog, selected: values),
                       Components.textField("leadUnits", label: T.leadUnits, value: values["leadUnits"], hint: T.unitsHint),
                       Components.textField("supportUnits", label: T.supportUnits, value: values["supportUnits"], hint: T.unitsHint),
                       TaskForceForms.multiple("classIds", label: T.classes, options: classes.map { Components.Option(String($0.id), $0.name) }, selected: values),
                       Components.textArea("duty", label: T.duty, value: values["duty"], errors: messages("duty"))),
                  .p(.class("meta"), .text(T.seatsHint)),
                  .button(.type(.submit), .class("button"), .text(T.save))))
    }

    var removeForm: Node<HTML.BodyContext> {
        .form(.method(.post), .action(esc(Route.removeWorkingGroup(reading.group.id).path)), .class("card no-print"),
              Layout.csrfField(context),
              .input(.type(.hidden), .name("version"), .value(String(reading.taskForce.version))),
              .p(.class("meta"), .text(T.removeNote)),
              .button(.type(.submit), .class("button danger"), .text(T.removeGroup)))
    }
}
