import Crypto
import Foundation
import GroundbreakDomain
import GroundbreakOffice
import GroundbreakStore
import Logging
import Synchronization

/// What request handlers share: the store, the reference catalog, the clock and the settings.
public final class AppServices: Sendable {
    public let settings: AppSettings
    public let database: Database
    public let clock: any WallClock
    public let logger: Logger
    let reference: ReferenceCache
    /// Signs values the server hands out and must recognise later. In development without a
    /// configured secret, a random key per process (production refuses to start without one).
    private let signingKey: Data

    /// The monthly reporting rules, read from `report_rules.json` at start.
    public let reportRules: ReportRules
    public let problemSettings: ProblemSettings
    public let supervisionSettings: SupervisionSettings
    public let meetingSettings: MeetingSettings
    /// Indicators and 序时进度 curves, read from `indicators.json` at start.
    public let indicators: IndicatorCatalog
    /// The assessment scheme (考核办法), read from `assessment_scheme.json` at start.
    public let assessmentScheme: AssessmentScheme
    /// Bulletins' mastheads, issuers, numbers and requirements, read from `bulletin_rules.json` at start.
    public let bulletinRules: BulletinRules
    /// 四率's definitions, read from `four_rates.json` at start.
    public let fourRates: FourRateCatalog
    public let leadCatalog: LeadCatalog
    /// Upper-level funding's channels, checklists and maturity ladder, from `funding_catalog.json`.
    public let fundingCatalog: FundingCatalog
    /// 要素保障's items, levels and ways, from `readiness_items.json`.
    public let readinessCatalog: ReadinessCatalog
    /// 集中开工's seasons and start targets, from `campaigns.json`.
    public let campaignCatalog: CampaignCatalog
    /// 谋划储备's levels, sources, grades, designations and target, from `reserve_rules.json`.
    public let reserveRules: ReserveRules
    /// Column names and value words ledger imports understand, from `ledger_columns.json`.
    public let importColumns: ColumnCatalog
    /// The big screen's tile map of the city's regions, from `screen_map.json`.
    public let screenMap: ScreenMap
    public var importer: LedgerImporter { LedgerImporter(database: database, catalog: catalog(), columns: importColumns) }
    /// Uploaded import files between preview and commit, by their SHA-256.
    var importFiles: LocalDiskStorage { LocalDiskStorage(directory: settings.attachmentsDirectory + "/imports") }

    /// Which refused anonymous requests reach the audit trail.
    let refusals = RefusalSampler()

    /// Waits; sign-in throttling holds failing addresses with it. Tests replace it.
    let pause: @Sendable (Duration) async -> Void

    public init(
        settings: AppSettings, database: Database, clock: any WallClock = SystemWallClock(),
        logger: Logger = Logger(label: "groundbreak"),
        pause: @escaping @Sendable (Duration) async -> Void = { try? await Task.sleep(for: $0) }
    ) async throws {
        self.pause = pause
        self.settings = settings
        self.database = database
        self.clock = clock
        self.logger = logger
        self.recentWrites = RecentWrites(window: settings.longestReadLag + .seconds(5))
        self.signingKey = settings.secretKey.map { Data($0.utf8) } ?? SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        self.reportRules = try MonthlyReportRepository.rules()
        self.problemSettings = try ProblemRepository.settings()
        self.supervisionSettings = try SupervisionRepository.settings()
        self.meetingSettings = try MeetingRepository.settings()
        self.indicators = try TargetRepository.catalog()
        self.screenMap = try ScreenMapFile.shipped()
        self.assessmentScheme = try AssessmentRepository.scheme()
        self.bulletinRules = try BulletinRepository.rules()
        self.fourRates = try TaskForceRepository.fourRates()
        self.leadCatalog = try LeadRepository.catalog()
        self.fundingCatalog = try FundingRepository.catalog()
        self.readinessCatalog = try ReadinessRepository.catalog()
        self.campaignCatalog = try CampaignRepository.catalog()
        self.reserveRules = try ReserveRepository.rules()
        self.importColumns = try ColumnCatalog.shipped()
        self.reference = ReferenceCache(catalog: try await ReferenceRepository(database: database).catalog())
        self.approvalData = Mutex(ApprovalData(
            items: try await ApprovalCatalogRepository(database: database).items(),
            calendar: try await CalendarRepository(database: database).calendar()
        ))
        // Each cache computes in the background and is confirmed by the generation its keys begin
        // with: the figures' for the figures caches, the ledger's for the approval queues and analytics.
        let figuresGeneration: @Sendable () async -> String? = { [database] in try? await database.primaryGeneration().description }
        let byGeneration: [([any FiguresCache], @Sendable () async -> String?)] = [
            (figureCaches, figuresGeneration),
            ([approvalQueues, approvalAnalytics], { [database] in try? await database.primaryLedgerGeneration().description }),
        ]
        for (caches, generation) in byGeneration {
            for cache in caches {
                cache.confirmCurrent(with: generation)
                cache.computeOn(BackgroundExecutor.shared)
            }
        }
        for cache in renderedCaches { cache.confirmCurrent(with: figuresGeneration) }
    }

