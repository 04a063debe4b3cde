import Foundation

extension DaemonProcess {
    /// A daemon on a new socket and data folder in `folder`, started with `configuration` as its `--config` file.
    static func configured(_ configuration: String, in folder: TemporaryFolder) throws -> DaemonProcess {
        let path = folder.file("accordd.json")
        try Data(configuration.utf8).write(to: URL(fileURLWithPath: path))
        return try DaemonProcess(
            socketPath: folder.file("accord.sock"),
            dataDirectory: folder.file("data"),
            extraArguments: ["--config", path]
        )
    }
}
