import Foundation
import PedigreeCore

/// Writes the portfolio for other tools (JSON Lines: one release per line, for DuckDB, Spark, jq) or
/// for people (one HTML overview page).
public enum PortfolioExportWriter {
    public enum Format: String, Sendable, CaseIterable {
        case jsonl, html
    }

    public static func write(_ releases: [ReleaseOverview], format: Format, toolVersion: String) throws(StoreError) -> String {
        switch format {
        case .jsonl: try jsonLines(releases)
        case .html: PortfolioHTMLWriter(toolVersion: toolVersion).write(releases.filter(\.latest))
        }
    }

    /// One compact JSON object per line, keys sorted, so the same store gives the same bytes.
    static func jsonLines(_ releases: [ReleaseOverview]) throws(StoreError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var out = ""
        for release in releases {
            do {
                out += String(decoding: try encoder.encode(release), as: UTF8.self) + "\n"
            } catch {
                throw StoreError.damaged("release '\(release.release)' of '\(release.product)' cannot be encoded: \(error)")
            }
        }
        return out
    }
}
