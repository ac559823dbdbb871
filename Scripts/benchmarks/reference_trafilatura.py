"""Reference for the normalize benchmark: trafilatura on the same pages, one process."""
import json, os, sys, time
import trafilatura

folder = sys.argv[1]
rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 1
files = sorted(f for f in os.listdir(folder) if f.endswith(".html"))
pages = [open(os.path.join(folder, f), encoding="utf-8", errors="replace").read() for f in files]
best = float("inf")
for _ in range(rounds):
    start = time.perf_counter()
    for html in pages:
        trafilatura.extract(html)
    best = min(best, time.perf_counter() - start)
print(json.dumps({"tool": "trafilatura " + trafilatura.__version__, "pages": len(pages), "seconds": best,
                  "pagesPerSecond": len(pages) / best}))
