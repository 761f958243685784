import Foundation
import GroundbreakDomain
import Testing

/// A small calendar: 2026 loaded, with the Spring Festival week off and a make-up Saturday.
let testCalendar = WorkingCalendar(years: [2026], exceptions: [
    CalendarException(day: Day(year: 2026, month: 2, day: 14)!, kind: .workday, festival: "春节"),
    CalendarException(day: Day(year: 2026, month: 2, day: 16)!, kind: .holiday, festival: "春节"),
    CalendarException(day: Day(year: 2026, month: 2, day: 17)!, kind: .holiday, festival: "春节"),
    CalendarException(day: Day(year: 2026, month: 2, day: 18)!, kind: .holiday, festival: "春节"),
    CalendarException(day: Day(year: 2026, month: 2, day: 19)!, kind: .holiday, festival: "春节"),
    CalendarException(day: Day(year: 2026, month: 2, day: 20)!, kind: .holiday, festival: "春节"),
])

func d(_ text: String) -> Day { Day.parse(text)! }

let twentyDays = ApprovalItem(code: "BUILD-PLAN", name: "建设工程规划许可证", stage: 2, departmentCode: "CC-ZRZY", statutoryLimit: 20,
                              unit: .workingDays, appliesTo: [.government], basis: "", sort: 2)

@Suite("Approval clock")
struct ApprovalClockTests {
    func approval(_ status: ApprovalStatus, accepted: String?, decided: String? = nil, pauses: [ApprovalPause] = []) -> ProjectApproval {
        ProjectApproval(id: 1, projectId: 1, itemCode: "BUILD-PLAN", status: status, acceptedOn: accepted.map(d), decidedOn: decided.map(d), pauses: pauses)
    }

    @Test("working days after acceptance, across the holiday and the make-up Saturday")
    func running() {
        let reading = ApprovalClock.read(approval(.accepted, accepted: "2026-02-10"), item: twentyDays, calendar: testCalendar, today: d("2026-02-24"))
        // 11, 12, 13, 14(Sat, make-up), 23, 24 → 6 working days.
        #expect(reading.elapsed == 6 && reading.remaining == 14)
        #expect(reading.due == testCalendar.addingWorkingDays(20, to: d("2026-02-10")).day)
        #expect(reading.state == .running && !reading.provisional)
        let soon = ApprovalClock.read(approval(.accepted, accepted: "2026-02-10"), item: twentyDays, calendar: testCalendar, today: reading.due!.adding(days: -3))
        #expect(soon.state == .dueSoon)
        let late = ApprovalClock.read(approval(.accepted, accepted: "2026-02-10"), item: twentyDays, calendar: testCalendar, today: reading.due!.adding(days: 1))
        #expect(late.state == .overdue)
    }

