import Foundation

/// Finding WARC files to read.
public enum WARC {
    /// `path` itself if it is a file, else the `.warc` and `.warc.gz` files in the folder
    /// (not `.open` ones still being written), sorted by name, which sorts them by time.
    public static func files(in path: String) throws(WARCError) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { throw .notFound(path: path) }
        guard isFolder.boolValue else { return [path] }
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: path) } catch {
            throw .fileSystem(path: path, operation: "list", reason: error.localizedDescription)
        }
        return names.filter { $0.hasSuffix(".warc") || $0.hasSuffix(".warc.gz") }.sorted()
            .map { (path as NSString).appendingPathComponent($0) }
    }
}
