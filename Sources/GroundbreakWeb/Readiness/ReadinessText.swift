import Foundation

/// The readiness pages' words, zh-CN.
extension WebText {
    enum Readiness {
        static let projectTitle = "要素保障"
        static let projectLead = "开工前须落实的土地、规划、水电气热路讯、资金和用工：每项的状态、计划落实日期、落实日期和责任单位。未落实的条目可以一步提出问题，进入问题清单协调。"
        static let group = "类别"
        static let item = "条目"
        static let state = "状态"
        static let dueOn = "计划落实日期"
        static let doneOn = "落实日期"
        static let unit = "责任单位"
        static let way = "供地方式"
        static let note = "说明"
        static let forStart = "开工必备"
        static let yes = "是"
        static let save = "保存"
        static let raise = "提出问题"
        static let saved = "已保存"
        static let level = "配套条件"
        static func levelReached(_ name: String?) -> String { name ?? "未达五通一平" }
        static let ready = "具备开工条件"
        static func notReady(_ count: Int) -> String { "尚缺 \(count) 项开工条件" }
        static let missing = "尚缺条件"
        static let landSuppliedOn = "供地日期"
        static let back = "返回项目"

        static let startsTitle = "开工条件"
        static let startsLead = "计划在该年开工、尚未开工的项目是否具备开工条件：开工必备条目和五通一平逐项落实才算具备；集中审批、集中开工以此为准。"
        static let landTitle = "已拿地未开工"
        static let landLead = "已供地、尚未开工的项目和已等待的天数（自供地日期起），等待最久的在前。"
        static let landLink = "已拿地未开工"
        static let startsLink = "开工条件"
        static let serial = "序号"
        static let project = "项目名称"
        static let region = "属地"
        static let plannedStart = "计划开工"
        static let stage = "阶段"
        static let daysWaiting = "已等待（天）"
        static let total = "总投资（万元）"
        static let filter = "筛选"
        static let all = "全部"
        static let year = "计划开工年度"
        static let allVisible = "可见的全部项目"
        static func plannedIn(_ year: Int) -> String { "\(year)年计划开工" }
        static func count(_ count: Int) -> String { "共 \(count) 个项目" }
        static func readyCount(_ ready: Int, _ all: Int) -> String { "具备开工条件 \(ready) 个，尚不具备 \(all - ready) 个" }
        static let startsFile = "开工条件.xlsx"
        static let landFile = "已拿地未开工项目.xlsx"
        static let none = "—"
    }

    enum ReadinessContract {
        static let project = "一个项目的要素保障：全部条目（未登记的为未落实）、达到的几通一平、是否具备开工条件和所缺条目、供地日期"
        static let save = "保存项目的要素保障条目（每条按读到的版本号，从未登记的为 0）：state 为 pending、inProgress、done、notNeeded；已落实须给落实日期"
        static let starts = "开工条件：计划在 year（默认今年）开工、尚未开工的可见项目是否具备开工条件，所缺条目"
        static let land = "已拿地未开工：已供地、尚未开工的可见项目，自供地日期起已等待的天数"
        static let answer = "要素保障"
        static let listAnswer = "项目列表"
        static let invalid = "内容有误（条目、状态、日期、供地方式或责任单位）"
        static let conflict = "条目已被他人更新，请按最新版本号重试"
        static let forbidden = "无权查看或修改该项目"
        static let badQuery = "筛选条件有误"
        static let unit = "属地：region:区划代码 或 zone:开发区代码"
        static let year = "计划开工年度"
    }
}
