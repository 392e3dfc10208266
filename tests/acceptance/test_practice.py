#!/usr/bin/env python3
"""Scenario 9: an interviewer practises scoring on the shipped bank, keyboard only.

On the demo database, as Chloe Martin: Ctrl+7 opens Practice. Down picks "Level: junior", Left
twice makes the session six sample answers (two questions). Enter starts: the question and the
candidate's answer show, the rubric hidden; Space shows the rubric and Space hides it again. A
digit scores the answer: the score is kept at once with the reference, and the window shows the
reference and why; Enter moves on. After the sixth, the record shows. Enter goes back to the
choice; a second session is stopped with Esc after two answers, and both are in the record.
`panelist practice --as` writes the record as JSON whose figures match the scores kept, and
nothing a comparison, a question's record or a scorecard bundle reads has changed.
"""

import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import SETTLE, keys, run, wait_for  # noqa: E402

ME = "Chloe Martin"


def candidate_data(s):
    """Everything that belongs to candidates and loops, as files and rows: must not move."""
    rows = s.db.rows("SELECT * FROM interview_question ORDER BY interview_id, position")
    rows += s.db.rows("SELECT id, status, recommendation, overall_notes FROM interview ORDER BY id")
    loop = s.db.value("SELECT name FROM loop ORDER BY id LIMIT 1")
    out = os.path.join(s.dir, "compare.json")
    s.cli("compare", "--db", s.db_path, loop, "--format", "json", "--out", out)
    with open(out, encoding="utf-8") as f:
        comparison = f.read()
    records = s.cli("questions", "--db", s.db_path, "--", "asked:>0", "sort:asked").stdout.decode()
    bundle = os.path.join(s.dir, "loop-bundle.json")
    s.cli("bundle", "export", "--db", s.db_path, "--loop", loop, "--out", bundle)
    with open(bundle, encoding="utf-8") as f:
        scorecards = f.read()
    return [dict(r) for r in rows], comparison, records, scorecards


def scenario(s, c, args):
    s.cli("demo", "--db", s.db_path)
    s.write_ui_settings(last_screen="library", interviewer=ME)
    before = candidate_data(s)
    planned = s.db.value("SELECT count(*) FROM interview WHERE interviewer = ? AND status = 'planned'", (ME,))
    sets = s.db.value("SELECT count(*) FROM question_set")
    k = keys(s)
    app = s.launch().start()
    app.wait_ready()

    def scores():
        return s.db.rows("SELECT p.* FROM practice_score p JOIN practice_session s ON s.id = p.session_id "
                         "ORDER BY s.id, p.position")

    k.press("ctrl+7")
    time.sleep(SETTLE)
    s.screenshot("practice-choice")
    # The choice lists Chloe's planned interviews, then the role sets, then "Level: junior".
    k.press(*(["Down"] * (planned + sets)), "Left", "Left", "Return")
    c.require(wait_for(lambda: s.db.rows("SELECT * FROM practice_session"), 3),
              "Ctrl+7, Down to 'Level: junior', Left twice and Enter start a session")
    session = s.db.rows("SELECT * FROM practice_session")[0]
    c.equal((session["interviewer"], session["practised"]), (ME, "Level: junior"),
            "the session is Chloe's, on the junior questions")
    hidden = s.stable_capture(app.window)
    s.screenshot("practice-answer")
    k.press("space")
    shown = s.stable_capture(app.window)
    c.check(shown.changed_fraction(hidden) > 0.02, "Space shows the rubric and model answer")
    k.press("space")
    again = s.stable_capture(app.window)
    c.check(again.changed_fraction(hidden) < 0.005, "Space again hides them")

    given = [3, 4, 2, 5, 1, 3]
    for i, score in enumerate(given):
        k.press(str(score))
        c.check(wait_for(lambda: len(scores()) == i + 1, 3), f"answer {i + 1}: {score} is kept at once")
        if i == 0:
            time.sleep(SETTLE)
            s.screenshot("practice-feedback")
        k.press("Return")
        time.sleep(SETTLE)
    kept = scores()
    c.equal([r["given"] for r in kept], given, "the six scores are kept as given, in order")
    c.check(all(1 <= r["reference"] <= 5 and r["why"] for r in kept), "each with its reference score and why")
    c.equal(len({r["question_id"] for r in kept}), 2, "six answers are two whole questions")
    s.stable_capture(app.window)
    s.screenshot("practice-record")

    # --- a second session, stopped early with Esc ------------------------------------------------------
    k.press("Return")  # back to the choice, still on "Level: junior"
    time.sleep(SETTLE)
    k.press("Return", "2")
    c.check(wait_for(lambda: len(scores()) == 7, 3), "a second session starts with Enter; 2 is kept")
    k.press("Return", "4")
    c.check(wait_for(lambda: len(scores()) == 8, 3), "Enter and 4 score the next answer")
    k.press("Escape")
    time.sleep(SETTLE)
    s.stable_capture(app.window)
    s.screenshot("practice-record-two-sessions")
    c.equal(s.db.value("SELECT count(*) FROM practice_session WHERE id IN (SELECT session_id FROM practice_score)"), 2,
            "Esc stops the second session; both are in the record")

    # --- the record as a file ---------------------------------------------------------------------------
    out = os.path.join(s.dir, "practice.json")
    s.cli("practice", "--db", s.db_path, "--as", ME, "--format", "json", "--out", out)
    with open(out, encoding="utf-8") as f:
        record = json.load(f)
    all_scores = scores()
    mae = sum(abs(r["given"] - r["reference"]) for r in all_scores) / len(all_scores)
    c.equal(record["accuracy"]["items"], 8, "panelist practice --as writes every score")
    c.check(abs(record["accuracy"]["mean_absolute_error"] - mae) < 1e-3,
            "its mean absolute error is the scores' own", f"{record['accuracy']['mean_absolute_error']} vs {mae}")
    c.equal(len(record["sessions"]), 2, "with both sessions")
    c.check(record["sessions"][0]["accuracy"]["components"] is not None,
            "the full session has Cronbach's components")

    k.press("ctrl+6")  # Compare: the calibration section shows Chloe's practice beside her leniency
    time.sleep(SETTLE)
    k.press("End")
    s.stable_capture(app.window)
    s.screenshot("compare-with-practice")
    c.equal(candidate_data(s), before, "practice changed nothing candidates' comparisons, question records or "
                                        "scorecard bundles read")
    c.equal(app.quit(), 0, "the window closes cleanly on SIGTERM")


if __name__ == "__main__":
    sys.exit(run(scenario, "practice", __doc__))
