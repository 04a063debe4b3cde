/// The codes of an import that both the engine (which decides and appends) and the importers (`ImportError`, in
/// another module) report, defined once here, below both.
public enum ImportErrorCode {
    /// The ledger holds events, so an import, which loads only into an empty ledger, is refused.
    public static let ledgerNotEmpty = "import_ledger_not_empty"
    /// The imported records do not start at the ledger's next position.
    public static let outOfOrder = "import_out_of_order"
    /// An imported event breaks a rule of the domain: the ledger would have refused it as a command.
    public static let ruleBroken = "import_rule_broken"
    /// An import is under way or was interrupted: commands are refused until it is finished.
    public static let unfinished = "import_unfinished"
}