    @Test("the day after the due date is late even when no working day has passed since it: 20 of 20 on a Saturday is overdue, not due soon")
    func lateOverTheWeekend() throws {
        // An acceptance whose twentieth working day is followed by a day off.
        let accepted = try #require((2...20).map { Day(year: 2026, month: 3, day: $0)! }.first {
            !testCalendar.isWorkingDay(testCalendar.addingWorkingDays(20, to: $0).day.adding(days: 1))
        })
        let due = testCalendar.addingWorkingDays(20, to: accepted).day
        let dayOff = due.adding(days: 1)
        let reading = ApprovalClock.read(approval(.accepted, accepted: accepted.iso), item: twentyDays, calendar: testCalendar, today: dayOff)
        #expect(reading.elapsed == 20 && reading.remaining == 0)
        #expect(reading.state == .overdue, "\(dayOff.iso): due \(due.iso)")
        #expect(ApprovalClock.read(approval(.accepted, accepted: accepted.iso), item: twentyDays, calendar: testCalendar, today: due).state == .dueSoon,
                "the due day itself is still in time")
        #expect(ApprovalClock.read(approval(.approved, accepted: accepted.iso, decided: dayOff.iso), item: twentyDays, calendar: testCalendar, today: dayOff).state
                == .doneLate)
    }

    @Test("pauses stop the clock and move the due date; an open pause shows as paused")
    func pauses() {
        let pause = ApprovalPause(reason: "专家评审", from: d("2026-03-02"), to: d("2026-03-06"))
        let withPause = ApprovalClock.read(approval(.accepted, accepted: "2026-02-24", pauses: [pause]), item: twentyDays, calendar: testCalendar, today: d("2026-03-13"))
        let without = ApprovalClock.read(approval(.accepted, accepted: "2026-02-24"), item: twentyDays, calendar: testCalendar, today: d("2026-03-13"))
        #expect(withPause.pausedDays == 5)
        #expect(withPause.elapsed! == without.elapsed! - 5)
        #expect(withPause.due == testCalendar.addingWorkingDays(25, to: d("2026-02-24")).day)
        let open = ApprovalClock.read(approval(.paused, accepted: "2026-02-24", pauses: [ApprovalPause(reason: "补正", from: d("2026-03-02"))]),
                                      item: twentyDays, calendar: testCalendar, today: d("2026-03-13"))
        #expect(open.state == .paused && open.elapsed == 3, "25, 26, 27 February; the clock stopped on 2 March")
    }

    @Test("decided items are on time or late; calendar-day limits; beyond the loaded years is provisional")
    func decided() {
        let onTime = ApprovalClock.read(approval(.approved, accepted: "2026-02-10", decided: "2026-03-09"), item: twentyDays, calendar: testCalendar, today: d("2026-06-01"))
        #expect(onTime.state == .doneOnTime)
        let late = ApprovalClock.read(approval(.approved, accepted: "2026-02-10", decided: "2026-03-20"), item: twentyDays, calendar: testCalendar, today: d("2026-06-01"))
        #expect(late.state == .doneLate)
        var permit = twentyDays
        permit.unit = .calendarDays
        permit.statutoryLimit = 7
        let calendarDays = ApprovalClock.read(approval(.accepted, accepted: "2026-02-13"), item: permit, calendar: testCalendar, today: d("2026-02-20"))
        #expect(calendarDays.elapsed == 7 && calendarDays.due == d("2026-02-20") && calendarDays.state == .dueSoon)
        var promised = twentyDays
        promised.promisedLimit = 10
        #expect(promised.limit == 10)
        let provisional = ApprovalClock.read(approval(.accepted, accepted: "2026-12-20"), item: twentyDays, calendar: testCalendar, today: d("2026-12-28"))
        #expect(provisional.provisional, "the due date falls in 2027, whose notice is not loaded")
        #expect(ApprovalClock.stageDue([onTime, late, calendarDays]) == [onTime.due!, late.due!, calendarDays.due!].max())
    }

    @Test("an item decided on the spot (即时, counted from the same day) is due on the day it is accepted")
    func immediate() {
        var filing = twentyDays
        filing.unit = .immediate
        filing.statutoryLimit = 0
        filing.countsFromNextDay = false
        let done = ApprovalClock.read(approval(.approved, accepted: "2026-03-09", decided: "2026-03-09"), item: filing, calendar: testCalendar, today: d("2026-06-01"))
        #expect(done.due == d("2026-03-09") && done.elapsed == 0 && done.state == .doneOnTime)
        let waiting = ApprovalClock.read(approval(.accepted, accepted: "2026-03-09"), item: filing, calendar: testCalendar, today: d("2026-03-10"))
        #expect(waiting.state == .overdue)
        let sameDay = ApprovalClock.read(approval(.accepted, accepted: "2026-03-09"), item: filing, calendar: testCalendar, today: d("2026-03-09"))
        #expect(sameDay.state == .dueSoon && sameDay.remaining == 0)
    }

    @Test("events follow the rules and carry what they must")
    func events() throws {
        let today = d("2026-03-31")
        var item = ProjectApproval(id: 1, projectId: 1, itemCode: "BUILD-PLAN")
        func fails(_ event: ApprovalEvent) -> [String] {
            if case .failure(let failure) = ApprovalRules.apply(event, to: item, today: today) { return failure.errors.map(\.field) }
            return []
        }
        #expect(fails(.approve(on: d("2026-03-01"), documentNumber: "x")) == ["kind"])
        #expect(fails(.acceptWithDeficiency(on: d("2026-03-02"), supplementDue: d("2026-03-01"), missing: "")) == ["missingMaterials", "supplementDue"])
        #expect(fails(.apply(on: d("2026-04-01"))) == ["on"])
        item = try ApprovalRules.apply(.apply(on: d("2026-03-01")), to: item, today: today).get()
        #expect(fails(.accept(on: d("2026-02-27"))) == ["on"])
        item = try ApprovalRules.apply(.acceptWithDeficiency(on: d("2026-03-02"), supplementDue: d("2026-03-09"), missing: "图纸"), to: item, today: today).get()
        #expect(item.status == .acceptedWithDeficiency && item.supplementDue == d("2026-03-09"))
        #expect(fails(.pause(from: d("2026-03-05"), reason: "")) == ["reason"])
        item = try ApprovalRules.apply(.pause(from: d("2026-03-05"), reason: "补正"), to: item, today: today).get()
        #expect(fails(.approve(on: d("2026-03-10"), documentNumber: "x")) == ["kind"], "no decision while paused")
        item = try ApprovalRules.apply(.resume(on: d("2026-03-10")), to: item, today: today).get()
        #expect(item.status == .acceptedWithDeficiency && item.pauses.last?.to == d("2026-03-09"))
        item = try ApprovalRules.apply(.supplementReceived(on: d("2026-03-11")), to: item, today: today).get()
        #expect(item.status == .accepted && item.supplementDue == nil)
        item = try ApprovalRules.apply(.approve(on: d("2026-03-20"), documentNumber: "文号1"), to: item, today: today).get()
        #expect(fails(.correct(appliedOn: nil, acceptedOn: nil, decidedOn: d("2026-03-21"), reason: "")) == ["reason"])
        item = try ApprovalRules.apply(.correct(appliedOn: nil, acceptedOn: nil, decidedOn: d("2026-03-19"), reason: "录入错误"), to: item, today: today).get()
        #expect(item.decidedOn == d("2026-03-19"))
    }
}

