# Accord: `make run` starts the daemon in the foreground, `make test` runs every test.
SHELL := /bin/bash
export PATH := $(PATH):/opt/swift/usr/bin

PREFIX ?= /usr
DESTDIR ?=
# debug or release: what `make build-release` builds (release unless told otherwise) and `make install` installs.
CONFIGURATION ?= release
# A release build links the Swift runtime statically, so the binaries need no toolchain on the target host.
INSTALL_BUILD_FLAGS = $(if $(filter release,$(CONFIGURATION)),--static-swift-stdlib,)
# `make build-release` leaves here everything `make install` copies: binaries, man pages, completions.
STAGE = .build/stage-$(CONFIGURATION)
STAGED = $(addprefix $(STAGE)/,accordd accord accord.1 accordd.8 accord.bash _accord accord.fish)
BINDIR = $(PREFIX)/bin
# The folders systemd itself reads (pkg-config systemd), or the same under another PREFIX.
SYSTEMD_UNITDIR := $(or $(shell pkg-config --variable=systemdsystemunitdir systemd 2>/dev/null),/lib/systemd/system)
SYSTEMD_SYSUSERSDIR := $(or $(shell pkg-config --variable=sysusersdir systemd 2>/dev/null),/usr/lib/sysusers.d)
UNITDIR = $(if $(filter /usr,$(PREFIX)),$(SYSTEMD_UNITDIR),$(PREFIX)/lib/systemd/system)
SYSUSERSDIR = $(if $(filter /usr,$(PREFIX)),$(SYSTEMD_SYSUSERSDIR),$(PREFIX)/lib/sysusers.d)
DOCDIR = $(PREFIX)/share/doc/accord
MANDIR = $(PREFIX)/share/man
MANUALS = .build/plugins/GenerateManual/outputs
BASHCOMPLETIONDIR = $(PREFIX)/share/bash-completion/completions
ZSHCOMPLETIONDIR = $(PREFIX)/share/zsh/vendor-completions
FISHCOMPLETIONDIR = $(PREFIX)/share/fish/vendor_completions.d
ACCORDD_ARGS ?=

.PHONY: all deps build build-release run test test-systemd soak install uninstall clean bench

all: build

deps:
	@scripts/ensure-dependencies.sh

build: deps
	swift build

## Starts accordd in the foreground on its default places (per-user when not root). Ctrl-C stops it cleanly.
run: build
	exec .build/debug/accordd $(ACCORDD_ARGS)

## Every test: unit, log, engine, end-to-end with the real binaries, and the real-systemd sandbox test.
test: deps
	scripts/run-tests.sh

## Long runs of the crash, clean-stop and fuzz tests (1,000 SIGKILLs, 1,000 SIGTERMs, 100,000 hostile requests).
soak: deps
	swift build --build-tests
	ACCORD_CRASH_ITERATIONS=1000 ACCORD_CLEAN_STOP_ITERATIONS=1000 ACCORD_FUZZ_ITERATIONS=100000 \
		swift test --skip-build --filter 'CrashTests|CleanStopTests|FuzzTests'

## Only the systemd part: unit checks and the daemon under systemd in a private namespace (needs root).
test-systemd: deps
	scripts/systemd-sandbox/test-installed-units.sh

## Accord beside the raw disk, SQLite and PostgreSQL on this machine; writes the table into docs/performance.md.
bench: deps
	swift build -c release --scratch-path .build-release
	python3 scripts/bench.py

