#!/usr/bin/env python3
"""Quick structural check of a bank TOML file while it is being written (the real check is
the C++ importer and tests/assets). Usage: check_bank_file.py FILE [SEEDS_DIR]"""
import sys, re, glob, os, tomllib

path = sys.argv[1]
seeds = sys.argv[2] if len(sys.argv) > 2 else None
doc = tomllib.load(open(path, "rb"))
qs = doc.get("question", [])
problems = []
ids = set()
words = lambda s: re.findall(r"[a-z0-9']+", s.lower())
for q in qs:
    qid = q.get("id", "?")
    if qid in ids: problems.append(f"{qid}: duplicate id")
    ids.add(qid)
    if not re.fullmatch(r"[a-z0-9_-]+(/[a-z0-9_-]+)+", qid): problems.append(f"{qid}: bad id")
    if q.get("level") not in ("junior", "senior", "both"): problems.append(f"{qid}: level")
    if q.get("difficulty") not in ("easy", "medium", "hard"): problems.append(f"{qid}: difficulty")
    if not isinstance(q.get("minutes"), int) or not 1 <= q["minutes"] <= 120: problems.append(f"{qid}: minutes")
    n = len(words(q.get("answer", "")))
    if not 70 <= n <= 230: problems.append(f"{qid}: answer has {n} words (want 80-200)")
    if len(q.get("follow_ups", [])) < 2: problems.append(f"{qid}: fewer than 2 follow-ups")
    r = q.get("rubric", {})
    if sorted(r.keys()) != ["1", "3", "5"]: problems.append(f"{qid}: rubric needs keys 1, 3, 5")
    if not q.get("tags"): problems.append(f"{qid}: no tags")
if seeds:
    seed = words(" ".join(open(p, encoding="utf-8").read() for p in glob.glob(os.path.join(seeds, "*.txt"))))
    grams = {" ".join(seed[i:i+10]) for i in range(len(seed) - 9)}
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        x = words(line)
        if any(" ".join(x[i:i+10]) in grams for i in range(len(x) - 9)):
            problems.append(f"line {n}: shares 10+ consecutive words with a seed; rewrite")
lv = {}
for q in qs: lv[q.get("level")] = lv.get(q.get("level"), 0) + 1
print(f"{path}: {len(qs)} questions, levels {lv}")
for p in problems: print("  PROBLEM", p)
sys.exit(1 if problems else 0)
