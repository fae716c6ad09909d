#!/usr/bin/env bash
# How indexing and searching grow with the archive: for each size N, generate the benchmark
# corpus of N articles (../shared/tools/make-bench-corpus, cached in target/bench-data), index
# it from scratch with the release binary, and print one table row: wall time, articles/s,
# MB/s of input, peak RSS (with its anonymous part: the rest is index files mapped while
# merging, which the kernel can reclaim), index size, and the median of 50 runs of a whole
# `nachlese search` process per query. Then add 1,000 new articles to the largest index.
#
#   bash benches/scale.sh [N ...]          (default: 10000 100000 1000000)
#
# Needs ../shared beside the repository, python3 and GNU time (/usr/bin/time). The indexes
# are written to target/bench-data/scale-N/ and left there.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000 1000000)
tool=../shared/tools/make-bench-corpus
[ -e "$tool" ] || { echo "note: $tool is absent; nothing to measure" >&2; exit 0; }
[ -x /usr/bin/time ] || { echo "GNU time (/usr/bin/time) is needed" >&2; exit 1; }

# The binary's path depends on the target folder and on .cargo/config.toml: ask cargo.
bin=$(cargo build --release --quiet --bin nachlese --message-format=json | python3 -c '
import json, sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m.get("executable"):
        print(m["executable"])')
data=target/bench-data
mkdir -p "$data"
queries=("Putin Auto" "Regierung" "Verteidigungsminister Besuch" '"Europäischen Union"')

# Median wall time (ms) of 50 runs of a command, after 5 warm-up runs.
median_ms() {
    python3 - "$@" <<'EOF'
import subprocess, sys, time
cmd = sys.argv[1:]
for _ in range(5):
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
times = []
for _ in range(50):
    t = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times.append((time.perf_counter() - t) * 1000)
times.sort()
print(f"{times[len(times) // 2]:.1f}")
EOF
}

# Peak anonymous memory (kB) of a running process, sampled every 0.2 s until it ends.
watch_anon() {
    local pid=$1 peak=0 kb
    while kb=$(awk '/^RssAnon/ {print $2}' "/proc/$pid/status" 2>/dev/null); do
        [ -n "$kb" ] && [ "$kb" -gt "$peak" ] && peak=$kb
        sleep 0.2
    done
    echo "$peak"
}

printf '%-10s %9s %10s %7s %10s %10s %10s  %s\n' articles "index s" articles/s MB/s "peak RSS" "peak anon" "index MB" "search ms (median per query)"
for n in "${sizes[@]}"; do
    corpus=$data/bench-$n.jsonl
    [ -e "$corpus" ] || python3 "$tool" --docs "$n" --out "$corpus"
    index=$data/scale-$n
    rm -rf "$index"
    /usr/bin/time -f '%e %M' -o "$data/scale-$n.time" "$bin" index -q --index "$index" "$corpus" &
    sleep 0.1
    anon=$(watch_anon "$(pgrep -n -f "index -q --index $index")")
    wait
    read -r secs rss_kb < "$data/scale-$n.time"
    mb=$(du -sm "$corpus" | cut -f1)
    size=$(du -sm "$index" | cut -f1)
    lat=()
    for q in "${queries[@]}"; do
        lat+=("$(median_ms "$bin" search --index "$index" "$q")")
    done
    printf '%-10s %9.1f %10.0f %7.1f %9.0fM %9.0fM %10s  %s\n' "$n" "$secs" \
        "$(echo "$n / $secs" | bc -l)" "$(echo "$mb / $secs" | bc -l)" \
        "$(echo "$rss_kb / 1024" | bc -l)" "$(echo "$anon / 1024" | bc -l)" "$size" "${lat[*]}"
done

# 1,000 articles the largest index has not seen (another seed gives other ids).
largest=${sizes[-1]}
new=$data/scale-new-1000.jsonl
python3 "$tool" --docs 1000 --seed 4242 --out "$new"

start=$(date +%s.%N)
"$bin" index -q --index "$data/scale-$largest" "$new"
end=$(date +%s.%N)
printf '\nadding 1,000 new articles to the %s-article index: %.1f s\n' "$largest" "$(echo "$end - $start" | bc -l)"
"$bin" stats --index "$data/scale-$largest" | head -3
