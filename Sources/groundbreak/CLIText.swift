/// The command line's words, zh-CN: help, messages and errors, a section per command.
enum CLIText {
    enum Root {
        static let abstract = "重大项目全生命周期调度平台 Groundbreak"
        static let discussion = """
            配置优先级：命令行参数 > 环境变量 > .env 文件 > 默认值。
            环境变量：GROUNDBREAK_MODE, GROUNDBREAK_HTTP_HOST, GROUNDBREAK_HTTP_PORT, GROUNDBREAK_DATABASE_URL,
            GROUNDBREAK_DATABASE_READ_URL（可选的 PostgreSQL 只读副本）, GROUNDBREAK_DATABASE_READ_MAX_LAG,
            GROUNDBREAK_SECRET_KEY, GROUNDBREAK_BCRYPT_COST, GROUNDBREAK_COOKIES_SECURE, GROUNDBREAK_DATABASE_POOL_SIZE。
            """
        static let databaseHelp = "数据库地址：sqlite:文件路径（默认 ./groundbreak.sqlite）或 postgres://用户:密码@主机:端口/库名"
        static let modeHelp = "运行模式：development 或 production"
        static let envFileHelp = ".env 文件路径"
    }

    enum Settings {
        static func badMode(_ mode: String) -> String { "GROUNDBREAK_MODE 应为 development 或 production，而不是 \(mode)" }
        static let badSchedulerInterval = "GROUNDBREAK_SCHEDULER_INTERVAL 应在 1–3600 秒之间"
        static func badPort(_ port: Int) -> String { "端口应在 1–65535 之间：\(port)" }
        static let badBcryptCost = "GROUNDBREAK_BCRYPT_COST 应在 4–31 之间"
        static func badLogLevel(_ level: String) -> String {
            "GROUNDBREAK_LOG_LEVEL 应为 trace、debug、info、notice、warning、error 或 critical，而不是 \(level)"
        }
    }

    enum Work {
        static func unknownUnit(_ text: String) -> String { "参考数据中没有单位 \(text)：请核对代码（部门见 departments.csv，属地见 regions.csv，开发区见 zones.csv）" }
        static func badYear(_ year: Int) -> String { "年度 \(year) 不在 2000–2100 之间" }
        static func noDirectory(_ directory: String) -> String { "SQLite 文件所在目录不存在：\(directory)" }
        static func cannotConnect(_ database: String, _ error: String) -> String { "无法连接数据库 \(database)：\(error)" }
        static let noDemoInProduction = "生产模式不能加载演示数据"
        static let demoCountRange = "项目数量应在 1–1000000 之间"
        static let demoLoader = "演示数据加载"
        static let commandLine = "命令行"
        static let commandLineImport = "命令行导入"
        static let escalationJob = "问题提级任务"
        static func cannotRead(_ file: String) -> String { "无法读取文件：\(file)" }
        static func notUTF8CSV(_ file: String) -> String { "文件不是 UTF-8 编码的 CSV：\(file)" }
        static let sourceRequired = "请写明依据（通知名称和文号）"
        static let roleRequired = "至少指定一个角色（--role）"
        static let unitRequired = "该角色须指定所属单位（--unit department:代码 或 region:代码）"
        static let seatRequired = "项目秘书、包保领导须指定职务（--position 职务编号）"
        static func noUser(_ username: String) -> String { "没有用户 \(username)" }
        static let tokenNameLength = "令牌用途应为1–100个字"
        static let noDemoFlagInProduction = "生产模式不能使用 --demo"
        static let migrated = "数据库已迁移"
        static let demoLoaded = "已加载演示数据"
        static func demoAccounts(_ password: String, _ accounts: String) -> String { "演示账号（密码均为 \(password)）：\(accounts)" }
        static func demoAccount(_ username: String, _ label: String) -> String { "\(username)（\(label)）" }
        static let accountSeparator = "、"
        static let noUsersYet = "尚无用户。请先运行：groundbreak user add --username 用户名 --name 姓名 --admin"
        static func started(_ host: String, _ port: Int, _ database: String) -> String { "Groundbreak 已启动：http://\(host):\(port)/  数据库：\(database)" }
        static let changedDuringImport = "导入期间数据被他人修改，未写入任何数据；请重新运行"
        static let demoPrefix = "演示·"
        // The demo city's accounts, as the README lists them.
        static let demoAdmin = "管理员"
        static let demoCentre = "市大项目办"
        static let demoRegion = "朝阳区属地"
        static let demoDepartment = "市工信局"
        static let demoFunding = "市发改委（收集专项债券、预算内等申报）"
        static let demoSecretary = "项目秘书"
        static let demoSponsor = "包保领导"
        static let demoSupervision = "市政府督查室"
        static let demoAttraction = "朝阳区招商专员"
        static let demoAttractionOffice = "市商务局（招商办）"
    }

