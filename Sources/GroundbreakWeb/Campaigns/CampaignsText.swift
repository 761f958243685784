import Foundation

/// The 集中开工 pages' words, zh-CN.
extension WebText {
    enum Campaigns {
        static let title = "集中开工"
        static let lead = "春、秋两季集中开工：每批计划开工的项目、各项目的开工条件和实际开工情况；全年新开工亿元以上项目对照目标。各县（市）区、开发区可参照举办本地的集中开工。"
        static let targets = "开工目标"
        static func targetLine(_ name: String, _ through: String) -> String { "\(name)（截至\(through)）" }
        static let counted = "已开工"
        static let target = "目标"
        static let reached = "完成比例"
        static func scopeNote(_ unit: String) -> String { "\(unit)：按您可见的项目统计，目标与“目标与序时进度”页一致（市级未设定时取工作方案要求）。" }
        static let noUnit = "您不属于某一单位，不显示新开工目标。"
        static let batches = "批次"
        static let name = "批次名称"
        static let season = "季节"
        static let heldOn = "举办日期"
        static let unit = "举办单位"
        static let city = "全市"
        static let planned = "计划开工项目"
        static let ready = "具备开工条件"
        static let started = "已开工"
        static let none = "—"
        static let noBatches = "该年度还没有集中开工批次。"
        static let newBatch = "新建批次"
        static let year = "年度"
        static let note = "说明"
        static let save = "保存"
        static let filter = "查看"
        static let back = "集中开工"
        static let project = "项目名称"
        static let region = "属地"
        static let total = "总投资（万元）"
        static let plannedStart = "计划开工"
        static let readiness = "开工条件"
        static let actualStart = "实际开工"
        static let serial = "序号"
        static let addProject = "加入清单"
        static let remove = "移出"
        static let projectField = "项目（名称或代码）"
        static func summary(_ planned: Int, _ ready: Int, _ started: Int, _ total: String) -> String {
            "计划开工 \(planned) 个项目，总投资 \(total) 万元；具备开工条件 \(ready) 个，已开工 \(started) 个"
        }
        static func file(_ name: String) -> String { "\(name)项目清单.xlsx" }
        static func yearTitle(_ year: Int) -> String { "\(year)年集中开工批次" }
        static func yearFilter(_ year: Int, _ unit: String) -> String { "\(year)年；目标单位：\(unit)" }
        static func yearFile(_ year: Int) -> String { "\(year)年集中开工批次.xlsx" }
        static func yearCount(_ count: Int) -> String { "共 \(count) 个批次" }
        static let saved = "已保存"
    }

    enum CampaignsContract {
        static let list = "集中开工：某年度（year，默认今年）的批次及全年开工目标的完成情况（按调用者可见的项目）"
        static let show = "一批集中开工：调用者可见的计划开工项目及各自的开工条件、实际开工日期"
        static let create = "新建集中开工批次（市大项目办、管理员）：season 为 campaigns.json 的季节代码"
        static let projects = "把项目加入（add=true）或移出（add=false）批次清单"
        static let answer = "集中开工批次"
        static let invalid = "内容有误（名称、季节、日期、单位或项目）"
        static let forbidden = "无权查看或组织集中开工"
        static let badQuery = "年度有误"
        static let year = "年度"
    }
}
