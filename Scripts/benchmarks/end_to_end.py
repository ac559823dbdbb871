#!/usr/bin/env python3
"""End-to-end benchmark: the whole pipeline (newswire run) on a generated corpus, against the
CPU limit measured on the same corpus in the same run.

    python3 Scripts/benchmarks/end_to_end.py [--sizes 10000,50000] [--sample 1000] [--cores N]
                                             [--timeout SECONDS] [--keep-failed DIR]

Builds nothing: the binaries are taken from $NEWSWIRE_BIN (default .build-release/release).
For each size COUNT:

1. generates COUNT pages with generate_corpus.py (--seed 7 --jobs 2) in a temporary folder;
2. the CPU limit: runs each stage in one-shot mode on an evenly spaced sample of that corpus
   (fetch --once DIR | normalize --once | extract --once | publish --once), takes each
   stage's CPU time (user + sys, os.wait4) minus its start-up cost (the same run on no input),
   divided by the articles; limit = cores / sum of the per-article CPU seconds (articles/s);
3. runs the real pipeline (fetch, normalize x2, extract x2, publish; free ports from a random
   base) with `newswire run FILE --exit-when-done`, sampling the resident memory (VmRSS) and
   CPU ticks of the supervisor and every descendant every 0.5 s;
4. reads the store (table article, storedAt) and fetch's journal (table delivery, firstSentAt,
   attempts) to get the stored count, latency p50/p99 (storedAt - firstSentAt) and re-sends.

Progress and a table go to standard error; one JSON object (the summary) to standard output.
Exit status 1 when a run failed (time-out, non-zero exit, articles missing); the failing run's
work directory is copied to /tmp (or --keep-failed) for inspection. Nothing is left behind
otherwise. A run never hangs: after its time-out the supervisor gets SIGTERM, then SIGKILL
(it and every descendant still alive).
"""

import argparse
import datetime as dt
import glob
import json
import os
import random
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
STAGES = ["fetch", "normalize", "extract", "publish"]
REPLICAS = {"fetch": 1, "normalize": 2, "extract": 2, "publish": 1}  # as in the pipeline file written below
REPORTED = STAGES + ["supervisor"]
TICKS = os.sysconf("SC_CLK_TCK")
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


def log(*parts):
    print(*parts, file=sys.stderr, flush=True)


# ------------------------------------------------------------------------------------------
# Processes
# ------------------------------------------------------------------------------------------

def cpu_seconds(ru):
    return ru.ru_utime + ru.ru_stime


def run_measured(argv, stdin_path=None, stdout_path=None, cwd=None, timeout=3600):
    """Runs argv to completion; returns (exit status, CPU seconds of it and its children, wall)."""
    stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
    stdout = open(stdout_path, "wb") if stdout_path else subprocess.DEVNULL
    err_path = (stdout_path or os.path.join(cwd or "/tmp", "out")) + ".stderr"
    stderr = open(err_path, "wb")
    try:
        start = time.monotonic()
        p = subprocess.Popen(argv, stdin=stdin, stdout=stdout, stderr=stderr, cwd=cwd)
        deadline = start + timeout
        while True:
            pid, status, ru = os.wait4(p.pid, os.WNOHANG)
            if pid:
                p.returncode = os.waitstatus_to_exitcode(status)
                return p.returncode, cpu_seconds(ru), time.monotonic() - start
            if time.monotonic() > deadline:
                p.kill()
                _, status, ru = os.wait4(p.pid, 0)
                p.returncode = os.waitstatus_to_exitcode(status)
                raise RuntimeError("%s timed out after %d s" % (" ".join(argv), timeout))
            time.sleep(0.02)
    finally:
        for f in (stdin, stdout, stderr):
            if hasattr(f, "close"):
                f.close()


def read_proc_table():
    """pid -> (ppid, utime + stime in ticks, start time) for every process we may read."""
    table = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % name, "rb") as f:
                data = f.read()
        except OSError:
            continue
        fields = data[data.rindex(b")") + 2:].split()
        table[int(name)] = (int(fields[1]), int(fields[11]) + int(fields[12]), int(fields[19]))
    return table


