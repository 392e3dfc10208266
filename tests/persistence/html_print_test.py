#!/usr/bin/env python3
"""The HTML report printed from a browser: clean A4 and Letter pages, no row cut in two.

A candidate's report with long notes (several pages of answers) is exported as HTML by
`panelist report`, then printed to PDF by headless Chromium, once on A4 and once on Letter (as
a browser's print dialog offers them). Each PDF has pages of that size, more than one; every
answer row starts and ends on the same page; the answers table's header is at the top of every
page it continues on; every row is there. Skips (77) when chromium or poppler-utils is missing.
"""

import argparse
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile

SKIP = 77
SIZES = {"A4": (595.0, 842.0), "Letter": (612.0, 792.0)}  # points, as pdfinfo says
HEADER = re.compile(r"Interviewer\s+Question\s+Score\s+Notes\s+Time")


def run(*args, env=None):
    return subprocess.run(list(args), check=True, capture_output=True, text=True, env=env, timeout=120).stdout


def long_notes(db, candidate):
    """Gives every answer of `candidate` a note of a third of a page, marked at both ends."""
    con = sqlite3.connect(db)
    rows = con.execute(
        "SELECT iq.interview_id, iq.position FROM interview_question iq JOIN interview i ON i.id = iq.interview_id "
        "JOIN candidate c ON c.id = i.candidate_id WHERE c.name = ? AND i.status = 'submitted'", (candidate,)).fetchall()
    markers = []
    for interview, position in rows:
        start, end = f"ROWSTART{interview}x{position}", f"ROWEND{interview}x{position}"
        body = " ".join(f"observation {n} about the answer, with a reason and an example;" for n in range(14))
        con.execute("UPDATE interview_question SET notes = ? WHERE interview_id = ? AND position = ?",
                    (f"{start} {body}\nA second paragraph with the follow-up asked. {end}", interview, position))
        markers.append((start, end))
    con.commit()
    con.close()
    return markers


def print_pdf(html, pdf, paper, home):
    """Chromium's Print to PDF, on `paper` (the print dialog's choice, as a page size rule)."""
    page = os.path.join(os.path.dirname(pdf), f"report-{paper}.html")
    with open(html, encoding="utf-8") as f:
        text = f.read()
    with open(page, "w", encoding="utf-8") as f:
        f.write(text.replace("</head>", f"<style>@page {{ size: {paper}; }}</style></head>", 1))
    env = dict(os.environ, HOME=home)
    run("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
        f"--print-to-pdf={pdf}", "file://" + page, env=env)


def pages_of(pdf):
    info = run("pdfinfo", pdf)
    count = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    texts = [run("pdftotext", "-layout", "-f", str(n), "-l", str(n), pdf, "-") for n in range(1, count + 1)]
    return (float(size.group(1)), float(size.group(2))), texts


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--panelist", required=True)
    args = ap.parse_args()
    missing = [tool for tool in ("chromium", "pdfinfo", "pdftotext") if not shutil.which(tool)]
    if missing:
        print(f"SKIP: missing {', '.join(missing)}; scripts/install-deps.sh installs them")
        return SKIP
    failures = []

    def check(ok, what, detail=""):
        print(f"  {'ok  ' if ok else 'FAIL'}  {what}" + (f"\n          {detail}" if detail and not ok else ""))
        if not ok:
            failures.append(what)

    with tempfile.TemporaryDirectory(prefix="panelist-print-") as d:
        db = os.path.join(d, "p.db")
        run(args.panelist, "--db", db, "demo")
        candidate = "Amara Okafor"
        markers = long_notes(db, candidate)
        check(len(markers) >= 10, f"the demo gives {candidate} at least 10 answers to print", f"{len(markers)}")
        html = os.path.join(d, "report.html")
        run(args.panelist, "--db", db, "report", candidate, "--format", "html", "--out", html)
        for paper, (width, height) in SIZES.items():
            pdf = os.path.join(d, f"report-{paper}.pdf")
            print_pdf(html, pdf, paper, d)
            (w, h), pages = pages_of(pdf)
            check(abs(w - width) < 1 and abs(h - height) < 1, f"{paper}: every page is {paper}", f"{w} x {h} pts")
            check(len(pages) >= 3, f"{paper}: the answers take several pages", f"{len(pages)} pages")
            cut = []
            for start, end in markers:
                on = [n for n, text in enumerate(pages) if start in text]
                off = [n for n, text in enumerate(pages) if end in text]
                if not on or not off:
                    cut.append(f"{start}: missing")
                elif on != off:
                    cut.append(f"{start} on page {on[0] + 1}, its end on page {off[0] + 1}")
            check(not cut, f"{paper}: every answer row is whole on one page, none missing", "; ".join(cut))
            answer_pages = [n for n, text in enumerate(pages) if "ROWSTART" in text]
            no_header = [n + 1 for n in answer_pages if not HEADER.search(pages[n])]
            check(not no_header, f"{paper}: the answers' header row tops every page the table continues on",
                  f"pages without it: {no_header}")
    print(f"\nhtml print: {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
