import Foundation
import Testing
@testable import NewswirePipeline

@Suite struct SupervisorTests {
    func pipeline(acknowledgements: String? = nil, workdir: String = "var/t") throws -> PipelineFile {
        try PipelineFile.parse("""
        name: t
        workdir: \(workdir)
        \(acknowledgements.map { "acknowledgements: \"\($0)\"" } ?? "")
        links:
          fetched: { in: "tcp://127.0.0.1:1", out: "tcp://127.0.0.1:2" }
        stages:
          - { name: fetch, command: f, output: fetched, finite: true }
          - { name: normalize, command: n, input: fetched, replicas: 2 }
        """)
    }

    func value(after flag: String, in args: [String]) -> String? {
        args.firstIndex(of: flag).map { args[$0 + 1] }
    }

    @Test func acknowledgementsBecomeDeadLettersForNonFiniteStagesOnly() throws {
        let file = try pipeline(acknowledgements: "tcp://127.0.0.1:5631")
        let s = Supervisor(pipeline: file, baseDirectory: URL(fileURLWithPath: "/srv"))
        let normalize = s.runtimeArguments(for: file.stages[1], index: 1)
        #expect(value(after: "--dead-letters", in: normalize) == "tcp://127.0.0.1:5631")
        #expect(value(after: "--replica", in: normalize) == "normalize-1")
        #expect(value(after: "--input", in: normalize) == "tcp://127.0.0.1:2")
        #expect(!s.runtimeArguments(for: file.stages[0], index: 0).contains("--dead-letters"))
    }

    @Test func withoutAcknowledgementsNoStageGetsDeadLetters() throws {
        let file = try pipeline()
        let s = Supervisor(pipeline: file)
        #expect(!s.runtimeArguments(for: file.stages[1], index: 0).contains("--dead-letters"))
    }

    @Test func finiteStagesGetAMetricsFileToo() throws {
        let file = try pipeline()
        let s = Supervisor(pipeline: file, baseDirectory: URL(fileURLWithPath: "/srv"))
        let fetch = s.runtimeArguments(for: file.stages[0], index: 0)
        #expect(value(after: "--metrics-file", in: fetch) == "/srv/var/t/metrics/fetch-0.prom")
        #expect(value(after: "--output", in: fetch) == "tcp://127.0.0.1:1")
    }

    @Test func stagesAreWrappedInSetprivWhenAvailable() throws {
        let file = try pipeline()
        let wrapped = Supervisor(pipeline: file, deathSignalWrapper: "/usr/bin/setpriv")
        let replica = Supervisor.Replica(stage: file.stages[1], index: 0,
                                         tracker: RestartTracker(policy: RestartPolicy(), startedAt: Date()))
        let line = wrapped.commandLine(for: replica, executable: "/bin/n")
        #expect(Array(line.prefix(5)) == ["/usr/bin/setpriv", "--pdeathsig", "TERM", "--", "/bin/n"])
        let bare = Supervisor(pipeline: file, deathSignalWrapper: nil).commandLine(for: replica, executable: "/bin/n")
        #expect(bare.first == "/bin/n")
    }

    @Test func relativePathsStartFromThePipelineFilesFolder() throws {
        let dir = try temporaryWorkdir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let s = Supervisor(pipeline: try pipeline(), baseDirectory: dir)
        #expect(s.workdir.path == dir.appendingPathComponent("var/t").path)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("bin"), withIntermediateDirectories: true)
        let script = dir.appendingPathComponent("bin/stage.sh")
        try "#!/bin/sh\n".write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        #expect(Supervisor.resolve("bin/stage.sh", from: dir) == script.path)
        #expect(Supervisor.resolve("bin/stage.sh", from: URL(fileURLWithPath: "/")) == nil)
    }

    @Test func aStageRunsInThePipelineFilesFolder() throws {
        let dir = try temporaryWorkdir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = dir.appendingPathComponent("log.txt").path
        let child = try ChildProcess.spawn(["/bin/sh", "-c", "pwd > here.txt"], environment: [:], directory: dir.path, logPath: log)
        let deadline = Date().addingTimeInterval(10)
        while child.exitStatus() == nil && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        let here = try String(contentsOf: dir.appendingPathComponent("here.txt"), encoding: .utf8)
        #expect(URL(fileURLWithPath: here.trimmingCharacters(in: .whitespacesAndNewlines)).resolvingSymlinksInPath().path
                == dir.resolvingSymlinksInPath().path)
    }

    func temporaryWorkdir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nw-lock-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func aSecondSupervisorRefusesAHeldLock() throws {
        let dir = try temporaryWorkdir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let s = Supervisor(pipeline: try pipeline(workdir: dir.path))
        let held = try RunLock.acquire(at: s.lockURL, pipeline: "t", workdir: dir.path)
        defer { held.release() }
        #expect(RunLock.isHeld(at: s.lockURL))
        do {
            _ = try RunLock.acquire(at: s.lockURL, pipeline: "t", workdir: dir.path)
            Issue.record("a second lock was granted")
        } catch {
            let text = "\(error)"
            #expect(text.contains("pipeline 't' is already running (pid \(getpid())"))
            #expect(text.contains(dir.path))
            #expect(text.contains("kill \(getpid())"))
        }
    }

    @Test func runRefusesToStartOverAHeldLock() throws {
        let dir = try temporaryWorkdir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let s = Supervisor(pipeline: try pipeline(workdir: dir.path))
        let held = try RunLock.acquire(at: s.lockURL, pipeline: "t", workdir: dir.path)
        defer { held.release() }
        #expect(throws: PipelineError.self) { try s.run(until: .init()) }
    }

    @Test func aReleasedLockCanBeTakenAgain() throws {
        let dir = try temporaryWorkdir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("run.lock")
        try RunLock.acquire(at: url, pipeline: "t", workdir: dir.path).release()
        #expect(!RunLock.isHeld(at: url))
        let again = try RunLock.acquire(at: url, pipeline: "t", workdir: dir.path)
        #expect(RunLock.holder(at: url)?.pid == getpid())
        #expect(RunLock.holder(at: url)?.pipeline == "t")
        again.release()
    }
}
