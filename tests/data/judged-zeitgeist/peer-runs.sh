#!/usr/bin/env bash
# Regenerates the stored peer runs (runs/{lucene,tantivy}-{or,and}.tsv) and nachlese's own
# pooled run (runs/nachlese.tsv) for a set of judged zeitgeist queries. Only ids and scores
# are stored: the article texts are the publishers' and must not enter the repository.
#
# Usage: tests/data/judged-zeitgeist/peer-runs.sh PEERS_COPY [NACHLESE_BIN] [SET]
#   PEERS_COPY   a writable copy of ../shared/peers (the harnesses build beside themselves)
#   NACHLESE_BIN defaults to target/x86_64-unknown-linux-gnu/release/nachlese
#   SET          the set's folder (queries.tsv, runs/); defaults to this script's,
#                tests/data/judged-zeitgeist-blind is the other
# Needs liblucene8-java and a tantivy-ref build (see PEERS_COPY/README.md).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
HERE="$(cd "${3:-$(dirname "${BASH_SOURCE[0]}")}" && pwd)"
PEERS="$(cd "$1" && pwd)"
BIN="${2:-$ROOT/target/x86_64-unknown-linux-gnu/release/nachlese}"
CORPUS="$ROOT/../shared/data/zeitgeist-de/articles.jsonl"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

tail -n +2 "$HERE/queries.tsv" | cut -f3 > "$WORK/queries.txt"
tail -n +2 "$HERE/queries.tsv" | cut -f1 > "$WORK/ids.txt"

# results.json of a harness -> query id, rank, article id, score.
to_tsv() {
  python3 - "$1" "$WORK/ids.txt" "$2" <<'PY'
import json, sys
res, ids, out = sys.argv[1:]
qids = [l.strip() for l in open(ids, encoding="utf-8")]
queries = json.load(open(res, encoding="utf-8"))["queries"]
assert len(queries) == len(qids), (len(queries), len(qids))
with open(out, "w", encoding="utf-8") as f:
    f.write("query\trank\tid\tscore\n")
    for qid, q in zip(qids, queries):
        for rank, (doc, score) in enumerate(q["top"][:10], 1):
            f.write(f"{qid}\t{rank}\t{doc}\t{score:.4f}\n")
PY
}

# `nachlese search --json` on stdin -> query id (argv[1]), rank, article id, score.
HITS='
import json, sys
qid = sys.argv[1]
for rank, hit in enumerate(json.load(sys.stdin)["hits"], 1):
    print(qid, rank, hit["id"], format(hit["score"], ".4f"), sep="\t")
'

for op in or and; do
  OP=$op REPEATS=1 WARMUP=0 "$PEERS/lucene/run.sh" "$CORPUS" "$WORK/queries.txt" "$WORK/lucene-$op" >/dev/null
  to_tsv "$WORK/lucene-$op/results.json" "$HERE/runs/lucene-$op.tsv"
  OP=$op REPEATS=1 WARMUP=0 "$PEERS/tantivy-ref/run.sh" "$CORPUS" "$WORK/queries.txt" "$WORK/tantivy-$op" >/dev/null
  to_tsv "$WORK/tantivy-$op/results.json" "$HERE/runs/tantivy-$op.tsv"
done

# One thread, as tests/judged.rs indexes: hits scoring alike keep the corpus order.
"$BIN" index --index "$WORK/idx" --threads 1 "$CORPUS" >/dev/null
{
  printf 'query\trank\tid\tscore\n'
  paste "$WORK/ids.txt" "$WORK/queries.txt" | while IFS=$'\t' read -r qid query; do
    # Exit status 1 means no hits (as with grep), which is an answer too.
    { "$BIN" search --index "$WORK/idx" -n 10 --json "$query" || [ $? -eq 1 ]; } |
      python3 -c "$HITS" "$qid"
  done
} > "$HERE/runs/nachlese.tsv"
