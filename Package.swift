// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "accord",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "accordd", targets: ["accordd"]),
        .executable(name: "accord", targets: ["accord"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-system.git", from: "1.8.1"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/onevcat/Rainbow.git", from: "4.2.2"),
        .package(url: "https://github.com/apple/swift-collections.git", from: "1.6.0"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift.git", from: "0.2.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
    ],
    targets: [
        // Pure domain: events, commands, deciders, read models. No I/O, no clock.
        .target(
            name: "AccordDomain",
            dependencies: [.product(name: "HashTreeCollections", package: "swift-collections")]
        ),
        // The append-only, hash-chained log file.
        .target(
            name: "AccordLog",
            dependencies: [
                "AccordProof",
                "CThreadName",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "Metrics", package: "swift-metrics"),
            ]
        ),
        // pthread_setname_np, for the threads the daemon starts itself (the log writer's).
        .target(name: "CThreadName"),
        // Merkle tree, proofs, signed notes, checkpoints, cosignatures and witness policies. Pure: no I/O, no clock.
        .target(name: "AccordProof", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        // The I/O side of checkpoints: signing key, checkpoint store, witness state, verification of a log and of an
        // export file (for both importers).
        .target(
            name: "AccordTransparency",
            dependencies: [
                "AccordProof", "AccordLog", "AccordAPI", "AccordDomain",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Commands at the head of the log: decide, append, evolve.
        .target(
            name: "AccordEngine",
            dependencies: [
                "AccordDomain",
                "AccordLog",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HashTreeCollections", package: "swift-collections"),
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        // The ledger in PostgreSQL: a LedgerStore keeping the log file's frames in a table (decision 0007).
        .target(
            name: "AccordPostgres",
            dependencies: [
                "AccordEngine",
                "AccordLog",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Wire types shared by the server and its clients.
        .target(name: "AccordAPI", dependencies: ["AccordDomain"]),
        // HTTP/1.1 + JSON over a Unix socket.
        .target(
            name: "AccordServer",
            dependencies: [
                "AccordAPI",
                "AccordEngine",
                "AccordLog",
                "AccordDomain",
                "AccordProof",
                "AccordTransparency",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ]
        ),
        .systemLibrary(
            name: "CSystemd",
            pkgConfig: "libsystemd",
            providers: [.apt(["libsystemd-dev"])]
        ),
        // sd_notify, socket activation and a journald log handler.
        .target(
            name: "AccordSystemd",
            dependencies: [
                "CSystemd",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Typed client over the Unix socket, used by the CLI and the tests.
        .target(
            name: "AccordClient",
            dependencies: [
                "AccordAPI",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "accordd",
            dependencies: [
                "AccordServer",
                "AccordEngine",
                "AccordLog",
                "AccordPostgres",
                "AccordProof",
                "AccordTransparency",
                "AccordSystemd",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        .executableTarget(
            name: "accord",
            dependencies: [
                "AccordClient",
                "AccordAPI",
                "AccordDomain",
                "AccordLog",
                "AccordProof",
                "AccordTransparency",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Rainbow", package: "Rainbow"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Load generator and start-time benchmark.
        .executableTarget(
            name: "accord-bench",
            dependencies: [
                "AccordClient",
                "AccordAPI",
                "AccordDomain",
                "AccordEngine",
                "AccordLog",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ]
        ),
        .testTarget(name: "AccordDomainTests", dependencies: ["AccordDomain"]),
        .testTarget(name: "AccordLogTests", dependencies: ["AccordLog", "AccordProof"]),
        // A real PostgreSQL cluster for tests (initdb in a temporary folder, Unix socket only).
        .target(name: "PostgresTestSupport", path: "Tests/PostgresTestSupport"),
        .testTarget(
            name: "AccordEngineTests",
            dependencies: [
                "AccordEngine", "AccordPostgres", "PostgresTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "AccordProofTests",
            dependencies: [
                "AccordProof",
                "AccordLog",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        .testTarget(name: "AccordSystemdTests", dependencies: ["AccordSystemd"]),
        .testTarget(
            name: "AccordEndToEndTests",
            dependencies: [
                "AccordClient", "AccordAPI", "AccordDomain", "AccordLog", "AccordProof", "AccordTransparency",
                // The roles table's list of routes, which the fuzz test targets.
                "AccordServer",
                "PostgresTestSupport",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            exclude: ["Golden"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