    enum Serve {
        static let abstract = "启动服务（启动时自动迁移数据库）"
        static let hostHelp = "监听地址（默认 127.0.0.1）"
        static let portHelp = "监听端口（默认 8080）"
        static let demoHelp = "数据库为空时载入演示数据，并创建演示管理员账号"
        static let migrateAbstract = "执行数据库迁移并载入参考数据"
        static let upToDate = "数据库已是最新。"
        static func migrated(_ versions: String) -> String { "已执行迁移：\(versions)" }
        static func referenceLoaded(_ files: String) -> String { "已载入参考数据：\(files)" }
    }

    enum Demo {
        static let abstract = "载入演示数据：长春的真实区划与开发区、约50个部门、按规模/阶段/类别/行业分布的项目、包保领导与项目秘书"
        static let countHelp = "项目数量（默认 1500）"
        static func loaded(projects: Int, seats: Int, approvals: Int, reports: Int, problems: Int, seconds: String) -> String {
            "已载入 \(projects) 个演示项目、\(seats) 个职务、\(approvals) 个审批事项、\(reports) 份月报、\(problems) 个问题，用时 \(seconds) 秒。"
        }
    }

    enum Calendar {
        static let abstract = "工作日历（国务院节假日安排）"
        static let importAbstract = "载入某一年度的节假日安排（替换该年度原有安排）"
        static let importDiscussion = "CSV 列：date,kind,festival,statutory；kind 为 holiday（放假）或 workday（调休上班）。"
        static let yearHelp = "年度，如 2027"
        static let sourceHelp = "依据：通知名称和文号"
        static let fileHelp = "CSV 文件（UTF-8）"
        static func loaded(_ year: Int, _ rows: Int) -> String { "已载入 \(year) 年节假日安排 \(rows) 条。" }
        static let listAbstract = "列出已载入的年度"
        static func year(_ year: Int, _ workdays: Int, _ source: String) -> String { "\(year)\t工作日 \(workdays)\t\(source)" }
    }

