import Foundation
import GroundbreakDomain

/// Monthly reports of last year and the current year for the demo projects that owe them: figures
/// spread over the year with the northern winter low, statistical figures lagging the dispatch
/// ones, older months accepted, last month partly sent and partly missing — every month passing
/// the same checks a real one does. Last year's months give 同比 and growth figures something to compare.
enum DemoReports {
    static let progressNotes = ["基础施工", "主体结构施工", "主体封顶", "设备安装调试", "室外配套施工", "场地平整完成、桩基施工"]

    static func generate(projects: [DemoDataset.ProjectSpec], rules: ReportRules, today: Day, firstId: Int64, seed: UInt64, at now: Date) -> [MonthlyReport] {
        var random = SeededGenerator(seed: seed ^ 0x2E2E_7A7A_0101_3C3C)
        var reports: [MonthlyReport] = []
        var nextId = firstId
        let lastMonth = Month(today).previous
        let lastYear = (1...12).map { Month(year: today.year - 1, month: $0)! }
        let thisYear = lastMonth.year == today.year ? lastMonth.monthsOfYearSoFar : []
        for spec in projects {
            let project = Project(id: spec.id, fields: spec.fields, stage: spec.stage, createdAt: now, updatedAt: now, version: 1)
            let months = (lastYear + thisYear).filter { $0 < lastMonth.next && rules.mustReport(project, for: $0) }
            guard !months.isEmpty else { continue }
            let monthly = Double(spec.fields.totalInvestment.yuan) / 30
            var own: [MonthlyReport] = []
            var percent = Int.random(in: 0...20, using: &random)
            for month in months {
                if month == lastMonth && random.chance(0.2) { continue }
                let winter = [12, 1, 2, 3].contains(month.month) ? 0.2 : 1
                let wan = Int64(monthly * winter * Double.random(in: 0.3..<1.6, using: &random) / Double(Money.yuanPerWan))
                let lagging = month >= lastMonth.previous
                percent = min(100, percent + Int.random(in: 0...8, using: &random))
                var figures = MonthlyFigures(
                    dispatch: .wan(max(0, wan)), statistical: lagging ? nil : .wan(Int64(Double(wan) * Double.random(in: 0.6..<0.95, using: &random))),
                    progressText: random.pick(progressNotes), progressPercent: percent, jobs: Int.random(in: 20...600, using: &random)
                )
                var errors = MonthlyReportRules.validate(figures, month: month, project: project, others: own.map(\.amounts), rules: rules, today: today)
                if errors.contains(where: { $0.field == "jumpReason" }) {
                    figures.jumpReason = "进入集中施工期"
                    errors = MonthlyReportRules.validate(figures, month: month, project: project, others: own.map(\.amounts), rules: rules, today: today)
                }
                guard errors.isEmpty else { break }
                let sentOn = month.dueDate(day: rules.dueDay).adding(days: random.chance(0.15) ? Int.random(in: 1...6, using: &random) : -Int.random(in: 0...4, using: &random))
                let sentAt = sentOn.startInChina.addingTimeInterval(Double(Int.random(in: 9...17, using: &random)) * 3600)
                let accepted = month < lastMonth
                own.append(MonthlyReport(id: nextId, projectId: spec.id, month: month, figures: figures, status: accepted ? .accepted : .submitted,
                                         submittedAt: min(sentAt, now), submittedBy: StoreText.demoReason,
                                         reviewedAt: accepted ? min(sentAt.addingTimeInterval(3 * 86_400), now) : nil,
                                         reviewedBy: accepted ? StoreText.demoReason : "", version: accepted ? 2 : 1))
                nextId += 1
            }
            reports += own
        }
        return reports
    }
}
