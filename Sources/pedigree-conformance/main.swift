// pedigree-conformance: reads the public corpus given as the first argument and prints what agreed.
#if canImport(Glibc)
import Glibc
#endif

let arguments = CommandLine.arguments
guard arguments.count == 2 else {
    print("usage: pedigree-conformance CORPUS_FOLDER")
    exit(64)
}

let checks: [any ConformanceCheck] = [
    CorpusReadCheck(),
    OSADLAgreementCheck(),
    LicenseTextCheck(),
]

var allPassed = true
for check in checks {
    print("== \(check.title)")
    if !check.run(corpus: arguments[1]) { allPassed = false }
}
exit(allPassed ? 0 : 1)
