# Applied by `make build-release` to the accord(1) page that swift-argument-parser generates: its synopsis puts
# "subcommand" before the options and --version and --help among them; its EXIT STATUS is generic. The page keeps
# its own options and commands; docs/man/accord.1.sections is appended in place of EXIT STATUS.
/^\.Sh SYNOPSIS$/,/^\.Sh DESCRIPTION$/{
/^\.Ar subcommand$/d
/^\.Op Fl -version$/d
/^\.Op Fl -help$/d
/^\.Sh DESCRIPTION$/i .Ar command\n.Op Ar argument ...\n.Nm\n.Op Fl -version | Fl -help
}
/^\.Sh "EXIT STATUS"$/,$d
