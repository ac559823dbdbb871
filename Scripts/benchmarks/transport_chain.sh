#!/usr/bin/env bash
# Transport benchmark: the same 4-hop chain of no-op stages (source → hop1 → hop2 → hop3 → hop4 → sink,
# each hop its own process), built on the stage SDK (StageRunner) and directly on the ZeroMQ wrapper,
# in the same run, for 100 B, 1 KB and 10 KB bodies over ipc:// and tcp:// (loopback).
# Usage: Scripts/benchmarks/transport_chain.sh BIN_DIR   (BIN_DIR holds newswire-bench)
# Prints a table, then one JSON line: {"transportChain": [...], "goal1KB": ...}.
# CHAIN_MESSAGES_RAW / CHAIN_MESSAGES_SDK / CHAIN_TIMEOUT override the per-run message counts and timeout.
set -euo pipefail

bin_dir="${1:?usage: $0 BIN_DIR}"
bench="$bin_dir/newswire-bench"
[ -x "$bench" ] || { echo "no newswire-bench in $bin_dir" >&2; exit 1; }
raw_messages="${CHAIN_MESSAGES_RAW:-100000}"
sdk_messages="${CHAIN_MESSAGES_SDK:-50000}"
timeout_s="${CHAIN_TIMEOUT:-30}"

results=()
for transport in ipc tcp; do
  for size in 100 1024 10240; do
    for mode in raw sdk; do
      n=$raw_messages; [ "$mode" = sdk ] && n=$sdk_messages
      # The bench kills its hops itself past --timeout; the outer timeout is a last resort.
      out="$(timeout $((timeout_s + 15)) "$bench" chain --"$mode" --transport "$transport" --size "$size" \
               --messages "$n" --timeout "$timeout_s")" || { echo "chain --$mode $transport $size failed" >&2; exit 1; }
      results+=("$out")
    done
  done
done

python3 - "${results[@]}" <<'PY'
import json, sys
runs = [json.loads(a) for a in sys.argv[1:]]
by = {(r["transport"], r["bytes"], r["mode"]): r["messagesPerSecond"] for r in runs}
rows = []
print(f"{'transport':<9} {'body':>6} {'raw msgs/s':>12} {'sdk msgs/s':>12} {'sdk/raw':>8}")
for transport in ("ipc", "tcp"):
    for size in (100, 1024, 10240):
        raw, sdk = by[(transport, size, "raw")], by[(transport, size, "sdk")]
        label = {100: "100 B", 1024: "1 KB", 10240: "10 KB"}[size]
        print(f"{transport:<9} {label:>6} {raw:>12,.0f} {sdk:>12,.0f} {sdk / raw:>7.2f}x")
        rows.append({"transport": transport, "bytes": size, "rawMessagesPerSecond": round(raw),
                     "sdkMessagesPerSecond": round(sdk), "ratio": round(sdk / raw, 3)})
goal = min(r["ratio"] for r in rows if r["bytes"] == 1024)
print(f"goal: SDK >= 0.8x raw at 1 KB -> worst 1 KB ratio {goal:.2f}x ({'met' if goal >= 0.8 else 'not met'})")
print(json.dumps({"transportChain": rows, "hops": 4, "goal1KB": {"target": 0.8, "worstRatio": goal, "met": goal >= 0.8}},
                 sort_keys=True))
PY
