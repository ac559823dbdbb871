#!/usr/bin/env python3
"""A Newswire stage written in Python: flags articles that mention watched keywords.

It shows what a plug-in needs and nothing more: the runtime flags every stage accepts
(--input, --output, --dead-letter-file, --metrics-file, --replica), the wire protocol (a JSON
header frame, a JSON body frame, an optional raw frame), a trace hop, dead letters with a
reason, counters in Prometheus text, and a clean drain on SIGTERM. It reads
`article.extracted`, adds `alerts` (the watched keywords each article mentions, with the
offsets in `text` where they occur) and passes the article on.

    pip install pyzmq
    keyword_alerts.py --input tcp://127.0.0.1:5622 --output tcp://127.0.0.1:5651 \
        --keywords strike,flood,evacuat

In a pipeline file:

    - name: alerts
      command: [python3, Pipelines/plugins/keyword_alerts.py]
      args: [--keywords, "strike,flood"]
      input: extracted
      output: alerted
"""
import argparse
import base64
import datetime
import json
import os
import re
import signal
import sys

import zmq

ACCEPTS = "article.extracted"
SCHEMAS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Sources", "NewswireWire", "Schemas")


def required_keys(kind):
    """The keys every body of `kind` has, from its wire schema (empty when not found)."""
    try:
        with open(os.path.join(SCHEMAS, kind + ".schema.json"), encoding="utf-8") as f:
            return json.load(f).get("required", [])
    except OSError:
        return []


REQUIRED = required_keys(ACCEPTS)


def now():
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def find_alerts(text, keywords):
    alerts = []
    for word in keywords:
        spans = [[m.start(), m.end()] for m in re.finditer(r"\b" + re.escape(word), text, re.IGNORECASE)]
        if spans:
            alerts.append({"keyword": word, "mentions": spans})
    return alerts


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--input", required=True)
    ap.add_argument("--output", required=True)
    ap.add_argument("--dead-letter-file")
    ap.add_argument("--metrics-file")
    ap.add_argument("--replica", default=str(os.getpid()))
    ap.add_argument("--keywords", default="strike,flood,fire,protest")
    args = ap.parse_args()
    keywords = [k.strip().lower() for k in args.keywords.split(",") if k.strip()]

    stopping = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
    signal.signal(signal.SIGINT, lambda *_: stopping.append(True))

    ctx = zmq.Context()
    pull = ctx.socket(zmq.PULL)
    pull.connect(args.input)
    push = ctx.socket(zmq.PUSH)
    push.setsockopt(zmq.LINGER, 10000)
    push.connect(args.output)
    dead = open(args.dead_letter_file, "a") if args.dead_letter_file else sys.stderr
    counts = {"in": 0, "out": 0, "failed": 0}

    def dead_letter(frames, header, reason):
        counts["failed"] += 1
        letter = {"stage": "alerts", "replica": args.replica, "error": reason, "failedAt": now(),
                  "header": header, "frames": [base64.b64encode(f).decode() for f in frames]}
        line = {"header": {"v": 1, "id": (header or {}).get("id", "unknown"), "kind": "dead.letter",
                           "created": now(), "trace": []}, "body": letter}
        dead.write(json.dumps(line) + "\n")
        dead.flush()

    def write_metrics():
        if not args.metrics_file:
            return
        labels = f'stage="alerts",replica="{args.replica}"'
        with open(args.metrics_file, "w") as f:
            f.write(f"newswire_messages_in_total{{{labels}}} {counts['in']}\n")
            f.write(f"newswire_messages_out_total{{{labels}}} {counts['out']}\n")
            f.write(f"newswire_messages_failed_total{{{labels}}} {counts['failed']}\n")

    def handle(frames):
        counts["in"] += 1
        received = now()
        if len(frames) not in (2, 3):
            return dead_letter(frames, None, f"expected 2 or 3 frames but got {len(frames)}")
        try:
            header = json.loads(frames[0])
            body = json.loads(frames[1])
        except ValueError as e:
            return dead_letter(frames, None, f"not JSON: {e}")
        if header.get("kind") != ACCEPTS:
            return dead_letter(frames, header, f"kind '{header.get('kind')}' is not accepted here (accepts: {ACCEPTS})")
        absent = [k for k in REQUIRED if k not in body]
        if absent:
            return dead_letter(frames, header, "body lacks required field(s) " + ", ".join(absent))
        if not isinstance(body.get("text"), str):
            return dead_letter(frames, header, "body has no 'text'")
        body["alerts"] = find_alerts(body["text"], keywords)
        absent = [k for k in REQUIRED if k not in body]
        if absent:   # never send on what the next stage could not read
            return dead_letter(frames, header, "output would lack " + ", ".join(absent))
        header["trace"] = header.get("trace", []) + [{"stage": "alerts", "replica": args.replica, "in": received, "out": now()}]
        push.send_multipart([json.dumps(header).encode(), json.dumps(body, ensure_ascii=False).encode()] + frames[2:])
        counts["out"] += 1

    poller = zmq.Poller()
    poller.register(pull, zmq.POLLIN)
    while not stopping:
        if poller.poll(200):
            while True:
                try:
                    handle(pull.recv_multipart(zmq.NOBLOCK))
                except zmq.Again:
                    break
        write_metrics()
    while True:  # drain what already arrived
        try:
            handle(pull.recv_multipart(zmq.NOBLOCK))
        except zmq.Again:
            break
    write_metrics()
    pull.close(0)
    push.close()
    ctx.term()


if __name__ == "__main__":
    main()
