import AccordLog

extension LedgerEngine {
    /// For an engine on a read-only store that another process appends to (a standby on a PostgreSQL streaming
    /// replica): asks `currentHead` for the store's durable head now, reads the records after the published head
    /// through it, evolves the state with them and publishes them to queries and followers. Such an engine decides
    /// no command (its store refuses every append), so nothing else changes the state meanwhile; call it from one
    /// task. A failure is final, as a writer's is: `failure` is set and the daemon stops, to start on a fresh read.
    public func catchUp(_ currentHead: () async throws(LogError) -> ChainHead) async throws(EngineError) {
        do throws(EngineError) {
            let head: ChainHead
            do throws(LogError) {
                head = try await currentHead()
            } catch {
                throw EngineError.storage(error, "cannot read the head of \(store.location)")
            }
            let current = self.head
            guard head.position > current.position else { return }
            var start = Replay()
            (start.state, start.requests) = core.withLock { ($0.state, $0.requests) }
            // The replay notes each record's time in the as-of index, as a start does.
            start.asOf = published.withLock { $0.asOf }
            start.head = current
            let replayed = try await LedgerEngine.replay(store, through: head, after: start)
            core.withLock { core in
                core.state = replayed.state
                core.requests = replayed.requests
                core.nextPosition = replayed.head.position + 1
            }
            publish(
                first: current.position + 1,
                head: replayed.head,
                state: replayed.state,
                request: nil,
                replacingRequests: replayed.requests,
                replacingAsOf: replayed.asOf
            )
        } catch {
            core.withLock { $0.failure = $0.failure ?? error }
            throw error
        }
    }
}
