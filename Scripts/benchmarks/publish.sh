#!/usr/bin/env bash
# Publish benchmark: articles stored and clustered per second as the store grows (at 1,000 and
# 100,000 stored articles: flat cost per article means the same rate at both), then the web
# API's latency (median, p99) under a steady loopback load, on SQLite and on PostgreSQL (a
# throw-away server on loopback, installed with apt-get when missing). The reference for the
# latency is the same server's /healthz at the same rate (the HTTP stack without the store).
# Usage: Scripts/benchmarks/publish.sh BIN_DIR   (BIN_DIR holds release newswire and newswire-bench)
# PUBLISH_SIZES / PUBLISH_MEASURE / PUBLISH_RATE / PUBLISH_SECONDS / PUBLISH_BACKENDS override
# 1000,100000 / 1000 / 300 / 10 / "sqlite postgres".
source "$(dirname "$0")/../lib/setup.sh"
source "$(dirname "$0")/../lib/postgres.sh"

bin="$1"
sizes="${PUBLISH_SIZES:-1000,100000}"
measure="${PUBLISH_MEASURE:-1000}"
rate="${PUBLISH_RATE:-300}"
seconds="${PUBLISH_SECONDS:-10}"
backends="${PUBLISH_BACKENDS:-sqlite postgres}"
work="$(mktemp -d)"
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  rm -rf "$work"
  newswire_stop_postgres
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

summary="{}"
for backend in $backends; do
  if [ "$backend" = postgres ]; then
    [ -n "${NEWSWIRE_TEST_POSTGRES:-}" ] || newswire_start_postgres
    trap cleanup EXIT
    psql -q "$NEWSWIRE_TEST_POSTGRES" -c "CREATE DATABASE newswire_bench_$$" >/dev/null
    db="${NEWSWIRE_TEST_POSTGRES%/*}/newswire_bench_$$"
  else
    db="$work/newswire.sqlite"
  fi
  echo "   $backend: filling to $sizes articles (timing $measure at each size)…" >&2
  s="$("$bin/newswire-bench" store-rate --database "$db" --sizes "$sizes" --measure "$measure")"
  port="$(free_port)"
  "$bin/newswire" serve --database "$db" --port "$port" >"$work/serve.log" 2>&1 &
  server=$!
  python3 - "$port" <<'PY' || { cat "$work/serve.log" >&2; exit 1; }
import sys, time, urllib.request
for _ in range(300):
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/healthz", timeout=1); sys.exit(0)
    except Exception:
        time.sleep(0.1)
sys.exit("newswire serve did not answer on port " + sys.argv[1])
PY
  l="$("$bin/newswire-bench" api-latency --port "$port" --rate "$rate" --seconds "$seconds")"
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
  python3 - "$backend" "$s" "$l" <<'PY'
import json, sys
backend, s, l = sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3])
rates = s["rates"]; sizes = sorted(rates, key=int)
print(f"   {backend}: " + ", ".join(f"{rates[k]:,.0f} articles/s at {int(k):,} stored" for k in sizes)
      + f" (ratio {rates[sizes[-1]] / rates[sizes[0]]:.2f}x from {int(sizes[0]):,} to {int(sizes[-1]):,}; {s['stories']:,} stories for {s['events']:,} events)")
a, h = l["api"], l["healthz"]
print(f"   {backend} API at {l['rate']} req/s over {l['routes']} routes: p50 {a['p50Ms']:.2f} ms, p99 {a['p99Ms']:.2f} ms"
      f" ({a['failures']} failed) vs /healthz p50 {h['p50Ms']:.2f} ms, p99 {h['p99Ms']:.2f} ms: p99 ratio {a['p99Ms'] / max(h['p99Ms'], 1e-6):.1f}x")
PY
  summary="$(python3 -c 'import json,sys; d=json.loads(sys.argv[1]); d[sys.argv[2]]={"store":json.loads(sys.argv[3]),"latency":json.loads(sys.argv[4])}; print(json.dumps(d))' "$summary" "$backend" "$s" "$l")"
done
echo "$summary"
