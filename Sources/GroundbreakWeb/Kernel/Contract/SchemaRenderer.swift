import Foundation

/// Turns what the recorder learnt into JSON Schema: objects closed to unknown keys, the notes
/// applied to their fields, `null` added where a value may be empty, and — in requests — the
/// patterns the server enforces on strings, dates and months.
struct SchemaRenderer {
    let direction: ContractDirection

    func render(_ node: SchemaNode, notes: [FieldNote] = []) -> SchemaObject {
        var schema: SchemaObject
        switch node.shape {
        case .unknown:
            schema = [:]
        case .leaf(let leaf):
            schema = leaf
        case .reference(let name):
            schema = ["$ref": "#/components/schemas/\(name)"]
        case .array(let element):
            schema = ["type": "array", "items": render(element, notes: notes.filter(\.appliesToItems))]
        case .dictionary(let values):
            schema = ["type": "object", "additionalProperties": render(values)]
        case .object(let fields):
            var properties: SchemaObject = [:]
            var required: [String] = []
            for name in fields.order {
                let fieldNotes = node.notes[name] ?? []
                if fieldNotes.contains(where: \.isHidden) { continue }
                properties[name] = render(fields.nodes[name]!, notes: fieldNotes)
                if fields.required.contains(name) || fieldNotes.contains(where: \.isRequired) { required.append(name) }
            }
            schema = ["type": "object", "additionalProperties": false, "properties": properties]
            if !required.isEmpty { schema["required"] = required }
        }
        let isArray = schema["type"] as? String == "array"
        for note in notes where !(isArray && note.appliesToItems) { apply(note, to: &schema) }
        if direction == .request { guardStrings(&schema) }
        // A field the rules require cannot be null either: null is read as absent.
        if node.nullable && !notes.contains(where: \.isRequired) { allowNull(&schema) }
        return schema
    }

    private func apply(_ note: FieldNote, to schema: inout SchemaObject) {
        switch note {
        case .note(let text): schema["description"] = text
        case .date:
            schema["format"] = "date"
            if direction == .request { schema["pattern"] = FieldNote.datePattern }
        case .month:
            if direction == .request { schema["pattern"] = FieldNote.monthPattern }
        case .values(let values): schema["enum"] = values
        case .range(let low, let high):
            schema["minimum"] = low
            schema["maximum"] = high
        case .maxLength(let length): schema["maxLength"] = length
        case .required, .hidden: break
        }
    }

    /// Strings a request carries pass the input guard: say so, unless a stricter pattern or a
    /// closed list already does.
    private func guardStrings(_ schema: inout SchemaObject) {
        let types = (schema["type"] as? [String]) ?? [(schema["type"] as? String) ?? ""]
        guard types.contains("string"), schema["pattern"] == nil, schema["enum"] == nil else { return }
        schema["pattern"] = TextInputGuard.schemaPattern
    }

    private func allowNull(_ schema: inout SchemaObject) {
        if let type = schema["type"] as? String {
            schema["type"] = [type, "null"]
        } else if var types = schema["type"] as? [String] {
            if !types.contains("null") { types.append("null") }
            schema["type"] = types
        } else {
            schema = ["oneOf": [schema, ["type": "null"]]]
            return
        }
        if let values = schema["enum"] as? [Any] { schema["enum"] = values + [NSNull()] }
    }
}

extension FieldNote {
    /// Notes about the values of a list go on its items; its meaning stays on the list.
    var appliesToItems: Bool {
        switch self {
        case .note, .required, .hidden: false
        default: true
        }
    }

    var isHidden: Bool {
        if case .hidden = self { return true }
        return false
    }

    var isRequired: Bool {
        if case .required = self { return true }
        return false
    }
}