    enum Report {
        static let abstract = "写出领导阅读的材料"
        static let statisticsAbstract = "写出单位年度重点项目清单的统计段落"
        static let statisticsDiscussion = "例：groundbreak report statistics --unit 二道区 --year 2019 --threshold 3000 --bands 10000,50000。金额单位为万元；“以上”含本数；上一年度有清单时写同比。"
        static let unitHelp = "单位：名称（如 二道区）或区划代码（如 220105）"
        static let yearHelp = "年度"
        static let thresholdHelp = "起点，万元（如 3000）；省略时为该年度清单的起点"
        static let bandsHelp = "规模档，万元，逗号分隔（如 10000,50000 即亿元以上、5亿元以上）"
        static let schemeHelp = "分类口径的名称或编号；省略时为该单位的第一个口径；none 为不按口径分类"
        static let shapeHelp = "写法：byDimension（按投资规模、类别、建设进度看）或 among（其中……同比）"
        static let noTotalHelp = "不写总投资"
        static let namedHelp = "点名的最大项目个数"
        static func unknownUnit(_ text: String) -> String { "找不到单位“\(text)”：请写区划名称或代码" }
        static func badBands(_ text: String) -> String { "规模档“\(text)”有误：请写逗号分隔的万元金额，最多 8 个" }
        static func badShape(_ text: String) -> String { "写法“\(text)”有误：可写 byDimension 或 among" }
        static func badNamed(_ max: Int) -> String { "点名的项目数应在 0 到 \(max) 之间" }
        static func unknownScheme(_ text: String, _ names: [String]) -> String { "该单位没有口径“\(text)”" + (names.isEmpty ? "" : "，现有：" + names.joined(separator: "、")) }
        static let rankingAbstract = "列出各县（市）区、开发区（或市直部门、专班工作组）的考核排名表"
        static let rankingDiscussion = "例：groundbreak report ranking --month 2026-10 --set departments。本年累计至该月；已关账的月份为关账时冻结的表。命令行不计算红灯项目数（见网页）。"
        static let setHelp = "排名范围：regions（县（市）区、开发区，默认）、departments（市直部门）或 groups:专班编号（该专班各工作组）"
        static func badSet(_ text: String) -> String { "排名范围“\(text)”无法识别：应为 regions、departments 或 groups:专班编号" }
        static func unknownTaskForce(_ id: Int64) -> String { "没有编号为 \(id) 的专班" }
        static let monthHelp = "月份 YYYY-MM"
        static let rankingHeader = "排名\t单位\t较上月\t综合得分\t完成投资（万元）\t完成率\t超/落后序时（百分点）\t评优资格"
        static func rankingTitle(_ month: String, _ set: String, _ frozen: Bool) -> String {
            "\(month)（本年累计）\(set)考核排名" + (frozen ? "（已关账冻结）" : "（按当前数据计算）")
        }
        static func badMonth(_ text: String) -> String { "月份“\(text)”有误：请写 YYYY-MM" }
        static func monthNotBegun(_ month: String) -> String { "\(month) 尚未开始，没有可考核的数字" }
        static func noList(_ unit: String, _ year: Int) -> String { "\(unit)\(year)年还没有重点项目清单：请先导入写有建设性质或年度计划投资的台账" }
    }

    enum Office {
        static let importAbstract = "导入项目台账或月度数据（.xlsx 或 .csv）：默认只预览，--commit 时整批写入"
        static let importDiscussion = "文件有任何一处问题都不写入；问题按行、列列出。退出码：0 成功，1 文件有问题，2 无法读取。"
        static let commitHelp = "预览无误时写入数据库（一次事务）"
        static let yearHelp = "文件未写明年度时，建设性质和年度计划投资记入的年度（列名或标题行的年度优先）"
        static let monthlyHelp = "文件是月度数据（项目代码或名称、月份、调度口径、统计口径……），不是项目台账"
        static let fileHelp = "台账文件"
        static func summary(_ file: String, create: Int, update: Int, unchanged: Int, skipped: Int, refused: Int) -> String {
            "\(file)：新增 \(create)，更新 \(update)，无变化 \(unchanged)，跳过 \(skipped)，有错误 \(refused)"
        }
        static func note(_ text: String) -> String { "  说明：\(text)" }
        static func problem(_ text: String) -> String { "  问题：\(text)" }
        static func written(_ id: Int64) -> String { "已写入（导入记录 \(id)）。" }
        static let nothingToWrite = "没有需要写入的内容。"
        static let previewOnly = "这是预览，未写入；确认无误后加 --commit 写入。"
        static let exportAbstract = "导出全部项目台账（.xlsx 按报送领导的版式，或 .csv）"
        static let outputHelp = "输出文件；以 .csv 结尾时导出 CSV，否则导出 .xlsx"
        static func exported(_ file: String) -> String { "已导出：\(file)" }
    }

