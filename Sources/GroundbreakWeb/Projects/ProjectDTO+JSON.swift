import Foundation

/// Written by hand, member for member in the order the types declare them: twenty projects through
/// the synthesised encoder were a tenth of a ledger page's time when each request brings a
/// different filter. `ProjectJSONTests` holds these bytes to the synthesised encoding's, byte for
/// byte.
extension ProjectListDTO: JSONWritable {
    func writeJSON(into sink: JSONSink) throws {
        try JSONMembers.object(sink) { members in
            try members.array("items", items) { try $0.writeJSON(into: sink) }
            members.integer("page", page)
            members.integer("perPage", perPage)
            members.integer("pageCount", pageCount)
            members.integer("totalCount", totalCount)
            members.integer("totalInvestment", totalInvestment)
            members.string("totalInvestmentWan", totalInvestmentWan)
            // In the dictionary's own order, as its synthesised encoding writes it.
            members.object("byStage") { stages in
                for (stage, figure) in byStage {
                    stages.object(named: stage) {
                        $0.integer("count", figure.count)
                        $0.integer("investment", figure.investment)
                    }
                }
            }
        }
    }
}

extension ProjectDTO: JSONWritable {
    func writeJSON(into sink: JSONSink) throws {
        func codeName(_ members: inout JSONMembers, _ value: CodeName) {
            members.string("code", value.code)
            members.string("name", value.name)
        }
        func seat(_ members: inout JSONMembers, _ value: Seat) {
            members.integer("positionId", value.positionId)
            members.string("title", value.title)
            members.string("unitName", value.unitName)
            members.nullable("holderName", value.holderName)
        }
        try JSONMembers.object(sink) { members in
            members.integer("id", id)
            members.nullable("code", code)
            members.nullable("codeFormat", codeFormat)
            members.string("name", name)
            members.object("owner") {
                $0.string("name", owner.name)
                $0.nullable("creditCode", owner.creditCode)
            }
            members.object("region") { codeName(&$0, region) }
            members.nullable("zone", zone, codeName)
            members.object("category") { codeName(&$0, category) }
            members.nullable("industry", industry) {
                $0.string("section", $1.section)
                $0.string("sectionName", $1.sectionName)
                $0.string("division", $1.division)
                $0.string("divisionName", $1.divisionName)
            }
            members.string("investmentType", investmentType)
            members.integer("totalInvestment", totalInvestment)
            members.string("totalInvestmentWan", totalInvestmentWan)
            members.nullable("sizeBand", sizeBand, codeName)
            members.string("constructionContent", constructionContent)
            try members.object("location") {
                $0.string("address", location.address)
                try $0.ifPresent("longitude", location.longitude)
                try $0.ifPresent("latitude", location.latitude)
            }
            members.nullable("plannedStart", plannedStart)
            members.nullable("plannedCompletion", plannedCompletion)
            members.nullable("actualStart", actualStart)
            members.nullable("actualCompletion", actualCompletion)
            members.nullable("constructionNature", constructionNature)
            members.string("stage", stage)
            members.string("stageLabel", stageLabel)
            members.nullable("suspendedFrom", suspendedFrom)
            members.nullable("stageNote", stageNote)
            members.array("levels", levels) { sink.string($0) }
            members.objects("tags", tags, codeName)
            members.nullable("leadDepartment", leadDepartment, codeName)
            members.objects("supportDepartments", supportDepartments, codeName)
            members.nullable("sponsor", sponsor, seat)
            members.nullable("secretary", secretary, seat)
            members.objects("flags", flags) {
                $0.string("code", $1.code)
                $0.string("label", $1.label)
                $0.string("severity", $1.severity)
            }
            members.date("createdAt", createdAt)
            members.date("updatedAt", updatedAt)
            members.integer("version", version)
        }
    }
}
