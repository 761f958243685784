import Foundation
import GroundbreakDomain
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension LedgerIndex {
    /// A ledger query and the caller's scope, resolved against one index: code sets become masks
    /// over the interned codes, one-to-many filters and the scope a mask over the rows. The same
    /// meaning as `ProjectRepository.whereClause` and `scopeClause`; `LedgerIndexTests` holds the
    /// two together on both engines.
    struct Selection {
        var region: [Bool]?
        var zone: [Bool]?
        var category: [Bool]?
        var section: Int32?
        var division: Int32?
        var department: Int32?
        var stages: [Bool]?
        var minimum: Int64?
        var maximum: Int64?
        var needle: [UInt8]?
        var nature: (kind: YearActivity, first: Int32, last: Int32)?
        var owed: (investmentType: Int32, category: Int32)?
        /// 0 = any; else the light's index.
        var light: UInt8 = 0
        /// Rows allowed by the one-to-many filters and the scope together.
        var rowMask: [Bool]?

        @inline(__always)
        static func member(_ mask: UnsafeMutablePointer<Bool>, _ code: Int32) -> Bool {
            code >= 0 && mask[Int(code)]
        }

        static func member(_ mask: [Bool], _ code: Int32) -> Bool {
            code >= 0 && mask[Int(code)]
        }

        /// `YearActivity` as `whereClause` writes it in SQL.
        @inline(__always)
        static func holds(_ nature: (kind: YearActivity, first: Int32, last: Int32), _ row: Row) -> Bool {
            guard row.stage != LedgerIndex.stageIndex(.cancelled), row.actualStart != 0 else { return false }
            let start = row.actualStart, completion = row.actualCompletion
            let notFinishedBefore = completion == 0 || completion >= nature.first
            switch nature.kind {
            case .newStart: return start >= nature.first && start <= nature.last
            case .continuing: return start < nature.first && notFinishedBefore
            case .underWay: return start <= nature.last && notFinishedBefore
            case .completed: return completion != 0 && completion >= nature.first && completion <= nature.last
            }
        }
    }

    /// A `Selection` as the row loop reads it: raw pointers and plain values only, so testing a
    /// row retains nothing. Its masks are copies, freed by `release()`.
    struct Probe {
        var region, zone, category, stages, rows: UnsafeMutablePointer<Bool>?
        var section, division, department: Int32?
        var minimum = Int64.min, maximum = Int64.max
        var needle: UnsafeMutableBufferPointer<UInt8>?
        var nature: (kind: YearActivity, first: Int32, last: Int32)?
        var owed: (investmentType: Int32, category: Int32)?

        init(_ selection: Selection) {
            func copy(_ mask: [Bool]?) -> UnsafeMutablePointer<Bool>? {
                guard let mask else { return nil }
                let pointer = UnsafeMutablePointer<Bool>.allocate(capacity: max(1, mask.count))
                pointer.initialize(repeating: false, count: max(1, mask.count))
                pointer.update(from: mask, count: mask.count)
                return pointer
            }
            region = copy(selection.region)
            zone = copy(selection.zone)
            category = copy(selection.category)
            stages = copy(selection.stages)
            rows = copy(selection.rowMask)
            section = selection.section
            division = selection.division
            department = selection.department
            minimum = selection.minimum ?? .min
            maximum = selection.maximum ?? .max
            if let needle = selection.needle {
                let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: needle.count)
                _ = buffer.initialize(from: needle)
                self.needle = buffer
            }
            nature = selection.nature
            owed = selection.owed
        }

        func release() {
            for pointer in [region, zone, category, stages, rows] { pointer?.deallocate() }
            needle?.deallocate()
        }

        @inline(__always)
        func holds(_ row: Row, at position: Int, text: UnsafeBufferPointer<UInt8>, starts: UnsafeBufferPointer<Int>) -> Bool {
            if let stages, !stages[Int(row.stage)] { return false }
            if row.investment < minimum || row.investment > maximum { return false }
            if let region, !Selection.member(region, row.region) { return false }
            if let zone, !Selection.member(zone, row.zone) { return false }
            if let category, !Selection.member(category, row.category) { return false }
            if let section, row.section != section { return false }
            if let division, row.division != division { return false }
            if let department, row.department != department { return false }
            if let owed, row.investmentType != owed.investmentType && row.category != owed.category { return false }
            if let nature, !Selection.holds(nature, row) { return false }
            if let rows, !rows[position] { return false }
            if let needle, !Self.contains(text, from: starts[position], to: starts[position + 1], needle) { return false }
            return true
        }

        /// Whether `text[start..<end]` holds `needle`: memchr to each candidate first byte, memcmp
        /// for the rest. Both are lower-cased UTF-8, so a byte match is a character match.
        static func contains(_ text: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, _ needle: UnsafeMutableBufferPointer<UInt8>) -> Bool {
            let count = needle.count
            guard count > 0, count <= end - start, let base = text.baseAddress, let wanted = needle.baseAddress else { return count == 0 }
            let first = Int32(wanted.pointee)
            let lastStart = end - count
            var from = start
            while from <= lastStart {
                guard let hit = memchr(base + from, first, lastStart - from + 1) else { return false }
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + at, wanted, count) == 0 { return true }
                from = at + 1
            }
            return false
        }
    }

    /// The selection for `query` within `scope`, or nil when this index cannot answer it exactly.
    func selection(_ query: ProjectQuery, scope: ProjectScope, catalog: ReferenceCatalog, today: Day) -> Selection? {
        var selection = Selection()
        // A code the index has never seen matches no row, as `= ?` would in SQL.
        func single(_ value: String) -> Int32 { codes[value] ?? -2 }

        if let region = query.regionCode {
            selection.region = codeMask(catalog.canonicalRegionCode(region).map { Array(catalog.regionSubtree($0)) } ?? [region])
        }
        if let zone = query.zoneCode { selection.zone = codeMask(catalog.zoneSubtree(zone)) }
        if !query.stages.isEmpty {
            selection.stages = Self.stages.map { query.stages.contains($0) }
        }
        if let category = query.categoryCode { selection.category = codeMask(catalog.categorySubtree(category)) }
        if let section = query.industrySection { selection.section = single(section) }
        if let division = query.industryDivision { selection.division = single(division) }
        if let department = query.leadDepartmentCode { selection.department = single(department) }
        var minimum: Int64?
        if let band = query.sizeBand { minimum = catalog.sizeBand(band)?.minimum.yuan ?? Int64.max }
        if let floor = query.minInvestment?.yuan { minimum = max(minimum ?? floor, floor) }
        selection.minimum = minimum
        selection.maximum = query.maxInvestment?.yuan
        if let text = query.text?.lowercased(), !text.isEmpty { selection.needle = Array(text.utf8) }
        if let nature = query.nature {
            guard datesReadable else { return nil }
            let year = Int32(query.natureYear ?? today.year)
            selection.nature = (nature, year * 10_000 + 101, year * 10_000 + 1231)
        }
        if query.owed {
            selection.owed = (single(InvestmentType.pending.rawValue), single(Category.pendingCode))
        }
        if let light = query.light { selection.light = Self.lightIndex(light) }

        var rowMask: [Bool]?
        func narrow(_ allowed: [Bool]) {
            guard var current = rowMask else { rowMask = allowed; return }
            for index in current.indices where current[index] && !allowed[index] { current[index] = false }
            rowMask = current
        }
        func rowsMask(_ list: [Int32]?) -> [Bool] {
            var mask = [Bool](repeating: false, count: rows.count)
            for row in list ?? [] { mask[Int(row)] = true }
            return mask
        }
        if let level = query.level { narrow(rowsMask(levels[level.rawValue])) }
        if let tag = query.tag { narrow(rowsMask(tags[tag])) }
        if let classId = query.schemeClassId { narrow(rowsMask(classes[classId])) }
        if let listId = query.yearListId { narrow(rowsMask(yearLists[listId])) }
        if let regions = Self.regionsOnly(scope) {
            // Regions' scopes (a district's own) are a region mask, which the buckets answer too.
            let allowed = codeMask(regions)
            selection.region = selection.region.map { mask in zip(mask, allowed).map { $0 && $1 } } ?? allowed
        } else if !scope.isEverything {
            narrow(scopeMask(scope))
        }
        selection.rowMask = rowMask
        return selection
    }

    /// The regions a scope reaches when every rule of it is a regions rule without stages; nil
    /// for any other scope, and for everything.
    static func regionsOnly(_ scope: ProjectScope) -> Set<String>? {
        guard !scope.isEverything else { return nil }
        var regions: Set<String> = []
        for rule in scope.rules {
            guard rule.stages == nil, case .regions(let codes) = rule.reach else { return nil }
            regions.formUnion(codes)
        }
        return regions
    }

    /// The rows a scope reaches: the union of its rules, each limited to its stages.
    func scopeMask(_ scope: ProjectScope) -> [Bool] {
        var allowed = [Bool](repeating: false, count: rows.count)
        for rule in scope.rules {
            let stages = rule.stages.map { limit in Self.stages.map { limit.contains($0) } }
            func admit(_ index: Int) {
                if let stages, !stages[Int(rows[index].stage)] { return }
                allowed[index] = true
            }
            func admitEach(_ test: (Row) -> Bool) {
                for index in rows.indices where !allowed[index] && test(rows[index]) { admit(index) }
            }
            switch rule.reach {
            case .everything:
                admitEach { _ in true }
            case .regions(let values):
                let mask = codeMask(values)
                admitEach { Selection.member(mask, $0.region) }
            case .zones(let values):
                let mask = codeMask(values)
                admitEach { Selection.member(mask, $0.zone) }
            case .departments(let values, let support):
                let mask = codeMask(values)
                admitEach { Selection.member(mask, $0.department) }
                if support {
                    for value in values { for row in supportDepartments[value] ?? [] { admit(Int(row)) } }
                }
            case .secretaryPositions(let ids):
                for index in rows.indices where secretaries[index] != 0 && ids.contains(secretaries[index]) { admit(index) }
            case .sponsorPositions(let ids):
                for index in rows.indices where sponsors[index] != 0 && ids.contains(sponsors[index]) { admit(index) }
            case .projects(let ids):
                for id in ids { if let row = rowOfProject[id] { admit(Int(row)) } }
            }
        }
        return allowed
    }

    private func codeMask(_ values: some Sequence<String>) -> [Bool] {
        var mask = [Bool](repeating: false, count: codes.count)
        for value in values { if let code = codes[value] { mask[Int(code)] = true } }
        return mask
    }
}
