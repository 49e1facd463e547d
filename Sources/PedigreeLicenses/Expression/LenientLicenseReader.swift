import PedigreeDiagnostics
import PedigreeModel

/// Reads one license text the way real SBOMs and model cards write it, saying how it was read.
///
/// Order of attempts, first success wins:
/// 1. Nothing stated: empty, `NOASSERTION`, `NONE` (and Hugging Face's `other`, `unknown`) -> no
///    expression, no warning (the caller decides what an empty part means).
/// 2. A URL -> the license whose link it is (`license_link`, `license.url`).
/// 3. The strict SPDX grammar (`LicenseExpressionParser`): no warning, ids canonicalised.
/// 4. The whole text as one name or alias (`Apache License, Version 2.0`, `llama3.1`, `The Unlicense`,
///    `META LLAMA 3 COMMUNITY LICENSE AGREEMENT`).
/// 5. A lenient expression: operators in any case (`and`), `/` and `|` as OR, `&` as AND, `,` and `;`
///    as AND (a list with no defined meaning, so also ambiguous). Between operators the longest run of
///    words that names a license is taken (`Apache License, Version 2.0 or MIT` is two licenses: the
///    comma and `or` inside a name stay part of it when the longer run resolves).
///
/// A whole text that is a license's registered name, up to case (`Apache License 2.0`, a PyPI
/// classifier's `GNU General Public License v2 or later (GPLv2+)`), is read with a `license.name` note:
/// the input named the license as it is named, so there is nothing to correct.
/// Every other rewrite is a `license.rewritten` warning (`read 'X' as 'Y'`, one note per change); a family
/// name (`bsd`, `gpl`, `openrail`) is a `license.ambiguous` warning listing the candidates and yields no
/// expression; text that names no license is a `license.unrecognised` warning and yields no expression.
/// An unknown operand that is a well-formed id (`Foo-1.0`) is kept as written, with `license.unknown-id`.
struct LenientLicenseReader {
    let knowledge: KnowledgeBase
    let limits: InputLimits
    let location: SourceLocation?

    /// What one text was read as.
    struct Result {
        var expression: LicenseExpression?
        var diagnostics: [Diagnostic] = []
        var isAmbiguous = false
        /// Nothing was stated (empty, NOASSERTION, NONE, HF `other`/`unknown`).
        var isPlaceholder = false
        /// The text was a URL that names no known license.
        var isUnresolvedURL = false
    }

    private static let placeholders: Set<String> = ["", "noassertion", "none", "other", "unknown"]

    func read(_ raw: String, form: LicenseText.Form) -> Result {
        let text = LicenseNameKey.trimmed(raw)
        if Self.placeholders.contains(text.lowercased()) { return Result(expression: nil, isPlaceholder: true) }
        let quoted = TerminalText.escape(text)
        if text.utf8.count > limits.maxExpressionBytes {
            return Result(expression: nil, diagnostics: [.warning(
                "license.expression-too-long",
                "license text has \(text.utf8.count) bytes, more than the limit of \(limits.maxExpressionBytes) bytes",
                at: location)])
        }
        if form == .url || (LicenseNameKey.isURL(text) && !text.contains(where: \.isWhitespace)) {
            switch knowledge.resolve(url: text) {
            case .license(let id):
                return Result(expression: Self.leaf(id), diagnostics: [rewritten(quoted, Self.leaf(id).description)])
            case .ambiguous(let ids):
                return Result(expression: nil, diagnostics: [ambiguous(quoted, ids)], isAmbiguous: true)
            case .unknown:
                return Result(expression: nil, diagnostics: [.warning(
                    "license.unrecognised", "license link '\(quoted)' names no license Pedigree knows", at: location)],
                    isUnresolvedURL: true)
            }
        }
        if form != .expression, let hubResult = readHuggingFaceID(text) { return hubResult }
        let strictError: LicenseExpressionError
        do {
            let expression = try LicenseExpressionParser(ids: knowledge, limits: limits).parse(text)
            return Result(expression: expression)
        } catch {
            strictError = error
        }
        switch knowledge.resolve(name: text) {
        case .license(let id) where form == .classifier || knowledge.isRegisteredName(text, of: id):
            // The license's own name (an SPDX or ScanCode name, a PyPI classifier's): nothing to correct.
            return Result(expression: Self.leaf(id), diagnostics: [.note(
                "license.name", "read the license name '\(quoted)' as '\(Self.leaf(id).description)'", at: location)])
        case .license(let id):
            return Result(expression: Self.leaf(id), diagnostics: [rewritten(quoted, Self.leaf(id).description)])
        case .ambiguous(let ids):
            return Result(expression: nil, diagnostics: [ambiguous(quoted, ids)], isAmbiguous: true)
        case .unknown:
            break
        }
        if let result = readExpression(text) { return result }
        let detail = strictError.code == "license.unknown-id" ? "" : " (\(strictError.description))"
        return Result(expression: nil, diagnostics: [.warning(
            "license.unrecognised", "'\(quoted)' is neither an SPDX expression nor a license name Pedigree knows\(detail)",
            at: location)])
    }

