#!/usr/bin/env python3
"""Scenario 1: a keyboard-only journey on a fresh database, from your name to an exported report.

You (Ctrl+Y) -> Candidates: a loop (L), a senior candidate (Right, C) -> Plan (Ctrl+3, role set,
Ctrl+Enter) -> Interview: S, Space, scores, follow-ups, notes, Home + N to append to the first
note, O for overall notes, Ctrl+Enter 3 Enter -> Report: X (F until Markdown). Everything is
checked in the database, the exported file and ui.json; screenshots go to the artefacts folder.
With --size 960x640 (half a laptop screen) the same journey runs in a window of that size, and
the Interview screen after Space is kept as NN-interview-revealed.png.
"""

import glob
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import SETTLE, keys, run, wait_for  # noqa: E402

NAME = "Dana Reviewer"
LOOP = "Acceptance loop Berlin"
CANDIDATE = "Grace Hopper"
# No digits: if a text field failed to take focus, a digit would score a question instead.
NOTES = {
    0: "Knows PSI well; explained bins and thresholds.",
    1: "Blue-green answer was vague about the database.",
    3: "Suggested paging on every alert, too noisy.",
}
APPEND = " Later: asked for a rollback plan, good."
SCORES = {0: 4, 1: 3, 2: 5, 3: 2}
FOLLOW_UPS = {0: [0], 2: [1]}  # Shift+1 on the first question, Shift+2 on the third
OVERALL = "Solid on monitoring, weaker on delivery; would hire for the platform team."


def top_right(s, app):
    """The top bar's right part: the You field, the presenter and keys buttons."""
    img = s.capture(app.window)
    return img.crop(int(img.width * 0.62), 0, img.width, 48)


def exported_reports(s, pattern="*-report.*"):
    return {p: os.path.getmtime(p) for p in glob.glob(os.path.join(s.dir, "**", pattern), recursive=True)}


