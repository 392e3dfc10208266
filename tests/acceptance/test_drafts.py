#!/usr/bin/env python3
"""Scenario: a team's wiki page of questions becomes drafts, and a curator completes them.

The page is a Markdown file as teams keep them (numbered headings, a bold question, Q: and A:
lines). In the Library's Import / export tab: Ctrl+O, the page's path, Enter shows what would
be added and writes nothing; Enter again imports its questions as drafts. A page with no
question in it is refused and nothing is written. Back on the Questions tab, Ctrl+D opens the
first draft in the editor; Alt+S makes it senior, Tab reaches the rubric, its three anchors are
typed, Ctrl+S saves it and it is a draft no more. Ctrl+D opens the next; saved without a rubric
it stays a draft. A plan made after that never holds a draft (the Plan screen's headless tests
drive that part).
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import SETTLE, fill, keys, run, wait_for  # noqa: E402

PAGE = """# Platform team interview questions

Collected from our wiki.

## 1. How would you version a training dataset?

Snapshot it with a content hash, and record the hash with the model.

**How do you decide when to retrain a model?**

On a schedule at first; later on measured drift or a drop in the business metric.

Q: What goes into a model's release checklist?
A: Offline metrics against the current model, a shadow run, and a rollback plan.
"""

RUBRIC = ["Copies files by hand.", "Hashes the data and records it with the model.",
          "Weighs snapshot cost against reproducibility and says which datasets need it."]


def scenario(s, c, args):
    s.cli("demo", "--db", s.db_path)
    s.write_ui_settings(last_screen="library")
    page = os.path.join(s.dir, "platform-wiki.md")
    with open(page, "w", encoding="utf-8") as f:
        f.write(PAGE)
    empty = os.path.join(s.dir, "meeting-notes.md")
    with open(empty, "w", encoding="utf-8") as f:
        f.write("# Notes\n\nWe talked about the roadmap.\n")
    k = keys(s)
    app = s.launch().start()
    app.wait_ready()

    def drafts():
        return {r["question_id"]: r for r in s.db.rows("SELECT * FROM question_draft")}

    def in_page_order():
        """The drafts as Ctrl+D takes them: by page, then line."""
        def where(row):
            file, _, line = row["source"].rpartition(":")
            return file, int(line)
        return [r["question_id"] for r in sorted(drafts().values(), key=where)]

    def questions():
        return s.db.value("SELECT count(*) FROM question")

    before = questions()
    k.press("ctrl+Next", "ctrl+Next", "ctrl+Next")  # Questions -> sets -> Duplicates -> Import / export
    time.sleep(SETTLE)
    fill(k, "ctrl+o", empty)
    time.sleep(SETTLE)
    s.screenshot("page-without-questions")
    c.check(questions() == before and not drafts(), "Ctrl+O, a page with no question, Enter: refused, nothing written")

    fill(k, "ctrl+o", page)
    time.sleep(SETTLE)
    s.stable_capture(app.window)
    s.screenshot("page-preview")
    c.check(questions() == before and not drafts(), "Ctrl+O, the wiki page, Enter: a preview, nothing written")
    k.press("Return")
    c.check(wait_for(lambda: len(drafts()) == 3, 3), "Enter again imports the page's three questions as drafts",
            f"drafts: {sorted(drafts())}")
    c.check(questions() == before + 3, "the drafts are in the bank")
    s.screenshot("page-imported")

    # --- the walkthrough: Ctrl+D, a level, a rubric, Ctrl+S -----------------------------------------
    k.press("ctrl+Prior", "ctrl+Prior", "ctrl+Prior")  # back to Questions
    time.sleep(SETTLE)
    first = in_page_order()[0]
    k.press("ctrl+d")
    time.sleep(SETTLE)
    s.screenshot("draft-opened")
    k.press("alt+s")
    k.press(*["Tab"] * 7)  # Id -> Topic, Tags, Minutes, Prompt, Answer, Follow-ups, Rubric 1
    time.sleep(SETTLE)
    for i, anchor in enumerate(RUBRIC):
        if i:
            k.press("Tab")
            time.sleep(SETTLE)
        k.type(anchor)
    k.press("ctrl+s")
    c.check(wait_for(lambda: first not in drafts(), 3), f"Ctrl+D, Alt+S, the rubric, Ctrl+S: {first} is a draft no more",
            f"drafts: {sorted(drafts())}")
    row = s.db.rows("SELECT level, rubric_1, rubric_3, rubric_5 FROM question WHERE id = ?", (first,))
    c.check(row and row[0]["level"] == "senior", "Alt+S made it senior", f"{row}")
    c.check(row and [row[0]["rubric_1"], row[0]["rubric_3"], row[0]["rubric_5"]] == RUBRIC,
            "its rubric is the three anchors typed", f"{row}")
    s.screenshot("draft-completed")

    second = in_page_order()[0]
    k.press("ctrl+d")
    time.sleep(SETTLE)
    k.press("ctrl+s")
    time.sleep(SETTLE)
    c.check(second in drafts() and not drafts()[second]["level_given"],
            "Ctrl+D, Ctrl+S with no level or rubric: it stays a draft", f"drafts: {sorted(drafts())}")
    s.screenshot("draft-still-draft")
    app.quit()


if __name__ == "__main__":
    sys.exit(run(scenario, "drafts", __doc__))
