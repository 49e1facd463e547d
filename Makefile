# Pedigree — build, demo, test, bench, conformance.
SWIFT ?= swift
SHARED ?= ../shared
DEMO_SAMPLE ?= Samples/hf-finetune-stack
BIN_DEBUG := .build/debug/pedigree

.PHONY: all build deps demo test test-asan bench conformance fuzz clean

all: build

# The system C libraries Pedigree links (libxml2, libyaml; libsqlite3 through GRDB), found through pkg-config;
# and PostgreSQL's server programs, which the store's tests run as a throwaway cluster (Debian: /usr/lib/postgresql/N/bin).
deps:
	@if command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then :; else \
	  echo "pedigree: PostgreSQL (initdb, pg_ctl) not found; installing postgresql for the store's tests"; \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; \
	  elif command -v sudo >/dev/null 2>&1; then sudo apt-get update -qq && sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; \
	  else echo "pedigree: without PostgreSQL the store's PostgreSQL tests are skipped ('apt-get install -y postgresql' as root runs them)"; fi; \
	fi
	@if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists libxml-2.0 yaml-0.1 sqlite3; then :; else \
	  echo "pedigree: libxml2/libyaml/libsqlite3 development files not found; installing libxml2-dev libyaml-dev libsqlite3-dev pkg-config"; \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq libxml2-dev libyaml-dev libsqlite3-dev pkg-config; \
	  elif command -v sudo >/dev/null 2>&1; then sudo apt-get update -qq && sudo apt-get install -y -qq libxml2-dev libyaml-dev libsqlite3-dev pkg-config; \
	  else echo "pedigree: run 'apt-get install -y libxml2-dev libyaml-dev libsqlite3-dev pkg-config' as root, then retry"; exit 1; fi; \
	fi

build: deps
	$(SWIFT) build --product pedigree

demo: build
	$(BIN_DEBUG) audit $(DEMO_SAMPLE) ; status=$$?; [ $$status -le 1 ] || exit $$status

test: deps
	$(SWIFT) test --disable-xctest

test-asan: deps
	$(SWIFT) test --sanitize address --disable-xctest

bench: deps
	$(SWIFT) build -c release --product pedigree-bench
	.build/release/pedigree-bench

conformance: build
	@if [ ! -d "$(SHARED)/corpus" ]; then echo "conformance: $(SHARED)/corpus not found, skipped"; exit 0; fi; \
	$(SWIFT) build -c release --product pedigree-conformance && .build/release/pedigree-conformance "$(SHARED)/corpus"

# libFuzzer with AddressSanitizer over every input kind in turn, FUZZ_SECONDS each (its own build folder,
# so the normal build is untouched; the first run is a full rebuild). Fails on any finding.
FUZZ_SECONDS ?= 60
FUZZ_KINDS ?= json xml rdf yaml manifest tag-value card gguf policy expression
# Optimised (-O), as AddressSanitizer builds of the whole package need to be; the toolchain is checked first.
fuzz: deps
	@Scripts/fuzz.sh --check-toolchain
	$(SWIFT) build -c debug --build-path .build-fuzz --product pedigree-fuzz -Xswiftc -O \
	  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DPEDIGREE_FUZZ -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld
	Scripts/fuzz.sh .build-fuzz/debug/pedigree-fuzz $(FUZZ_SECONDS) $(FUZZ_KINDS)

clean:
	rm -rf .build .build-fuzz