def scenario(s, c, args):
    k = keys(s)
    app = s.launch().start()
    app.wait_ready()
    if s.size:  # half a laptop screen (--size 960x640): the window is that size, the journey the same
        want_w, want_h = (int(v) for v in s.size.split("x"))
        g = app.geometry()
        c.check(g and (g["w"], g["h"]) == (want_w, want_h), f"--size {s.size} opens a window of {s.size}",
                f"xdotool getwindowgeometry: {g}")
    c.require((s.db.value("SELECT count(*) FROM question") or 0) >= 100,
              "first start of a fresh database seeds the shipped bank")

    # --- You: Ctrl+Y, type, Enter -------------------------------------------------------------
    before = top_right(s, app)
    k.press("ctrl+y")
    time.sleep(SETTLE)
    k.type(NAME[0])
    name_field = wait_for(lambda: top_right(s, app) != before, 1.5)
    if c.check(name_field, "Ctrl+Y focuses the You field (the typed letter shows in the top bar)"):
        k.type(NAME[1:])
        k.press("Return")
    else:
        k.press("Escape", "Escape")
    time.sleep(SETTLE)

    # --- Candidates: a loop and a senior candidate ----------------------------------------------
    k.press("ctrl+2")
    time.sleep(SETTLE)
    k.press("l")
    time.sleep(SETTLE)
    k.type(LOOP)
    k.press("Return")
    loop = wait_for(lambda: s.db.rows("SELECT * FROM loop WHERE name = ?", (LOOP,)), 3)
    c.require(loop, "Candidates: L, the loop's name, Enter creates the loop",
              f"loops: {s.db.rows('SELECT name FROM loop')}")
    k.press("Left")  # junior, then senior: the choice must show on screen and reach the database
    # Still for longer than one slow frame (a sanitized build can take over 0.12 s to draw the
    # key): a capture taken before Left is drawn would look like the screen after Right.
    junior = s.stable_capture(app.window, timeout=6, interval=0.6)
    k.press("Right")
    c.check(wait_for(lambda: s.capture(app.window) != junior, 3),
            "Candidates: Right changes the new candidate's level on screen")
    k.press("c")
    time.sleep(SETTLE)
    k.type(CANDIDATE)
    k.press("Return")
    cand = wait_for(lambda: s.db.rows("SELECT * FROM candidate WHERE name = ?", (CANDIDATE,)), 3)
    c.require(cand, "Candidates: C, the name, Enter adds the candidate",
              f"candidates: {s.db.rows('SELECT name FROM candidate')}")
    cand = cand[0]
    c.equal(cand["loop_id"], loop[0]["id"], "the candidate is in the new loop")
    c.equal(cand["level"], "senior", "Right before C makes the new candidate senior")

    # --- Plan: the role set, Ctrl+Enter ---------------------------------------------------------
    k.press("ctrl+3")
    time.sleep(0.5)  # the Plan screen reads the bank once for this candidate
    s.screenshot("plan")
    k.press("ctrl+Return")
    find_iv = lambda: s.db.rows("SELECT * FROM interview WHERE candidate_id = ?", (cand["id"],))  # noqa: E731
    iv = wait_for(find_iv, 3)
    if not c.check(iv, "Plan: Ctrl+Enter creates the interview (interviewer prefilled with You)"):
        k.press("i")  # fall back to typing the interviewer, to test the rest of the journey
        time.sleep(SETTLE)
        k.type(NAME)
        k.press("Return", "ctrl+Return")
        iv = wait_for(find_iv, 3)
    c.require(iv, "an interview exists for the candidate")
    iv = iv[0]
    c.equal(iv["interviewer"], NAME, "the interviewer is You (the name typed after Ctrl+Y)")
    c.equal(iv["status"], "planned", "a new interview is planned")
    responses = s.db.responses(iv["id"])
    planned = [r["question_id"] for r in responses]
    sets = {}
    for row in s.db.rows("SELECT s.name, s.level, q.id FROM question_set s JOIN question_set_item i ON i.set_seq = s.seq "
                         "JOIN question q ON q.seq = i.question_seq ORDER BY s.seq, i.position"):
        sets.setdefault((row["name"], row["level"]), []).append(row["id"])
    matching = [name for (name, level), ids in sets.items() if ids == planned]
    c.check(matching, "the plan is a role set as it is", f"planned {planned}")
    print(f"  planned {len(planned)} questions from {matching}", flush=True)
    c.require(len(responses) >= 4, "the plan has at least 4 questions")
    follow_up_counts = {r["id"]: r["n"] for r in s.db.rows(
        "SELECT q.id, count(f.position) AS n FROM question q LEFT JOIN question_follow_up f "
        "ON f.question_seq = q.seq GROUP BY q.id")}

    # --- Interview --------------------------------------------------------------------------------
    k.press("s")
    c.check(wait_for(lambda: s.db.interview(iv["id"])["status"] == "in_progress", 3),
            "Ctrl+Enter opened the Interview screen, and S starts the interview (in progress)")
    k.press("Home")
    time.sleep(SETTLE)
    hidden = s.stable_capture(app.window)
    s.screenshot("interview-start")
    k.press("space")
    c.check(wait_for(lambda: s.capture(app.window).changed_fraction(hidden) > 0.01, 2),
            "Space reveals the model answer and rubric (the window changes)")
    shot = s.screenshot("interview-revealed")  # at --size 960x640: the artefact to look at
    if s.size:
        print(f"  interview after Space at {s.size}: {shot}", flush=True)

    for i in range(4):
        if i:
            k.press("Right")
        k.press(str(SCORES[i]))
        ok = wait_for(lambda: s.db.responses(iv["id"])[i]["score"] == SCORES[i], 3)
        c.require(ok, f"question {i + 1}: key {SCORES[i]} scores it",
                  f"scores: {[r['score'] for r in s.db.responses(iv['id'])]}")
        for f in FOLLOW_UPS.get(i, []):
            if follow_up_counts.get(planned[i], 0) <= f:
                print(f"  (question {i + 1} has no follow-up {f + 1})", flush=True)
                continue
            k.press(f"shift+{f + 1}")
            ok = wait_for(lambda: f in s.db.responses(iv["id"])[i]["follow_ups"], 3)
            c.check(ok, f"question {i + 1}: Shift+{f + 1} ticks follow-up {f + 1}",
                    f"follow_ups_asked: {s.db.responses(iv['id'])[i]['follow_ups_asked']!r}")
        if i in NOTES:
            k.press("n")
            time.sleep(SETTLE)
            k.type(NOTES[i])
            k.press("Escape")
            ok = wait_for(lambda: s.db.responses(iv["id"])[i]["notes"] == NOTES[i], 3)
            c.require(ok, f"question {i + 1}: N, the notes, Esc saves exactly what was typed",
                      f"saved {s.db.responses(iv['id'])[i]['notes']!r}")

    k.press("Home")
    k.press("n")
    time.sleep(SETTLE)
    k.type(APPEND)
    k.press("Escape")
    want = NOTES[0] + APPEND
    ok = wait_for(lambda: s.db.responses(iv["id"])[0]["notes"] == want, 3)
    c.check(ok, "Home, N: what is typed goes at the END of the first question's notes, Esc keeps it",
            f"expected {want!r}\n          saved    {s.db.responses(iv['id'])[0]['notes']!r}")

    k.press("o")
    time.sleep(SETTLE)
    k.type(OVERALL)
    k.press("Escape")
    c.check(wait_for(lambda: s.db.interview(iv["id"])["overall_notes"] == OVERALL, 3),
            "O, the overall notes, Esc saves them", f"saved {s.db.interview(iv['id'])['overall_notes']!r}")
    s.screenshot("interview-scored")

    k.press("ctrl+Return")
    time.sleep(SETTLE)
    k.press("3")
    time.sleep(SETTLE)
    s.screenshot("interview-submit-panel")
    k.press("Return")
    done = wait_for(lambda: s.db.interview(iv["id"])["status"] == "submitted", 3)
    final = s.db.interview(iv["id"])
    c.check(done, "Ctrl+Enter, 3, Enter submits the interview", f"status {final['status']!r}")
    c.equal(final["recommendation"], "yes", "3 in the submit panel recommends yes")
    s.screenshot("interview-submitted")

    # Every answer as typed, after the submission.
    rows = s.db.responses(iv["id"])
    c.equal([r["score"] for r in rows[:4]], [SCORES[i] for i in range(4)], "scores 4 3 5 2 on questions 1-4")
    c.equal([r["score"] for r in rows[4:]], [None] * (len(rows) - 4), "the other questions stay unscored")
    c.equal({i: rows[i]["notes"] for i in range(4)}, {0: NOTES[0] + APPEND, 1: NOTES[1], 2: "", 3: NOTES[3]},
            "notes on questions 1-4, exactly as typed")
    for i, fs in FOLLOW_UPS.items():
        fs = [f for f in fs if follow_up_counts.get(planned[i], 0) > f]
        c.equal(rows[i]["follow_ups"], fs, f"follow-ups asked on question {i + 1}")
    c.equal(final["overall_notes"], OVERALL, "overall notes")

    # --- Report: X exports (F picks the format) ---------------------------------------------------
    k.press("ctrl+5")
    time.sleep(0.5)
    s.screenshot("report")
    seen = exported_reports(s)
    md = None
    for attempt in range(5):
        k.press("x")
        new = wait_for(lambda: {p for p, m in exported_reports(s).items() if seen.get(p) != m}, 3)
        if not new:
            break
        print(f"  X exported {sorted(os.path.relpath(p, s.dir) for p in new)}", flush=True)
        seen = exported_reports(s)
        md = next((p for p in new if p.endswith(".md")), None)
        if md:
            break
        k.press("f")
        time.sleep(SETTLE)
    c.check(seen, "Report: X exports the report into the folder shown")
    c.check(md, "Report: F chooses Markdown, X writes a .md file", f"files: {sorted(seen)}")
    if md:
        text = open(md, encoding="utf-8").read()
        for i, note in {0: NOTES[0] + APPEND, 1: NOTES[1], 3: NOTES[3]}.items():
            c.check(note in text, f"the Markdown report holds question {i + 1}'s notes")
        c.check(OVERALL in text, "the Markdown report holds the overall notes")
        c.check(CANDIDATE in text, "the Markdown report names the candidate")
    s.screenshot("report-exported")

    # --- Compare: F twice picks HTML (CSV, Markdown, HTML, JSON), X exports the loop ---------------
    k.press("ctrl+6")
    time.sleep(0.5)
    s.screenshot("compare")
    before = exported_reports(s, "*-comparison.*")
    k.press("f")
    time.sleep(SETTLE)
    k.press("f")
    time.sleep(SETTLE)
    k.press("x")
    written = wait_for(lambda: {p for p, m in exported_reports(s, "*-comparison.*").items() if before.get(p) != m}, 3)
    c.check(written, "Compare: F, F, X exports the loop's comparison", f"files: {sorted(exported_reports(s, '*'))}")
    html = next((p for p in (written or []) if p.endswith(".html")), None)
    c.check(html, "Compare: the second F chose HTML", f"written: {sorted(written or [])}")
    if html:
        text = open(html, encoding="utf-8").read()
        c.check(CANDIDATE in text, "the HTML comparison names the candidate")
        c.check(LOOP in text, "the HTML comparison names the loop")
    s.screenshot("compare-exported")

    # --- You is remembered across runs -------------------------------------------------------------
    bar = top_right(s, app)
    code = app.quit()
    c.equal(code, 0, "the window closes cleanly on SIGTERM")
    c.equal(s.ui_settings().get("interviewer"), NAME, "ui.json remembers You")
    app = s.launch().start()
    c.check(wait_for(lambda: top_right(s, app) == bar, 5), "after a restart the top bar shows the same You")
    s.screenshot("restarted")
    app.quit()


if __name__ == "__main__":
    sys.exit(run(scenario, "journey", __doc__))
