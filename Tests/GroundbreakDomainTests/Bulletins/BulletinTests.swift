import Foundation
import GroundbreakDomain
import Testing

@Suite("Bulletins")
struct BulletinTests {
    static let rules = BulletinRules(
        construction: BulletinRules.Kind(masthead: "重大项目建设通报", issuer: "办公室", numberFormat: "〔{year}〕第{serial}期", distribution: "各单位。", requirements: ["（一）抓推进。"]),
        supervision: BulletinRules.Kind(masthead: "重大项目督查通报", issuer: "督查室", numberFormat: "督查〔{year}〕{serial}号", distribution: "各单位。", requirements: ["（一）抓整改。"]),
        sponsor: BulletinRules.Kind(masthead: "重大项目包保专报", issuer: "办公室", numberFormat: "包保〔{year}〕第{serial}期", distribution: "市领导。", requirements: ["（一）抓包保。"]),
        attraction: BulletinRules.Kind(masthead: "招商引资工作动态", issuer: "专班办公室", numberFormat: "招商〔{year}〕第{serial}期", distribution: "各单位。", requirements: ["（一）抓签约。"]),
        listLimit: 2, basis: "t")

    static func row(_ name: String, score: Double, rank: Int, gap: Double?, honours: HonoursEligibility) -> AssessmentRow {
        AssessmentRow(unit: AssessedUnit(kind: .region, code: name), name: name,
                      figures: UnitFigures(investment: .yi(3), target: gap == nil ? nil : .yi(4), completionPercent: gap.map { 75 + $0 }, timeProgressPercent: 75, gapPoints: gap,
                                           underWay: 4, red: 1),
                      items: [], score: score, rank: rank, honours: honours)
    }

