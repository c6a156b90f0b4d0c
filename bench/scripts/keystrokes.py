#!/usr/bin/env python3
"""Times every search a person types for the 200 most downloaded models, one client, one at a time.

usage: keystrokes.py BASE_URL OUT.tsv   (e.g. http://127.0.0.1:8080 against the load store)

Each name (without its organisation) is typed up to its 14th character, as HttpLoad's clients do;
each distinct prefix is asked once to warm it (a broad answer is then kept), then three times,
and the median of the three is kept. Prints the count, median, p90, max and sum of the exact
answers (an exact total) and of the capped ones, and writes one line per prefix:
ms, total, capped, prefix.
"""
import json
import sys
import time
import urllib.parse
import urllib.request

TYPED = 14


def get(base, path):
    start = time.perf_counter()
    body = urllib.request.urlopen(base + path).read()
    return (time.perf_counter() - start) * 1000, json.loads(body)


def summary(label, rows):
    times = sorted(r[0] for r in rows)
    if times:
        print("%s: %d, median %.1f ms, p90 %.1f, max %.1f, sum %.0f" % (
            label, len(times), times[len(times) // 2], times[int(len(times) * 0.9)], times[-1], sum(times)))


def main(base, out):
    _, top = get(base, "/api/models?sort=downloads&size=200")
    names = [m["name"].split("/", 1)[-1] for m in top["items"]]
    prefixes = list(dict.fromkeys(n[:k] for n in names for k in range(1, min(TYPED, len(n)) + 1)))
    rows = []
    for prefix in prefixes:
        path = "/api/models?sort=relevance&size=20&q=" + urllib.parse.quote(prefix)
        get(base, path)
        times = sorted(get(base, path)[0] for _ in range(3))
        _, answer = get(base, path)
        rows.append((times[1], answer["total"], answer.get("totalCapped", False), prefix))
    with open(out, "w") as f:
        for r in rows:
            f.write("%.1f\t%d\t%s\t%s\n" % r)
    summary("exact", [r for r in rows if not r[2]])
    summary("capped", [r for r in rows if r[2]])


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