@Suite("Backward schedule and analytics")
struct ApprovalPlanningTests {
    func item(_ code: String, stage: Int, limit: Int, unit: LimitUnit = .workingDays, department: String = "CC-ZRZY") -> ApprovalItem {
        ApprovalItem(code: code, name: code, stage: stage, departmentCode: department, statutoryLimit: limit, unit: unit, appliesTo: [.government], basis: "", sort: stage)
    }

    @Test("deadlines run backwards stage by stage; parallel items must be done before 施工许可; slippage is marked")
    func backward() {
        let items = [item("S1", stage: 1, limit: 20), item("S2", stage: 2, limit: 20), item("S3", stage: 3, limit: 7, unit: .calendarDays), item("EIA", stage: 0, limit: 30, unit: .calendarDays)]
        let entries = items.map { (item: $0, approval: ProjectApproval(id: 0, projectId: 1, itemCode: $0.code)) }
        let plan = BackwardSchedule.plan(entries, targetStart: d("2026-06-30"), calendar: testCalendar, today: d("2026-03-31"))
        let byCode = Dictionary(uniqueKeysWithValues: plan.map { ($0.itemCode, $0) })
        #expect(byCode["S3"]?.approveBy == d("2026-06-30") && byCode["S3"]?.applyBy == d("2026-06-23"))
        #expect(byCode["S2"]?.approveBy == d("2026-06-23"))
        #expect(byCode["S2"]?.applyBy == testCalendar.addingWorkingDays(-20, to: d("2026-06-23")).day)
        #expect(byCode["S1"]?.approveBy == byCode["S2"]?.applyBy)
        #expect(byCode["EIA"]?.approveBy == d("2026-06-23") && byCode["EIA"]?.applyBy == d("2026-05-24"))
        #expect(plan.allSatisfy { !$0.slipped })
        let late = BackwardSchedule.plan(entries, targetStart: d("2026-06-30"), calendar: testCalendar, today: d("2026-05-01"))
        #expect(late.first { $0.itemCode == "S1" }?.slipped == true)
        #expect(late.first { $0.itemCode == "S3" }?.slipped == false)
    }

    @Test("each of many departments (more than a city's handful) gets its own items' figures, in any order of items")
    func manyDepartments() {
        let departments = (1...20).map { "CC-D\($0)" }
        var entries: [ApprovalAnalytics.Entry] = []
        // Department n decides n items, each taking n working days or so, interleaved with the others'.
        for round in 1...20 {
            for (index, department) in departments.enumerated() where round <= index + 1 {
                let item = item("I\(index)", stage: 1, limit: 200, department: department)
                entries.append(.init(approval: ProjectApproval(id: 0, projectId: Int64(round), itemCode: item.code, status: .approved,
                                                               appliedOn: d("2026-03-01"), acceptedOn: d("2026-03-02"), decidedOn: d("2026-03-02").adding(days: index + 1)),
                                     item: item))
            }
        }
        let figures = ApprovalAnalytics.departments(entries.reversed(), calendar: testCalendar, asOf: d("2026-08-31"))
        #expect(Set(figures.map(\.departmentCode)) == Set(departments))
        for (index, department) in departments.enumerated() {
            let own = figures.first { $0.departmentCode == department }
            let days = testCalendar.workingDays(after: d("2026-03-02"), through: d("2026-03-02").adding(days: index + 1))
            #expect(own?.handled == index + 1 && own?.withinLimit == index + 1 && own?.medianWorkingDays == days, "\(department)")
        }
    }

