@testable import GroundbreakDomain
import Testing

@Suite("Working days counted by value")
struct DayCountsTests {
    @Test("the median and 90th percentile from counts are those of the values sorted, for any values and any order")
    func percentilesAgreeWithSorting() {
        var generator = SystemRandomNumberGenerator()
        let samples: [[Int]] = [[], [0], [7], [3, 3, 3], [1, 2], [5, 1, 4, 2, 3], [0, 0, 400, 2, 2]]
            + (0..<200).map { _ in (0..<Int.random(in: 1...60, using: &generator)).map { _ in Int.random(in: 0...90, using: &generator) } }
        for values in samples {
            let counted = ApprovalAnalytics.DayCounts(values.shuffled())
            let sorted = values.sorted()
            #expect(counted.total == values.count)
            for p in [0.1, 0.5, 0.9, 1.0] {
                #expect(counted.percentile(p) == ApprovalAnalytics.percentile(sorted, p), "p=\(p) of \(values)")
            }
        }
    }
}
