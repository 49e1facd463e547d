// pedigree-bench: measures Pedigree's stages against baselines measured in the same run (`make bench`).
//
//   pedigree-bench [FILTER…]                  every case, or those whose name contains a FILTER
//   pedigree-bench --work DIR [FILTER…]       the same, keeping fixtures in DIR (to profile a case)
//   pedigree-bench --case NAME --work DIR     one case in this process (how the parent starts a child)
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

var arguments = Array(CommandLine.arguments.dropFirst())
if arguments.count == 4, arguments[0] == "--case", arguments[2] == "--work" {
    exit(BenchRunner.runChild(named: arguments[1], workDirectory: arguments[3]))
}
var kept: String? = nil
if arguments.count >= 2, arguments[0] == "--work" {
    kept = arguments[1]
    arguments.removeFirst(2)
}
exit(BenchRunner.runAll(filters: arguments, workDirectory: kept))
