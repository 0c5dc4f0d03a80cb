# Normdesk's build and test entry points. `make run` opens the app; `make test` runs every test
# (Rust, UI, end to end under Xvfb) exactly as CI does (.ci/run).
#
# The cargo target directory is $CARGO_TARGET_DIR when set (CI and the team's machines use
# ~/.cache/normdesk-target so that builds are shared), else ./target.

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

TARGET_DIR := $(if $(CARGO_TARGET_DIR),$(CARGO_TARGET_DIR),$(CURDIR)/target)
# The binary the end-to-end tests drive: a debug build with the custom-protocol feature, so it
# serves the bundled ui/dist like a release build (see README "Tests" for why debug).
E2E_BIN := $(TARGET_DIR)/debug/normdesk-desktop
RELEASE_BIN := $(TARGET_DIR)/release/normdesk-desktop
# cargo test and the end-to-end binary both build with the desktop crate's custom-protocol
# feature, so they share one set of compiled dependencies instead of rebuilding Tauri between
# them. The feature embeds ui/dist at compile time, hence ui-dist before either.
CARGO_FEATURES := --features normdesk-desktop/custom-protocol

# What building and testing the Tauri app needs on Debian 12.
APT_PACKAGES := build-essential pkg-config curl wget file libwebkit2gtk-4.1-dev libxdo-dev \
  libssl-dev libayatana-appindicator3-dev librsvg2-dev xvfb xauth webkit2gtk-driver xdotool \
  imagemagick poppler-utils qpdf fonts-noto-cjk dbus-x11 sqlite3

# Prints "== <time> <what>" so CI logs show where the time goes.
phase = echo "== $$(date -u +%H:%M:%S) $(1)"

.PHONY: help
help:
	@echo "make run       build and open the desktop app on its default database"
	@echo "make test      every test: Rust (cargo test), UI (vitest, eslint), end to end (WebDriver, Xvfb)"
	@echo "make build     release desktop binary and CLI"
	@echo "make lint      cargo fmt --check, clippy -D warnings, eslint"
	@echo "make bench     the benchmarks: store, sync, drafts, app startup and draft open"
	@echo "make bindings  regenerate ui/src/bindings.ts from the Rust commands"
	@echo "make icons     regenerate icons/ from icons/icon.svg"
	@echo "make setup     install Debian packages (as root) and the UI's npm packages"

# ---------------------------------------------------------------------------------------------
# setup

.PHONY: setup setup-system
setup: setup-system ui/node_modules/.package-lock.json

# apt only runs when a package is missing, so a repeated setup takes a second.
setup-system:
	@missing=""; \
	for p in $(APT_PACKAGES); do \
	  [ "$$(dpkg-query -W -f='$${db:Status-Status}' "$$p" 2>/dev/null)" = installed ] || missing="$$missing $$p"; \
	done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" != 0 ]; then \
	  echo "Normdesk needs these Debian packages:$$missing"; \
	  echo "Install them, then run make again:"; \
	  echo "  sudo apt-get update && sudo apt-get install -y$$missing"; \
	  exit 1; \
	fi; \
	$(call phase,installing Debian packages:$$missing); \
	export DEBIAN_FRONTEND=noninteractive; \
	apt-get update -qq; \
	apt-get install -y -qq $$missing </dev/null
	@command -v node >/dev/null && [ "$$(node -p 'process.versions.node.split(".")[0]')" -ge 20 ] || \
	  { echo "Normdesk needs Node.js 20 or newer (node --version: $$(node --version 2>&1))"; exit 1; }

# npm ci writes node_modules/.package-lock.json: it is the stamp, newer than package-lock.json
# until the lock file changes.
ui/node_modules/.package-lock.json: ui/package-lock.json
	@$(call phase,npm ci in ui/)
	cd ui && npm ci --no-audit --no-fund
	touch $@

# ui/dist is rebuilt only when a UI source changed.
UI_SOURCES := $(shell find ui/src ui/public -type f 2>/dev/null) ui/index.html ui/package.json \
  $(wildcard ui/vite.config.* ui/tsconfig*.json)

.PHONY: ui-dist
ui-dist: setup ui/dist/index.html

ui/dist/index.html: $(UI_SOURCES) ui/node_modules/.package-lock.json
	@$(call phase,building the UI (ui/dist))
	cd ui && npm run build
	touch $@

# ---------------------------------------------------------------------------------------------
# run and build

.PHONY: run
run:
	@if [ -z "$${DISPLAY:-}" ] && [ -z "$${WAYLAND_DISPLAY:-}" ]; then \
	  echo "make run: there is no display (DISPLAY and WAYLAND_DISPLAY are empty)."; \
	  echo "On a machine without a screen, run it under a virtual one: xvfb-run -a make run"; \
	  exit 1; \
	fi
	@$(MAKE) ui-dist
	@$(call phase,building normdesk-desktop)
	cargo build -p normdesk-desktop $(CARGO_FEATURES)
	@$(call phase,starting Normdesk on $${NORMDESK_DB:-the default database})
	"$(E2E_BIN)"

