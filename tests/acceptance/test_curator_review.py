#!/usr/bin/env python3
"""Scenario 8: a curator reviews the bank's near-duplicates in one sitting, keyboard only.

On the demo database (the shipped bank and a loop's interviews) with a fixture's twins imported:
Ctrl+1, then Ctrl+PgDn twice to the Duplicates tab; Down to the first pair holding a question
interviews asked. G (or Shift+G) asks before merging and Esc keeps both; G and Y merge the right
question into the left (Shift+G the left into the right), and the interviews that asked it now
count for the one kept. H keeps the next pair apart on purpose: it is not listed again. Down and E open
the right question of a pair in the editor ("make different"); Ctrl+S saves the change.
Shift+R retires the question shown, and Shift+R again restores it. Searching `asked:>2
sort:asked` lists the most asked question first, and Shift+R retires it. On the Question sets
tab, Down picks a set and shows what it covers. Then a set is built from the keyboard alone:
Ctrl+N, a name and Enter create it; / and a search find questions, Enter adds the first and Down
Enter the next; PgUp selects a question, Alt+Down moves it, Delete drops it; Left makes the set
senior; Enter and a new name rename it; Ctrl+E, a path and Enter write it to a file that imports
back; Shift+Delete asks, Esc keeps the set and Shift+Delete, Y deletes it. On the Import / export
tab, Ctrl+E, a path and Enter write the whole bank; Ctrl+O, a good and a broken file and Enter
import nothing and say why; Ctrl+O and the good file alone, Enter, show what would change and
write nothing; Enter again imports it. The bank goes out as a spreadsheet (.csv) and a row
added to the sheet comes back in.
"""

import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import SETTLE, fill, keys, run, wait_for  # noqa: E402


def listed_pairs(s):
    """The pairs `panelist duplicates` lists, in its order (the Duplicates tab's order)."""
    out = s.cli("duplicates", "--db", s.db_path).stdout.decode()
    return re.findall(r"^\s*\d+%\s+(\S+)\s+~\s+(\S+)$", out, re.M)


TWINS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "twins.toml")


def scenario(s, c, args):
    s.cli("demo", "--db", s.db_path)
    # The shipped bank has no twins left; a fixture's twins join it, some of them close to
    # questions the demo's interviews asked.
    s.cli("import", "--db", s.db_path, TWINS)
    s.write_ui_settings(last_screen="library", interviewer="Chloe Martin")
    k = keys(s)
    pairs = listed_pairs(s)
    c.require(len(pairs) >= 4, "the bank has near-duplicate pairs to review", f"{pairs}")

    def asked(qid):
        return s.db.value("SELECT count(*) FROM interview_question WHERE question_id = ?", (qid,))

    def in_bank(qid):
        return s.db.value("SELECT count(*) FROM question WHERE id = ?", (qid,)) == 1

    # The first pair one of whose questions interviews asked: merging it must move that history.
    at = next((i for i, (left, right) in enumerate(pairs) if asked(left) or asked(right)), None)
    c.require(at is not None, "a listed pair holds a question the demo's interviews asked", f"{pairs}")
    left, right = pairs[at]
    # G merges the right question into the left, Shift+G the left into the right.
    merge_key, keep, drop = ("g", left, right) if asked(right) else ("shift+g", right, left)
    asked_before = asked(keep) + asked(drop)
    app = s.launch().start()
    app.wait_ready()
    k.press("ctrl+1")
    time.sleep(SETTLE)
    questions_tab = s.stable_capture(app.window)
    k.press("ctrl+Next", "ctrl+Next")  # Questions -> Question sets -> Duplicates
    # The tab compares the bank a slice per frame: the list is in its final order once the
    # window stops changing (Down before that would pick a row that then moves).
    review = s.stable_capture(app.window, timeout=60)
    c.check(review.changed_fraction(questions_tab) > 0.05, "Ctrl+PgDn twice opens the Duplicates tab")
    s.screenshot("duplicates-tab")
    for _ in range(at):
        k.press("Down")
    time.sleep(SETTLE)

    # --- merge: asks first; Esc keeps both; G (or Shift+G) and Y merge ---------------------------
    k.press(merge_key)
    time.sleep(SETTLE)
    s.screenshot("merge-asks-first")
    k.press("Escape")
    time.sleep(SETTLE)
    c.check(in_bank(keep) and in_bank(drop), f"{merge_key} asks first: Esc keeps both questions")
    k.press(merge_key)
    time.sleep(SETTLE)
    k.press("y")
    c.check(wait_for(lambda: not in_bank(drop), 3), f"{merge_key} then Y merges {drop} into {keep}: it leaves the bank")
    c.check(in_bank(keep), f"{keep} stays")
    c.equal(asked(keep), asked_before, f"the {asked_before} interview questions that asked either now count for {keep}")

    # --- keep apart ---------------------------------------------------------------------------------
    # Each decision makes the tab compare the bank again: wait until its list is whole.
    s.stable_capture(app.window, timeout=60)
    k.press(*(["Up"] * at))  # back to the first pair: the selection stayed where the merged pair was
    first, second = listed_pairs(s)[0]
    k.press("h")
    kept = wait_for(lambda: s.db.value("SELECT count(*) FROM question_kept_apart WHERE first_id = ? AND second_id = ?",
                                       (min(first, second), max(first, second))), 3)
    c.check(kept == 1, f"H keeps {first} and {second} apart on purpose")
    c.check((first, second) not in listed_pairs(s), "a pair kept apart is not listed again")

    # --- make different: Down, E, edit the prompt, Ctrl+S ----------------------------------------------
    s.stable_capture(app.window, timeout=60)
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
    build_a_set(s, c, k)
    import_and_export(s, c, k)
    c.equal(app.quit(), 0, "the window closes cleanly on SIGTERM")


