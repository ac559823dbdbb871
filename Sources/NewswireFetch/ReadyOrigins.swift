import Foundation

/// The hand-over between the crawler (async, many fetches at once) and the source runner (one
/// blocking thread): origins whose page is fetched and cached, in the order they were ready.
///
/// A plain locked queue, because the runner's thread must never wait on the concurrency pool.
public final class ReadyOrigins: @unchecked Sendable {
    private let lock = NSLock()
    private var queue: [String] = []
    private var head = 0
    private var finished = false

    public init() {}

    public func push(_ origin: String) { lock.withLock { queue.append(origin) } }
    public func push(contentsOf origins: [String]) { lock.withLock { queue.append(contentsOf: origins) } }

    /// The next ready origin, or nil when none is ready now.
    public func pop() -> String? {
        lock.withLock {
            guard head < queue.count else { return nil }
            defer {
                head += 1
                // Drop the consumed prefix now and then, so memory follows what is waiting.
                if head > 4096 && head * 2 > queue.count { queue.removeFirst(head); head = 0 }
            }
            return queue[head]
        }
    }

    public var count: Int { lock.withLock { queue.count - head } }

    /// The crawler has finished: once the queue is empty, nothing more will come.
    public func finish() { lock.withLock { finished = true } }

    /// Whether more may still come: not finished, or finished with origins left.
    public var mayHaveMore: Bool { lock.withLock { !finished || head < queue.count } }
}