def descendants(root, table):
    children = {}
    for pid, (ppid, _, _) in table.items():
        children.setdefault(ppid, []).append(pid)
    out, todo = [], list(children.get(root, []))
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(children.get(pid, []))
    return out


def vm_rss_kb(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def identify(pid, root):
    """(stage, replica) of a process of the pipeline, from its command line."""
    if pid == root:
        return "supervisor", "supervisor"
    try:
        with open("/proc/%d/cmdline" % pid, "rb") as f:
            argv = [a.decode(errors="replace") for a in f.read().split(b"\0") if a]
    except OSError:
        return None
    if not argv:
        return None
    replica = None
    for i, a in enumerate(argv[:-1]):
        if a == "--replica":
            replica = argv[i + 1]
    base = os.path.basename(argv[0])
    stage = base[len("newswire-"):] if base.startswith("newswire-") else None
    if replica and stage is None:
        stage = replica.rsplit("-", 1)[0] if "-" in replica else replica
    stage = stage or base
    return stage, replica or "%s(%d)" % (stage, pid)


class Sampler:
    """Resident memory and CPU ticks of a process tree, sampled by the caller's loop."""

    def __init__(self, root):
        self.root = root
        self.ident = {}        # (pid, start time) -> (stage, replica)
        self.ticks = {}        # (pid, start time) -> last CPU ticks seen
        self.series = {}       # replica -> [(t, rss kB)]
        self.pids = {}         # replica -> set of pids seen (a restart shows as a new pid)
        self.alive = []        # [(pid, start time)] at the last sample

    def sample(self, t):
        table = read_proc_table()
        tree = [self.root] + descendants(self.root, table)
        alive = []
        for pid in tree:
            if pid not in table:
                continue
            key = (pid, table[pid][2])
            if key not in self.ident:
                who = identify(pid, self.root)
                if who is None:
                    continue
                self.ident[key] = who
            stage, replica = self.ident[key]
            rss = vm_rss_kb(pid)
            if rss is None:
                continue
            alive.append(key)
            self.ticks[key] = table[pid][1]
            self.series.setdefault(replica, []).append((t, rss))
            self.pids.setdefault(replica, set()).add(pid)
        self.alive = alive

    def stage_of(self, replica):
        for stage, r in self.ident.values():
            if r == replica:
                return stage
        return replica

    def summary(self):
        peak, replicas, growth, cpu = {}, {}, {}, {}
        for replica, s in self.series.items():
            stage = self.stage_of(replica)
            p = max(r for _, r in s) / 1024
            replicas.setdefault(stage, {})[replica] = round(p, 1)
            peak[stage] = max(peak.get(stage, 0), p)
            # Growth within the run: the largest RSS in the last fifth of this replica's samples
            # against the largest in its second fifth (after start-up and warm-up).
            n = len(s)
            if n >= 20:
                early = max(r for _, r in s[n // 5: 2 * n // 5])
                late = max(r for _, r in s[4 * n // 5:])
                g = late / early if early else None
                if g is not None and (stage not in growth or g > growth[stage]):
                    growth[stage] = round(g, 2)
        for key, ticks in self.ticks.items():
            stage = self.ident[key][0]
            cpu[stage] = cpu.get(stage, 0) + ticks / TICKS
        restarts_seen = {r: len(p) - 1 for r, p in self.pids.items() if len(p) > 1}
        return {"peakRssMB": {k: round(v, 1) for k, v in peak.items()}, "replicaPeakRssMB": replicas,
                "rssGrowthInRun": growth, "cpuSecondsSampled": {k: round(v, 1) for k, v in cpu.items()},
                "restartsSeen": restarts_seen}


# ------------------------------------------------------------------------------------------
# Corpus, CPU limit
# ------------------------------------------------------------------------------------------

def html_files(folder):
    out = []
    for d, _, names in os.walk(folder):
        out.extend(os.path.join(d, n) for n in names if n.lower().endswith((".html", ".htm", ".xhtml")))
    return sorted(out)


def generate(count, folder):
    t = time.monotonic()
    r = subprocess.run([sys.executable, os.path.join(HERE, "generate_corpus.py"), str(count), folder,
                        "--seed", "7", "--jobs", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if r.returncode != 0:
        raise RuntimeError("generate_corpus.py failed: %s" % r.stderr.strip()[-2000:])
    files = html_files(folder)
    size = sum(os.path.getsize(f) for f in files)
    log("   corpus: %s" % r.stdout.strip())
    return files, size


def count_lines(path):
    with open(path, "rb") as f:
        return sum(1 for _ in f)


def cpu_limit(bin_dir, files, sample_size, cores, work):
    """Per-article CPU seconds of each stage in one-shot mode on an evenly spaced sample."""
    os.makedirs(work)
    n = min(sample_size, len(files))
    sample = os.path.join(work, "sample")
    empty = os.path.join(work, "empty")
    os.makedirs(sample)
    os.makedirs(empty)
    for i in range(n):
        src = files[i * len(files) // n]
        shutil.copyfile(src, os.path.join(sample, "%05d-%s" % (i, os.path.basename(src))))

    def exe(name):
        return os.path.join(bin_dir, name)

    def step(stage, inp, out, extra, tag):
        argv = [exe("newswire-" + stage), "--once", "--dead-letter-file", os.path.join(work, "%s-%s-dead.jsonl" % (stage, tag))]
        argv += extra
        rc, cpu, wall = run_measured(argv, stdin_path=inp, stdout_path=out, cwd=work)
        if rc != 0:
            with open(out + ".stderr", errors="replace") as f:
                tail = f.read()[-1500:]
            raise RuntimeError("one-shot %s exited %d: %s" % (stage, rc, tail))
        return cpu, wall

    stages = {}
    inputs = {"fetch": None, "normalize": "f.jsonl", "extract": "n.jsonl", "publish": "e.jsonl"}
    outputs = {"fetch": "f.jsonl", "normalize": "n.jsonl", "extract": "e.jsonl", "publish": "p.jsonl"}
    for stage in STAGES:
        def extra(tag, folder):
            if stage == "fetch":
                return [folder]
            if stage == "publish":
                return ["--database", os.path.join(work, "%s.sqlite" % tag), "--export", os.path.join(work, "%s.jsonl" % tag)]
            return []
        # Start-up cost: the same program on no input (fetch: an empty folder).
        base_cpu, _ = step(stage, None, os.path.join(work, "empty-" + outputs[stage]), extra("empty", empty), "empty")
        inp = os.path.join(work, inputs[stage]) if inputs[stage] else None
        articles = count_lines(inp) if inp else n
        cpu, wall = step(stage, inp, os.path.join(work, outputs[stage]), extra("store", sample), "sample")
        per = max(cpu - base_cpu, 0) / max(articles, 1)
        stages[stage] = {"articles": articles, "cpuSeconds": round(cpu, 3), "startupCpuSeconds": round(base_cpu, 3),
                         "wallSeconds": round(wall, 3), "cpuMsPerArticle": round(per * 1000, 3)}
    out = count_lines(os.path.join(work, "p.jsonl"))
    total = sum(s["cpuMsPerArticle"] for s in stages.values()) / 1000
    limit = cores / total if total > 0 else float("inf")
    # Not the limit asked for, but what explains a low ratio: a stage with R replicas cannot go
    # faster than R / its CPU seconds per article, whatever the number of cores.
    bounds = {s: REPLICAS[s] * 1000 / v["cpuMsPerArticle"] for s, v in stages.items() if v["cpuMsPerArticle"] > 0}
    slowest = min(bounds, key=bounds.get) if bounds else None
    return {"sample": n, "publishOutputs": out, "stages": stages, "cpuMsPerArticle": round(total * 1000, 3),
            "cores": cores, "articlesPerSecond": round(limit, 1),
            "replicaBound": {"stage": slowest, "replicas": REPLICAS.get(slowest),
                             "articlesPerSecond": round(bounds[slowest], 1) if slowest else None}}


# ------------------------------------------------------------------------------------------
# The pipeline
# ------------------------------------------------------------------------------------------

def free_ports(count):
    for _ in range(200):
        base = random.randrange(20000, 50000 - count)
        socks = []
        try:
            for p in range(base, base + count):
                s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
                socks.append(s)
                s.bind(("127.0.0.1", p))
            return list(range(base, base + count))
        except OSError:
            continue
        finally:
            for s in socks:
                s.close()
    raise RuntimeError("no %d free consecutive ports found" % count)


def q(s):
    return json.dumps(str(s))


def pipeline_yaml(name, workdir, corpus, ports, window):
    addr = ["tcp://127.0.0.1:%d" % p for p in ports]
    ack, stories = addr[9], addr[10]
    db, export = os.path.join(workdir, "newswire.sqlite"), os.path.join(workdir, "articles.jsonl")
    return "\n".join([
        "# Written by Scripts/benchmarks/end_to_end.py: Pipelines/default.yaml on a generated corpus.",
        "name: %s" % q(name),
        "workdir: %s" % q(workdir),
        "acknowledgements: %s" % q(ack),
        "restart: { max-restarts: 5, healthy-after: 30 }",
        "links:",
        "  fetched:    { in: %s, out: %s, tap: %s }" % (q(addr[0]), q(addr[1]), q(addr[2])),
        "  normalized: { in: %s, out: %s, tap: %s }" % (q(addr[3]), q(addr[4]), q(addr[5])),
        "  extracted:  { in: %s, out: %s, tap: %s }" % (q(addr[6]), q(addr[7]), q(addr[8])),
        "stages:",
        "  - name: fetch",
        "    command: newswire-fetch",
        "    finite: true",
        "    output: fetched",
        "    args: [%s, --acknowledgements, %s, --window, %s]" % (q(corpus), q(ack), q(window)),
        "  - name: normalize",
        "    command: newswire-normalize",
        "    input: fetched",
        "    output: normalized",
        "    replicas: 2",
        "  - name: extract",
        "    command: newswire-extract",
        "    input: normalized",
        "    output: extracted",
        "    replicas: 2",
        "  - name: publish",
        "    command: newswire-publish",
        "    input: extracted",
        "    args: [--database, %s, --export, %s, --acknowledgements, %s, --stories, %s]" % (q(db), q(export), q(ack), q(stories)),
        "",
    ])


def journal_totals(path):
    if not os.path.exists(path):
        return {}
    try:
        con = sqlite3.connect("file:%s?mode=ro" % path, uri=True, timeout=2)
        try:
            return dict(con.execute("SELECT state, COUNT(*) FROM delivery GROUP BY state").fetchall())
        finally:
            con.close()
    except sqlite3.Error:
        return {}


def stop_tree(pid, sampler, grace=20):
    """SIGTERM to the supervisor; after `grace` seconds SIGKILL to it and every descendant left."""
    table = read_proc_table()
    known = [(p, table[p][2]) for p in [pid] + descendants(pid, table) if p in table]
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    deadline = time.monotonic() + grace
    status = ru = None
    while time.monotonic() < deadline:
        got, st, r = os.wait4(pid, os.WNOHANG)
        if got:
            status, ru = st, r
            break
        time.sleep(0.2)
    table = read_proc_table()
    for p, start in known + list(sampler.alive):
        if p in table and table[p][2] == start:  # the same process, not a reused pid
            try:
                os.kill(p, signal.SIGKILL)
            except ProcessLookupError:
                pass
    if status is None:
        _, status, ru = os.wait4(pid, 0)
    return status, ru


def left_over(sampler, wait=3):
    """Processes of the pipeline still alive after the supervisor exited (killed, and named)."""
    deadline = time.monotonic() + wait
    while True:
        table = read_proc_table()
        left = [(p, st) for p, st in sampler.alive if p != sampler.root and p in table and table[p][2] == st]
        if not left or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    for p, _ in left:
        try:
            os.kill(p, signal.SIGKILL)
        except ProcessLookupError:
            pass
    return [sampler.ident[k][1] for k in left]


def iso_seconds(s):
    return dt.datetime.fromisoformat(s.replace("Z", "+00:00")).timestamp()


def percentile(sorted_values, p):
    if not sorted_values:
        return None
    i = min(len(sorted_values) - 1, max(0, int(round(p / 100 * len(sorted_values) + 0.5)) - 1))
    return sorted_values[i]


def read_results(workdir):
    db = os.path.join(workdir, "newswire.sqlite")
    journal = os.path.join(workdir, "fetch-0-journal.sqlite")
    out = {"stored": None, "journal": {}, "sends": None, "latency": None}
    if os.path.exists(db):
        con = sqlite3.connect(db)
        try:
            out["stored"] = con.execute("SELECT COUNT(*) FROM article").fetchone()[0]
            out["stories"] = con.execute("SELECT COUNT(*) FROM story").fetchone()[0]
            if os.path.exists(journal):
                con.execute("ATTACH DATABASE ? AS j", (journal,))
                out["journal"] = dict(con.execute("SELECT state, COUNT(*) FROM j.delivery GROUP BY state").fetchall())
                out["sends"] = con.execute("SELECT COALESCE(SUM(attempts), 0) FROM j.delivery").fetchone()[0]
                rows = con.execute("""SELECT a.storedAt, d.firstSentAt FROM article a JOIN j.delivery d ON d.id = a.id
                                      WHERE d.state != 'duplicate' AND d.firstSentAt IS NOT NULL""").fetchall()
                lat = sorted(iso_seconds(s) - f for s, f in rows)
                if lat:
                    first_sent = min(f for _, f in rows)
                    last_stored = max(iso_seconds(s) for s, _ in rows)
                    out["latency"] = {"p50": round(percentile(lat, 50), 3), "p99": round(percentile(lat, 99), 3),
                                      "max": round(lat[-1], 3), "joined": len(lat)}
                    out["firstSentToLastStoredSeconds"] = round(last_stored - first_sent, 2)
                    out["firstSentAt"] = first_sent
        finally:
            con.close()
    dead = 0
    for f in glob.glob(os.path.join(workdir, "dead-letters", "*.jsonl")):
        dead += count_lines(f)
    out["deadLetters"] = dead
    try:
        with open(os.path.join(workdir, "run.json")) as f:
            report = json.load(f)
        out["restarts"] = {r["name"]: r["restarts"] for r in report.get("replicas", []) if r.get("restarts")}
        out["replicaStates"] = {r["name"]: r["state"] for r in report.get("replicas", [])}
    except (OSError, ValueError, KeyError):
        out["restarts"] = None
    return out


def run_pipeline(bin_dir, count, corpus, tmp, timeout, window):
    workdir = os.path.join(tmp, "work")
    os.makedirs(workdir)
    ports = free_ports(11)
    path = os.path.join(tmp, "pipeline.yaml")
    with open(path, "w") as f:
        f.write(pipeline_yaml("end-to-end-%d" % count, workdir, corpus, ports, window))
    console = os.path.join(tmp, "supervisor-console.log")
    argv = [os.path.join(bin_dir, "newswire"), "run", path, "--exit-when-done"]
    log("   pipeline: %s (ports %d-%d, time-out %d s)" % (" ".join(argv[1:]), ports[0], ports[-1], timeout))
    with open(console, "wb") as out:
        start_wall = time.time()
        start = time.monotonic()
        p = subprocess.Popen(argv, cwd=tmp, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT)
    sampler = Sampler(p.pid)
    journal = os.path.join(workdir, "fetch-0-journal.sqlite")
    timed_out, status, ru = False, None, None
    next_sample, next_progress = start, start + 15
    last_stored, last_change = -1, start
    try:
        while True:
            got, st, r = os.wait4(p.pid, os.WNOHANG)
            if got:
                status, ru = st, r
                break
            now = time.monotonic()
            if now >= next_sample:
                sampler.sample(now - start)
                next_sample += 0.5
            if now >= next_progress:
                totals = journal_totals(journal)
                stored = totals.get("stored", 0)
                if stored != last_stored:
                    last_stored, last_change = stored, now
                mem = sampler.summary()["peakRssMB"]
                log("   %6.0f s: stored %d/%d, pending %d, failed %d; peak RSS MB %s%s" % (
                    now - start, stored, count, totals.get("pending", 0), totals.get("failed", 0),
                    " ".join("%s %.0f" % (k, mem[k]) for k in REPORTED if k in mem),
                    "  (no progress for %.0f s)" % (now - last_change) if now - last_change > 30 else ""))
                next_progress += 15
            if now - start > timeout:
                timed_out = True
                log("   TIME-OUT after %d s: stopping the pipeline (SIGTERM, then SIGKILL)" % timeout)
                status, ru = stop_tree(p.pid, sampler)
                break
            time.sleep(0.05)
    except BaseException:
        stop_tree(p.pid, sampler, grace=5)
        raise
    wall = time.monotonic() - start
    p.returncode = os.waitstatus_to_exitcode(status)
    leftovers = left_over(sampler)
    res = read_results(workdir)
    res.update(sampler.summary())
    res.update({"exitStatus": p.returncode, "timedOut": timed_out, "wallSeconds": round(wall, 2),
                "pipelineCpuSeconds": round(cpu_seconds(ru), 1) if ru else None,
                "leftOverProcesses": leftovers, "workdir": workdir, "console": console})
    if res.get("firstSentAt"):
        res["startupSeconds"] = round(res.pop("firstSentAt") - start_wall, 2)
    return res


# ------------------------------------------------------------------------------------------
# Main
# ------------------------------------------------------------------------------------------

def keep_failed(tmp, count, keep_dir):
    dest = os.path.join(keep_dir, "newswire-e2e-failed-%d-%s" % (count, time.strftime("%Y%m%d-%H%M%S")))
    shutil.copytree(tmp, dest, ignore=shutil.ignore_patterns("corpus", "sample", "empty"), symlinks=True)
    return dest


def measure(bin_dir, count, args, cores):
    tmp = tempfile.mkdtemp(prefix="newswire-e2e-%d-" % count, dir="/tmp")
    result = {"count": count}
    try:
        log("==> end-to-end, %d articles (temporary folder %s)" % (count, tmp))
        corpus = os.path.join(tmp, "corpus")
        files, size = generate(count, corpus)
        result["corpusPages"] = len(files)
        result["corpusMB"] = round(size / 1e6, 1)
        limit = cpu_limit(bin_dir, files, args.sample, cores, os.path.join(tmp, "cpu"))
        result["cpuLimit"] = limit
        log("   CPU limit (one-shot, %d-page sample): %s per article -> %d cores / %.2f ms = %.1f articles/s" % (
            limit["sample"], ", ".join("%s %.2f ms" % (s, limit["stages"][s]["cpuMsPerArticle"]) for s in STAGES),
            cores, limit["cpuMsPerArticle"], limit["articlesPerSecond"]))
        b = limit["replicaBound"]
        if b["stage"]:
            log("   (with these replicas, %s (x%d) alone allows at most %.1f articles/s)" % (b["stage"], b["replicas"], b["articlesPerSecond"]))
        timeout = args.timeout or max(600, count * 0.048, 5 * count / max(limit["articlesPerSecond"], 1e-9))
        run = run_pipeline(bin_dir, count, corpus, tmp, int(timeout), args.window)
        result.update(run)
        rate = count / run["wallSeconds"]
        result["articlesPerSecond"] = round(rate, 1)
        if run.get("firstSentToLastStoredSeconds"):
            result["steadyArticlesPerSecond"] = round(count / run["firstSentToLastStoredSeconds"], 1)
        result["ratio"] = round(rate / limit["articlesPerSecond"], 3)
        if run["pipelineCpuSeconds"]:
            result["pipelineCpuMsPerArticle"] = round(run["pipelineCpuSeconds"] / count * 1000, 3)
            result["coreUtilisation"] = round(run["pipelineCpuSeconds"] / run["wallSeconds"] / cores, 3)
        accepted = sum(v for k, v in run["journal"].items() if k != "duplicate")
        if run["sends"] is not None and accepted:
            result["resends"] = run["sends"] - accepted
            result["resendRatio"] = round((run["sends"] - accepted) / accepted, 4)
        problems = []
        if run["timedOut"]:
            problems.append("timed out after %d s" % int(timeout))
        if run["exitStatus"] != 0:
            problems.append("newswire run exited with status %d" % run["exitStatus"])
        if run["stored"] != len(files):
            problems.append("STORED %s OF %d ARTICLES" % (run["stored"], len(files)))
        if run["journal"].get("pending") or run["journal"].get("failed"):
            problems.append("journal: %s" % run["journal"])
        if run["leftOverProcesses"]:
            problems.append("processes left running after the supervisor exited (killed): %s" % run["leftOverProcesses"])
        if run["restarts"]:
            problems.append("restarts: %s" % run["restarts"])
        result["problems"] = problems
        result["ok"] = not [p for p in problems if not p.startswith("restarts")]
        if not result["ok"]:
            result["keptWorkdir"] = keep_failed(tmp, count, args.keep_failed)
        report_run(result)
    except Exception as e:  # a failure of one size is reported, the others still run
        result.update({"ok": False, "error": "%s: %s" % (type(e).__name__, e)})
        log("   FAILED: %s" % result["error"])
        if os.path.isdir(os.path.join(tmp, "work")):
            result["keptWorkdir"] = keep_failed(tmp, count, args.keep_failed)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if result.get("keptWorkdir"):
        log("   kept a copy of the run (work directory, pipeline, console log) in %s" % result["keptWorkdir"])
    for k in ("workdir", "console"):
        result.pop(k, None)
    return result


def fmt(v, spec="%.1f"):
    return "-" if v is None else spec % v


def report_run(r):
    lat = r.get("latency") or {}
    log("   wall %.1f s -> %.1f articles/s (steady %s), %.2f of the CPU limit; exit status %d" % (
        r["wallSeconds"], r["articlesPerSecond"], fmt(r.get("steadyArticlesPerSecond")), r["ratio"], r["exitStatus"]))
    log("   stored %s of %d%s; sends %s (re-send ratio %s); dead letters %d; journal %s; restarts %s" % (
        r["stored"], r["corpusPages"], "" if r["stored"] == r["corpusPages"] else "   <<< ARTICLES MISSING >>>",
        r.get("sends"), fmt(r.get("resendRatio"), "%.4f"), r["deadLetters"], r["journal"], r.get("restarts") or 0))
    log("   latency (storedAt - firstSentAt): p50 %s s, p99 %s s, max %s s" % (
        fmt(lat.get("p50"), "%.2f"), fmt(lat.get("p99"), "%.2f"), fmt(lat.get("max"), "%.2f")))
    log("   CPU in the pipeline: %s ms/article (one-shot %.2f), cores busy %s; per stage (s): %s" % (
        fmt(r.get("pipelineCpuMsPerArticle"), "%.2f"), r["cpuLimit"]["cpuMsPerArticle"],
        fmt(r.get("coreUtilisation") and r["coreUtilisation"] * 100, "%.0f%%"),
        " ".join("%s %.0f" % (k, r["cpuSecondsSampled"][k]) for k in REPORTED if k in r["cpuSecondsSampled"])))
    log("   peak RSS MB: %s" % "  ".join("%s %s" % (k, "/".join("%.0f" % v for _, v in sorted(r["replicaPeakRssMB"][k].items())))
                                         for k in REPORTED if k in r["replicaPeakRssMB"]))
    growth = {k: v for k, v in r.get("rssGrowthInRun", {}).items() if v > 1.2}
    if growth:
        log("   !!! resident memory still growing late in the run (last fifth / second fifth): %s" % growth)
    for p in r["problems"]:
        log("   !!! %s" % p)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10000,50000", help="corpus sizes, comma-separated (default 10000,50000)")
    ap.add_argument("--sample", type=int, default=1000, help="pages in the one-shot CPU sample (default 1000)")
    ap.add_argument("--cores", type=int, default=len(os.sched_getaffinity(0)),
                    help="cores for the CPU limit (default: this process's CPU affinity, %(default)s)")
    ap.add_argument("--timeout", type=float, default=None,
                    help="seconds per pipeline run (default max(600, 0.048 s x COUNT, 5 x COUNT / CPU limit))")
    ap.add_argument("--window", type=int, default=500, help="fetch's --window (default 500)")
    ap.add_argument("--keep-failed", default="/tmp", help="where a failing run's work directory is copied (default /tmp)")
    args = ap.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # clean up (pipeline, temporary folders) on SIGTERM
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    bin_dir = os.path.abspath(os.environ.get("NEWSWIRE_BIN") or os.path.join(ROOT, ".build-release", "release"))
    for name in ["newswire"] + ["newswire-" + s for s in STAGES]:
        if not os.access(os.path.join(bin_dir, name), os.X_OK):
            sys.exit("end_to_end.py: no %s in %s (build release first, or set NEWSWIRE_BIN)" % (name, bin_dir))

    runs = [measure(bin_dir, n, args, args.cores) for n in sizes]

    log("")
    log("   %8s %9s %9s %6s %7s %7s %8s %13s | peak RSS MB: %s" % (
        "articles", "rate/s", "limit/s", "ratio", "p50 s", "p99 s", "re-send", "stored", " ".join("%10s" % s for s in REPORTED)))
    for r in runs:
        lat = r.get("latency") or {}
        peak = r.get("peakRssMB", {})
        log("   %8d %9s %9s %6s %7s %7s %8s %13s | %s          %s" % (
            r["count"], fmt(r.get("articlesPerSecond")), fmt(r.get("cpuLimit", {}).get("articlesPerSecond")),
            fmt(r.get("ratio"), "%.2f"), fmt(lat.get("p50"), "%.2f"), fmt(lat.get("p99"), "%.2f"),
            fmt(r.get("resendRatio"), "%.4f"), "%s/%d" % (r.get("stored"), r["count"]),
            " ".join("%10s" % fmt(peak.get(s)) for s in REPORTED), "ok" if r["ok"] else "FAILED"))

    summary = {"benchmark": "end-to-end", "bin": bin_dir, "cores": args.cores, "sizes": sizes, "runs": runs,
               "goals": {"ratio": ">= 0.8", "rateScaling": "~1", "memoryFlatness": "~1"}}
    measured = [r for r in runs if r.get("articlesPerSecond")]
    if measured:
        summary["ratio"] = min(r["ratio"] for r in measured)
    if len(measured) >= 2:
        small, large = measured[0], measured[-1]
        summary["rateScaling"] = round(large["articlesPerSecond"] / small["articlesPerSecond"], 3)
        summary["memoryFlatness"] = {s: round(large["peakRssMB"][s] / small["peakRssMB"][s], 2)
                                     for s in REPORTED if s in large.get("peakRssMB", {}) and small.get("peakRssMB", {}).get(s)}
        log("   rate at %d / rate at %d: %.2f (goal ~1); peak RSS at %d / at %d: %s (goal ~1)" % (
            large["count"], small["count"], summary["rateScaling"], large["count"], small["count"],
            ", ".join("%s %.2f" % kv for kv in summary["memoryFlatness"].items())))
    if measured:
        log("   end-to-end rate / CPU limit: %s (goal >= 0.8)" % ", ".join("%.2f at %d" % (r["ratio"], r["count"]) for r in measured))
    summary["ok"] = all(r["ok"] for r in runs)
    if not summary["ok"]:
        log("   !!! FAILED: %s" % "; ".join("%d: %s" % (r["count"], r.get("error") or ", ".join(r.get("problems", [])))
                                           for r in runs if not r["ok"]))
    print(json.dumps(summary, separators=(",", ":")))
    return 0 if summary["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
