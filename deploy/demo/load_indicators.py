#!/usr/bin/env python3
"""Loads the seeds' targets and reported figures (indicators.json) into a running indicators service.

Safe to repeat: a cell with the same value is left unchanged, a target the plan already sets is a 409
that is reported and skipped.
"""
import json
import os
import sys
import urllib.error
import urllib.request

BASE = os.environ.get("INNOREG_INDICATORS_URL", "http://127.0.0.1:8083")
HERE = os.path.dirname(os.path.abspath(__file__))
HEADERS = {"Content-Type": "application/json"}
if os.environ.get("INNOREG_TOKEN"):
    HEADERS["Authorization"] = "Bearer " + os.environ["INNOREG_TOKEN"]


def call(method, path, body=None, headers=None):
    request = urllib.request.Request(BASE + path, data=None if body is None else json.dumps(body).encode(),
                                     method=method, headers={**HEADERS, **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.load(response), response.headers.get("ETag")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}"), None


def main():
    with open(os.path.join(HERE, "indicators.json"), encoding="utf-8") as f:
        demo = json.load(f)
    counts = {}
    for o in demo["observations"]:
        cell = "%s/observations/%s/%s" % (o["indicator"], o["region"], o["period"])
        body = {k: o[k] for k in ("value", "status", "source", "note") if k in o}
        # A cell already there is revised only with its ETag (If-Match); the same value changes nothing.
        _, _, etag = call("GET", "/api/v1/indicators/" + cell)
        status, answer, _ = call("PUT", "/api/v1/indicators/" + cell, body, {"If-Match": etag} if etag else None)
        if status not in (200, 201):
            print("[demo] observation %s: %d %s" % (cell, status, answer.get("detail")), file=sys.stderr)
        counts["observations %d" % status] = counts.get("observations %d" % status, 0) + 1
    for t in demo["targets"]:
        status, answer, _ = call("POST", "/api/v1/targets", t)
        if status not in (201, 409):
            print("[demo] target %s/%s: %d %s" % (t["indicator"], t["region"], status, answer), file=sys.stderr)
            sys.exit(1)
        counts["targets %d" % status] = counts.get("targets %d" % status, 0) + 1
    print("[demo] indicators.json: %s" % ", ".join("%s: %d" % kv for kv in sorted(counts.items())))


if __name__ == "__main__":
    main()
