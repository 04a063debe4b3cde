import AccordLog

extension LedgerEngine {
    /// For an engine on a read-only store that another process appends to (a standby on a PostgreSQL streaming
    /// replica): asks `currentHead` for the store's durable head now, reads the records after the published head
    /// through it (the first must link to that head: `replay` refuses it otherwise), evolves the state with them and
    /// publishes them to queries and followers. Such an engine decides no command (its store refuses every append),
    /// so nothing else changes the state meanwhile; call it from one task. A failure leaves the published state as
    /// it was and is kept in `catchUpTrouble` until a catch-up succeeds; the caller decides whether to retry.
    public func catchUp(_ currentHead: () async throws(LogError) -> ChainHead) async throws(EngineError) {
        let current = self.head
        do throws(EngineError) {
            let head: ChainHead
            do throws(LogError) {
                head = try await currentHead()
            } catch {
                throw EngineError.storage(error, "cannot read the head of \(store.location)")
            }
            guard head.position > current.position else {
                catchUpTroubleState.withLock { $0 = nil }
                return
            }
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
                replacingAsOf: replayed.asOf
            )
            catchUpTroubleState.withLock { $0 = nil }
        } catch {
            let now = clock()
            catchUpTroubleState.withLock { trouble in
                trouble = CatchUpTrouble(
                    since: trouble?.since ?? now,
                    failedAttempts: (trouble?.failedAttempts ?? 0) + 1,
                    lastFailure: error,
                    servedHead: current
                )
            }
            throw error
        }
    }

    /// Set while a standby's catch-ups fail: it serves an older head than its replica may hold.
    public var catchUpTrouble: CatchUpTrouble? { catchUpTroubleState.withLock { $0 } }
}