    /// A Hugging Face Hub license id is the Hub's own vocabulary, not a misspelling: reading it is a
    /// note (`license.hub-id`), and none when the id is the SPDX id itself in another case.
    func readHuggingFaceID(_ text: String) -> Result? {
        guard let id = knowledge.huggingFaceLicense(text) else { return nil }
        if text.caseInsensitiveEquals(id) { return Result(expression: Self.leaf(id)) }
        return Result(expression: Self.leaf(id), diagnostics: [.note(
            "license.hub-id", "read Hugging Face license id '\(TerminalText.escape(text))' as '\(id)'", at: location)])
    }

    static func leaf(_ id: String) -> LicenseExpression {
        .license(id: id, orLater: id.hasSuffix("-or-later"), exception: nil)
    }

    func rewritten(_ from: String, _ to: String, notes: [String] = []) -> Diagnostic {
        Diagnostic(.warning, code: "license.rewritten", "read '\(from)' as '\(TerminalText.escape(to))'", at: location, notes: notes)
    }

    func ambiguous(_ text: String, _ candidates: [String]) -> Diagnostic {
        let shown = candidates.prefix(8).map { "'\($0)'" }.joined(separator: ", ")
        let more = candidates.count > 8 ? " and \(candidates.count - 8) more" : ""
        return .warning(
            "license.ambiguous",
            "'\(text)' names a family of licenses, not one: \(shown)\(more); state the exact license", at: location)
    }

    // MARK: Lenient expressions

    private enum Operator: Equatable {
        case and, or, with

        var spdx: String {
            switch self {
            case .and: "AND"
            case .or: "OR"
            case .with: "WITH"
            }
        }
    }

    private enum Token {
        case open, close
        /// An operator that cannot be part of a name (`AND`, `/`, `&`).
        case strong(Operator, String)
        /// A word; `weak` is set for `and`/`or`/`with` in any case and `,`/`;`, which may be part of a name.
        case word(String, weak: Operator?)
    }

    private enum Item {
        case open, close
        case op(Operator)
        case operand(LicenseExpression)
        case exception(String)
    }

    /// Why a lenient reading failed: which part could not be read.
    private struct Failure: Error {
        var diagnostic: Diagnostic
        var isAmbiguous = false
    }