    @Test("department figures, the 51-working-day promise and the league with its change")
    func analytics() {
        let fast = item("A", stage: 1, limit: 20)
        let slowDept = item("B", stage: 1, limit: 20, department: "CC-ZJJ")
        let permit = item(ApprovalAnalytics.finalItemCode, stage: 3, limit: 20, department: "CC-ZJJ")
        func approval(_ project: Int64, _ code: String, applied: String, accepted: String, decided: String?) -> ProjectApproval {
            ProjectApproval(id: 0, projectId: project, itemCode: code, status: decided == nil ? .accepted : .approved,
                            appliedOn: d(applied), acceptedOn: d(accepted), decidedOn: decided.map(d))
        }
        let entries: [ApprovalAnalytics.Entry] = [
            .init(approval: approval(1, "A", applied: "2026-03-01", accepted: "2026-03-02", decided: "2026-03-10"), item: fast),
            .init(approval: approval(2, "A", applied: "2026-03-01", accepted: "2026-03-02", decided: "2026-03-20"), item: fast),
            .init(approval: approval(1, "B", applied: "2026-03-01", accepted: "2026-03-02", decided: "2026-04-30"), item: slowDept),
            .init(approval: approval(2, "B", applied: "2026-03-01", accepted: "2026-03-02", decided: nil), item: slowDept),
            .init(approval: approval(1, permit.code, applied: "2026-05-01", accepted: "2026-05-04", decided: "2026-05-08"), item: permit),
            .init(approval: approval(2, permit.code, applied: "2026-05-01", accepted: "2026-05-04", decided: "2026-07-30"), item: permit),
        ]
        let figures = ApprovalAnalytics.departments(entries, calendar: testCalendar, asOf: d("2026-08-31"))
        let zrzy = figures.first { $0.departmentCode == "CC-ZRZY" }!
        #expect(zrzy.handled == 2 && zrzy.withinLimit == 2 && zrzy.shareWithinLimit == 1 && zrzy.rank == 1)
        #expect(zrzy.medianWorkingDays == 6 && zrzy.p90WorkingDays == 14)
        let zjj = figures.first { $0.departmentCode == "CC-ZJJ" }!
        #expect(zjj.handled == 3 && zjj.withinLimit == 1 && zjj.overdueNow == 1 && zjj.rank == 2)

        let projects = ApprovalAnalytics.projects(entries, calendar: testCalendar)
        #expect(projects.map(\.withinPromise) == [true, false])
        #expect(projects[0].workingDays == testCalendar.workingDays(after: d("2026-03-01"), through: d("2026-05-08")))
        let city = ApprovalAnalytics.city(projects)
        #expect(city.share == 0.5 && !city.meetsTarget)

        let league = ApprovalAnalytics.league(entries, calendar: testCalendar, asOf: d("2026-08-31"), previous: d("2026-03-31"))
        #expect(league.first { $0.departmentCode == "CC-ZRZY" }?.rankChange == 0)
        #expect(league.first { $0.departmentCode == "CC-ZJJ" }?.rankChange == nil, "CC-ZJJ had decided nothing by the end of March")

        // The league reads each decided item's clock once for both days: a decided clock ends on
        // its decision, so it reads the same on any later day — paused, late or rejected alike.
        var paused = approval(3, "A", applied: "2026-03-01", accepted: "2026-03-02", decided: "2026-04-28")
        paused.pauses = [ApprovalPause(reason: "补正", from: d("2026-03-10"), to: d("2026-04-10"))]
        var rejected = approval(4, "B", applied: "2026-03-01", accepted: "2026-03-02", decided: "2026-06-30")
        rejected.status = .rejected
        for entry in entries + [.init(approval: paused, item: fast), .init(approval: rejected, item: slowDept)] where entry.approval.decidedOn != nil {
            let decided = entry.approval.decidedOn!
            let readings = [decided, d("2026-08-31"), d("2027-02-01")].map { ApprovalClock.read(entry.approval, item: entry.item, calendar: testCalendar, today: $0) }
            #expect(readings.allSatisfy { $0 == readings[0] }, "\(entry.approval.itemCode) decided \(decided.iso)")
        }
        let withPaused = entries + [.init(approval: paused, item: fast), .init(approval: rejected, item: slowDept)]
        let pausedFigures = ApprovalAnalytics.departments(withPaused, calendar: testCalendar, asOf: d("2026-08-31"))
        #expect(pausedFigures.first { $0.departmentCode == "CC-ZRZY" }?.handled == 3 && pausedFigures.first { $0.departmentCode == "CC-ZJJ" }?.handled == 4)
    }
}

@Suite("Approval duration bands")
struct ApprovalDistributionTests {
    @Test("projects fall into working-day bands split at the 51-day promise")
    func bands() {
        let projects = [3, 20, 21, 51, 52, 80, 81, 200].enumerated().map {
            ApprovalAnalytics.ProjectFigures(projectId: Int64($0.offset), workingDays: $0.element, withinPromise: $0.element <= 51)
        }
        let bands = ApprovalAnalytics.distribution(projects)
        #expect(bands.map(\.label) == ["≤20", "21–30", "31–40", "41–51", "52–65", "66–80", ">80"])
        #expect(bands.map(\.count) == [2, 1, 0, 1, 1, 1, 2])
        #expect(bands.map(\.withinPromise) == [true, true, true, true, false, false, false])
        #expect(bands.reduce(0) { $0 + $1.count } == projects.count)
    }
}
