import Foundation
import GroundbreakDomain
import HTTPTypes
@testable import GroundbreakStore
import GroundbreakTestSupport
@testable import GroundbreakWeb
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Statistics inclusion")
struct InclusionTests {
    @Test("started projects wait for admission, statistics staff record it with its own dates, the quarter's candidates are listed", arguments: allEngines)
    func inclusion(engine: DatabaseEngine) async throws {
        try await withWeb(engine) { fixture, client in
            let started = try await ReportWebTests.building(fixture, name: "已开工的产业项目")
            var input = ProjectInput()
            input.name = "计划年底开工的项目"
            input.regionCode = "220104"
            input.categoryCode = "IND-MFG"
            input.investmentType = "enterprise"
            input.totalInvestmentWan = "30000"
            input.ownerName = "长春某公司"
            input.plannedStart = "2026-12-20"
            let planned = try await fixture.services.projects.create(input, stage: .approval, allowed: .everything, actor: .system("test"),
                                                                     catalog: fixture.services.catalog(), today: webToday, now: webNow).id
            let statistics = try await fixture.signedIn(as: "tongji", roles: [.statistics], unit: OrgUnit(kind: .region, code: "220104"))

            let lists = try await client.send(.get, "/api/v1/stats/inclusion", as: statistics)
            expectDocumented(lists, MonthlyEndpoints.apiStatsInclusion)
            let waiting = (lists.object["startedNotAdmitted"] as? [[String: Any]]) ?? []
            #expect(waiting.map { $0["projectId"] as? Int } == [Int(started)])
            #expect(waiting.first?["daysSinceStart"] as? Int == 197 && waiting.first?["overdue"] as? Bool == true, "2026-05-10 to 2026-11-23")
            #expect(((lists.object["quarterCandidates"] as? [[String: Any]]) ?? []).compactMap { $0["projectId"] as? Int } == [Int(started), Int(planned)])

            let refused = try await client.send(.post, "/projects/\(started)/stats-inclusion", as: statistics,
                                                form: [("admittedOn", "2026-05-01"), ("firstReportedMonth", "2026-04")])
            #expect(refused.status == .unprocessableContent && refused.text.contains("不能早于实际开工日期") && refused.text.contains("不能早于入库月份"))
            let notStarted = try await client.send(.post, "/api/v1/projects/\(planned)/stats-inclusion", as: statistics, json: #"{"admittedOn":"2026-11-20"}"#)
            #expect(notStarted.status == .unprocessableContent)
            expectDocumented(notStarted, MonthlyEndpoints.apiRecordInclusion)
            #expect(try await fixture.services.inclusions.inclusion(projectId: started) == nil)

            let recorded = try await client.send(.post, "/projects/\(started)/stats-inclusion", as: statistics,
                                                 form: [("admittedOn", "2026-11-20"), ("firstReportedMonth", "2026-11")])
            #expect(recorded.status == .seeOther)
            let corrected = try await client.send(.post, "/api/v1/projects/\(started)/stats-inclusion", as: statistics,
                                                  json: #"{"admittedOn":"2026-11-18","firstReportedMonth":"2026-11","note":"统计局通知更正","version":1}"#)
            #expect(corrected.status == .ok && corrected.object["version"] as? Int == 2)
            expectDocumented(corrected, MonthlyEndpoints.apiRecordInclusion)
            let stale = try await client.send(.post, "/api/v1/projects/\(started)/stats-inclusion", as: statistics, json: #"{"admittedOn":"2026-11-18","version":1}"#)
            #expect(stale.status == .conflict)

            let after = try await client.send(.get, "/api/v1/stats/inclusion", as: statistics)
            #expect((after.object["startedNotAdmitted"] as? [Any])?.isEmpty == true)
            #expect(((after.object["admittedThisMonth"] as? [[String: Any]]) ?? []).first?["admittedOn"] as? String == "2026-11-18")
            let page = try await client.send(.get, "/stats", as: statistics)
            #expect(page.text.contains("本月入库（1）") && page.text.contains("计划年底开工的项目"))

            let department = try await fixture.signedIn(as: "gxj", roles: [.department], unit: OrgUnit(kind: .department, code: "CC-GXJ"))
            #expect(try await client.send(.post, "/projects/\(started)/stats-inclusion", as: department, form: [("admittedOn", "2026-11-20")]).status == .forbidden)
        }
    }
}

@Suite("Month-end close")
struct MonthCloseTests {
    @Test("closing freezes the month; later changes are corrections with a reason beside the snapshot; re-opening is the administrator's", arguments: allEngines)
    func close(engine: DatabaseEngine) async throws {
        try await withWeb(engine) { fixture, client in
            let id = try await ReportWebTests.building(fixture, name: "关账测试项目")
            _ = try await client.send(.post, "/projects/\(id)/reports", as: fixture, form: [("month", "2026-10"), ("dispatchWan", "300")])
            let center = try await fixture.signedIn(as: "zhongxin", roles: [.center], unit: OrgUnit(kind: .department, code: "CC-XMZX"))

            let early = try await client.send(.post, "/api/v1/reports/close", as: center, json: #"{"month":"2026-11"}"#)
            #expect(early.status == .unprocessableContent && early.text.contains("尚未结束"))
            expectDocumented(early, MonthlyEndpoints.apiCloseMonth)
            let closed = try await client.send(.post, "/api/v1/reports/close", as: center, json: #"{"month":"2026-10"}"#)
            #expect(closed.status == .ok)
            expectDocumented(closed, MonthlyEndpoints.apiCloseMonth)
            #expect(try await client.send(.post, "/api/v1/reports/close", as: center, json: #"{"month":"2026-10"}"#).status == .unprocessableContent)

            // A change to the closed month needs a reason and is kept as a correction; the board keeps the snapshot.
            let report = try #require(try await fixture.services.reports.reports(projectId: id).first)
            let noReason = try await client.send(.post, "/projects/\(id)/reports", as: fixture,
                                                 form: [("month", "2026-10"), ("dispatchWan", "350"), ("version", String(report.version))])
            #expect(noReason.status == .unprocessableContent && noReason.text.contains("更正原因"))
            let corrected = try await client.send(.post, "/projects/\(id)/reports", as: fixture, form: [
                ("month", "2026-10"), ("dispatchWan", "350"), ("version", String(report.version)), ("correctionReason", "漏报设备款"),
            ])
            #expect(corrected.status == .seeOther)
            let board = try await client.send(.get, "/api/v1/reports?month=2026-10", as: center)
            expectDocumented(board, MonthlyEndpoints.apiReportsBoard)
            #expect(board.object["closedAt"] is String)
            #expect(((board.object["rows"] as? [[String: Any]]) ?? []).first?["dispatch"] as? Int == 3_000_000, "the snapshot, not the corrected figure")
            let corrections = (board.object["corrections"] as? [[String: Any]]) ?? []
            #expect(corrections.count == 1 && corrections.first?["dispatchBefore"] as? Int == 3_000_000 && corrections.first?["dispatchAfter"] as? Int == 3_500_000)
            #expect(corrections.first?["reason"] as? String == "漏报设备款")
            #expect(try await fixture.services.reports.reports(projectId: id).first?.figures.dispatch == .wan(350), "the live report carries the correction")
            let page = try await client.send(.get, "/reports?month=2026-10", as: center)
            #expect(page.text.contains("已关账") && page.text.contains("漏报设备款") && !page.text.contains("重新开账"))
            let targets = try await client.send(.get, "/api/v1/targets?unit=region:220104&month=2026-10", as: center)
            let fai = ((targets.object["readings"] as? [[String: Any]]) ?? []).first { $0["indicator"] as? String == "FAI_TOTAL" }
            #expect(fai?["actual"] as? Double == 3_000_000, "targets read a closed month as it was closed")

            // Re-opening: not the centre; the administrator, with a reason; then the month takes a new snapshot at the next close.
            #expect(try await client.send(.post, "/reports/reopen", as: center, form: [("month", "2026-10"), ("reason", "数据有误")]).status == .forbidden)
            let noWhy = try await client.send(.post, "/api/v1/reports/reopen", as: fixture, json: #"{"month":"2026-10"}"#)
            #expect(noWhy.status == .unprocessableContent)
            let reopened = try await client.send(.post, "/reports/reopen", as: fixture, form: [("month", "2026-10"), ("reason", "统计局反馈需重报")])
            #expect(reopened.status == .seeOther)
            let open = try await client.send(.get, "/api/v1/reports?month=2026-10", as: center)
            #expect(open.object["closedAt"] is NSNull && ((open.object["rows"] as? [[String: Any]]) ?? []).first?["dispatch"] as? Int == 3_500_000)
            var query = AuditQuery()
            query.entity = "month_close"
            #expect(try await fixture.services.audit.search(query).entries.map(\.action).sorted() == ["close", "reopen"])

            // Every figure reads closed months from figures held in memory (`ClosedMonthFigures`): they follow the reopen and the next close.
            // The targets tolerate lag: each is read by whoever made the change before it.
            func regionDispatch(as reader: WebFixture) async throws -> Double? {
                let targets = try await client.send(.get, "/api/v1/targets?unit=region:220104&month=2026-10", as: reader)
                return ((targets.object["readings"] as? [[String: Any]]) ?? []).first { $0["indicator"] as? String == "FAI_TOTAL" }?["actual"] as? Double
            }
            #expect(try await regionDispatch(as: fixture) == 3_500_000, "an open month reads its live reports")
            #expect(try await client.send(.post, "/api/v1/reports/close", as: center, json: #"{"month":"2026-10"}"#).status == .ok)
            let again = try #require(try await fixture.services.reports.reports(projectId: id).first)
            let later = try await client.send(.post, "/projects/\(id)/reports", as: fixture, form: [
                ("month", "2026-10"), ("dispatchWan", "400"), ("version", String(again.version)), ("correctionReason", "再次更正"),
            ])
            #expect(later.status == .seeOther)
            #expect(try await regionDispatch(as: fixture) == 3_500_000, "closed again: the new snapshot, not the later correction")
        }
    }
}

@Suite("Annual plans")
struct AnnualPlanTests {
    @Test("a year's plan: within the total, dates in order, the right nature; progress against it on the tab", arguments: allEngines)
    func plans(engine: DatabaseEngine) async throws {
        try await withWeb(engine) { fixture, client in
            let id = try await ReportWebTests.building(fixture, name: "年度计划测试项目")
            let refused = try await client.send(.post, "/projects/\(id)/plans", as: fixture, form: [
                ("year", "2026"), ("plannedInvestmentWan", "20000"), ("nature", "newStart"), ("plannedStart", "2026-09-01"), ("plannedCompletion", "2026-03-01"),
            ])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("超过项目总投资") && refused.text.contains("竣工"))
            let started = try await client.send(.post, "/api/v1/projects/\(id)/plans", as: fixture,
                                                json: #"{"year":2027,"plannedInvestment":30000000,"nature":"newStart"}"#)
            #expect(started.status == .unprocessableContent && started.text.contains("本年度应为续建"))
            expectDocumented(started, MonthlyEndpoints.apiSaveProjectPlan)

            let saved = try await client.send(.post, "/projects/\(id)/plans", as: fixture, form: [
                ("year", "2026"), ("plannedInvestmentWan", "4000"), ("nature", "newStart"), ("inStartList", "1"), ("campaign", "2026年春季集中开工"),
            ])
            #expect(saved.status == .seeOther)
            _ = try await client.send(.post, "/projects/\(id)/reports", as: fixture, form: [("month", "2026-10"), ("dispatchWan", "1000")])
            let tab = try await client.send(.get, "/projects/\(id)/reports?year=2026", as: fixture)
            #expect(tab.text.contains("年度计划投资 4,000.00 万元（新建，列入开复工清单，2026年春季集中开工）") && tab.text.contains("为年度计划的 25.0%"))

            let stale = try await client.send(.post, "/api/v1/projects/\(id)/plans", as: fixture,
                                              json: #"{"year":2026,"plannedInvestment":50000000,"nature":"newStart"}"#)
            #expect(stale.status == .conflict)
            let updated = try await client.send(.post, "/api/v1/projects/\(id)/plans", as: fixture,
                                                json: #"{"year":2026,"plannedInvestment":50000000,"nature":"newStart","inStartList":true,"version":1}"#)
            #expect(updated.status == .ok && updated.object["version"] as? Int == 2)
            expectDocumented(updated, MonthlyEndpoints.apiSaveProjectPlan)
            let listed = try await client.send(.get, "/api/v1/projects/\(id)/plans", as: fixture)
            expectDocumented(listed, MonthlyEndpoints.apiProjectPlans)
            #expect((listed.json as? [[String: Any]])?.first?["plannedInvestment"] as? Int == 50_000_000)
        }
    }
}

@Suite("Targets on the web")
struct TargetWebTests {
    @Test("the centre sets a region's targets; the page and API read actuals against time progress within the caller's scope", arguments: allEngines)
    func targets(engine: DatabaseEngine) async throws {
        try await withWeb(engine) { fixture, client in
            let id = try await ReportWebTests.building(fixture, name: "朝阳区目标测试项目")
            _ = try await client.send(.post, "/projects/\(id)/reports", as: fixture, form: [("month", "2026-09"), ("dispatchWan", "600")])
            _ = try await client.send(.post, "/projects/\(id)/reports", as: fixture, form: [("month", "2026-10"), ("dispatchWan", "900")])
            let center = try await fixture.signedIn(as: "zhongxin", roles: [.center], unit: OrgUnit(kind: .department, code: "CC-XMZX"))

            let bad = try await client.send(.post, "/api/v1/targets", as: center, json: #"{"unit":"region:220104","year":2026,"indicator":"NOPE","value":-1,"curve":"spiral"}"#)
            #expect(bad.status == .unprocessableContent)
            expectDocumented(bad, MonthlyEndpoints.apiSetTarget)
            let set = try await client.send(.post, "/targets", as: center, form: [
                ("unit", "region:220104"), ("year", "2026"), ("indicator", "FAI_TOTAL"), ("value", "2000"), ("curve", "linear"), ("month", "2026-10"),
            ])
            #expect(set.status == .seeOther && set.location == "/targets?unit=region%3A220104&month=2026-10&notice=saved")

            let api = try await client.send(.get, "/api/v1/targets?unit=region:220104&month=2026-10", as: center)
            expectDocumented(api, MonthlyEndpoints.apiTargets)
            let fai = ((api.object["readings"] as? [[String: Any]]) ?? []).first { $0["indicator"] as? String == "FAI_TOTAL" }
            #expect(fai?["actual"] as? Double == 15_000_000 && fai?["completionPercent"] as? Double == 75)
            #expect((fai?["bulletin"] as? String)?.hasPrefix("为年度计划的 75.0%，落后时间进度 8.3 个百分点") == true)
            let page = try await client.send(.get, "/targets?unit=region:220104&month=2026-10", as: center)
            #expect(page.text.contains("朝阳区 2026年10月目标与序时进度") && page.text.contains("为年度计划的 75.0%"))

            // A region elsewhere may not read 朝阳区's figures at all (it once read them as zero), nor set targets.
            let jiutai = try await fixture.signedIn(as: "jiutai", roles: [.region], unit: OrgUnit(kind: .region, code: "220113"))
            let outside = try await client.send(.get, "/api/v1/targets?unit=region:220104&month=2026-10", as: jiutai)
            #expect(outside.status == .forbidden)
            #expect(try await client.send(.post, "/api/v1/targets", as: jiutai,
                                          json: #"{"unit":"region:220113","year":2026,"indicator":"FAI_TOTAL","value":1}"#).status == .forbidden)
            #expect(try await client.send(.get, "/api/v1/targets?unit=planet:1", as: center).status == .badRequest)
        }
    }
}

@Suite("Site photos")
struct PhotoTests {
    @Test("photos are uploaded from the form or the API, kept once by content, and served only within scope", arguments: allEngines)
    func photos(engine: DatabaseEngine) async throws {
        try await withWeb(engine) { fixture, client in
            let id = try await ReportWebTests.building(fixture, name: "照片测试项目")
            let notImage = try await client.sendMultipart("/projects/\(id)/photos", as: fixture, fields: [("month", "2026-10")],
                                                          file: ("photo", "说明.txt", Array("这不是照片".utf8)))
            #expect(notImage.status == .unprocessableContent && notImage.text.contains("只接受 JPEG、PNG 或 WebP"))
            let tooBig = try await client.sendMultipart("/projects/\(id)/photos", as: fixture, fields: [("month", "2026-10")],
                                                        file: ("photo", "大.png", tinyPNG + [UInt8](repeating: 0, count: 300 * 1024)))
            #expect(tooBig.status == .contentTooLarge)
            let noToken = try await client.sendMultipart("/projects/\(id)/photos", as: fixture, fields: [("month", "2026-10")],
                                                         file: ("photo", "工地.png", tinyPNG), csrf: false)
            #expect(noToken.status == .forbidden)
            #expect(try await fixture.services.files.photos(projectId: id).isEmpty)

            let uploaded = try await client.sendMultipart("/projects/\(id)/photos", as: fixture, fields: [("month", "2026-10")],
                                                          file: ("photo", "工地 10月.png", tinyPNG))
            #expect(uploaded.status == .seeOther)
            let api = try await client.sendImage("/api/v1/projects/\(id)/photos?month=2026-09&name=base.png", as: fixture, bytes: tinyPNG)
            #expect(api.status == .created)
            expectDocumented(api, MonthlyEndpoints.apiUploadPhoto)
            #expect(try await client.sendImage("/api/v1/projects/\(id)/photos?month=2026-09", as: fixture, bytes: tinyPNG, contentType: "text/plain").status
                    == .unsupportedMediaType)

            let listed = try await client.send(.get, "/api/v1/projects/\(id)/photos", as: fixture)
            expectDocumented(listed, MonthlyEndpoints.apiProjectPhotos)
            let photos = (listed.json as? [[String: Any]]) ?? []
            #expect(photos.map { $0["month"] as? String } == ["2026-10", "2026-09"] && photos.first?["name"] as? String == "工地 10月.png")
            let url = try #require(photos.first?["url"] as? String)
            let image = try await client.send(.get, url, as: fixture)
            #expect(image.status == .ok && image.headers[.contentType] == "image/png" && Array(image.body.readableBytesView) == tinyPNG)
            let tab = try await client.send(.get, "/projects/\(id)/reports?year=2026", as: fixture)
            #expect(tab.text.contains("现场照片（2）") && tab.text.contains(#"<img src="\#(url)""#))
            // Same bytes twice: two records, one file.
            let files = try FileManager.default.subpathsOfDirectory(atPath: fixture.services.settings.attachmentsDirectory).filter { $0.count > 60 }
            #expect(files.count == 1)

            let jiutai = try await fixture.signedIn(as: "jiutai", roles: [.region], unit: OrgUnit(kind: .region, code: "220113"))
            #expect(try await client.send(.get, url, as: jiutai).status == .notFound)
            #expect(try await client.send(.get, url, as: fixture, signedIn: false).status != .ok)
        }
    }
}