    private func readExpression(_ text: String) -> Result? {
        let tokens = Self.tokens(text)
        var notes: [String] = []
        var listSeparator = false
        var unknownWords: [String] = []
        do {
            var items: [Item] = []
            var run: [(String, weak: Operator?)] = []
            var afterWith = false
            func flush() throws(Failure) {
                guard !run.isEmpty else { return }
                let afterOperand: Bool =
                    switch items.last {
                    case .close, .operand, .exception: true
                    default: false
                    }
                items += try resolve(
                    run: run, afterWith: afterWith, afterOperand: afterOperand, notes: &notes, listSeparator: &listSeparator, unknownWords: &unknownWords)
                run = []
            }
            for token in tokens {
                switch token {
                case .word(let word, let weak):
                    run.append((word, weak))
                case .strong(let op, let spelling):
                    try flush()
                    if spelling != op.spdx { notes.append("'\(spelling)' -> '\(op.spdx)'") }
                    items.append(.op(op))
                    afterWith = op == .with
                case .open:
                    try flush()
                    items.append(.open)
                    afterWith = false
                case .close:
                    try flush()
                    items.append(.close)
                    afterWith = false
                }
            }
            try flush()
            var parser = ItemParser(items: items, maxDepth: limits.maxExpressionDepth)
            guard let expression = parser.parse() else { return nil }
            var diagnostics: [Diagnostic] = []
            if expression.description != text || !notes.isEmpty {
                diagnostics.append(rewritten(TerminalText.escape(text), expression.description, notes: Self.unique(notes)))
            }
            for id in unknownWords {
                diagnostics.append(.warning(
                    "license.unknown-id", "'\(TerminalText.escape(id))' is neither an SPDX license id nor a license Pedigree knows",
                    at: location))
            }
            if listSeparator {
                diagnostics.append(.warning(
                    "license.ambiguous", "a list separated by ',' or ';' has no defined meaning; read as AND", at: location))
            }
            return Result(expression: expression, diagnostics: diagnostics, isAmbiguous: listSeparator)
        } catch {
            return Result(expression: nil, diagnostics: [error.diagnostic], isAmbiguous: error.isAmbiguous)
        }
    }