    /// HMAC-SHA256 of `value` under the signing key, hex.
    func sign(_ value: String) -> String {
        Hex.encode(HMAC<SHA256>.authenticationCode(for: Data(value.utf8), using: SymmetricKey(data: signingKey)))
    }

    public func catalog() -> ReferenceCatalog {
        reference.current
    }

    /// Reads reference data again, after an administrator or a loader changed it.
    public func reloadCatalog() async throws {
        reference.replace(with: try await ReferenceRepository(database: database).catalog())
        responses.clear()
        openAPIDocument.clear()
        clearApprovalCaches()
    }

    /// The approval catalogue and the working-day calendar, read at start and after admin edits.
    struct ApprovalData: Sendable {
        var items: [ApprovalItem]
        var calendar: WorkingCalendar
    }

    private let approvalData: Mutex<ApprovalData>

    public func approvalItems() -> [ApprovalItem] { approvalData.withLock { $0.items } }
    public func workingCalendar() -> WorkingCalendar { approvalData.withLock { $0.calendar } }

    /// The departments that approve the items on a project's list.
    func approvalDepartments(projectId: Int64) async throws -> Set<String> {
        let departments = Dictionary(approvalItems().map { ($0.code, $0.departmentCode) }, uniquingKeysWith: { first, _ in first })
        return Set(try await approvals.approvals(projectId: projectId).compactMap { departments[$0.itemCode] })
    }

    public func reloadApprovalData() async throws {
        let items = try await ApprovalCatalogRepository(database: database).items()
        let calendar = try await CalendarRepository(database: database).calendar()
        approvalData.withLock { $0 = ApprovalData(items: items, calendar: calendar) }
        // A request between the change's commit and this reload may have cached figures from the old catalogue.
        clearApprovalCaches()
    }

    /// Open items with their clocks, soonest due first, per reach; see `ApprovalPages.openRows`.
    let approvalQueues = ValueCache<[ApprovalPages.QueueRow]>(generational: true)
    /// Analytics per reach.
    let approvalAnalytics = ValueCache<ApprovalPages.AnalyticsResult>(generational: true)

    func clearApprovalCaches() {
        approvalQueues.clear()
        approvalAnalytics.clear()
        clearFigureCaches()
    }

