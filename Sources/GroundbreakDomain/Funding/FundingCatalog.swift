import Foundation

/// Upper-level money as data (`funding_catalog.json`): the channels a city applies to, what each
/// asks of a project (its checklist and, for bonds, the negative list), how soon issued money must
/// be spent, and the maturity ladder projects are screened by. Local values, editable.
public struct FundingCatalog: Sendable, Codable, Equatable {
    /// One line of a channel's checklist. Met by itself when the project's approvals (`approvals`,
    /// any one of each group), maturity (`maturity`) or the negative list (`negativeList`) say so;
    /// otherwise, or to correct it, the applicant answers with evidence.
    public struct ChecklistItem: Sendable, Codable, Equatable {
        public var code: String
        public var name: String
        public var approvals: [[String]]?
        public var maturity: String?
        public var negativeList: Bool?

        public init(code: String, name: String, approvals: [[String]]? = nil, maturity: String? = nil, negativeList: Bool? = nil) {
            self.code = code
            self.name = name
            self.approvals = approvals
            self.maturity = maturity
            self.negativeList = negativeList
        }

        public var isComputed: Bool { approvals != nil || maturity != nil || negativeList == true }
    }

    /// What a channel may not fund, matched on the project's class (`categories`, a code and those
    /// under it) or its GB/T 4754 division; `except` classes are allowed all the same.
    public struct Excluded: Sendable, Codable, Equatable {
        public var name: String
        public var categories: [String]
        public var divisions: [String]
        public var except: [String]

        public init(name: String, categories: [String] = [], divisions: [String] = [], except: [String] = []) {
            self.name = name
            self.categories = categories
            self.divisions = divisions
            self.except = except
        }

        public init(from decoder: any Decoder) throws {
            let values = try decoder.container(keyedBy: CodingKeys.self)
            name = try values.decode(String.self, forKey: .name)
            categories = try values.decodeIfPresent([String].self, forKey: .categories) ?? []
            divisions = try values.decodeIfPresent([String].self, forKey: .divisions) ?? []
            except = try values.decodeIfPresent([String].self, forKey: .except) ?? []
        }
    }

    public struct Channel: Sendable, Codable, Equatable {
        public var code: String
        public var name: String
        /// Other names officials' lists use for it (`专项债`, `中央预算内`).
        public var aliases: [String]
        /// The department that collects applications (its staff work every application of the channel).
        public var department: String
        /// 专项 or 投向 the channel is divided into (中央预算内 by 专项, 省预算内 by 投向); may be empty.
        public var programmes: [String]
        /// Issued money is to be spent within this many months (bonds: 早发快用); late spending warns.
        public var spendWithinMonths: Int?
        public var checklist: [ChecklistItem]
        public var negativeList: [Excluded]
        /// The word officials use for the money coming down (`发行` for bonds); `下达` when absent.
        public var issueWord: String?

        public init(code: String, name: String, department: String, programmes: [String] = [], spendWithinMonths: Int? = nil, checklist: [ChecklistItem] = [],
                    negativeList: [Excluded] = [], issueWord: String? = nil) {
            self.issueWord = issueWord
            self.code = code
            self.name = name
            self.aliases = []
            self.department = department
            self.programmes = programmes
            self.spendWithinMonths = spendWithinMonths
            self.checklist = checklist
            self.negativeList = negativeList
        }

        /// A channel without 专项, checklist or negative list may leave them out of the file.
        public init(from decoder: any Decoder) throws {
            let values = try decoder.container(keyedBy: CodingKeys.self)
            code = try values.decode(String.self, forKey: .code)
            name = try values.decode(String.self, forKey: .name)
            aliases = try values.decodeIfPresent([String].self, forKey: .aliases) ?? []
            department = try values.decode(String.self, forKey: .department)
            programmes = try values.decodeIfPresent([String].self, forKey: .programmes) ?? []
            spendWithinMonths = try values.decodeIfPresent(Int.self, forKey: .spendWithinMonths)
            checklist = try values.decodeIfPresent([ChecklistItem].self, forKey: .checklist) ?? []
            negativeList = try values.decodeIfPresent([Excluded].self, forKey: .negativeList) ?? []
            issueWord = try values.decodeIfPresent(String.self, forKey: .issueWord)
        }
    }

    /// A rung of the maturity ladder (成熟度): reached through its stages, or through its
    /// approvals (any one of each group approved or not needed) and a project code on top of the rung below.
    public struct MaturityLevel: Sendable, Codable, Equatable {
        public var code: String
        public var name: String
        public var criteria: String
        public var requiresCode: Bool?
        public var approvals: [[String]]?
        public var stages: [Stage]?

        public init(code: String, name: String, criteria: String, requiresCode: Bool? = nil, approvals: [[String]]? = nil, stages: [Stage]? = nil) {
            self.code = code
            self.name = name
            self.criteria = criteria
            self.requiresCode = requiresCode
            self.approvals = approvals
            self.stages = stages
        }
    }

    public var source: String
    public var channels: [Channel]
    public var maturity: [MaturityLevel]

    public init(source: String, channels: [Channel], maturity: [MaturityLevel]) {
        self.source = source
        self.channels = channels
        self.maturity = maturity
    }

    public func channel(_ code: String) -> Channel? { channels.first { $0.code == code } }

    public func channelName(_ code: String) -> String { channel(code)?.name ?? code }

    /// The channel a list names: its code, its name or one of its other names, spaces and
    /// brackets aside.
    public func channel(named text: String) -> Channel? {
        let key = { (text: String) in TextNormalizer.halfWidth(text).filter { !$0.isWhitespace && !"()（）“”\"".contains($0) }.lowercased() }
        let wanted = key(text)
        guard !wanted.isEmpty else { return nil }
        return channels.first { channel in ([channel.code, channel.name] + channel.aliases).contains { key($0) == wanted } }
    }

    public func maturityIndex(_ code: String) -> Int? { maturity.firstIndex { $0.code == code } }

    /// What makes the file unusable, in words; empty when it is sound.
    public var problems: [String] {
        var problems: [String] = []
        if channels.isEmpty { problems.append("no channels") }
        if maturity.isEmpty { problems.append("no maturity levels") }
        if Set(channels.map(\.code)).count != channels.count { problems.append("channel codes repeat") }
        if Set(maturity.map(\.code)).count != maturity.count { problems.append("maturity codes repeat") }
        for channel in channels {
            if Set(channel.checklist.map(\.code)).count != channel.checklist.count { problems.append("\(channel.code): checklist codes repeat") }
            for item in channel.checklist {
                if let level = item.maturity, maturityIndex(level) == nil { problems.append("\(channel.code).\(item.code): unknown maturity \(level)") }
                if item.approvals?.contains(where: \.isEmpty) == true { problems.append("\(channel.code).\(item.code): an empty approvals group") }
            }
            if let months = channel.spendWithinMonths, !(1...60).contains(months) { problems.append("\(channel.code): spendWithinMonths out of 1…60") }
        }
        return problems
    }
}