def build_a_set(s, c, k):
    def level(name):
        rows = s.db.rows("SELECT level FROM question_set WHERE name = ?", (name,))
        return rows[0]["level"] if rows else None

    def questions(name):
        return [r["id"] for r in s.db.rows(
            "SELECT q.id FROM question_set_item i JOIN question_set qs ON qs.seq = i.set_seq "
            "JOIN question q ON q.seq = i.question_seq WHERE qs.name = ? ORDER BY i.position", (name,))]

    k.press("ctrl+n")
    time.sleep(SETTLE)
    k.type("Platform screen")
    k.press("Return")
    c.check(wait_for(lambda: level("Platform screen") is not None, 3), "Ctrl+N, a name and Enter create a set")
    found = s.cli("questions", "--db", s.db_path, "--", "drift").stdout.decode().split("\n")
    top = [line.split()[0] for line in found if line.strip()][:2]
    k.press("slash")
    time.sleep(SETTLE)
    k.type("drift")
    time.sleep(SETTLE)
    k.press("Return")
    c.check(wait_for(lambda: questions("Platform screen") == top[:1], 3),
            "/ and a search find questions; Enter adds the best match", f"{questions('Platform screen')} vs {top}")
    k.press("Down", "Return")
    c.check(wait_for(lambda: questions("Platform screen") == top, 3),
            "Down and Enter add the next match (the search stays open for more)", f"{questions('Platform screen')}")
    s.screenshot("set-two-added")
    k.press("Escape", "Prior", "alt+Down")
    c.check(wait_for(lambda: questions("Platform screen") == top[::-1], 3),
            "Esc leaves the search; PgUp selects the first question and Alt+Down moves it later")
    k.press("Delete")
    c.check(wait_for(lambda: questions("Platform screen") == top[1:], 3),
            "Delete drops the selected question from the set", f"{questions('Platform screen')}")
    c.check(s.db.value("SELECT count(*) FROM question WHERE id = ?", (top[0],)) == 1, "the dropped question stays in the bank")
    k.press("Left")
    c.check(wait_for(lambda: level("Platform screen") == "senior", 3), "Left makes the set senior (it was for both)")
    fill(k, "Return", "Platform screen, senior")
    c.check(wait_for(lambda: level("Platform screen, senior") == "senior", 3) and level("Platform screen") is None,
            "Enter edits the set's name; Enter again saves the rename")
    path = os.path.join(s.dir, "platform-screen.toml")
    fill(k, "ctrl+e", path)
    c.check(wait_for(lambda: os.path.exists(path), 3), "Ctrl+E, a path and Enter write the set to a file")
    if os.path.exists(path):
        text = open(path, encoding="utf-8").read()
        c.check("Platform screen, senior" in text and top[1] in text, "the file holds the set and its question")
        check = s.cli("import", "--db", os.path.join(s.dir, "elsewhere.db"), path, check=False)
        c.equal(check.returncode, 0, "the written set imports into another database")
    k.press("shift+Delete")
    time.sleep(SETTLE)
    s.screenshot("set-delete-asks")
    k.press("Escape")
    time.sleep(SETTLE)
    c.check(level("Platform screen, senior") == "senior", "Shift+Delete asks first: Esc keeps the set")
    k.press("shift+Delete")
    time.sleep(SETTLE)
    k.press("y")
    c.check(wait_for(lambda: level("Platform screen, senior") is None, 3), "Shift+Delete then Y deletes the set")
    c.check(s.db.value("SELECT count(*) FROM question WHERE id = ?", (top[1],)) == 1, "its questions stay in the bank")


