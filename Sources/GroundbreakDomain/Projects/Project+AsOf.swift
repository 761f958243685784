import Foundation

extension Project {
    /// The project as it stood on `day` as far as its dates tell: a start or completion recorded
    /// for a later day had not happened yet. A past month's figures (its 开复工, 新开工率, 入统率,
    /// reports owed) are computed on projects seen this way, so they do not move when later
    /// starts are entered.
    public func asOf(_ day: Day) -> Project {
        var seen = self
        if let start = fields.actualStart, start > day { seen.fields.actualStart = nil }
        if let completion = fields.actualCompletion, completion > day { seen.fields.actualCompletion = nil }
        return seen
    }
}
