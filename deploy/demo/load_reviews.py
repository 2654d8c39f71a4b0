#!/usr/bin/env python3
"""Records the demo projects' supervision reviews (reviews.csv, written by projects_demo_data.py) in a
running projects service, through POST /api/v1/projects/{id}/reviews: the import has no review column.

reviews.csv dates each review in days before the day of loading, so that the overdue-reviews report of
that day lists some projects and not others. Safe to repeat: a project that already has a review is
left alone, so a second run records nothing (and the reviews keep the dates of the first load: as the
days pass without reviews, more projects fall overdue, as they would).
"""
import csv
import datetime
import json
import os
import sys
import urllib.error
import urllib.request

BASE = os.environ.get("INNOREG_PROJECTS_URL", "http://127.0.0.1:8082")
HERE = os.path.dirname(os.path.abspath(__file__))
HEADERS = {"Content-Type": "application/json"}
if os.environ.get("INNOREG_TOKEN"):
    HEADERS["Authorization"] = "Bearer " + os.environ["INNOREG_TOKEN"]


def projects():
    """(regionCode, name) -> (id, lastReviewedOn) of every project, from the JSON-lines export."""
    request = urllib.request.Request(BASE + "/api/v1/projects/export?format=jsonl",
                                     headers={**HEADERS, "Accept": "application/jsonl"})
    with urllib.request.urlopen(request, timeout=60) as response:
        rows = [json.loads(line) for line in response.read().decode("utf-8").splitlines() if line.strip()]
    return {(p["regionCode"], p["name"]): (p["id"], p.get("lastReviewedOn")) for p in rows}


def review(project_id, body):
    request = urllib.request.Request(BASE + "/api/v1/projects/%s/reviews" % project_id,
                                     data=json.dumps(body, ensure_ascii=False).encode("utf-8"),
                                     method="POST", headers=HEADERS)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, None
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


def main():
    today = datetime.date.today()
    with open(os.path.join(HERE, "reviews.csv"), encoding="utf-8", newline="") as f:
        wanted = list(csv.DictReader(f))
    known = projects()
    recorded, skipped, missing = 0, set(), set()
    for row in wanted:  # each project's reviews come latest first
        key = (row["regionCode"], row["name"])
        if key not in known:
            missing.add(key)
            continue
        project_id, last_reviewed = known[key]
        if last_reviewed is not None and key not in skipped:
            skipped.add(key)
        if key in skipped:
            continue
        reviewed_on = today - datetime.timedelta(days=int(row["daysBeforeLoad"]))
        status, problem = review(project_id, {"reviewedOn": reviewed_on.isoformat(), "reviewer": row["reviewer"],
                                              "summary": row["summary"]})
        if status != 200:
            print("[demo] review of %s/%s: %d %s" % (key[0], key[1], status, problem), file=sys.stderr)
            sys.exit(1)
        recorded += 1
    if missing:
        print("[demo] reviews.csv names %d projects the service does not have (import projects.csv first): %s"
              % (len(missing), sorted(missing)[:3]), file=sys.stderr)
        sys.exit(1)
    print("[demo] reviews.csv: %d reviews recorded, %d projects already reviewed left alone" % (recorded, len(skipped)))


if __name__ == "__main__":
    main()
