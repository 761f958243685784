import Foundation

/// A `multipart/form-data` body split into its text fields and its files: only what a photo
/// upload form needs, bounded by the body limit already applied.
struct Multipart: Sendable {
    struct File: Sendable {
        var field: String
        var filename: String
        var bytes: [UInt8]
    }

    var fields: [(String, String)] = []
    var files: [File] = []

    /// The boundary of a `multipart/form-data; boundary=…` content type.
    static func boundary(_ contentType: String) -> String? {
        guard contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1).map(String.init)
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                return value.isEmpty || value.count > 200 ? nil : value
            }
        }
        return nil
    }

    static func parse(_ body: [UInt8], boundary: String) -> Multipart? {
        let delimiter = Array("--\(boundary)".utf8)
        var parts: [ArraySlice<UInt8>] = []
        var searchFrom = 0
        var partStart: Int?
        while let found = index(of: delimiter, in: body, from: searchFrom) {
            if let start = partStart {
                // A part ends with CRLF before the next delimiter.
                let end = found >= start + 2 ? found - 2 : start
                parts.append(body[start..<end])
            }
            var next = found + delimiter.count
            if body.count >= next + 2, body[next] == UInt8(ascii: "-"), body[next + 1] == UInt8(ascii: "-") { partStart = nil; break }
            if body.count >= next + 2, body[next] == 13, body[next + 1] == 10 { next += 2 }
            partStart = next
            searchFrom = next
        }
        guard !parts.isEmpty else { return nil }
        var result = Multipart()
        for part in parts {
            guard let split = index(of: [13, 10, 13, 10], in: Array(part), from: 0) else { return nil }
            let headerBytes = Array(part)[0..<split]
            let content = Array(Array(part)[(split + 4)...])
            let headers = String(decoding: headerBytes, as: UTF8.self).components(separatedBy: "\r\n")
            guard let disposition = headers.first(where: { $0.lowercased().hasPrefix("content-disposition:") }),
                  let name = parameter("name", in: disposition) else { return nil }
            if let filename = parameter("filename", in: disposition) {
                result.files.append(File(field: name, filename: filename, bytes: content))
            } else {
                result.fields.append((name, String(decoding: content, as: UTF8.self)))
            }
        }
        return result
    }

    static func parameter(_ key: String, in header: String) -> String? {
        for piece in header.split(separator: ";") {
            let pair = piece.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1).map(String.init)
            if pair.count == 2, pair[0].lowercased() == key {
                return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }

    static func index(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        var position = start
        let first = needle[0]
        while position <= haystack.count - needle.count {
            if haystack[position] == first && haystack[position..<(position + needle.count)].elementsEqual(needle) { return position }
            position += 1
        }
        return nil
    }
}
