// swift-tools-version:6.2
import PackageDescription

// The pipeline is one module per stage, so the compiler enforces that dependencies point down only:
// C shims <- Safe* input layers <- formats <- model; licenses <- engine <- reports <- core <- CLI.
let package = Package(
    name: "Pedigree",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "pedigree", targets: ["pedigree"]),
        .library(name: "PedigreeCore", targets: ["PedigreeCore"]),
    ],
    // The PostgreSQL store pulls in SwiftNIO (minutes to build the first time); `--disable-default-traits`
    // builds a Pedigree that stores in SQLite only.
    traits: [
        .default(enabledTraits: ["PostgreSQL"]),
        .trait(name: "PostgreSQL", description: "Portfolio stores on a PostgreSQL server (postgres://…), through postgres-nio"),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(name: "PedigreeDiagnostics"),
        .target(name: "SafeJSON", dependencies: ["PedigreeDiagnostics"]),
        .target(name: "SafeXML", dependencies: ["CLibXML2", "PedigreeDiagnostics"]),
        .target(name: "SafeYAML", dependencies: ["CYAML", "PedigreeDiagnostics"]),
        .target(name: "SafeTOML", dependencies: ["PedigreeDiagnostics"]),
        .target(name: "PedigreeModel", dependencies: ["PedigreeDiagnostics"]),
        .target(
            name: "PedigreeLicenses",
            dependencies: ["PedigreeDiagnostics", "PedigreeModel", "SafeJSON"],
            resources: [
                .copy("Data/knowledge-base.json"), .copy("Data/licenses-generated.json"),
                .copy("Data/license-text-index.bin"), .copy("Data/license-texts.json"),
            ]
        ),
        .target(
            name: "PedigreeFormats",
            dependencies: ["PedigreeDiagnostics", "PedigreeModel", "SafeJSON", "SafeXML", "SafeYAML", "SafeTOML"]
        ),
        .target(name: "PedigreeEngine", dependencies: ["PedigreeDiagnostics", "PedigreeModel", "PedigreeLicenses"]),
        .target(
            name: "PedigreeReports",
            dependencies: ["PedigreeDiagnostics", "PedigreeModel", "PedigreeLicenses", "PedigreeEngine"]
        ),
        .target(
            name: "PedigreeCore",
            dependencies: [
                "PedigreeDiagnostics", "PedigreeModel", "PedigreeLicenses", "PedigreeFormats",
                "PedigreeEngine", "PedigreeReports", "SafeJSON", "SafeYAML",
            ]
        ),
        // The portfolio: stored releases and the questions across them; Core runs the pipeline, the store
        // persists its results (SQLite through GRDB, which links the system libsqlite3).
        .target(name: "PedigreeStore", dependencies: ["PedigreeCore", .product(name: "GRDB", package: "GRDB.swift")]),
        // The same store on a PostgreSQL server, in its own target so that builds without the trait stay fast.
        .target(
            name: "PedigreeStorePostgres",
            dependencies: ["PedigreeStore", .product(name: "PostgresNIO", package: "postgres-nio")]
        ),
        .executableTarget(
            name: "pedigree",
            dependencies: [
                "PedigreeCore", "PedigreeStore", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .target(name: "PedigreeStorePostgres", condition: .when(traits: ["PostgreSQL"])),
            ]
        ),
        .executableTarget(
            name: "pedigree-bench",
            dependencies: [
                "PedigreeCore", "PedigreeStore", "SafeJSON",
                .target(name: "PedigreeStorePostgres", condition: .when(traits: ["PostgreSQL"])),
            ]
        ),
        .executableTarget(name: "pedigree-conformance", dependencies: ["PedigreeCore", "SafeJSON"]),
        // Built for fuzzing only by `make fuzz` (-D PEDIGREE_FUZZ, libFuzzer); otherwise it replays inputs.
        .executableTarget(name: "pedigree-fuzz", dependencies: ["PedigreeCore"]),

        .testTarget(name: "PedigreeDiagnosticsTests", dependencies: ["PedigreeDiagnostics"]),
        .testTarget(name: "SafeJSONTests", dependencies: ["SafeJSON"]),
        .testTarget(name: "SafeXMLTests", dependencies: ["SafeXML"]),
        .testTarget(name: "SafeYAMLTests", dependencies: ["SafeYAML"]),
        .testTarget(name: "SafeTOMLTests", dependencies: ["SafeTOML"]),
        .testTarget(name: "PedigreeLicensesTests", dependencies: ["PedigreeLicenses"]),
        .testTarget(name: "PedigreeFormatsTests", dependencies: ["PedigreeFormats"]),
        .testTarget(name: "PedigreeEngineTests", dependencies: ["PedigreeEngine"]),
        .testTarget(name: "PedigreeReportsTests", dependencies: ["PedigreeReports", "SafeJSON", "SafeXML"]),
        .testTarget(name: "PedigreeCLITests", dependencies: ["PedigreeCore", "pedigree"]),
        // The store's tests, SQLite always and PostgreSQL (PostgreSQL/) when the trait builds it, share one set of helpers.
        .testTarget(
            name: "PedigreeStoreTests",
            dependencies: [
                "PedigreeStore", .target(name: "PedigreeStorePostgres", condition: .when(traits: ["PostgreSQL"])),
            ]
        ),
        .testTarget(name: "PedigreeBenchTests", dependencies: ["pedigree-bench"]),
    ],
    swiftLanguageModes: [.v6]
)
