import Foundation
import NewswireWire
import Testing

/// Finds the repository and the built executables, and runs them as real processes.
enum Harness {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("cannot find the package root above \(#filePath)")
    }()

    /// Where `swift build` put the executables: NEWSWIRE_BIN, else .build/debug.
    static let bin: URL = {
        if let b = ProcessInfo.processInfo.environment["NEWSWIRE_BIN"] { return URL(fileURLWithPath: b) }
        return root.appendingPathComponent(".build/debug")
    }()

    static var samples: URL { root.appendingPathComponent("Pipelines/samples") }

    static func fixture(_ name: String) throws -> URL {
        try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"))
    }

    static func executable(_ name: String) throws -> URL {
        let url = bin.appendingPathComponent(name)
        try #require(FileManager.default.isExecutableFile(atPath: url.path), "build \(name) first (swift build)")
        return url
    }

    static func temporaryFolder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("newswire-it-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// A free-looking TCP port range for one test, so tests can run side by side. Below the
    /// kernel's ephemeral range (32768–60999), where outgoing connections take their ports.
    static func ports(_ n: Int) -> [Int] {
        let base = Int.random(in: 20_000..<32_000)
        return (0..<n).map { base + $0 }
    }

    struct Output { var status: Int32; var stdout: Data; var stderr: Data }

    /// Runs a program to completion, feeding `stdin` from a file when given.
    static func run(_ name: String, _ args: [String], stdin: URL? = nil, timeout: TimeInterval = 120,
                    cwd: URL? = nil) throws -> Output {
        let p = Process()
        p.executableURL = try executable(name)
        p.arguments = args
        p.currentDirectoryURL = cwd ?? root
        let dir = try temporaryFolder()
        let out = dir.appendingPathComponent("stdout"), err = dir.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        p.standardOutput = try FileHandle(forWritingTo: out)
        p.standardError = try FileHandle(forWritingTo: err)
        p.standardInput = try stdin.map { try FileHandle(forReadingFrom: $0) } ?? FileHandle.nullDevice
        try p.run()
        let deadline = Date().addingTimeInterval(timeout)
        while p.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if p.isRunning {
            p.interrupt()
            Thread.sleep(forTimeInterval: 2)
            if p.isRunning { kill(p.processIdentifier, SIGKILL) }
            Issue.record("\(name) \(args.joined(separator: " ")) did not finish in \(timeout) s")
        }
        p.waitUntilExit()
        return Output(status: p.terminationStatus, stdout: try Data(contentsOf: out), stderr: try Data(contentsOf: err))
    }

    /// Starts a long-running program; the caller stops it.
    static func start(_ name: String, _ args: [String], log: URL, environment: [String: String] = [:]) throws -> Process {
        let p = Process()
        p.executableURL = try executable(name)
        p.arguments = args
        p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        p.currentDirectoryURL = root
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let h = try FileHandle(forWritingTo: log)
        p.standardOutput = h
        p.standardError = h
        p.standardInput = FileHandle.nullDevice
        try p.run()
        return p
    }

    /// Stops a process with SIGTERM and waits; returns its exit status.
    @discardableResult
    static func stop(_ p: Process, timeout: TimeInterval = 20) -> Int32 {
        if p.isRunning { kill(p.processIdentifier, SIGTERM) }
        let deadline = Date().addingTimeInterval(timeout)
        while p.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if p.isRunning { kill(p.processIdentifier, SIGKILL) }
        p.waitUntilExit()
        return p.terminationStatus
    }

    static func messages(in url: URL) throws -> [Message] {
        try JSONLines.lines(in: Data(contentsOf: url)).map { try JSONLines.message(from: $0) }
    }

    static func bodyObject(_ m: Message) throws -> NSDictionary {
        try #require(try JSONSerialization.jsonObject(with: m.body) as? NSDictionary)
    }
}
