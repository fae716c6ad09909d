#!/usr/bin/env bash
# Runs one fuzz target for a while on stable Rust, seeded from fuzz/seeds/TARGET.
#
#   fuzz/run.sh TARGET [SECONDS] [extra libFuzzer flags...]
#
# Environment: SANITIZER (default address; `none` is faster), NO_BUILD=1 to run the binary
# already built in fuzz/target instead of `cargo fuzz run` (which rebuilds first).
set -euo pipefail
cd "$(dirname "$0")"
target=${1:?usage: fuzz/run.sh TARGET [SECONDS] [libFuzzer flags...]}
seconds=${2:-600}
shift $(( $# >= 2 ? 2 : 1 ))
sanitizer=${SANITIZER:-address}

mkdir -p "corpus/$target" "artifacts/$target"
cp -n seeds/"$target"/* "corpus/$target/" 2>/dev/null || true
flags=(-max_total_time="$seconds" -print_final_stats=1 -timeout=30 -rss_limit_mb=4096)
[[ -f "dicts/$target.dict" ]] && flags+=(-dict="dicts/$target.dict")

export RUSTC_BOOTSTRAP=1 # cargo fuzz passes -Z flags; this lets stable rustc take them
if [[ ${NO_BUILD:-} == 1 ]]; then
    triple=$(rustc -vV | sed -n 's/^host: //p')
    exec "target/$triple/release/$target" -artifact_prefix="artifacts/$target/" \
        "${flags[@]}" "$@" "corpus/$target"
fi
exec cargo fuzz run -s "$sanitizer" "$target" "corpus/$target" -- "${flags[@]}" "$@"
