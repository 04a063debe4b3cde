/// A sequence indexed from 0 that grows at its end, persistent by structure: full chunks of `chunkSize` elements sit in a
/// trie of immutable nodes that every copy shares, and only the last, partial chunk is a plain array. An append
/// copies at most that chunk, and once per chunk the trie's rightmost path; so a copy kept after every few thousand
/// appends holds only the chunks and paths written since the previous copy, never the whole sequence (a hashed map
/// keyed by index spreads consecutive appends over every leaf; an array is copied whole on its next append).
public struct PersistentVector<Element: Sendable>: Sendable {
    /// Elements per chunk and children per node: 32, so that 1,000,000 elements are four levels deep.
    static var chunkSize: Int { 1 << bitsPerLevel }
    private static var bitsPerLevel: Int { 5 }

    /// The full chunks, `chunkSize` elements each, in order; nil until the first chunk is full.
    private var root: Node?
    /// The bits of an index that choose the root's child: 0 when the root is a single chunk.
    private var rootShift = 0
    /// The elements after the full chunks: fewer than `chunkSize`.
    private var tail: [Element] = []

    public private(set) var count = 0

    public init() {}

    /// The index of the first element of `tail`.
    private var tailStart: Int { count - tail.count }

    public subscript(index: Int) -> Element {
        precondition(index >= 0 && index < count, "index \(index) is outside a vector of \(count) elements")
        if index >= tailStart { return tail[index - tailStart] }
        guard var node = root else { preconditionFailure("a vector with full chunks has a root") }
        var shift = rootShift
        while shift > 0 {
            node = node.children[(index >> shift) & (Self.chunkSize - 1)]
            shift -= Self.bitsPerLevel
        }
        return node.elements[index & (Self.chunkSize - 1)]
    }

    public mutating func append(_ element: Element) {
        tail.append(element)
        count += 1
        guard tail.count == Self.chunkSize else { return }
        let chunk = Node(elements: tail)
        tail = []
        tail.reserveCapacity(Self.chunkSize)
        guard let root else {
            self.root = chunk
            return
        }
        // The chunk's index in chunks; the trie holds `chunkIndex` chunks so far.
        let chunkIndex = (count - Self.chunkSize) >> Self.bitsPerLevel
        if chunkIndex == 1 << rootShift {
            // The trie is full at this depth: a new root over the old one and the new chunk's path.
            self.root = Node(children: [root, Self.path(to: chunk, height: rootShift)])
            rootShift += Self.bitsPerLevel
        } else {
            self.root = Self.inserting(chunk, at: chunkIndex, into: root, shift: rootShift)
        }
    }

    /// Replaces the element at `index`: only the chunk holding it and the path to that chunk are new, every other
    /// node stays shared with the copies made before.
    public mutating func replace(at index: Int, with element: Element) {
        precondition(index >= 0 && index < count, "index \(index) is outside a vector of \(count) elements")
        if index >= tailStart {
            tail[index - tailStart] = element
            return
        }
        guard let root else { preconditionFailure("a vector with full chunks has a root") }
        self.root = Self.replacing(index, with: element, in: root, shift: rootShift)
    }

    /// A copy of `node` (at `shift`) with the element at `index` replaced.
    private static func replacing(_ index: Int, with element: Element, in node: Node, shift: Int) -> Node {
        let slot = (index >> shift) & (chunkSize - 1)
        if shift == 0 {
            var elements = node.elements
            elements[slot] = element
            return Node(elements: elements)
        }
        var children = node.children
        children[slot] = replacing(index, with: element, in: children[slot], shift: shift - bitsPerLevel)
        return Node(children: children)
    }

    /// A copy of `node` (at `shift`) with `chunk` as its chunk number `chunkIndex`: only the path to it is new.
    private static func inserting(_ chunk: Node, at chunkIndex: Int, into node: Node, shift: Int) -> Node {
        let childShift = shift - bitsPerLevel
        let slot = (chunkIndex >> childShift) & (chunkSize - 1)
        var children = node.children
        if childShift == 0 {
            children.append(chunk)
        } else if slot < children.count {
            children[slot] = inserting(chunk, at: chunkIndex, into: children[slot], shift: childShift)
        } else {
            children.append(path(to: chunk, height: childShift))
        }
        return Node(children: children)
    }

    /// Nodes of one child each from `height` down to `chunk`.
    private static func path(to chunk: Node, height: Int) -> Node {
        height == 0 ? chunk : Node(children: [path(to: chunk, height: height - bitsPerLevel)])
    }

    /// A chunk (`elements`) or an inner node (`children`); never changed once built, so copies may share it.
    private final class Node: Sendable {
        let children: [Node]
        let elements: [Element]

        init(children: [Node]) {
            self.children = children
            elements = []
        }

        init(elements: [Element]) {
            children = []
            self.elements = elements
        }
    }
}

extension PersistentVector: RandomAccessCollection {
    public var startIndex: Int { 0 }
    public var endIndex: Int { count }
}

extension PersistentVector: Equatable where Element: Equatable {
    public static func == (left: Self, right: Self) -> Bool {
        left.elementsEqual(right)
    }
}

/// Encoded as a plain array of its elements, in order.
extension PersistentVector: Codable where Element: Codable {
    public init(from decoder: any Decoder) throws {
        self.init()
        var container = try decoder.unkeyedContainer()
        while !container.isAtEnd {
            append(try container.decode(Element.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        for element in self {
            try container.encode(element)
        }
    }
}
