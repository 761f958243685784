import Foundation
import GroundbreakDomain

/// The OpenAPI document as served: the one built from the declarations (`ContractDocument`) with the codes the server accepts today
/// written in as enums (regions, zones, categories, industries, departments, tags, indicators,
/// problem categories), so that a client — or a fuzzer — generating "valid" data sends what the
/// server really takes. The codes come from the live reference data, so an administrator's edit
/// shows here too.
enum OpenAPIServed {
    struct Codes {
        var regions: [String]
        var zones: [String]
        var categories: [String]
        var divisions: [String]
        var departments: [String]
        var tags: [String]
        var indicators: [String]
        var problemCategories: [String]
        var targetUnits: [String]
        var curves: [String]
    }

    static func codes(_ catalog: ReferenceCatalog, indicators: IndicatorCatalog, problems: ProblemSettings) -> Codes {
        let regions = catalog.assignableRegions.map(\.code)
        let departments = catalog.departments.map(\.code)
        let zones = catalog.zones.map(\.code)
        return Codes(regions: regions, zones: zones, categories: catalog.assignableCategories.map(\.code), divisions: catalog.divisions.map(\.code),
                     departments: departments, tags: catalog.tags.map(\.code), indicators: indicators.indicators.map(\.code),
                     problemCategories: problems.categories.map(\.code),
                     targetUnits: regions.map { "region:\($0)" } + zones.map { "zone:\($0)" } + departments.map { "department:\($0)" },
                     curves: indicators.curves.keys.sorted())
    }

    static func document(_ shipped: [UInt8], codes: Codes) -> [UInt8] {
        guard var document = (try? JSONSerialization.jsonObject(with: Data(shipped))) as? [String: Any],
              var components = document["components"] as? [String: Any],
              var schemas = components["schemas"] as? [String: Any]
        else { return shipped }
        let projectFields: [String: [String]] = [
            "regionCode": codes.regions, "zoneCode": codes.zones, "categoryCode": codes.categories, "industryDivision": codes.divisions,
            "leadDepartmentCode": codes.departments, "supportDepartmentCodes": codes.departments, "tags": codes.tags,
        ]
        for name in ["ProjectCreate", "ProjectPatch"] { schemas[name] = restrict(schemas[name], projectFields) }
        schemas["TargetRequest"] = restrict(schemas["TargetRequest"], ["indicator": codes.indicators, "unit": codes.targetUnits, "curve": codes.curves])
        schemas["RaiseProblemRequest"] = restrict(schemas["RaiseProblemRequest"], ["categoryCode": codes.problemCategories])
        components["schemas"] = schemas
        document["components"] = components
        return (try? [UInt8](JSONSerialization.data(withJSONObject: document, options: [.sortedKeys]))) ?? shipped
    }

    /// Sets `enum` on the named properties (on their items, for arrays), keeping `null` where the
    /// property allows it.
    private static func restrict(_ schema: Any?, _ fields: [String: [String]]) -> Any? {
        guard var schema = schema as? [String: Any], var properties = schema["properties"] as? [String: Any] else { return schema }
        for (field, values) in fields {
            guard var property = properties[field] as? [String: Any], !values.isEmpty else { continue }
            let types = (property["type"] as? [String]) ?? [(property["type"] as? String) ?? ""]
            if types.contains("array"), var items = property["items"] as? [String: Any] {
                items["enum"] = values
                items.removeValue(forKey: "pattern")
                property["items"] = items
            } else {
                property["enum"] = types.contains("null") ? values.map { $0 as Any } + [NSNull()] : values
                property.removeValue(forKey: "pattern")
            }
            properties[field] = property
        }
        schema["properties"] = properties
        return schema
    }
}
