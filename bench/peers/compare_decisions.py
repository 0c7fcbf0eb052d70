#!/usr/bin/env python3
"""Compares the decisions of two simulate runs over the same cases.

usage: compare_decisions.py CASES.jsonl IAMLINT.out PEER.out [--list N] [--write FILE]

IAMLINT.out is `iamlint simulate` output, PEER.out the output of
iam_simulate_driver.cjs: one JSON object per line with `id` and `decision`.
Prints the agreement, the confusion table and the disagreements grouped by
(iamlint decision, peer decision, action), with up to N example cases each
(action, resource, context); --write FILE writes every disagreeing case line
(with both decisions added) for a closer look. Exit status 0 whatever agrees:
disagreements are reported, not failures (the tools' semantics differ).
"""
import argparse
import collections
import json
import sys


def read_decisions(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line.startswith("{"):
                continue
            v = json.loads(line)
            if "id" in v:
                out[v["id"]] = (v.get("decision", "Error"), v.get("error"))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cases")
    ap.add_argument("iamlint")
    ap.add_argument("peer")
    ap.add_argument("--list", type=int, default=2)
    ap.add_argument("--write")
    a = ap.parse_args()
    ours = read_decisions(a.iamlint)
    theirs = read_decisions(a.peer)
    confusion = collections.Counter()
    groups = collections.defaultdict(list)
    errors = collections.Counter()
    total = agree = 0
    out = open(a.write, "w", encoding="utf-8") if a.write else None
    with open(a.cases, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            c = json.loads(line)
            if "define" in c:
                continue
            cid = c.get("id")
            o = ours.get(cid, ("Missing", None))[0]
            t, terr = theirs.get(cid, ("Missing", None))
            total += 1
            confusion[(o, t)] += 1
            if o == t:
                agree += 1
                continue
            if t == "Error":
                errors[(terr or "")[:160]] += 1
            r = c.get("request", {})
            groups[(o, t, r.get("action"))].append(r)
            if out:
                c["iamlint"] = o
                c["peer"] = t
                if terr:
                    c["peer_error"] = terr
                out.write(json.dumps(c) + "\n")
    if out:
        out.close()
    pct = 100.0 * agree / total if total else 0.0
    print(f"cases: {total}, agree: {agree} ({pct:.2f} %), disagree: {total - agree}")
    print("confusion (iamlint -> peer: count):")
    for (o, t), n in sorted(confusion.items(), key=lambda x: -x[1]):
        print(f"  {o:13} -> {t:13} {n}")
    if errors:
        print("peer errors (first 160 characters of the message: count):")
        for msg, n in errors.most_common(10):
            print(f"  {n:7}  {msg}")
    if groups:
        print("disagreements by (iamlint, peer, action), largest first:")
        for (o, t, action), reqs in sorted(groups.items(), key=lambda x: -len(x[1]))[:40]:
            print(f"  {len(reqs):7}  iamlint {o}, peer {t}: {action}")
            for r in reqs[: a.list]:
                ctx = ",".join(f"{k}={v}" for k, v in sorted(r.get("context", {}).items()))
                print(f"           resource {r.get('resource')}  principal {r.get('principal')}  {ctx}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
