#!/usr/bin/env python3
"""A Newswire command stage in plain Python (no ZeroMQ, no packages): keeps the articles in the
languages you want and tags each with its most frequent words.

`newswire command-stage` (which the pipeline file's `kind: command` starts) writes one
message per line on stdin — {"header": {...}, "body": {...}} — and reads exactly one answer
line per message on stdout:

  * a message (or a JSON array of messages): the outputs, sent on downstream;
  * {"drop": "why"}: the article stops here (recorded, so the run can still end);
  * {"error": "why"}: the message is rejected (a dead letter with that reason).

Input and output are checked against the wire schemas' required keys
(Sources/NewswireWire/Schemas), so a change of contract shows up as a clear rejection.

In a pipeline file (paths relative to the pipeline file's folder):

    - name: languages
      kind: command
      run: [python3, plugins/language_filter.py, --keep, en]
      accepts: [article.extracted]
      input: extracted
      output: filtered
"""
import argparse
import collections
import json
import os
import re
import sys

SCHEMAS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Sources", "NewswireWire", "Schemas")
STOPWORDS = set("""a an and are as at be been but by for from had has have he her his in is it its of on or
said says she that the their they this to was were which who will with would not more than after over""".split())


def required_keys(kind):
    """The keys the schema of `kind` says every body has (empty when the schema is not found)."""
    try:
        with open(os.path.join(SCHEMAS, kind + ".schema.json"), encoding="utf-8") as f:
            return json.load(f).get("required", [])
    except OSError:
        return []


def missing(body, keys):
    return [k for k in keys if k not in body]


def keywords(text, n=8):
    words = re.findall(r"[a-zà-ÿ]{4,}", text.lower())
    counts = collections.Counter(w for w in words if w not in STOPWORDS)
    return [w for w, _ in counts.most_common(n)]


def answer(line, keep, required):
    message = json.loads(line)
    header, body = message.get("header", {}), message.get("body", {})
    if header.get("kind") != "article.extracted":
        return {"error": f"takes article.extracted, got {header.get('kind')!r}"}
    absent = missing(body, required)
    if absent:
        return {"error": "input lacks required field(s) " + ", ".join(absent)}
    language = body.get("language") or "unknown"
    if keep and language not in keep:
        return {"drop": f"language {language!r} is not among {', '.join(sorted(keep))}"}
    body["keywords"] = keywords(body.get("text", ""))
    absent = missing(body, required)
    if absent:   # never send on what the next stage could not read
        return {"error": "output would lack " + ", ".join(absent)}
    return {"header": header, "body": body}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--keep", default="", help="comma-separated languages to keep (empty: keep all)")
    args = parser.parse_args()
    keep = {l for l in args.keep.split(",") if l}
    required = required_keys("article.extracted")
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            reply = answer(line, keep, required)
        except (ValueError, AttributeError) as e:
            reply = {"error": f"unreadable message: {e}"}
        sys.stdout.write(json.dumps(reply, ensure_ascii=False) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
