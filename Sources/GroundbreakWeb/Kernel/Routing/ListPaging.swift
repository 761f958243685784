import GroundbreakDomain

/// `page` and `perPage` of a list answered in pages, counted from 1 (the lights API, the approval
/// queue, the reporting board).
struct ListPaging: Sendable, Equatable {
    static let maxPerPage = 500

    var page = 1
    var perPage: Int

    static func parse(_ items: [(String, String)], defaultPerPage: Int) -> Result<ListPaging, ValidationFailure> {
        let form = FormData(pairs: items)
        var paging = ListPaging(perPage: defaultPerPage)
        var errors: [FieldError] = []
        if !form["page"].isEmpty {
            if let value = Int(form["page"]), (1...ProjectQuery.maxPage).contains(value) { paging.page = value }
            else { errors.append(FieldError("page", .unknownCode(field: "page", code: String(form["page"].prefix(30))))) }
        }
        if !form["perPage"].isEmpty {
            if let value = Int(form["perPage"]), (1...maxPerPage).contains(value) { paging.perPage = value }
            else { errors.append(FieldError("perPage", .unknownCode(field: "perPage", code: String(form["perPage"].prefix(30))))) }
        }
        return errors.isEmpty ? .success(paging) : .failure(ValidationFailure(errors))
    }

    /// The request's paging; a bad `page` or `perPage` is refused with a 400 naming it.
    static func requested(_ input: EndpointRequest, defaultPerPage: Int) throws -> ListPaging {
        switch parse(input.queryItems, defaultPerPage: defaultPerPage) {
        case .success(let paging): return paging
        case .failure(let failure): throw AppError.badQuery(failure)
        }
    }

    func pageCount(of total: Int) -> Int { max(1, (total + perPage - 1) / perPage) }

    func slice<Rows: RandomAccessCollection>(_ rows: Rows) -> Rows.SubSequence where Rows.Index == Int {
        let start = min(rows.endIndex, rows.startIndex + (page - 1) * perPage)
        return rows[start..<min(rows.endIndex, start + perPage)]
    }
}