    enum Problems {
        static let abstract = "问题清单"
        static let escalateAbstract = "把逾期未解决的问题按提级链条提升一级（新的责任单位和办理时限）"
        static let escalateDiscussion = "可每天由计划任务运行；已在最高层级的问题不再提级。"
        static func escalated(_ count: Int) -> String { "已提级 \(count) 个逾期问题。" }
        static func escalatedOne(_ id: Int64, _ level: String, _ deadline: String) -> String { "  问题编号 \(id) → \(level)，时限 \(deadline)" }
    }

    enum User {
        static let abstract = "用户管理"
        static let addAbstract = "新增用户"
        static let usernameHelp = "用户名（字母、数字、._-，3–64位）"
        static let nameHelp = "姓名"
        static func roleHelp(_ roles: String) -> String { "角色，可重复：\(roles)" }
        static let adminHelp = "管理员（等同 --role admin）"
        static let unitHelp = "所属单位：department:部门代码、region:区划代码 或 zone:开发区代码（须在参考数据中）"
        static let positionHelp = "所任职务编号（项目秘书、包保领导）"
        static let mustChangeHelp = "首次登录须修改密码"
        static let passwordHelp = "密码；省略时在终端提示输入（不回显）。也可从环境变量 GROUNDBREAK_NEW_PASSWORD 读取"
        static func unknownRole(_ role: String) -> String { "未知角色 \(role)" }
        static let badUnit = "单位应写作 department:代码、region:代码 或 zone:代码"
        static let noPassword = "未提供密码"
        static func added(_ username: String, _ name: String, _ roles: String) -> String { "已新增用户 \(username)（\(name)），角色：\(roles)。" }
        static let roleSeparator = "、"
        static let resetAbstract = "重置密码：生成一次性密码，用户登录后须修改"
        static let usernameOnlyHelp = "用户名"
        static func reset(_ username: String, _ password: String) -> String { "已重置 \(username) 的密码。一次性密码：\(password)（仅显示一次，登录后须修改）" }
        static let lockAbstract = "锁定账号（--unlock 解除锁定）"
        static let unlockHelp = "解除锁定"
        static func unlocked(_ username: String) -> String { "已解除 \(username) 的锁定。" }
        static func locked(_ username: String) -> String { "已锁定 \(username)，其登录会话已结束。" }
        static let tokenAbstract = "为用户签发 API 令牌（令牌仅显示一次）"
        static let tokenNameHelp = "令牌用途，如「对接省平台」"
        static let passwordPrompt = "密码："
        static let passwordAgain = "再次输入："
        static let passwordsDiffer = "两次输入不一致\n"
    }

    enum Backup {
        static let abstract = "备份数据库和附件（服务运行中也可执行）"
        static let discussion = "数据库取一致快照（SQLite 用 VACUUM INTO，PostgreSQL 用 pg_dump），再复制附件目录，最后写 manifest.json（各文件校验值和备份时的数字）。目标目录须是新的或空的。"
        static let toHelp = "备份写入的目录（新的或空的）"
        static func done(_ folder: String, projects: Int, tables: Int, files: Int) -> String { "已备份到 \(folder)：\(tables) 张表，其中项目 \(projects) 个；附件 \(files) 个。" }
        static let restoreAbstract = "把备份恢复到新的数据库和附件目录"
        static let restoreDiscussion = "先核对每个文件的校验值，只写入空的数据库（--database 或 GROUNDBREAK_DATABASE_URL 指向的新库/新文件）和附件目录，写入后再核对各表行数和金额合计与备份时一致。"
        static let fromHelp = "备份目录（含 manifest.json）"
        static func restored(_ target: String, projects: Int, tables: Int) -> String { "已恢复到 \(target)：\(tables) 张表，其中项目 \(projects) 个，数字与备份时一致。" }
    }
}
