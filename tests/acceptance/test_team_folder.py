#!/usr/bin/env python3
"""Scenario 6: the team folder, with the real window on one laptop and another laptop's files.

The lead's database (the demo loop) is kept in step with a folder, as git or Syncthing would keep
it between laptops; Ben's laptop (another database, run by the command line) joins the same
folder. In the window, Chloe finishes her interview by keyboard (scores, Ctrl+Enter, 3, Enter):
its scorecard appears in the folder by itself, as one file named by the interview's UUID, and
Ben's laptop reads it with the same identities (no duplicate loop or candidate). Then Ben's
laptop erases a candidate: the tombstone it leaves in the folder makes the open window erase the
candidate too, with no key pressed (inotify). Then the folder goes away (an unmounted drive)
while the window runs, and comes back: nothing is lost, and the window ends cleanly.
"""

import json
import os
import shutil
import sqlite3
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import SETTLE, keys, run, wait_for  # noqa: E402

LOOP = "MLOps Engineer, Berlin, 2026-Q4"


def count(db_path, sql, args=()):
    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=5)
    try:
        return con.execute(sql, args).fetchone()[0]
    finally:
        con.close()


def scorecard(folder, uuid):
    try:
        with open(os.path.join(folder, "scorecards", uuid + ".json")) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def scenario(s, c, args):
    folder = os.path.join(s.dir, "team")
    os.makedirs(folder)
    ben = os.path.join(s.dir, "ben.db")
    s.cli("demo", "--db", s.db_path)
    s.cli("--db", s.db_path, "team", "folder", folder)
    s.cli("--db", s.db_path, "team", "share", LOOP)
    s.cli("--db", ben, "team", "folder", folder)
    c.equal(count(ben, "SELECT count(*) FROM loop"), 1, "Ben's laptop joined: one loop, from the kit")
    iv = s.db.value("SELECT id FROM interview WHERE status = 'in_progress'")
    c.require(iv, "the demo data has an interview in progress (Chloe's of Dalia)")
    uuid = s.db.value("SELECT uuid FROM interview WHERE id = ?", (iv,))
    c.check(scorecard(folder, uuid) is None, "no scorecard of the open interview in the folder yet")

    s.write_ui_settings(last_screen="interview", interviewer="Chloe Martin")
    k = keys(s)
    app = s.launch().start()
    app.wait_ready()

    # --- Chloe finishes the interview by keyboard; the scorecard goes out by itself ----------------
    questions = len(s.db.responses(iv))
    k.press("Home")
    for _ in range(questions):
        k.press("4")
        k.press("Right")
    c.check(wait_for(lambda: all(r["score"] for r in s.db.responses(iv)), 3), "every question scored by keys")
    k.press("ctrl+Return")
    time.sleep(SETTLE)
    k.press("3")
    time.sleep(SETTLE)
    k.press("Return")
    c.require(wait_for(lambda: s.db.interview(iv)["status"] == "submitted", 3), "Ctrl+Enter, 3, Enter submits")
    card = wait_for(lambda: (lambda b: b if b and b["interviews"][0]["status"] == "submitted" else None)(
        scorecard(folder, uuid)), 5)
    c.check(card, "within 5 s the submitted scorecard is in the team folder as scorecards/<uuid>.json",
            f"files: {sorted(os.listdir(os.path.join(folder, 'scorecards')))}")
    if card:
        c.equal(card["interviews"][0]["recommendation"], "yes", "the scorecard carries the recommendation")
        c.equal([q["score"] for q in card["interviews"][0]["questions"]], [4] * questions,
                "the scorecard carries the scores typed")
    c.check(not [f for f in os.listdir(os.path.join(folder, "scorecards")) if f.startswith(".")],
            "no temporary file is left in the folder")
    s.screenshot("submitted")

    # --- Ben's laptop reads it: the same loop and people, no duplicates ----------------------------
    s.cli("--db", ben, "team", "sync")
    c.equal(count(ben, "SELECT status FROM interview WHERE uuid = ?", (uuid,)), "submitted",
            "Ben's laptop has Chloe's submitted interview")
    c.equal(count(ben, "SELECT count(*) FROM loop"), 1, "Ben's laptop still has one loop")
    c.equal(count(ben, "SELECT count(*) FROM candidate WHERE name = 'Dalia Haddad'"), 1,
            "Ben's laptop has one Dalia Haddad")

    # --- an erasure on Ben's laptop reaches the open window with no key pressed --------------------
    s.cli("--db", ben, "erase", "Erik Lindqvist", "--yes")
    erased_at = time.monotonic()
    gone = wait_for(lambda: count(s.db_path, "SELECT count(*) FROM candidate WHERE name = 'Erik Lindqvist'") == 0, 3)
    c.check(gone, "within 3 s of Ben's erase the open window erased Erik Lindqvist too (tombstone, inotify; "
                  "the 30 s rescan could not have done it)")
    print(f"  the window erased the candidate {time.monotonic() - erased_at:.2f} s after the tombstone was written",
          flush=True)
    c.check(app.alive(), "the window is still running")
    time.sleep(SETTLE)
    s.screenshot("erased-from-another-laptop")

    # --- the folder goes away while the window runs, and comes back --------------------------------
    away = os.path.join(s.dir, "unmounted")
    shutil.move(folder, away)
    time.sleep(1.0)
    c.check(app.alive(), "the window keeps running while the team folder is gone")
    s.screenshot("folder-gone")
    shutil.move(away, folder)
    c.check(scorecard(folder, uuid) is not None, "the scorecard is still in the folder once it is back")
    code = app.quit()
    c.equal(code, 0, "SIGTERM ends the app cleanly")
    c.equal(s.db.value("SELECT status FROM interview WHERE id = ?", (iv,)), "submitted", "nothing was lost")


if __name__ == "__main__":
    sys.exit(run(scenario, "team_folder", __doc__))
