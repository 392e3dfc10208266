#!/usr/bin/env python3
"""Scenario 8: a curator reviews the bank's near-duplicates in one sitting, keyboard only.

On the demo database (the shipped bank and a loop's interviews): Ctrl+1, then Ctrl+PgDn twice
to the Duplicates tab. The closest pair comes first. G asks before merging and Esc keeps both;
G and Y merge the right question into the left, and the interviews that asked it now count for
the one kept. H keeps the next pair apart on purpose: it is not listed again. Down and E open
the right question of a pair in the editor ("make different"); Ctrl+S saves the change.
Shift+R retires the question shown, and Shift+R again restores it. Searching `asked:>2
sort:asked` lists the most asked question first, and Shift+R retires it. On the Question sets
tab, Down picks a set and shows what it covers.
"""

import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import SETTLE, keys, run, wait_for  # noqa: E402


def listed_pairs(s):
    """The pairs `panelist duplicates` lists, in its order (the Duplicates tab's order)."""
    out = s.cli("duplicates", "--db", s.db_path).stdout.decode()
    return re.findall(r"^\s*\d+%\s+(\S+)\s+~\s+(\S+)$", out, re.M)


def scenario(s, c, args):
    s.cli("demo", "--db", s.db_path)
    s.write_ui_settings(last_screen="library", interviewer="Chloe Martin")
    k = keys(s)
    pairs = listed_pairs(s)
    c.require(len(pairs) >= 4, "the demo bank has near-duplicate pairs to review", f"{pairs}")
    keep, drop = pairs[0]

    def asked(qid):
        return s.db.value("SELECT count(*) FROM interview_question WHERE question_id = ?", (qid,))

    def in_bank(qid):
        return s.db.value("SELECT count(*) FROM question WHERE id = ?", (qid,)) == 1

    asked_before = asked(keep) + asked(drop)
    app = s.launch().start()
    app.wait_ready()
    k.press("ctrl+1")
    time.sleep(SETTLE)
    questions_tab = s.stable_capture(app.window)
    k.press("ctrl+Next", "ctrl+Next")  # Questions -> Question sets -> Duplicates
    review = s.stable_capture(app.window)
    c.check(review.changed_fraction(questions_tab) > 0.05, "Ctrl+PgDn twice opens the Duplicates tab")
    s.screenshot("duplicates-tab")

    # --- merge: asks first; Esc keeps both; M and Y merge ----------------------------------------
    k.press("g")
    time.sleep(SETTLE)
    s.screenshot("merge-asks-first")
    k.press("Escape")
    time.sleep(SETTLE)
    c.check(in_bank(keep) and in_bank(drop), "G asks first: Esc keeps both questions")
    k.press("g")
    time.sleep(SETTLE)
    k.press("y")
    c.check(wait_for(lambda: not in_bank(drop), 3), f"G then Y merges {drop} into {keep}: it leaves the bank")
    c.check(in_bank(keep), f"{keep} stays")
    c.equal(asked(keep), asked_before, f"every interview that asked either now counts for {keep}")

    # --- keep apart ---------------------------------------------------------------------------------
    time.sleep(SETTLE)
    first, second = listed_pairs(s)[0]
    k.press("h")
    kept = wait_for(lambda: s.db.value("SELECT count(*) FROM question_kept_apart WHERE first_id = ? AND second_id = ?",
                                       (min(first, second), max(first, second))), 3)
    c.check(kept == 1, f"H keeps {first} and {second} apart on purpose")
    c.check((first, second) not in listed_pairs(s), "a pair kept apart is not listed again")

    # --- make different: Down, E, edit the prompt, Ctrl+S ----------------------------------------------
    time.sleep(SETTLE)
    target = listed_pairs(s)[1][1]
    k.press("Down", "e")
    time.sleep(SETTLE)
    s.screenshot("make-different-editor")
    k.press("Tab", "Tab", "Tab", "Tab")  # Id -> Topic, Tags, Minutes, Prompt
    time.sleep(SETTLE)
    k.press("ctrl+End")
    k.type(" Answer for a GPU fleet.")
    k.press("ctrl+s")
    prompt = lambda: s.db.value("SELECT prompt FROM question WHERE id = ?", (target,)) or ""  # noqa: E731
    c.check(wait_for(lambda: prompt().endswith(" Answer for a GPU fleet."), 3),
            f"Down and E open {target} in the editor; the changed prompt is saved", f"prompt now {prompt()!r}")

    # --- retire and restore the question shown ----------------------------------------------------------
    time.sleep(SETTLE)
    retired = lambda: s.db.value("SELECT count(*) FROM question_retired WHERE question_id = ?", (target,))  # noqa: E731
    k.press("shift+r")
    c.check(wait_for(lambda: retired() == 1, 3), f"Shift+R retires {target}")
    s.screenshot("retired")
    c.check(all(target not in pair for pair in listed_pairs(s)), "a retired question is not listed as a duplicate")
    k.press("shift+r")
    c.check(wait_for(lambda: retired() == 0, 3), f"Shift+R again restores {target}")
    c.check(in_bank(target), "retiring and restoring never removes the question")

    # --- pick a question to retire from what loops measured -----------------------------------------------
    most = s.cli("questions", "--db", s.db_path, "--", "asked:>2", "sort:asked").stdout.decode().split()[0]
    k.press("ctrl+f")
    time.sleep(SETTLE)
    k.press("ctrl+a")
    k.type("asked:>2 sort:asked")
    time.sleep(SETTLE)
    s.screenshot("most-asked-first")
    k.press("Escape", "Home", "shift+r")  # leave the search box, go to the first result, retire it
    c.check(wait_for(lambda: s.db.value("SELECT count(*) FROM question_retired WHERE question_id = ?", (most,)) == 1,
                     3), f"asked:>2 sort:asked lists {most} first, and Shift+R retires it")

    # --- what a set covers: Ctrl+PgDn to the sets, Down picks one -------------------------------------
    k.press("ctrl+Next")
    time.sleep(SETTLE)
    no_set = s.stable_capture(app.window)
    k.press("Down")
    picked = s.stable_capture(app.window)
    c.check(picked.changed_fraction(no_set) > 0.05, "on the Question sets tab, Down picks a set and shows its coverage")
    s.screenshot("set-coverage")
    c.equal(app.quit(), 0, "the window closes cleanly on SIGTERM")


if __name__ == "__main__":
    sys.exit(run(scenario, "curator_review", __doc__))