    /// Splits on whitespace and `( ) / , ; & |`; a URL stays one word.
    ///
    /// - Complexity: O(n) in the length of the text. Whether the current word is a URL is decided from
    ///   its first eight bytes, once: lower-casing the whole word at every character made a long word
    ///   cost O(n²) (Unicode case mapping is slow, so a non-ASCII word took seconds).
    private static func tokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var current = ""
        var inURL = false
        func flush() {
            inURL = false
            guard !current.isEmpty else { return }
            let weak: Operator? =
                switch current.lowercased() {
                case "and": .and
                case "or": .or
                case "with": .with
                default: nil
                }
            switch current {
            case "AND": tokens.append(.strong(.and, current))
            case "OR": tokens.append(.strong(.or, current))
            case "WITH": tokens.append(.strong(.with, current))
            case "&&": tokens.append(.strong(.and, current))
            case "||": tokens.append(.strong(.or, current))
            default: tokens.append(.word(current, weak: weak))
            }
            current = ""
        }
        for character in text {
            if !inURL, current.utf8.count <= urlSchemes.longest {
                let head = current.lowercased()
                inURL = urlSchemes.prefixes.contains { head.hasPrefix($0) }
            }
            if character.isWhitespace {
                flush()
            } else if inURL {
                current.append(character)
            } else {
                switch character {
                case "(":
                    flush()
                    tokens.append(.open)
                case ")":
                    flush()
                    tokens.append(.close)
                case "/" where !(current.utf8.count <= urlSchemes.longest && urlSchemes.schemes.contains(current.lowercased())):
                    flush()
                    tokens.append(.strong(.or, "/"))
                case "|":
                    flush()
                    tokens.append(.strong(.or, "|"))
                case "&":
                    flush()
                    tokens.append(.strong(.and, "&"))
                case ",", ";":
                    flush()
                    tokens.append(.word(String(character), weak: .and))
                default:
                    current.append(character)
                }
            }
        }
        flush()
        return tokens
    }

    /// The URL beginnings a word may have; `longest` bounds how much of a word is looked at.
    private static let urlSchemes = (
        prefixes: ["http://", "https://"], schemes: Set(["http:", "https:"]), longest: "https://".utf8.count)

    /// Reads a run of words between strong operators into operands and operators, longest names first.
    private func resolve(
        run: [(String, weak: Operator?)], afterWith: Bool, afterOperand: Bool, notes: inout [String],
        listSeparator: inout Bool,
        unknownWords: inout [String]
    ) throws(Failure) -> [Item] {
        var items: [Item] = []
        var index = 0
        var expectOperand = !afterOperand
        var exceptionNext = afterWith
        let maxWords = knowledge.aliases.maxWords + 2
        func text(_ range: Range<Int>) -> String {
            var result = ""
            for position in range {
                let word = run[position].0
                if !result.isEmpty && word != "," && word != ";" { result += " " }
                result += word
            }
            return result
        }
        while index < run.count {
            if !expectOperand {
                guard let op = run[index].weak else {
                    throw Failure(diagnostic: .warning(
                        "license.unrecognised",
                        "'\(TerminalText.escape(text(0..<run.count)))' has two licenses without an operator between them, before '\(TerminalText.escape(run[index].0))'",
                        at: location))
                }
                let spelling = run[index].0
                if spelling == "," || spelling == ";" {
                    listSeparator = true
                    notes.append("'\(spelling)' -> 'AND'")
                } else if spelling != op.spdx {
                    notes.append("'\(spelling)' -> '\(op.spdx)'")
                }
                items.append(.op(op))
                exceptionNext = op == .with
                expectOperand = true
                index += 1
                continue
            }
            if exceptionNext {
                // The exception: the longest run of words that names one.
                var found: (String, Int)?
                var end = min(run.count, index + maxWords)
                while end > index {
                    if let id = knowledge.aliases.resolve(exception: text(index..<end)) {
                        found = (id, end)
                        break
                    }
                    end -= 1
                }
                guard let (id, next) = found else {
                    throw Failure(diagnostic: .warning(
                        "license.unrecognised", "'\(TerminalText.escape(run[index].0))' after 'WITH' is no license exception Pedigree knows",
                        at: location))
                }
                let spelling = text(index..<next)
                if spelling != id { notes.append("'\(TerminalText.escape(spelling))' -> '\(id)'") }
                items.append(.exception(id))
                index = next
                expectOperand = false
                exceptionNext = false
                continue
            }
            if run[index].weak != nil {
                throw Failure(diagnostic: .warning(
                    "license.unrecognised",
                    "'\(TerminalText.escape(text(0..<run.count)))' has an operator where a license was expected: '\(TerminalText.escape(run[index].0))'",
                    at: location))
            }
            var end = min(run.count, index + maxWords)
            var matched = false
            while end > index {
                let candidate = text(index..<end)
                if run[end - 1].weak == nil {
                    switch operand(candidate) {
                    case .some(.success(let expression, let rewrittenFrom)):
                        if let rewrittenFrom { notes.append("'\(TerminalText.escape(rewrittenFrom))' -> '\(expression)'") }
                        items.append(.operand(expression))
                        matched = true
                    case .some(.ambiguous(let ids)):
                        throw Failure(diagnostic: ambiguous(TerminalText.escape(candidate), ids), isAmbiguous: true)
                    case .none:
                        break
                    }
                }
                if matched { break }
                end -= 1
            }
            if !matched {
                // Nothing resolves from here: the words up to the next operator are one unknown license.
                var stop = index + 1
                while stop < run.count, run[stop].weak == nil { stop += 1 }
                let unknown = text(index..<stop)
                guard stop - index == 1, Self.isIDString(unknown) else {
                    throw Failure(diagnostic: .warning(
                        "license.unrecognised", "'\(TerminalText.escape(unknown))' names no license Pedigree knows", at: location))
                }
                items.append(.operand(.id(unknown)))
                unknownWords.append(unknown)
                end = stop
            }
            index = end
            expectOperand = false
        }
        return items
    }

    private enum OperandResult {
        case success(LicenseExpression, rewrittenFrom: String?)
        case ambiguous([String])
    }

    /// One operand: a strict simple expression, a name (with a trailing `+` for or-later), or nothing.
    private func operand(_ text: String) -> OperandResult? {
        if !text.contains(where: \.isWhitespace),
            let expression = try? LicenseExpressionParser(ids: knowledge, limits: limits).parse(text),
            case .license = expression
        {
            return .success(expression, rewrittenFrom: nil)
        }
        switch knowledge.resolve(name: text) {
        case .license(let id): return .success(Self.leaf(id), rewrittenFrom: text)
        case .ambiguous(let ids): return .ambiguous(ids)
        case .unknown: break
        }
        if text.hasSuffix("+"), text.count > 1 {
            let base = String(text.dropLast())
            if case .license(let id) = knowledge.resolve(name: base) {
                let orLater = knowledge.orLaterID(for: id)
                return .success(.license(id: orLater, orLater: true, exception: nil), rewrittenFrom: text)
            }
        }
        return nil
    }

    static func isIDString(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy(LicenseExpressionLexer.isWordByte)
    }

    private static func unique(_ notes: [String]) -> [String] {
        var seen = Set<String>()
        return notes.filter { seen.insert($0).inserted }
    }

    /// Builds an expression from resolved items with the SPDX precedence WITH > AND > OR.
    private struct ItemParser {
        var items: [Item]
        var index = 0
        let maxDepth: Int

        mutating func parse() -> LicenseExpression? {
            guard let expression = orList(depth: 0), index == items.count else { return nil }
            return expression
        }

        private mutating func orList(depth: Int) -> LicenseExpression? {
            guard var operands = andList(depth: depth).map({ [$0] }) else { return nil }
            while index < items.count, case .op(.or) = items[index] {
                index += 1
                guard let next = andList(depth: depth) else { return nil }
                operands.append(next)
            }
            return operands.count == 1 ? operands[0] : .or(Self.flatten(operands, or: true))
        }

        private mutating func andList(depth: Int) -> LicenseExpression? {
            guard var operands = withTerm(depth: depth).map({ [$0] }) else { return nil }
            while index < items.count, case .op(.and) = items[index] {
                index += 1
                guard let next = withTerm(depth: depth) else { return nil }
                operands.append(next)
            }
            return operands.count == 1 ? operands[0] : .and(Self.flatten(operands, or: false))
        }

        private mutating func withTerm(depth: Int) -> LicenseExpression? {
            guard index < items.count else { return nil }
            switch items[index] {
            case .open:
                guard depth < maxDepth else { return nil }
                index += 1
                guard let inner = orList(depth: depth + 1), index < items.count, case .close = items[index] else {
                    return nil
                }
                index += 1
                return inner
            case .operand(let expression):
                index += 1
                guard index < items.count, case .op(.with) = items[index] else { return expression }
                index += 1
                guard index < items.count, case .exception(let exception) = items[index],
                    case .license(let id, let orLater, nil) = expression
                else { return nil }
                index += 1
                return .license(id: id, orLater: orLater, exception: exception)
            default:
                return nil
            }
        }

        static func flatten(_ operands: [LicenseExpression], or: Bool) -> [LicenseExpression] {
            operands.flatMap { operand -> [LicenseExpression] in
                switch operand {
                case .or(let inner) where or: inner
                case .and(let inner) where !or: inner
                default: [operand]
                }
            }
        }
    }
}

extension KnowledgeBase {
    /// The list's `-or-later` id for a license (`GPL-2.0-only` -> `GPL-2.0-or-later`), or the id itself.
    func orLaterID(for id: String) -> String {
        guard !id.hasSuffix("-or-later") else { return id }
        let base = id.hasSuffix("-only") ? String(id.dropLast("-only".count)) : id
        return canonicalLicenseID(base + "-or-later") ?? id
    }
}
