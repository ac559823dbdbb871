#!/usr/bin/env bash
# Fetch benchmark: `newswire-fetch --once` crawling generated news sites on a loopback server
# (newswire-bench serve-news: 20 virtual hosts hostK.bench with robots.txt, an RSS feed and ~5 KB
# article pages each, one OPML listing the feeds), against AsyncHTTPClient alone GETting the same
# pages with the same concurrency in the same run (newswire-bench http-get-rate). A second crawl of
# 10x the pages shows whether fetch's memory stays flat as the crawl grows.
# Usage: Scripts/benchmarks/fetch.sh [BIN_DIR]
#   BIN_DIR holds newswire-bench and newswire-fetch; without it both are built (release):
#   newswire-bench in .build-bench, newswire-fetch in .build-release.
# Prints a table, then one JSON line: {"fetch": …, "reference": …, "ratio": …, "large": …, "peakRSSRatio": …}.
# FETCH_HOSTS / FETCH_PAGES / FETCH_LARGE_PAGES / FETCH_CONCURRENCY / FETCH_TIMEOUT override
# 20 / 2000 / 20000 / 32 / 180 (seconds per crawl). NEWSWIRE_BUILD_LOCK: a file to hold (flock)
# while building, so builds sharing a machine run one at a time.
source "$(dirname "$0")/../lib/setup.sh"

hosts="${FETCH_HOSTS:-20}"
pages="${FETCH_PAGES:-2000}"
large_pages="${FETCH_LARGE_PAGES:-20000}"
concurrency="${FETCH_CONCURRENCY:-32}"
timeout_s="${FETCH_TIMEOUT:-180}"
work="$(mktemp -d)"
server_pid=""

# Stops the loopback server (if one runs) and removes the scratch files.
cleanup() {
  stop_server
  rm -rf "$work"
}
trap cleanup EXIT

# Runs a build, under flock when NEWSWIRE_BUILD_LOCK names a lock file.
build() {
  if [ -n "${NEWSWIRE_BUILD_LOCK:-}" ]; then flock "$NEWSWIRE_BUILD_LOCK" "$@"; else "$@"; fi
}

# Sets $bench and $fetch: from BIN_DIR, or freshly built.
find_binaries() {
  if [ -n "${1:-}" ]; then
    bench="$1/newswire-bench"; fetch="$1/newswire-fetch"
  else
    echo "   building newswire-bench (.build-bench) and newswire-fetch (.build-release), release" >&2
    build swift build -c release --product newswire-bench --scratch-path .build-bench >/dev/null
    build swift build -c release --product newswire-fetch --scratch-path .build-release >/dev/null
    bench="$NEWSWIRE_ROOT/.build-bench/release/newswire-bench"; fetch="$NEWSWIRE_ROOT/.build-release/release/newswire-fetch"
  fi
  [ -x "$bench" ] && [ -x "$fetch" ] || { echo "missing $bench or $fetch" >&2; exit 1; }
  local flag help k
  help="$("$fetch" --help 2>&1)"
  for flag in --once --state --host-delay --concurrency; do
    grep -q -- "$flag" <<<"$help" || { echo "this newswire-fetch has no $flag option (too old?)" >&2; exit 1; }
  done
  if grep -q -- --resolve-all-to <<<"$help"; then
    resolve_args=(--resolve-all-to 127.0.0.1)
  elif grep -q -- "--resolve " <<<"$help"; then   # one HOST=ADDRESS per bench host
    resolve_args=()
    for k in $(seq "$hosts"); do resolve_args+=(--resolve "host$k.bench=127.0.0.1"); done
  else
    echo "this newswire-fetch has neither --resolve-all-to nor --resolve (too old?)" >&2; exit 1
  fi
}

# Starts serve-news with $1 pages and sets $port once it listens (generating pages takes a moment).
start_server() {
  "$bench" serve-news --hosts "$hosts" --pages "$1" >"$work/serve.out" 2>"$work/serve.err" &
  server_pid=$!
  local i
  for i in $(seq 600); do
    port="$(awk '/^listening/ {print $2}' "$work/serve.out")"
    [ -n "$port" ] && return 0
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "serve-news did not start: $(cat "$work/serve.err")" >&2
  exit 1
}