NEW_QUESTION = """format = 1

[[question]]
id = "serving/canary-by-keyboard"
topic = "serving"
level = "both"
difficulty = "easy"
minutes = 5
prompt = "What does a canary release of a model check before it takes all the traffic?"
answer = "That the new model's errors, latency and business metric hold on a small slice of live traffic."

[question.rubric]
1 = "Cannot say what a canary compares."
3 = "Names error rate and latency on a traffic slice."
5 = "Adds the business metric, the slice size and when to roll back."
"""


def import_and_export(s, c, k):
    def in_bank(qid):
        return s.db.value("SELECT count(*) FROM question WHERE id = ?", (qid,)) == 1

    k.press("ctrl+Next", "ctrl+Next")  # Question sets -> Duplicates -> Import / export
    time.sleep(SETTLE)
    bank = os.path.join(s.dir, "whole-bank.toml")
    fill(k, "ctrl+e", bank)
    c.check(wait_for(lambda: os.path.exists(bank), 3), "Import / export: Ctrl+E, a path and Enter write the whole bank")
    if os.path.exists(bank):
        c.check("retired = true" in open(bank, encoding="utf-8").read(), "the written bank marks the retired questions")
    good, bad = os.path.join(s.dir, "good.toml"), os.path.join(s.dir, "bad.toml")
    with open(good, "w", encoding="utf-8") as f:
        f.write(NEW_QUESTION)
    with open(bad, "w", encoding="utf-8") as f:
        f.write(NEW_QUESTION.replace('id = "serving/canary-by-keyboard"', 'id = "serving/other"\nminutes = "five"'))
    fill(k, "ctrl+o", f"{good};{bad}")
    time.sleep(SETTLE)
    s.screenshot("import-refused")
    c.check(not in_bank("serving/canary-by-keyboard"), "Ctrl+O, a good and a broken file, Enter: nothing is imported")
    fill(k, "ctrl+o", good)
    time.sleep(SETTLE)
    s.stable_capture(s.app.window)
    s.screenshot("import-preview")
    c.check(not in_bank("serving/canary-by-keyboard"), "Ctrl+O, the good file, Enter: a preview of what would change, nothing written")
    k.press("Return")
    c.check(wait_for(lambda: in_bank("serving/canary-by-keyboard"), 3), "Enter again imports: its question is in the bank")
    s.screenshot("import-done")

    # --- the same with a spreadsheet: the bank out as CSV, a row added, the sheet in again ----------
    sheet = os.path.join(s.dir, "team-sheet.csv")
    fill(k, "ctrl+e", sheet)
    c.check(wait_for(lambda: os.path.exists(sheet), 3), "Ctrl+E and a path ending .csv write the bank as a spreadsheet")
    if os.path.exists(sheet):
        with open(sheet, encoding="utf-8", newline="") as f:
            text = f.read()
        c.check(text.startswith("id,topic,tags,level,difficulty,minutes,prompt,answer"), "the sheet has a header row")
        with open(sheet, "a", encoding="utf-8", newline="") as f:
            f.write('"sheet/new-row","sheet","","junior","easy",4,"Added in the spreadsheet?","Yes.","","a","b","c",\r\n')
        fill(k, "ctrl+o", sheet)
        time.sleep(SETTLE)
        k.press("Return")
        c.check(wait_for(lambda: in_bank("sheet/new-row"), 5), "Ctrl+O, the edited sheet, Enter, Enter: its new row is imported")
        s.screenshot("sheet-imported")


if __name__ == "__main__":
    sys.exit(run(scenario, "curator_review", __doc__))