    // Figures read from many tables, cached by `FiguresGeneration` (every audited change moves it).
    /// Every live project lit, per reach; each entry holds the reach's projects, hence few entries.
    let lights = ValueCache<WarningPages.Lighting>(capacity: 4, generational: true)
    /// Every live project's light from the last lighting of them all, for the next to reuse.
    let keptLights = KeptLights()
    /// The cross-unit tables, per month and sets.
    let assessmentTables = ValueCache<[AssessmentTable]>(capacity: 32, generational: true)
    /// The big screen, per reader.
    let screens = ValueCache<ScreenFigures>(capacity: 32, generational: true)
    /// The home page's sections, per reader.
    let homeSections = ValueCache<[HomeSection]>(capacity: 1_024, generational: true)
    /// The statistics office's figures, per query.
    let statistics = ValueCache<StatisticsFigures>(capacity: 64, generational: true)
    /// A unit's year lists and classification schemes, which every statistics request resolves its
    /// query against (two statements otherwise), per unit.
    let statisticsChoices = ValueCache<StatisticsRequest.Choices>(capacity: 256, generational: true, releasesMemory: false)
    /// A unit's indicators against its targets for a month, per scope.
    let targetReadings = ValueCache<[IndicatorReading]>(capacity: 64, generational: true)
    /// A unit's 四率 on the targets page, per scope.
    let unitRates = ValueCache<[FourRate]>(capacity: 64, generational: true)
    /// 前期工作目标 of a unit on a day, per reader.
    let groundwork = ValueCache<[GroundworkReading]>(capacity: 256, generational: true)
    /// The reserve libraries read for a scope and own unit, unfiltered.
    let reserveListings = ValueCache<ReservePages.Listing>(capacity: 16, generational: true)
    /// The not-started projects of a scope with their readiness, unfiltered.
    let readinessLines = ValueCache<[ReadinessListPages.Line]>(capacity: 16, generational: true)
    /// What each task-force seat follows (`TaskForceRepository.followed`), read for every request
    /// of a seat's holder; by the data generation the request's first statement read.
    let followedBySeat = ValueCache<Followed>(capacity: 1_024, generational: true, releasesMemory: false)
    typealias Followed = (projects: Set<Int64>, classes: Set<Int64>)
    /// The parts of figure pages every reader of the same figures sees alike, rendered; see `RenderedFigures`.
    let renderedFigures = RecentCache<String>(capacity: 256)
    /// What is rendered for one reader alone (the home page's sections, a few kilobytes; the big
    /// screen, ten); see `RenderedFigures`.
    let renderedPerReader = RecentCache<String>(capacity: 1_024)
    /// The report board as each reviewer was shown it (a page of a hundred rows, tens of kilobytes,
    /// so fewer are kept); see `ReportPages.board`.
    let renderedBoards = ValueCache<String>(capacity: 64, generational: true, releasesMemory: false)

    /// A key for figures computed now from `parts`: the generation is read before the figures,
    /// so a value is never kept under a key newer than the data it was computed from.
    func figuresKey(_ parts: String...) async throws -> String {
        "\(try await FiguresGeneration.current(database))|\(parts.joined(separator: "|"))"
    }

    /// After an in-memory reload (catalogue, calendar): a request between the change's commit and
    /// the reload may have computed figures from the old data under the new generation.
    func clearFigureCaches() {
        for cache in figureCaches + renderedCaches { cache.clear() }
        statisticsChoices.clear()
        renderedFigures.clear()
        renderedPerReader.clear()
    }

    /// The caches of figures computed from many tables (seconds each at a province's scale).
    var figureCaches: [any FiguresCache] {
        [lights, assessmentTables, screens, homeSections, statistics, targetReadings, unitRates, groundwork, reserveListings, readinessLines]
    }

    /// What readers were shown of pages that compute their own figures (the report board), rendered
    /// and kept by the figures generation as the figures are, but computed where the request runs:
    /// the board's tens of milliseconds are what the one who asked waits for, and queued behind the
    /// figures' computations on the background thread (one, on two processors) a writer's own board
    /// would wait for a province's targets to be recomputed first.
    var renderedCaches: [any FiguresCache] {
        [renderedBoards]
    }

    /// Set when the read replica failed to answer; see `ReadRouting`.
    let replicaPause = ReplicaPause()

    /// Encoded answers to repeated identical reads; see `ResponseCache`.
    let responses = ResponseCache()
    /// Which sessions and tokens this instance noted in use lately (`AuthenticationMiddleware`).
    let touches = TouchGate()
    /// Each account's last write on this instance, for its next figures (`FiguresLag`).
    let recentWrites: RecentWrites
    /// The served OpenAPI document (it lists today's reference codes); rebuilt after a reload.
    let openAPIDocument = ValueCache<[UInt8]>(capacity: 1)
}

/// The current reference catalog, swapped whole when it changes.
final class ReferenceCache: Sendable {
    /// The catalogue and how many times it was replaced: what was made from one catalogue can be
    /// kept under its stamp, and never outlives a replacement.
    private let value: Mutex<(catalog: ReferenceCatalog, stamp: Int)>

    init(catalog: ReferenceCatalog) {
        value = Mutex((catalog, 0))
    }

    var current: ReferenceCatalog {
        value.withLock { $0.catalog }
    }

    var stamped: (catalog: ReferenceCatalog, stamp: Int) {
        value.withLock { $0 }
    }

    func replace(with catalog: ReferenceCatalog) {
        value.withLock { $0 = (catalog, $0.stamp + 1) }
    }
}