stop_server() {
  [ -n "$server_pid" ] || return 0
  kill -TERM "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}

# Crawls the OPML once with newswire-fetch (every bench host resolved to 127.0.0.1); prints {"pages", "lines", "seconds", "pagesPerSecond", "peakRSSKB"}.
# GNU time reports the largest resident size among what it waited for: fetch (timeout is tiny).
run_fetch() {
  local expected="$1" label="$2" status=0 start end
  start="$(date +%s.%N)"
  /usr/bin/time -v -o "$work/time-$label.txt" \
    timeout --kill-after=10 "$timeout_s" \
    "$fetch" --once --state "$work/state-$label.sqlite" "${resolve_args[@]}" --host-delay 0 --host-concurrency 2 \
      --concurrency "$concurrency" "http://host1.bench:$port/feeds.opml" \
      >"$work/out-$label.jsonl" 2>"$work/fetch-$label.err" || status=$?
  end="$(date +%s.%N)"
  if [ "$status" -ne 0 ]; then
    echo "newswire-fetch ($label) exited with status $status; last lines of its stderr:" >&2
    tail -n 20 "$work/fetch-$label.err" >&2
    exit 1
  fi
  python3 - "$expected" "$(wc -l <"$work/out-$label.jsonl")" "$start" "$end" "$work/time-$label.txt" <<'PY'
import json, re, sys
expected, lines, start, end, time_file = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(time_file).read()).group(1))
seconds = end - start
print(json.dumps({"pages": expected, "lines": lines, "seconds": round(seconds, 3),
                  "pagesPerSecond": round(lines / seconds, 1), "peakRSSKB": rss}))
PY
}

[ -x /usr/bin/time ] || newswire_install_system_packages time
find_binaries "${1:-}"

echo "   $hosts hosts, $pages pages, concurrency $concurrency: reference (AsyncHTTPClient, best of 3), then newswire-fetch" >&2
start_server "$pages"
reference="$(timeout 120 "$bench" http-get-rate --port "$port" --hosts "$hosts" --pages "$pages" \
               --concurrency "$concurrency" --rounds 3)"
small="$(run_fetch "$pages" small)"
stop_server

echo "   $large_pages pages: newswire-fetch again, for its peak memory" >&2
start_server "$large_pages"
large="$(run_fetch "$large_pages" large)"
stop_server

python3 - "$reference" "$small" "$large" "$hosts" "$concurrency" <<'PY'
import json, sys
ref, small, large = (json.loads(a) for a in sys.argv[1:4])
hosts, concurrency = int(sys.argv[4]), int(sys.argv[5])
mb = lambda kb: kb / 1024
ratio = small["pagesPerSecond"] / ref["pagesPerSecond"]
rss_ratio = large["peakRSSKB"] / small["peakRSSKB"]
print(f"   {'run':<28} {'pages':>7} {'JSON lines':>10} {'seconds':>8} {'pages/s':>9} {'peak RSS':>9}")
print(f"   {'reference (AsyncHTTPClient)':<28} {ref['pages']:>7,} {'-':>10} {ref['seconds']:>8.2f} {ref['pagesPerSecond']:>9,.0f} {'-':>9}")
for name, r in (("newswire-fetch", small), ("newswire-fetch (large)", large)):
    print(f"   {name:<28} {r['pages']:>7,} {r['lines']:>10,} {r['seconds']:>8.2f} {r['pagesPerSecond']:>9,.0f} {mb(r['peakRSSKB']):>6.1f} MB")
print(f"   fetch {small['pagesPerSecond']:,.0f} vs reference {ref['pagesPerSecond']:,.0f} pages/s: ratio {ratio:.2f}x; "
      f"peak RSS {mb(small['peakRSSKB']):.1f} MB at {small['pages']:,} pages, {mb(large['peakRSSKB']):.1f} MB at "
      f"{large['pages']:,}: {rss_ratio:.2f}x (flat memory = close to 1x)")
missing = [r for r in (small, large) if r["lines"] != r["pages"]]
for r in missing:
    print(f"   FAILED: {r['lines']:,} JSON lines for {r['pages']:,} pages", file=sys.stderr)
print(json.dumps({"hosts": hosts, "concurrency": concurrency,
                  "fetch": {"pages": small["pages"], "seconds": small["seconds"], "pagesPerSecond": small["pagesPerSecond"],
                            "peakRSSMB": round(mb(small["peakRSSKB"]), 1)},
                  "reference": {"pages": ref["pages"], "seconds": round(ref["seconds"], 3),
                                "pagesPerSecond": round(ref["pagesPerSecond"], 1)},
                  "ratio": round(ratio, 3),
                  "large": {"pages": large["pages"], "seconds": large["seconds"], "pagesPerSecond": large["pagesPerSecond"],
                            "peakRSSMB": round(mb(large["peakRSSKB"]), 1)},
                  "peakRSSRatio": round(rss_ratio, 3),
                  "complete": not missing}, sort_keys=True))
sys.exit(1 if missing else 0)
PY
