import GroundbreakDomain
import GroundbreakStore
@testable import GroundbreakWeb
import Synchronization
import Testing

/// The figures' computations run on threads of their own, not on Swift's shared pool where a long
/// one holds a processor every page request is queued for.
@Suite("Computations in the background")
struct BackgroundComputationTests {
    @Test("a cache told to compute in the background runs each computation there, before and after it waits; the caller stays where it was")
    func cacheComputesThere() async throws {
        let cache = ValueCache<[Bool]>(capacity: 8, generational: true)
        cache.computeOn(BackgroundExecutor.shared)
        let seen = try await cache.value(for: "1.0|city") {
            let before = BackgroundExecutor.isCurrent
            try await Task.sleep(for: .milliseconds(5))
            return [before, BackgroundExecutor.isCurrent]
        }
        #expect(seen == [true, true], "the computation ran on the background threads, resumed there after waiting")
        #expect(!BackgroundExecutor.isCurrent, "the request's own code is not moved")

        let plain = ValueCache<Bool>(capacity: 8)
        #expect(try await plain.value(for: "1.0|city") { BackgroundExecutor.isCurrent } == false, "a cache not told so computes on the shared pool")
    }

    @Test("the background threads finish every job given them, each on one of them")
    func everyJob() async throws {
        let total = await withTaskGroup(of: Int.self) { group in
            for index in 1...1_000 {
                group.addTask(executorPreference: BackgroundExecutor.shared) {
                    await Task.yield()
                    return BackgroundExecutor.isCurrent ? index : 0
                }
            }
            return await group.reduce(0, +)
        }
        #expect(total == 500_500, "every job ran, each on a background thread")
    }
}

@Suite("Computations in the background: the services")
struct BackgroundComputationServicesTests {
    /// Generational caches that are not figures read from many tables, and why.
    static let notFigures: Set<String> = [
        "statisticsChoices", // two short statements on the request's own path
        "followedBySeat", // one seat's projects, on the request's own path
        "approvalQueues", "approvalAnalytics", // keyed by the ledger's generation, cleared with the approval catalogue (wired all the same, below)
    ]

    @Test("every generational cache of the services is a figures cache computing in the background, a rendered one computing where it is asked, or named here with its reason")
    func wired() async throws {
        try await withWeb { web, _ in
            let listed = Set(web.services.figureCaches.map { ObjectIdentifier($0) })
            let rendered = Set(web.services.renderedCaches.map { ObjectIdentifier($0) })
            let generational = Mirror(reflecting: web.services).children.compactMap { child -> (String, any FiguresCache)? in
                guard let cache = child.value as? any FiguresCache, cache.generational else { return nil }
                return (child.label ?? "?", cache)
            }
            #expect(generational.count == listed.count + rendered.count + Self.notFigures.count, "every generational cache was found: \(generational.map(\.0))")
            for (name, cache) in generational where !Self.notFigures.contains(name) {
                if rendered.contains(ObjectIdentifier(cache)) {
                    #expect(!cache.computesInBackground, "\(name) renders where it is asked: the asker waits for it")
                } else {
                    #expect(listed.contains(ObjectIdentifier(cache)), "\(name) is one of the figures caches")
                    #expect(cache.computesInBackground, "\(name) computes in the background")
                }
            }
            #expect(web.services.approvalQueues.computesInBackground && web.services.approvalAnalytics.computesInBackground)
        }
    }

    @Test("each cache confirms a computation current by the generation its keys begin with: the figures' or, for the approvals, the ledger's")
    func confirmed() async throws {
        try await withWeb { web, _ in
            let figures = try await web.services.database.primaryGeneration().description
            for cache in web.services.figureCaches + web.services.renderedCaches {
                #expect(await cache.currentGeneration() == figures)
            }
            _ = try await web.services.projects.create(sampleProject("确认代数项目"), stage: .reserve, allowed: .everything, actor: .system("test"),
                                                       catalog: web.services.catalog(), today: webToday, now: webNow)
            let ledger = try await web.services.approvals.generation().description
            #expect(ledger != "0", "the create moved the ledger's generation")
            for cache in [web.services.approvalQueues, web.services.approvalAnalytics] as [any FiguresCache] {
                #expect(await cache.currentGeneration() == ledger, "the approval caches' keys begin with the ledger's generation")
            }
        }
    }
}
