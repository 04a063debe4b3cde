import AccordProof

/// What a witness checks before it cosigns: the new checkpoint is the log's, and it extends the last one this
/// witness cosigned (same root at the same size, a valid consistency proof to a larger size, never smaller).
public enum WitnessCheck {
    /// Throws `witness_refused`, saying why, if `new` must not be cosigned. `proof` is the consistency proof from
    /// the cosigned size to `new.size` (unused when there is nothing to compare with).
    public static func check(_ new: Checkpoint, state: WitnessState, proof: [TreeHash]) throws(TransparencyError) {
        guard let (size, root) = state.cosigned else { return }
        if new.size < size {
            throw refused(
                "the log's latest checkpoint has \(new.size) records, but this witness already cosigned \(size): "
                    + "the log was rolled back (records \(new.size + 1) to \(size) are gone)"
            )
        }
        if new.size == size {
            guard new.root == root else {
                throw refused(
                    "the log's checkpoint of \(size) records has root \(new.root.base64), but this witness "
                        + "cosigned root \(root.base64) for that size: the log forked (a record was rewritten)"
                )
            }
            return
        }
        do {
            try ConsistencyProof.verify(
                oldSize: size,
                newSize: new.size,
                oldRoot: root,
                newRoot: new.root,
                proof: proof
            )
        } catch {
            throw refused(
                "the log's checkpoint of \(new.size) records does not extend the one of \(size) records this witness "
                    + "cosigned (\(error)): the log forked or was rewritten"
            )
        }
    }

    static func refused(_ reason: String) -> TransparencyError {
        TransparencyError(code: TransparencyErrorCode.witnessRefused, message: "refused to cosign: \(reason)")
    }
}
