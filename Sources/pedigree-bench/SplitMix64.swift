/// A tiny deterministic random generator (SplitMix64) with a fixed seed, so every bench run parses
/// byte-for-byte the same fixture on every machine.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    /// A value in `0..<bound`.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    mutating func pick<T>(_ choices: [T]) -> T { choices[below(choices.count)] }

    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

    mutating func hex(_ digits: Int) -> String {
        let alphabet = Array("0123456789abcdef")
        var text = ""
        text.reserveCapacity(digits)
        var bits = next()
        for index in 0..<digits {
            if index % 16 == 15 { bits = next() }
            text.append(alphabet[Int(bits & 0xF)])
            bits >>= 4
        }
        return text
    }
}
