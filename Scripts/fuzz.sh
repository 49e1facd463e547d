#!/usr/bin/env bash
# Runs the libFuzzer build of pedigree-fuzz on every input kind in turn (`make fuzz`).
#
#   Scripts/fuzz.sh BINARY SECONDS KIND...
#
# Seeds come from Samples/ and Tests/Fixtures/ (chosen by name, up to 16 KiB each), dictionaries from
# Tests/Fuzz/. Each kind keeps its growing corpus under .build-fuzz/corpus/KIND and writes what it
# finds to .build-fuzz/findings/KIND/. Prints executions per second per kind; exits 1 when any kind
# found a crash, leak, timeout or memory blow-up, naming the reproducer.
#   Scripts/fuzz.sh --check-toolchain
#
# checks that the Swift toolchain can build for libFuzzer (its clang runtime holds libFuzzer, and lld
# is there to link it), saying what is missing.
set -u

if [ "${1:-}" = --check-toolchain ]; then
    swiftc=$(command -v swiftc) || { echo "make fuzz: swiftc not found on PATH" >&2; exit 1; }
    toolchain=$(dirname "$(dirname "$(readlink -f "$swiftc")")")
    runtime=$(ls "$toolchain"/lib/clang/*/lib/linux/libclang_rt.fuzzer-"$(uname -m)".a 2>/dev/null | head -1)
    if [ -z "$runtime" ]; then
        echo "make fuzz: the Swift toolchain in $toolchain has no libFuzzer runtime" \
            "(lib/clang/*/lib/linux/libclang_rt.fuzzer-$(uname -m).a); -sanitize=fuzzer needs a swift.org toolchain on Linux" >&2
        exit 1
    fi
    if [ ! -x "$toolchain/bin/ld.lld" ] && ! command -v ld.lld >/dev/null 2>&1; then
        echo "make fuzz: lld (ld.lld) not found in $toolchain/bin or on PATH; it links the libFuzzer build" >&2
        exit 1
    fi
    exit 0
fi

binary=$1 seconds=$2
shift 2
work=.build-fuzz
dictionaries=Tests/Fuzz

# The files a kind starts from, by name.
seeds_of() {
    case $1 in
        json) find Samples Tests/Fixtures -name '*.json' ;;
        xml) find Samples Tests/Fixtures -name '*.xml' ! -name '*.rdf.xml' ;;
        rdf) find Samples Tests/Fixtures \( -name '*.rdf.xml' -o -name '*.rdf' \) ;;
        yaml) find Samples Tests/Fixtures \( -name '*.spdx.yaml' -o -name '*.spdx.yml' \) ;;
        manifest) find Samples Tests/Fixtures -name 'pedigree.yaml' ;;
        tag-value) find Samples Tests/Fixtures \( -name '*.spdx' -o -name '*.tv' \) ;;
        card) find Samples Tests/Fixtures -name '*.md' -path '*huggingface*' -o -name '*.md' -path '*hub-readme*' ;;
        gguf) find Samples Tests/Fixtures -name '*.gguf' ;;
        policy) find Samples Tests/Fixtures -name '*policy*.yaml' -o -name '*policy*.yml' ;;
        expression) ;;
        *) echo "fuzz: unknown kind '$1'" >&2; return 1 ;;
    esac
}

dictionaries_of() {
    case $1 in
        json) echo json.dict spdx.dict ;;
        xml | rdf) echo xml.dict spdx.dict ;;
        *) echo spdx.dict ;;
    esac
}

failed=()
for kind in "$@"; do
    seeds=$work/seeds/$kind corpus=$work/corpus/$kind findings=$work/findings/$kind
    rm -rf "$seeds" && mkdir -p "$seeds" "$corpus" "$findings" || exit 1
    seed_files=$(seeds_of "$kind") || exit 1
    for file in $seed_files; do
        [ "$(wc -c <"$file")" -le 16384 ] && cp "$file" "$seeds/$(echo "$file" | tr / _)"
    done
    if [ "$kind" = expression ]; then
        n=0
        while IFS= read -r line; do n=$((n + 1)); printf '%s' "$line" >"$seeds/expression-$n"; done <"$dictionaries/expressions.txt"
    fi
    dictionary=$work/$kind.dict
    (cd "$dictionaries" && cat $(dictionaries_of "$kind")) >"$dictionary"
    log=$work/$kind.log
    PEDIGREE_FUZZ_KIND=$kind "$binary" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 -max_len=16384 \
        -print_final_stats=1 -artifact_prefix="$findings/" -dict="$dictionary" "$corpus" "$seeds" >"$log" 2>&1
    status=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    elapsed=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    printf 'fuzz %-10s %9s runs  %6s exec/s  %5s files in corpus  %s s\n' "$kind" "${runs:-?}" "${rate:-?}" \
        "$(ls "$corpus" | wc -l)" "${elapsed:-?}"
    if [ $status -ne 0 ]; then
        reproducer=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)
        grep -m1 -E '^SUMMARY|ERROR: libFuzzer|==ERROR' "$log" | sed 's/^/    /'
        echo "    reproducer: ${reproducer:-none written} (log $log)"
        echo "    replay: .build/debug/pedigree-fuzz $kind ${reproducer:-FILE}"
        failed+=("$kind")
    fi
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz: findings in ${failed[*]}"
    exit 1
fi
