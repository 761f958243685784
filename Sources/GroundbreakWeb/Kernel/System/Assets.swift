import Crypto
import Foundation
import GroundbreakDomain

/// Static files shipped in `Assets/`, read once at start. Each is served with a content hash in
/// its ETag so browsers may cache them.
enum Assets {
    struct File: Sendable {
        let bytes: [UInt8]
        let contentType: String
        let etag: String
    }

    static let files: [String: File] = {
        var files: [String: File] = [:]
        guard let directory = Bundle.module.url(forResource: "Assets", withExtension: nil),
              let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path)
        else { return files }
        for name in names {
            guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path) else { continue }
            let digest = Hex.encode(SHA256.hash(data: data).prefix(8))
            files[name] = File(bytes: [UInt8](data), contentType: contentType(for: name), etag: "\"\(digest)\"")
        }
        return files
    }()


    /// `/assets/app.css?v=…`: the hash in the link changes whenever the file does. Every page
    /// names two, so they are made once.
    static func versionedPath(_ name: String) -> String {
        versionedPaths[name] ?? Route.asset(name).path + "?v=0"
    }

    private static let versionedPaths: [String: String] = Dictionary(uniqueKeysWithValues: files.map { name, file in
        (name, Route.asset(name).path + "?v=" + file.etag.trimmingCharacters(in: CharacterSet(charactersIn: "\"")))
    })

    static func contentType(for name: String) -> String {
        switch (name as NSString).pathExtension {
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "ico": "image/x-icon"
        default: "application/octet-stream"
        }
    }
}