.PHONY: build
build: ui-dist
	@$(call phase,release build of normdesk-desktop and the normdesk CLI)
	cargo build --release -p normdesk-desktop --features custom-protocol
	cargo build --release -p normdesk-cli
	@echo "built $(RELEASE_BIN) and $(TARGET_DIR)/release/normdesk"

# ---------------------------------------------------------------------------------------------
# tests

.PHONY: test test-rust test-ui test-e2e e2e-bin
# Every phase runs even when an earlier one fails (make -k), so one run reports all failures.
test: setup
	@$(MAKE) -k test-rust test-ui test-e2e || { $(call phase,FAILED: see the failing phase above); exit 1; }
	@$(call phase,all tests passed)

test-rust: ui-dist
	@$(call phase,cargo test --workspace)
	cargo test --workspace --no-fail-fast $(CARGO_FEATURES)

test-ui: setup
	@$(call phase,UI unit tests (vitest))
	cd ui && npm test
	@$(call phase,UI lint (eslint))
	cd ui && npm run lint

# One desktop binary per run, shared by every end-to-end test file. It is the one `cargo test`
# builds for src-tauri/tests/ (same features as the rest of the workspace's tests, so nothing is
# rebuilt after test-rust; `cargo build -p normdesk-desktop` would resolve features differently
# and recompile much of the Tauri stack).
e2e-bin: ui-dist
	@$(call phase,building normdesk-desktop for the end-to-end tests (debug + custom-protocol))
	cargo test --workspace $(CARGO_FEATURES) --no-run

# Starts its own X server (xvfb-run -a picks a free display) and its own D-Bus session, so the
# desktop services GTK and WebKit start over D-Bus end with the run. Screenshots go to
# tests/artifacts/.
test-e2e: e2e-bin
	@$(call phase,end-to-end tests (WebKitWebDriver under Xvfb))
	mkdir -p tests/artifacts
	NORMDESK_DESKTOP_BIN="$(E2E_BIN)" timeout 20m xvfb-run -a -s "-screen 0 1280x800x24" \
	  dbus-run-session -- node --test --test-concurrency=1 --test-reporter=tap tests/e2e/*.test.mjs

# ---------------------------------------------------------------------------------------------
# lint, bench, code generation

.PHONY: lint
lint: setup
	@$(call phase,cargo fmt --check)
	cargo fmt --all --check
	@$(call phase,cargo clippy -D warnings)
	cargo clippy --workspace --all-targets -- -D warnings
	@$(call phase,eslint)
	cd ui && npm run lint

.PHONY: bench
bench: setup
	cargo bench -p normdesk-core -p normdesk-sync -p normdesk-packet --benches
	@$(MAKE) bench-startup
	@$(MAKE) bench-draft-open

# App start to first list painted, against a bare Tauri window built the same way (release,
# custom-protocol, same configuration and embedded ui/dist): tests/bench/startup.mjs.
.PHONY: bench-startup
bench-startup: ui-dist
	@$(call phase,release build of normdesk-desktop and the bare-window baseline)
	cargo build --release -p normdesk-desktop --features custom-protocol --bin normdesk-desktop --example bare_window
	@$(call phase,startup benchmark (WebKitWebDriver under Xvfb))
	timeout 10m xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
	  node tests/bench/startup.mjs "$(RELEASE_BIN)" "$(TARGET_DIR)/release/examples/bare_window"

# Opening a 1 MB draft in the app, click to text, outline and counts painted, against opening a
# tiny draft in the same run: tests/bench/draftOpen.mjs (the drafts are seeded with the CLI).
.PHONY: bench-draft-open
bench-draft-open: ui-dist
	@$(call phase,release build of normdesk-desktop and the CLI)
	cargo build --release -p normdesk-desktop --features custom-protocol --bin normdesk-desktop -p normdesk-cli
	@$(call phase,draft open benchmark (WebKitWebDriver under Xvfb))
	timeout 10m xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
	  node tests/bench/draftOpen.mjs "$(RELEASE_BIN)" "$(TARGET_DIR)/release/normdesk"

# Rewrites ui/src/bindings.ts; `cargo test -p normdesk-desktop` fails while it is stale.
.PHONY: bindings
bindings:
	cargo run -p normdesk-desktop --example export_bindings

# Regenerates the icon set from icons/icon.svg with the Tauri CLI (an npm package in icons/).
.PHONY: icons
icons:
	cd icons && npm ci --no-audit --no-fund && rm -rf generated && npm run generate
	cd icons && cp generated/32x32.png generated/128x128.png generated/128x128@2x.png \
	  generated/icon.png generated/icon.ico generated/icon.icns . && rm -rf generated

# Fuzz the bundle reader (crates/normdesk-sync/src/read.rs) with cargo-fuzz (libFuzzer) on the
# stable toolchain; FUZZ_SECONDS bounds the run. New inputs go to fuzz/corpus (not committed).
.PHONY: fuzz
fuzz:
	command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	mkdir -p fuzz/corpus/bundle_reader
	# The machine's one stable toolchain runs libFuzzer's nightly-only flags with RUSTC_BOOTSTRAP.
	cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run bundle_reader corpus/bundle_reader seeds -- -max_total_time=$${FUZZ_SECONDS:-60} -rss_limit_mb=1024
