import ArgumentParser
import Foundation
import Logging
import NewswireWire
#if canImport(Glibc)
import Glibc
#endif

/// Any program as a stage: it reads one message per line on stdin (the one-shot JSON Lines
/// format, `{"header": …, "body": …}`) and answers each with exactly one line on stdout:
///
/// - a message (`{"header": …, "body": …}`), or a JSON array of messages: the outputs;
/// - `{"drop": "why"}` or `[]`: the article stops here, recorded as a dead letter with the
///   reason, so fetch knows it will never be stored and the run can end;
/// - `{"error": "why"}`: the input is rejected, a dead letter with that reason.
///
/// The program keeps running between messages. An answer that is none of these, a program that
/// dies while handling a message, or one that takes longer than `timeout` dead-letters that
/// message with a reason that says so; the program is then restarted (after a hang, killed
/// first) and the next message goes on.
public final class CommandStage: Stage, @unchecked Sendable {
    // Used from the runner's one thread.
    public let name: String
    public let accepts: [MessageKind]
    public let command: [String]
    public let timeout: Duration
    private let logger = Logger(label: "newswire.command")
    private var child: LineProcess?

    /// Starts the program and checks it stays up: a program that cannot start, or exits at
    /// once, is a startup error naming it and its status, not a stream of dead letters.
    public init(name: String, command: [String], accepts: [MessageKind], timeout: Duration = .seconds(30)) throws {
        guard !command.isEmpty else { throw CommandStageError.cannotStart(command: command, reason: "no program given (--run)") }
        self.name = name
        self.command = command
        self.accepts = accepts
        self.timeout = timeout
        signal(SIGPIPE, SIG_IGN)   // a program that died must be an error on write, not our death
        child = try Self.start(command)
    }

    static func start(_ command: [String]) throws -> LineProcess {
        let child: LineProcess
        do { child = try LineProcess(command) } catch {
            throw CommandStageError.cannotStart(command: command, reason: "\(error)")
        }
        if let status = child.exitsWithin(.milliseconds(300)) {
            throw CommandStageError.cannotStart(command: command, reason: "it exited with status \(status) before reading any message"
                + (status == 127 ? " (program not found)" : "; its error output is in this stage's log"))
        }
        return child
    }

    public func process(_ message: Message) throws -> [Message] {
        let line = try JSONLines.line(for: message)
        let answer: Data
        do {
            let running = try runningChild()
            answer = try running.ask(line, timeout: timeout)
        } catch let failure as LineProcess.Failure {
            child = nil
            switch failure {
            case .timedOut: throw CommandStageError.timedOut(command: command, after: timeout)
            case .exited(let status): throw CommandStageError.died(command: command, status: status)
            }
        }
        return try Self.outputs(from: answer, stage: name)
    }

    /// The program, restarted if the last message ended it.
    private func runningChild() throws -> LineProcess {
        if let child, child.isRunning { return child }
        logger.notice("restarting \(command.joined(separator: " "))")
        let started = try Self.start(command)
        child = started
        return started
    }

    // MARK: The answer line

    /// Reads one answer line (see the type's documentation).
    public static func outputs(from answer: Data, stage: String) throws -> [Message] {
        let trimmed = answer.drop { $0 == 32 || $0 == 9 }
        guard let first = trimmed.first else { throw CommandStageError.badAnswer(excerpt: "an empty line") }
        if first == UInt8(ascii: "[") {
            guard let items = try? JSONSerialization.jsonObject(with: Data(trimmed)) as? [Any] else {
                throw CommandStageError.badAnswer(excerpt: excerpt(answer))
            }
            if items.isEmpty { throw CommandStageError.dropped(stage: stage, reason: "the program answered []") }
            return try items.map { item in
                guard JSONSerialization.isValidJSONObject(item), let data = try? JSONSerialization.data(withJSONObject: item) else {
                    throw CommandStageError.badAnswer(excerpt: excerpt(answer))
                }
                return try message(from: data, answer: answer)
            }
        }
        if let object = try? JSONSerialization.jsonObject(with: Data(trimmed)) as? [String: Any], object["header"] == nil {
            if let reason = object["drop"] as? String { throw CommandStageError.dropped(stage: stage, reason: reason) }
            if let reason = object["error"] as? String { throw CommandStageError.rejected(stage: stage, reason: reason) }
        }
        return [try message(from: Data(trimmed), answer: answer)]
    }

