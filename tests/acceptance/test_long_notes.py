#!/usr/bin/env python3
"""Scenario: notes pasted past their limit stop at 100,000 characters, and can still be shared.

An interviewer pastes a long transcript into the notes, again and again. The notes keep their
first 100,000 characters (about 15,000 words) and the window says the rest was not kept. What
is saved is exactly what a scorecard bundle carries: exported and imported into another
laptop's database, the notes arrive whole.
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import SETTLE, keys, run, wait_for  # noqa: E402

LIMIT = 100_000
PHRASE = "Strong on drift; weak on rollback. "


def scenario(s, c, args):
    s.cli("demo", "--db", s.db_path)
    iv = s.db.value("SELECT id FROM interview WHERE status = 'in_progress'")
    s.write_ui_settings(last_screen="interview", interviewer="Chloe Martin")
    k = keys(s)
    app = s.launch().start()
    app.wait_ready()

    k.press("Home", "n")
    time.sleep(SETTLE)
    k.press("ctrl+a", "Delete")
    k.type(PHRASE)
    # Select all, copy, go to the end, paste: the notes double each time, past the limit.
    for _ in range(13):
        k.press("ctrl+a", "ctrl+c", "ctrl+End", "ctrl+v")
    time.sleep(SETTLE)
    s.screenshot("notes-past-the-limit")
    k.press("Escape")

    def notes():
        return s.db.responses(iv)[0]["notes"]

    c.check(wait_for(lambda: len(notes()) == LIMIT, 5), "the notes keep exactly their first 100,000 characters",
            f"{len(notes()):,} characters saved")
    c.check(notes().startswith(PHRASE * 3), "what was kept is what was typed, from its start")
    c.equal(app.quit(), 0, "the window closes cleanly on SIGTERM")

    # Another laptop: a fresh database takes the interview's bundle, long notes and all.
    bundle = os.path.join(s.dir, "scorecard.json")
    s.cli("bundle", "export", "--interview", str(iv), "--out", bundle, "--db", s.db_path)
    other = os.path.join(s.dir, "other-laptop.db")
    result = s.cli("bundle", "import", bundle, "--db", other, check=False)
    c.equal(result.returncode, 0, "the bundle with the longest notes imports on another laptop")
    rows = s.db.__class__(other).rows("SELECT notes FROM interview_question WHERE length(notes) = ?", (LIMIT,))
    c.check(len(rows) == 1, "the notes arrive there whole", f"{len(rows)} rows of {LIMIT:,} characters")


if __name__ == "__main__":
    sys.exit(run(scenario, "long_notes", __doc__))
