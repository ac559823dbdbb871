#!/usr/bin/env python3
"""Scores story clustering against labelled events.

    score_stories.py --samples | --generated COUNT  [--bin DIR] [--work DIR] [--publish PATH]
                     [--threshold T ...] [--seed N]

Builds a labelled corpus (the sample pages with Scripts/benchmarks/score_stories_samples.json, or
COUNT pages from generate_corpus.py with the event of each page from its manifest), runs it through
the one-shot stages (fetch | normalize | extract, cached in the work folder), stores the extracted
articles with `newswire-publish --once` into a fresh SQLite store, and compares each article's
storyId with its event: pairwise and BCubed precision / recall / F1, stories vs events, the largest
story. With several --threshold values, one store per value (NEWSWIRE_STORY_THRESHOLD), to choose
the threshold on data.
"""
import argparse, collections, json, os, sqlite3, subprocess, sys, urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def sample_labels():
    with open(os.path.join(HERE, "score_stories_samples.json")) as f:
        events = json.load(f)["events"]
    return os.path.join(ROOT, "Pipelines", "samples"), {page: ev for ev, pages in events.items() for page in pages}


def generated_labels(count, seed, work):
    folder = os.path.join(work, "corpus-%d-%d" % (count, seed))
    manifest = os.path.join(folder, "manifest.json")
    if not os.path.exists(manifest):
        subprocess.run([sys.executable, os.path.join(HERE, "generate_corpus.py"), str(count), folder, "--seed", str(seed)],
                       check=True, stdout=sys.stderr)
    with open(manifest) as f:
        files = json.load(f)["files"]
    return folder, {f["file"]: f["event"] for f in files}


def extract(folder, bin_dir, out):
    """fetch | normalize | extract in one-shot mode, once per corpus."""
    if os.path.exists(out):
        return
    exe = lambda n: os.path.join(bin_dir, "newswire-" + n)
    state = out + ".fetch-state.sqlite"
    if os.path.exists(state):
        os.remove(state)
    with open(out + ".partial", "wb") as sink:
        fetch = subprocess.Popen([exe("fetch"), "--once", "--state", state, folder], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        norm = subprocess.Popen([exe("normalize"), "--once", "--dead-letter-file", out + ".normalize-dead.jsonl"],
                                stdin=fetch.stdout, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        ext = subprocess.Popen([exe("extract"), "--once", "--dead-letter-file", out + ".extract-dead.jsonl"],
                               stdin=norm.stdout, stdout=sink, stderr=subprocess.DEVNULL)
        fetch.stdout.close(); norm.stdout.close()
        if ext.wait() or norm.wait() or fetch.wait():
            sys.exit("one-shot stages failed; see %s.*-dead.jsonl" % out)
    os.rename(out + ".partial", out)


def cluster(extracted, publish, database, threshold):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(database + suffix):
            os.remove(database + suffix)
    env = dict(os.environ)
    if threshold is not None:
        env["NEWSWIRE_STORY_THRESHOLD"] = str(threshold)
    with open(extracted, "rb") as inp:
        subprocess.run([publish, "--once", "--database", database, "--export", "", "--dead-letter-file", database + ".dead.jsonl"],
                       stdin=inp, stdout=subprocess.DEVNULL, env=env, check=True)
    db = sqlite3.connect(database)
    rows = db.execute("SELECT url, storyId FROM article").fetchall()
    db.close()
    return rows


def assignments(rows, folder, labels):
    """(event, story) per labelled article, matched through the file path in its URL."""
    prefix = os.path.realpath(folder) + "/"
    out = []
    for url, story in rows:
        path = urllib.parse.unquote(urllib.parse.urlparse(url).path)
        rel = path[len(prefix):] if path.startswith(prefix) else os.path.basename(path)
        if rel in labels:
            out.append((labels[rel], story))
    return out


def scores(pairs):
    by_event, by_story = collections.Counter(e for e, _ in pairs), collections.Counter(s for _, s in pairs)
    both = collections.Counter(pairs)
    n = len(pairs)
    # BCubed: per article, the share of its story that is its event, and of its event in its story.
    bp = sum(both[(e, s)] / by_story[s] for e, s in pairs) / n
    br = sum(both[(e, s)] / by_event[e] for e, s in pairs) / n
    pairs_of = lambda c: sum(k * (k - 1) // 2 for k in c.values())
    same_both, same_story, same_event = pairs_of(both), pairs_of(by_story), pairs_of(by_event)
    pp = same_both / same_story if same_story else 1.0
    pr = same_both / same_event if same_event else 1.0
    f = lambda p, r: 2 * p * r / (p + r) if p + r else 0.0
    return dict(articles=n, events=len(by_event), stories=len(by_story), largestStory=max(by_story.values()),
                largestEvent=max(by_event.values()), bcubed=dict(precision=bp, recall=br, f1=f(bp, br)),
                pairwise=dict(precision=pp, recall=pr, f1=f(pp, pr)))


def report(name, threshold, s):
    t = "default" if threshold is None else "%.3f" % threshold
    print("%-22s threshold %-7s articles %5d  events %4d  stories %4d  largest %4d (event max %d)  "
          "BCubed P %.3f R %.3f F1 %.3f  pairwise P %.3f R %.3f F1 %.3f"
          % (name, t, s["articles"], s["events"], s["stories"], s["largestStory"], s["largestEvent"],
             s["bcubed"]["precision"], s["bcubed"]["recall"], s["bcubed"]["f1"],
             s["pairwise"]["precision"], s["pairwise"]["recall"], s["pairwise"]["f1"]))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    which = ap.add_mutually_exclusive_group(required=True)
    which.add_argument("--samples", action="store_true", help="the 19 sample pages, labelled by hand")
    which.add_argument("--generated", type=int, metavar="COUNT", help="COUNT generated pages, labelled by their manifest")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--bin", default=os.path.join(ROOT, ".build", "debug"), help="folder of the newswire-* executables")
    ap.add_argument("--publish", help="newswire-publish to cluster with (default: the one in --bin)")
    ap.add_argument("--work", default="/tmp/newswire-score-stories")
    ap.add_argument("--threshold", type=float, action="append", help="story similarity threshold (repeat to sweep)")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON too")
    args = ap.parse_args()
    os.makedirs(args.work, exist_ok=True)
    if args.samples:
        name, (folder, labels) = "samples", sample_labels()
    else:
        name = "generated-%d" % args.generated
        folder, labels = generated_labels(args.generated, args.seed, args.work)
    extracted = os.path.join(args.work, "%s-%d-extracted.jsonl" % (name, args.seed))
    extract(folder, args.bin, extracted)
    publish = args.publish or os.path.join(args.bin, "newswire-publish")
    for threshold in args.threshold or [None]:
        rows = cluster(extracted, publish, os.path.join(args.work, "%s-stories.sqlite" % name), threshold)
        pairs = assignments(rows, folder, labels)
        if len(pairs) < len(rows):
            print("note: %d stored articles have no label" % (len(rows) - len(pairs)), file=sys.stderr)
        s = scores(pairs)
        report(name, threshold, s)
        if args.json:
            print(json.dumps(dict(corpus=name, threshold=threshold, **s)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
