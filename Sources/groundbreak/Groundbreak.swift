import ArgumentParser
import Configuration

@main
struct Groundbreak: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "groundbreak",
        abstract: "重大项目全生命周期调度平台 Groundbreak",
        discussion: """
            配置优先级：命令行参数 > 环境变量 > .env 文件 > 默认值。
            环境变量：GROUNDBREAK_MODE, GROUNDBREAK_HTTP_HOST, GROUNDBREAK_HTTP_PORT, GROUNDBREAK_DATABASE_URL,
            GROUNDBREAK_SECRET_KEY, GROUNDBREAK_BCRYPT_COST, GROUNDBREAK_COOKIES_SECURE, GROUNDBREAK_DATABASE_POOL_SIZE。
            """,
        subcommands: [ServeCommand.self, MigrateCommand.self, DemoCommand.self, UserCommand.self, CalendarCommand.self, ImportCommand.self, ExportCommand.self, ProblemsCommand.self],
        defaultSubcommand: ServeCommand.self
    )
}

/// Options every command shares.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "数据库地址：sqlite:文件路径（默认 ./groundbreak.sqlite）或 postgres://用户:密码@主机:端口/库名")
    var database: String?

    @Option(name: .long, help: "运行模式：development 或 production")
    var mode: String?

    @Option(name: .long, help: ".env 文件路径")
    var envFile: String = ".env"

    /// Command-line values, keyed like the configuration.
    var overrides: [String: ConfigContent] {
        var values: [String: ConfigContent] = [:]
        if let database { values["groundbreak.database.url"] = .string(database) }
        if let mode { values["groundbreak.mode"] = .string(mode) }
        return values
    }
}
