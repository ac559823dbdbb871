import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// How a child process ended: an exit code or the signal that killed it.
public struct ExitStatus: Codable, Sendable, Equatable, CustomStringConvertible {
    public var code: Int32?
    public var signal: Int32?

    public init(code: Int32?, signal: Int32?) { self.code = code; self.signal = signal }

    public static func exited(_ code: Int32) -> ExitStatus { ExitStatus(code: code, signal: nil) }
    public static func killed(by signal: Int32) -> ExitStatus { ExitStatus(code: nil, signal: signal) }

    /// Decodes a `waitpid` status word (the WIFEXITED / WTERMSIG macros are not visible in Swift).
    init(waitStatus: Int32) {
        let signal = waitStatus & 0x7f
        if signal == 0 { self = .exited((waitStatus >> 8) & 0xff) } else { self = .killed(by: signal) }
    }

    public var description: String {
        if let signal { return "killed by signal \(signal) (\(String(cString: strsignal(signal))))" }
        return "exit status \(code ?? -1)"
    }
}

/// A child process started with `posix_spawn`, in the supervisor's process group, with the
/// default dispositions for the signals the supervisor ignores (so SIGTERM still stops it),
/// stdin from /dev/null and stdout and stderr appended to a log file.
/// Foundation's `Process` is not used because it puts every child in a process group of its own.
struct ChildProcess: Sendable {
    let pid: pid_t

    struct SpawnError: Error, CustomStringConvertible {
        var program: String
        var code: Int32
        var description: String { "cannot start \(program): \(String(cString: strerror(code)))" }
    }

    /// Starts `argv` in `directory` (nil: this process's own), its output appended to `logPath`.
    static func spawn(_ argv: [String], environment: [String: String], directory: String? = nil,
                      logPath: String) throws -> ChildProcess {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let directory {
            guard let addChdir = Self.addChdir else {
                throw SpawnError(program: argv[0], code: ENOSYS)
            }
            let rc = addChdir(&actions, directory)
            guard rc == 0 else { throw SpawnError(program: argv[0], code: rc) }
        }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, logPath, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        setDefaultSignals(&attributes)
        let env = environment.map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let rc = withCStrings(argv) { cArgv in
            withCStrings(env) { cEnv in posix_spawn(&pid, argv[0], &actions, &attributes, cArgv, cEnv) }
        }
        guard rc == 0 else { throw SpawnError(program: argv[0], code: rc) }
        return ChildProcess(pid: pid)
    }

    /// glibc's `posix_spawn_file_actions_addchdir_np` (2.29 and later), looked up at run time:
    /// Swift's Glibc module does not declare the GNU extensions.
    private typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
    private static let addChdir: AddChdir? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addchdir_np") else { return nil }
        return unsafeBitCast(symbol, to: AddChdir.self)
    }()

    /// Children start with default signal handling and an empty mask, whatever the supervisor set.
    private static func setDefaultSignals(_ attributes: inout posix_spawnattr_t) {
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for s in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGCHLD] { sigaddset(&defaults, s) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
    }

    private static func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
        var pointers = strings.map { strdup($0) }
        pointers.append(nil)
        defer { pointers.forEach { free($0) } }
        return body(pointers)
    }

    /// Reaps the child if it has exited: its status, or nil while it runs. Call it until it
    /// returns a status, then not again (the pid is free after that).
    func exitStatus() -> ExitStatus? {
        var status: Int32 = 0
        let rc = waitpid(pid, &status, WNOHANG)
        if rc == pid { return ExitStatus(waitStatus: status) }
        if rc == -1 && errno == ECHILD { return .killed(by: SIGKILL) }  // reaped elsewhere: treat as gone
        return nil
    }

    func send(_ signal: Int32) { kill(pid, signal) }
}
