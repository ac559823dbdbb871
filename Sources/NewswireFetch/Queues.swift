/// A binary min-heap: the frontier's schedule, O(log n) per push and pop.
struct MinHeap<Element: Comparable>: Sendable where Element: Sendable {
    private var items: [Element] = []

    var min: Element? { items.first }
    var count: Int { items.count }

    mutating func push(_ element: Element) {
        items.append(element)
        siftUp(items.count - 1)
    }

    @discardableResult
    mutating func popMin() -> Element? {
        guard !items.isEmpty else { return nil }
        items.swapAt(0, items.count - 1)
        let smallest = items.removeLast()
        siftDown(0)
        return smallest
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[child] < items[parent] else { return }
            items.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < items.count && items[left] < items[smallest] { smallest = left }
            if right < items.count && items[right] < items[smallest] { smallest = right }
            guard smallest != parent else { return }
            items.swapAt(parent, smallest)
            parent = smallest
        }
    }
}

/// A first-in first-out queue with O(1) amortised pops (an array and a moving head).
struct FIFOQueue<Element>: Sendable where Element: Sendable {
    private var items: [Element] = []
    private var head = 0

    var isEmpty: Bool { head == items.count }
    var count: Int { items.count - head }

    mutating func append(_ element: Element) { items.append(element) }

    mutating func popFirst() -> Element? {
        guard !isEmpty else { return nil }
        let element = items[head]
        head += 1
        compactIfMostlyConsumed()
        return element
    }

    private mutating func compactIfMostlyConsumed() {
        guard head >= 64 && head * 2 >= items.count else { return }
        items.removeFirst(head)
        head = 0
    }
}