    private static func message(from data: Data, answer: Data) throws -> Message {
        do { return try JSONLines.message(from: data) } catch {
            throw CommandStageError.badAnswer(excerpt: "\(excerpt(answer)) (\(error))")
        }
    }

    static func excerpt(_ data: Data) -> String {
        let text = String(decoding: data.prefix(160), as: UTF8.self)
        return "'" + text + (data.count > 160 ? "…'" : "'")
    }
}

/// What went wrong with a command stage's program; each is a dead letter's reason, or (for
/// `cannotStart`) the stage's startup error.
public enum CommandStageError: Error, CustomStringConvertible, Equatable {
    case cannotStart(command: [String], reason: String)
    case timedOut(command: [String], after: Duration)
    case died(command: [String], status: Int32)
    case badAnswer(excerpt: String)
    case dropped(stage: String, reason: String)
    case rejected(stage: String, reason: String)

    public var description: String {
        switch self {
        case .cannotStart(let command, let reason):
            "cannot start the command stage's program `\(command.joined(separator: " "))`: \(reason)"
        case .timedOut(let command, let after):
            "`\(command.joined(separator: " "))` gave no answer within \(after); it was killed and restarted (raise the stage's timeout if it is just slow)"
        case .died(let command, let status):
            "`\(command.joined(separator: " "))` exited with status \(status) while handling this message; it was restarted"
        case .badAnswer(let excerpt):
            "the program's answer is not a message, an array of messages, {\"drop\": …} or {\"error\": …}: \(excerpt)"
        case .dropped(let stage, let reason):
            "dropped by \(stage): \(reason)"
        case .rejected(let stage, let reason):
            "rejected by \(stage): \(reason)"
        }
    }
}

/// `newswire command-stage`: runs a ``CommandStage`` on the stage runtime's sockets (or in
/// one-shot mode). The pipeline file's `kind: command` stages start this.
public struct CommandStageCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "command-stage",
        abstract: "Run any program as a stage: one JSON message per line on its stdin, one answer line on its stdout.",
        discussion: """
            Answer lines: a message or a JSON array of messages (the outputs); {"drop": "why"} or [] (the \
            article stops here, recorded as a dead letter); {"error": "why"} (rejected).
            """)

    @Option(name: .customLong("run"), parsing: .unconditionalSingleValue,
            help: "The program, then each of its arguments, one --run each: --run python3 --run plugins/x.py")
    public var program: [String] = []
    @Option(help: "A message kind the program takes (repeat for several).") public var accepts: [String] = []
    @Option(help: "Seconds the program may take per message before it is killed and restarted.") public var timeout: Double = 30
    @Option(help: "The stage's name in dead letters, logs and metrics.") public var stageName = "command"
    @OptionGroup public var options: StageOptions

    public init() {}

    public func validate() throws {
        guard !program.isEmpty else { throw ValidationError("name the program with --run PROGRAM [--run ARG …]") }
        guard !accepts.isEmpty else { throw ValidationError("name the kinds the program takes with --accepts KIND") }
        guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
    }

    public func run() throws {
        StageOptions.bootstrapLogging()
        let stage: CommandStage
        do {
            stage = try CommandStage(name: stageName, command: program, accepts: accepts.map { MessageKind($0) }, timeout: .milliseconds(Int(timeout * 1000)))
        } catch {
            FileHandle.standardError.write(Data("newswire command-stage: \(error)\n".utf8))
            throw ExitCode(2)
        }
        try options.run(stage)
    }
}
