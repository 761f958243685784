import Foundation

/// The Web target's string catalogue (zh-CN): page titles, labels, messages and problem titles.
enum WebText {
    static let product = "重大项目全生命周期调度平台"
    static let productShort = "重大项目调度平台"

    enum Figures {
        static func lagging(_ seconds: Int) -> String { "本页统计数据为约 \(seconds) 秒前的结果，最新数据正在后台计算，稍后刷新即可看到。" }
        static func exportLagging(_ seconds: Int) -> String { "（统计数据为约 \(seconds) 秒前的结果）" }
    }

    enum Nav {
        static let home = "工作台"
        static let menu = "菜单"
        static let screen = "大屏"
        static let statistics = "统计段落"
        static let warnings = "红黄绿灯"
        static let assessment = "考核排名"
        static let bulletins = "通报"
        static let taskForces = "专班"
        static let portfolio = "包保项目"
        static let leads = "招商线索"
        static let funding = "向上资金"
        static let reserve = "谋划储备"
        static let readiness = "要素保障"
        static let campaigns = "集中开工"
        static let schemes = "分类口径"
        static let ledger = "项目台账"
        static let newProject = "录入项目"
        static let approvals = "审批"
        static let reports = "月度填报"
        static let problems = "问题清单"
        static let meetings = "会议"
        static let supervision = "督办"
        static let inbox = "消息"
        static let audit = "审计日志"
        static let admin = "用户管理"
        static let signOut = "退出"
    }

    enum Errors {
        static let notFound = "未找到请求的资源"
        static let unauthorized = "请先登录"
        static let forbidden = "没有权限执行此操作"
        static let conflict = "该记录已被他人修改，请刷新后重试"
        static let validation = "提交的内容有误，未作任何修改"
        static let badRequest = "请求格式不正确"
        static let badJSON = "请求体不是有效的 JSON"
        static let jsonSyntax = "JSON 语法错误"
        static let emptyBody = "请求体为空"
        /// How a refusal names the whole body, and a dictionary key, when no field name fits.
        static let bodyField = "请求体"
        static let keyField = "键"
        static let officeBusy = "服务器正在处理其他上传的文件，请稍后重试"
        static let unsupportedMediaType = "请求的 Content-Type 应为 application/json"
        static let imageTypes = "请求的 Content-Type 应为图片类型：image/jpeg、image/png 或 image/webp"
        static let tooLarge = "请求体过大"
        static let csrf = "页面已过期或请求来源无法验证，请刷新页面后重试"
        static let badQuery = "查询参数有误"
        static let server = "服务器内部错误，请稍后重试"
        static let databaseUnavailable = "数据库暂时无法访问（可能正在重启或维护），本次操作未完成，请稍后重试"
        static let storageUnavailable = "附件存储暂时无法写入（磁盘已满或目录只读），文件未保存，其他内容也未改动；请联系管理员"
        static let methodNotAllowed = "不支持该请求方法"
        static let invalidToken = "API 令牌无效、已撤销或账号已停用"
        static let mustChangePassword = "请先修改初始密码"
    }

    enum Ledger {
        static let light = "灯色"
        static func lightName(_ colour: String) -> String { "\(colour)灯" }
        static func lightsAsOf(_ day: String) -> String { "灯色（每日留存，\(day)）：" }
        static let moreFilters = "更多筛选"
        static let title = "项目台账"
        static let filter = "筛选"
        static let reset = "重置"
        static let allOption = "全部"
        static let keyword = "关键字"
        static let keywordPlaceholder = "项目名称、代码或项目单位"
        static let totals = "合计"
        static let empty = "没有符合条件的项目"
        static let exportCSV = "导出CSV"
        static let exportXLSX = "导出Excel"
        static let importLedger = "导入台账"
        static let unitNote = "单位：万元"
    }

    enum Project {
        static let edit = "编辑"
        static let save = "保存"
        static let create = "录入项目"
        static let cancel = "取消"
        static let transition = "阶段变更"
        static let history = "变更记录"
        static let flags = "提示"
        static let noFlags = "无"
        static let saved = "已保存"
        static let created = "项目已录入"
        static let moved = "阶段已变更"
    }

    enum Auth {
        static let signIn = "登录"
        static let username = "用户名"
        static let password = "密码"
        static let failed = "用户名或密码不正确"
        static let disabled = "账号已停用，请联系管理员"
        static func locked(minutes: Int) -> String { "连续登录失败次数过多，账号已锁定，请\(minutes)分钟后再试或联系管理员" }
        static let lockedByAdmin = "账号已被管理员锁定，请联系管理员"
    }

    enum Audit {
        /// The reason on a sampled refusal: one row per address and minute stands for all of them.
        static func refusalSample(previous: Int) -> String {
            previous > 0 ? "抽样记录：同一地址上一分钟内共被拒绝\(previous)次" : "抽样记录：同一地址每分钟仅记录一次"
        }
    }
}