## Builds, as yourself, everything `make install` copies (CONFIGURATION=release by default) into $(STAGE).
build-release: deps
	swift build -c $(CONFIGURATION) $(INSTALL_BUILD_FLAGS) --product accordd
	swift build -c $(CONFIGURATION) $(INSTALL_BUILD_FLAGS) --product accord
	rm -rf $(STAGE)
	install -d $(STAGE)
	install -m 0755 .build/$(CONFIGURATION)/accordd .build/$(CONFIGURATION)/accord $(STAGE)/
	swift package plugin generate-manual --configuration $(CONFIGURATION) --section 1 >/dev/null
	sed -f docs/man/accord.1.sed $(MANUALS)/accord/accord.1 > $(STAGE)/accord.1
	cat docs/man/accord.1.sections >> $(STAGE)/accord.1
	swift package plugin generate-manual --configuration $(CONFIGURATION) --section 8 >/dev/null
	@# argument-parser gives every root command a "subcommand" in the synopsis and a "help" subcommand, and a
	@# generic EXIT STATUS; accordd has no subcommands: drop them and append its own sections.
	sed -e '/^\.Sh SYNOPSIS$$/,/^\.Sh /{/^\.Ar subcommand$$/d;}' -e '/^\.It Em help$$/,/^\.El$$/d' \
		-e '/^\.Sh "EXIT STATUS"$$/,$$d' $(MANUALS)/accordd/accordd.8 > $(STAGE)/accordd.8
	cat docs/man/accordd.8.sections >> $(STAGE)/accordd.8
	$(STAGE)/accord --generate-completion-script bash > $(STAGE)/accord.bash
	$(STAGE)/accord --generate-completion-script zsh > $(STAGE)/_accord
	$(STAGE)/accord --generate-completion-script fish > $(STAGE)/accord.fish

## Copies what `make build-release` built; it compiles nothing, so `sudo make install` runs no compiler as root.
install:
	@for file in $(STAGED); do \
		[ -e "$$file" ] || { echo "make install: $$file is missing: run 'make build-release' first, as yourself" >&2; exit 1; }; \
	done
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(UNITDIR) $(DESTDIR)$(SYSUSERSDIR) $(DESTDIR)$(DOCDIR)/docs/decisions
	install -m 0755 $(STAGE)/accordd $(STAGE)/accord $(DESTDIR)$(BINDIR)/
	sed 's|/usr/bin/accord|$(BINDIR)/accord|g' systemd/accordd.service > $(DESTDIR)$(UNITDIR)/accordd.service
	chmod 0644 $(DESTDIR)$(UNITDIR)/accordd.service
	install -m 0644 systemd/accordd.socket $(DESTDIR)$(UNITDIR)/
	install -m 0644 systemd/accord.sysusers $(DESTDIR)$(SYSUSERSDIR)/accord.conf
	install -m 0644 README.md systemd/accordd.json.example $(DESTDIR)$(DOCDIR)/
	install -m 0644 docs/*.md $(DESTDIR)$(DOCDIR)/docs/
	install -m 0644 docs/decisions/*.md $(DESTDIR)$(DOCDIR)/docs/decisions/
	install -d $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man8
	install -m 0644 $(STAGE)/accord.1 $(DESTDIR)$(MANDIR)/man1/
	install -m 0644 $(STAGE)/accordd.8 $(DESTDIR)$(MANDIR)/man8/
	install -d $(DESTDIR)$(BASHCOMPLETIONDIR) $(DESTDIR)$(ZSHCOMPLETIONDIR) $(DESTDIR)$(FISHCOMPLETIONDIR)
	install -m 0644 $(STAGE)/accord.bash $(DESTDIR)$(BASHCOMPLETIONDIR)/accord
	install -m 0644 $(STAGE)/_accord $(DESTDIR)$(ZSHCOMPLETIONDIR)/_accord
	install -m 0644 $(STAGE)/accord.fish $(DESTDIR)$(FISHCOMPLETIONDIR)/accord.fish

## Removes what `make install` put there (same PREFIX and DESTDIR). Keeps the ledger (/var/lib/accord), the
## configuration (/etc/accord) and the accord user: stop and disable the units first.
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/accordd $(DESTDIR)$(BINDIR)/accord
	rm -f $(DESTDIR)$(UNITDIR)/accordd.service $(DESTDIR)$(UNITDIR)/accordd.socket
	rm -f $(DESTDIR)$(SYSUSERSDIR)/accord.conf
	rm -rf $(DESTDIR)$(DOCDIR)
	rm -f $(DESTDIR)$(MANDIR)/man1/accord.1 $(DESTDIR)$(MANDIR)/man8/accordd.8
	rm -f $(DESTDIR)$(BASHCOMPLETIONDIR)/accord $(DESTDIR)$(ZSHCOMPLETIONDIR)/_accord
	rm -f $(DESTDIR)$(FISHCOMPLETIONDIR)/accord.fish

clean:
	swift package clean
