/// A stack whose top elements can be moved out in bulk, without copying.
///
/// The scanner keeps the finished children of every open container on one stack; when a container
/// closes, its slice is moved into the container's own array. With `Array`, that would copy each
/// child (a retain) and then destroy the stack's copy (a release): on a 40 MB document that was
/// a fifth of the parse. Moving leaves both counts untouched.
///
/// Non-copyable so that exactly one owner frees the storage and the elements still on it (on an
/// error, those of the containers left open).
struct MoveStack<Element>: ~Copyable {
    private var base: UnsafeMutablePointer<Element>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 64) {
        self.capacity = max(1, capacity)
        self.base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    @inline(__always) mutating func push(_ element: consuming Element) {
        if count == capacity { grow() }
        (base + count).initialize(to: element)
        count &+= 1
    }

    @inline(__always) subscript(index: Int) -> Element {
        precondition(index >= 0 && index < count)
        return base[index]
    }

    /// Moves the elements from `start` to the top into a new array, leaving `start` elements.
    mutating func popArray(from start: Int) -> [Element] {
        precondition(start >= 0 && start <= count)
        let moved = count &- start
        guard moved > 0 else { return [] }
        let source = base + start
        count = start
        return [Element](unsafeUninitializedCapacity: moved) { buffer, initialized in
            if let target = buffer.baseAddress { target.moveInitialize(from: source, count: moved) }
            initialized = moved
        }
    }

    /// Moves the element at `index` out; the caller must then `discard(from:)` a range containing it.
    @inline(__always) mutating func take(_ index: Int) -> Element {
        precondition(index >= 0 && index < count)
        return (base + index).move()
    }

    /// Forgets the elements from `start` to the top, which must all have been taken.
    @inline(__always) mutating func discard(from start: Int) {
        precondition(start >= 0 && start <= count)
        count = start
    }

    /// Destroys the elements from `start` to the top.
    mutating func removeAll(from start: Int) {
        precondition(start >= 0 && start <= count)
        (base + start).deinitialize(count: count &- start)
        count = start
    }

    private mutating func grow() {
        let larger = capacity * 2
        let storage = UnsafeMutablePointer<Element>.allocate(capacity: larger)
        storage.moveInitialize(from: base, count: count)
        base.deallocate()
        base = storage
        capacity = larger
    }
}