    @Test("a 招商动态 gives the month in numbers with funds and growth, the activities, the signings, and names the units short of an activity or a signing")
    func attraction() {
        let month = Month(year: 2026, month: 10)!
        let signing = LeadSigning(on: Day(year: 2026, month: 10, day: 12)!, amount: .yi(5), contract: .formal, capital: .domestic)
        let foreign = LeadSigning(on: Day(year: 2026, month: 10, day: 20)!, amount: .yi(1), contract: .framework, capital: .foreign)
        let unitFunds = [ArrivedFunds(leadId: 1, unit: OrgUnit(kind: .region, code: "220104"), month: Month(year: 2026, month: 3)!, capital: .domestic, original: 130_000_000),
                         ArrivedFunds(leadId: 1, unit: OrgUnit(kind: .region, code: "220104"), month: Month(year: 2025, month: 3)!, capital: .domestic, original: 100_000_000)]
        let figures = AttractionMonth(
            newLeads: 12, registered: 2, sited: 1,
            signings: [.init(unit: "朝阳区", title: "汽车座椅项目", investor: "某汽车零部件有限公司", signing: signing),
                       .init(unit: "二道区", title: "（保密项目）", investor: "—", signing: foreign)],
            activities: [.init(day: Day(year: 2026, month: 10, day: 8)!, unit: "朝阳区", kind: "外出招商（走出去）", title: "赴深圳招商")],
            units: [.init(unit: "朝阳区", activities: 1, signings: 1, signedAmount: .yi(5), domesticYearToDate: .wan(13_000)),
                    .init(unit: "二道区", activities: 0, signings: 1, signedAmount: .yi(1), domesticYearToDate: .zero)],
            funds: FundsFigures(unitFunds, through: month))
        let (title, sections) = BulletinWriter.attraction(month: month, figures: figures, rules: Self.rules)
        #expect(title == "2026年10月招商引资工作动态")
        #expect(sections[0].paragraphs == ["2026年10月，全市新增招商线索12条；新签约项目2个，签约金额6亿元（内资5亿元，外资1亿元）；新注册企业2户，新落位项目1个。",
                                           "本年累计实际到位内资1.3亿元，同比增长30.0%；实际利用外资（折人民币）0万元。"])
        #expect(sections[2].table?.rows.first == ["1", "朝阳区", "汽车座椅项目", "某汽车零部件有限公司", "50000", "正式合同，内资"])
        #expect(sections[3].paragraphs.first?.hasPrefix("本月没有招商活动或没有新签约项目的单位：二道区") == true)
        #expect(sections[4].paragraphs == ["（一）抓签约。"])
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

    @Test("a 包保专报 for one leader: the portfolio in numbers with the 四率, every project, the red and yellow ones with reasons, the problems risen; for all leaders, a line each")
    func sponsor() {
        let month = Month(year: 2026, month: 9)!
        let names: [FourRateCode: String] = [.landing: "招商落地率", .maturity: "前期工作成熟率", .completion: "投资完成率", .admission: "项目入统率"]
        let lines = [SponsorPortfolio.Line(name: "甲项目", unit: "朝阳区", stage: "开工建设", planned: .wan(5_000), done: .wan(3_000), colour: .red, reasons: "落后序时进度 31.0 个百分点（阈值 30）"),
                     SponsorPortfolio.Line(name: "乙项目", unit: "南关区", stage: "前期审批", planned: nil, done: nil, colour: .green, reasons: "")]
        let rates = [FourRate(code: .landing, part: 2, whole: 2), FourRate(code: .maturity, part: 0, whole: 0), FourRate(code: .completion, part: 3, whole: 5),
                     FourRate(code: .admission, part: 1, whole: 2)]
        let portfolio = SponsorPortfolio(leader: "王某（副市长）", lines: lines, rates: rates,
                                         risen: [SponsorPortfolio.Risen(description: "用地指标不足", level: "市大项目办", deadline: Day(year: 2026, month: 12, day: 1)!)])
        let asOf = Day(year: 2026, month: 11, day: 23)!
        let (title, sections) = BulletinWriter.sponsor(month: month, portfolios: [portfolio], rateNames: names, asOf: asOf, rules: Self.rules)
        #expect(title == "关于2026年第3季度王某（副市长）包保重大项目推进情况的专报")
        #expect(sections[0].paragraphs == ["截至2026年11月23日，王某（副市长）包保重大项目2个，其中红灯项目1个、黄灯项目0个、绿灯项目1个。",
                                           "“四率”情况：招商落地率100.0%，前期工作成熟率—，投资完成率60.0%，项目入统率50.0%。",
                                           "本季度未记录现场办公、现场协调会或批示。"])
        #expect(sections[1].table?.rows == [["1", "甲项目", "朝阳区", "开工建设", "5000", "3000", "红"], ["2", "乙项目", "南关区", "前期审批", "—", "—", "绿"]])
        #expect(sections[2].table?.rows == [["1", "甲项目", "红", "落后序时进度 31.0 个百分点（阈值 30）"]])
        #expect(sections[3].table?.rows == [["1", "用地指标不足", "市大项目办", "2026年12月1日"]] && sections[4].paragraphs == ["（一）抓包保。"])
        let other = SponsorPortfolio(leader: "李某（副市长）", lines: [], rates: rates.map { FourRate(code: $0.code, part: 0, whole: 0) }, risen: [])
        let (allTitle, all) = BulletinWriter.sponsor(month: month, portfolios: [portfolio, other], rateNames: names, asOf: asOf, rules: Self.rules)
        #expect(allTitle == "关于2026年第3季度市领导包保重大项目推进情况的专报")
        #expect(all[0].paragraphs == ["截至2026年11月23日，2位市领导共包保重大项目2个，其中红灯项目1个。"])
        #expect(all[1].table?.rows == [["1", "王某（副市长）", "2", "1", "0", "100.0%", "—", "60.0%", "50.0%", "0/0/0"],
                                       ["2", "李某（副市长）", "0", "0", "0", "—", "—", "—", "—", "0/0/0"]])
        #expect(all[2].table?.rows == [["1", "王某（副市长）", "甲项目", "落后序时进度 31.0 个百分点（阈值 30）"]])
    }
}
