import Foundation
import GroundbreakDomain
import Testing

@Suite("Bulletins")
struct BulletinTests {
    static let rules = BulletinRules(
        construction: BulletinRules.Kind(masthead: "重大项目建设通报", issuer: "办公室", numberFormat: "〔{year}〕第{serial}期", distribution: "各单位。", requirements: ["（一）抓推进。"]),
        supervision: BulletinRules.Kind(masthead: "重大项目督查通报", issuer: "督查室", numberFormat: "督查〔{year}〕{serial}号", distribution: "各单位。", requirements: ["（一）抓整改。"]),
        listLimit: 2, basis: "t")

    static func row(_ name: String, score: Double, rank: Int, gap: Double?, honours: HonoursEligibility) -> AssessmentRow {
        AssessmentRow(unit: TargetUnit(kind: .region, code: name), name: name,
                      figures: UnitFigures(investment: .yi(3), target: gap == nil ? nil : .yi(4), completionPercent: gap.map { 75 + $0 }, timeProgressPercent: 75, gapPoints: gap,
                                           underWay: 4, red: 1),
                      items: [], score: score, rank: rank, honours: honours)
    }

    @Test("a 项目建设通报 says how many units are ahead and behind, names the first and last, praises 超额完成, criticises 未完成 with the gap, and lists the largest red projects")
    func construction() {
        let month = Month(year: 2026, month: 10)!
        let table = AssessmentTable(month: month, scheme: AssessmentScheme(version: 1, name: "s", validFrom: "", source: "", items: []), rows: [
            Self.row("甲区", score: 95, rank: 1, gap: 12, honours: .priority), Self.row("乙区", score: 80, rank: 2, gap: nil, honours: .eligible),
            Self.row("丙区", score: 40, rank: 3, gap: -6.25, honours: .revoked),
        ])
        let red = [BulletinWriter.RedProject(name: "小项目", unit: "甲区", total: .wan(6_000), reasons: "上月月报未报"),
                   BulletinWriter.RedProject(name: "大项目", unit: "丙区", total: .yi(25), reasons: "20亿元以上项目未明确包保领导"),
                   BulletinWriter.RedProject(name: "中项目", unit: "乙区", total: .yi(2), reasons: "1 个审批事项超时")]
        let (title, sections) = BulletinWriter.construction(month: month, table: table, red: red, asOf: Day(year: 2026, month: 11, day: 23)!, rules: Self.rules)
        #expect(title == "关于2026年1—10月全市重大项目建设推进情况的通报")
        #expect(sections[0].paragraphs[0] == "纳入考核排名的3个县（市）区、开发区中，1个单位完成投资达到或超过序时进度，1个单位落后于序时进度。另有1个单位未下达年度投资目标。")
        #expect(sections[0].paragraphs[1] == AssessmentText.sentence(table, scope: "全市"))
        #expect(sections[1].table?.rows.map { $0[1] } == ["甲区", "乙区", "丙区"] && sections[1].table?.rows[1][3] == "未下达")
        #expect(sections[2].paragraphs == ["甲区完成投资超额完成序时进度目标，各项考核指标均达到要求，予以通报表扬，优先评优。"])
        #expect(sections[3].paragraphs == ["丙区落后时间进度6.3个百分点。以上单位未完成目标任务，取消本期评优资格，请认真分析原因，制定赶超措施，确保按期完成全年目标。"])
        #expect(sections[4].paragraphs == ["截至2026年11月23日，全市红灯项目3个，按总投资由大到小列出前2个。请属地和责任单位逐项制定整改措施，限期转灯。"])
        #expect(sections[4].table?.rows == [["1", "大项目", "丙区", "20亿元以上项目未明确包保领导"], ["2", "中项目", "乙区", "1 个审批事项超时"]])
        #expect(sections[5].paragraphs == ["（一）抓推进。"])
    }

    @Test("a 督查通报 lists the latest items first and names the units with most overdue problems; nothing overdue is said in words, with no empty table")
    func supervision() {
        let month = Month(year: 2026, month: 11)!
        let items = [BulletinWriter.OverdueItem(content: "征收", owner: "市住建局", deadline: Day(year: 2026, month: 11, day: 1)!, daysLate: 22),
                     BulletinWriter.OverdueItem(content: "迁改", owner: "市交通局", deadline: Day(year: 2026, month: 10, day: 1)!, daysLate: 53)]
        let (_, sections) = BulletinWriter.supervision(month: month, openItems: 9, overdue: items, overdueProblems: [("市交通局", 2), ("朝阳区", 5), ("市工信局", 0)],
                                                       asOf: Day(year: 2026, month: 11, day: 23)!, rules: Self.rules)
        #expect(sections[0].paragraphs == ["截至2026年11月23日，在办督办事项9件，其中逾期未办结2件；问题清单中逾期未解决的问题7个。"])
        #expect(sections[1].table?.rows.map { $0[1] } == ["迁改", "征收"])
        #expect(sections[2].paragraphs == ["朝阳区（5个）、市交通局（2个）逾期未解决的问题较多，请加快办理。"] && sections[2].table?.rows.count == 2)
        let (_, quiet) = BulletinWriter.supervision(month: month, openItems: 0, overdue: [], overdueProblems: [], asOf: Day(year: 2026, month: 11, day: 23)!, rules: Self.rules)
        #expect(quiet[1].table == nil && quiet[1].paragraphs == ["本期没有逾期未办结的督办事项。"] && quiet[2].table == nil)
    }

    @Test("a draft's text is edited section by section; the tables stay; an issued bulletin, a missing title or a wrong number of sections changes nothing")
    func edits() throws {
        let draft = Bulletin(kind: .construction, month: Month(year: 2026, month: 10)!, title: "原标题",
                             sections: [BulletinSection(heading: "一、总体情况", paragraphs: ["旧"], table: BulletinTable(columns: ["a"], rows: [["1"]])),
                                        BulletinSection(heading: "二、要求", paragraphs: ["旧"])],
                             createdBy: "t", createdAt: Date(), updatedAt: Date())
        let edited = try BulletinEdit.apply(title: "  新标题 ", sections: [.init(heading: "一、概况", paragraphs: ["新", " ", "再一段"]), .init(heading: "二、要求", paragraphs: [])],
                                            to: draft).get()
        #expect(edited.title == "新标题" && edited.sections[0].heading == "一、概况" && edited.sections[0].paragraphs == ["新", "再一段"])
        #expect(edited.sections[0].table == draft.sections[0].table && edited.sections[1].paragraphs.isEmpty)
        func refused(_ bulletin: Bulletin, title: String, sections: [BulletinEdit.SectionText]) -> [String] {
            if case .failure(let failure) = BulletinEdit.apply(title: title, sections: sections, to: bulletin) { return failure.errors.map(\.message) }
            return []
        }
        #expect(refused(draft, title: "", sections: [.init(heading: "一", paragraphs: [])]) == ["请填写名称", "通报有 2 个部分，请逐一提交（表格随数据生成，不在此修改）"])
        var issued = draft
        issued.status = .issued
        #expect(refused(issued, title: "x", sections: [.init(heading: "一", paragraphs: []), .init(heading: "二", paragraphs: [])]) == ["已印发的通报不能再改"])
        #expect(refused(draft, title: "x", sections: [.init(heading: " ", paragraphs: []), .init(heading: "二", paragraphs: [String(repeating: "字", count: 4_001)])])
            == ["第 1 部分的标题不能为空", "不能超过 4000 个字"])
        #expect(Self.rules.supervision.number(year: 2026, serial: 3) == "督查〔2026〕3号")
    }
}
