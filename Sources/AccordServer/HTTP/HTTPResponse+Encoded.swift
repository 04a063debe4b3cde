import NIOCore

extension HTTPResponse {
    /// The whole response as bytes, announcing `Connection: close`, for handlers that write beneath the HTTP encoder.
    func encodedForClosing() -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.writeString("HTTP/1.1 \(status.code) \(status.reasonPhrase)\r\n")
        for (name, value) in headers where name.lowercased() != "content-length" && name.lowercased() != "connection" {
            buffer.writeString("\(name): \(value)\r\n")
        }
        buffer.writeString("Content-Length: \(body.readableBytes)\r\nConnection: close\r\n\r\n")
        buffer.writeImmutableBuffer(body)
        return buffer
    }
}
