# Accord: `make run` starts the daemon in the foreground, `make test` runs every test.
SHELL := /bin/bash
export PATH := $(PATH):/opt/swift/usr/bin

PREFIX ?= /usr
DESTDIR ?=
# debug or release; `make install` builds release unless told otherwise.
CONFIGURATION ?= release
# A release install links the Swift runtime statically, so the binaries need no toolchain on the target host.
INSTALL_BUILD_FLAGS = $(if $(filter release,$(CONFIGURATION)),--static-swift-stdlib,)
BINDIR = $(PREFIX)/bin
UNITDIR = $(if $(filter /usr,$(PREFIX)),/lib/systemd/system,$(PREFIX)/lib/systemd/system)
SYSUSERSDIR = $(PREFIX)/lib/sysusers.d
DOCDIR = $(PREFIX)/share/doc/accord
MANDIR = $(PREFIX)/share/man
MANUALS = .build/plugins/GenerateManual/outputs
BASHCOMPLETIONDIR = $(PREFIX)/share/bash-completion/completions
ZSHCOMPLETIONDIR = $(PREFIX)/share/zsh/vendor-completions
FISHCOMPLETIONDIR = $(PREFIX)/share/fish/vendor_completions.d
ACCORDD_ARGS ?=

.PHONY: all deps build run test test-systemd install clean bench

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

## Only the systemd part: unit checks and the daemon under systemd in a private namespace (needs root).
test-systemd: deps
	scripts/systemd-sandbox/test-installed-units.sh

## Accord beside the raw disk, SQLite and PostgreSQL on this machine; writes the table into docs/performance.md.
bench: deps
	swift build -c release --scratch-path .build-release
	python3 scripts/bench.py

install: deps
	swift build -c $(CONFIGURATION) $(INSTALL_BUILD_FLAGS) --product accordd
	swift build -c $(CONFIGURATION) $(INSTALL_BUILD_FLAGS) --product accord
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(UNITDIR) $(DESTDIR)$(SYSUSERSDIR) $(DESTDIR)$(DOCDIR)/docs/decisions
	install -m 0755 .build/$(CONFIGURATION)/accordd .build/$(CONFIGURATION)/accord $(DESTDIR)$(BINDIR)/
	sed 's|/usr/bin/accordd|$(BINDIR)/accordd|' systemd/accordd.service > $(DESTDIR)$(UNITDIR)/accordd.service
	chmod 0644 $(DESTDIR)$(UNITDIR)/accordd.service
	install -m 0644 systemd/accordd.socket $(DESTDIR)$(UNITDIR)/
	install -m 0644 systemd/accord.sysusers $(DESTDIR)$(SYSUSERSDIR)/accord.conf
	install -m 0644 README.md systemd/accordd.json.example $(DESTDIR)$(DOCDIR)/
	install -m 0644 docs/*.md $(DESTDIR)$(DOCDIR)/docs/
	install -m 0644 docs/decisions/*.md $(DESTDIR)$(DOCDIR)/docs/decisions/
	install -d $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man8
	swift package plugin generate-manual --configuration $(CONFIGURATION) --section 1 >/dev/null
	install -m 0644 $(MANUALS)/accord/accord.1 $(DESTDIR)$(MANDIR)/man1/
	swift package plugin generate-manual --configuration $(CONFIGURATION) --section 8 >/dev/null
	install -m 0644 $(MANUALS)/accordd/accordd.8 $(DESTDIR)$(MANDIR)/man8/
	install -d $(DESTDIR)$(BASHCOMPLETIONDIR) $(DESTDIR)$(ZSHCOMPLETIONDIR) $(DESTDIR)$(FISHCOMPLETIONDIR)
	.build/$(CONFIGURATION)/accord --generate-completion-script bash > $(DESTDIR)$(BASHCOMPLETIONDIR)/accord
	.build/$(CONFIGURATION)/accord --generate-completion-script zsh > $(DESTDIR)$(ZSHCOMPLETIONDIR)/_accord
	.build/$(CONFIGURATION)/accord --generate-completion-script fish > $(DESTDIR)$(FISHCOMPLETIONDIR)/accord.fish

clean:
	swift package clean
