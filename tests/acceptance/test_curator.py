#!/usr/bin/env python3
"""Scenario 7: a curator writes a new question, keyboard only, and sees the ones the bank has like it.

On the shipped bank: Ctrl+1 (Library), Ctrl+N (a new question, the keyboard in its Id field),
the id typed over the placeholder, Tab to the prompt, a prompt typed that asks what
serving/dynamic-batching already asks. The editor lists the closest questions as the prompt is
typed; Alt+1 shows the closest in full below them (the window changes), Alt+1 again hides it
(the window is as before). Ctrl+S saves the new question all the same: a curator decides.
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import SETTLE, keys, run, wait_for  # noqa: E402

NEW_ID = "serving/batching-tuning"
PROMPT = "How would you tune dynamic batching on a GPU model server"


def scenario(s, c, args):
    s.cli("questions")  # a new database, seeded with the shipped bank
    k = keys(s)
    app = s.launch().start()
    app.wait_ready()
    k.press("ctrl+1")
    time.sleep(SETTLE)
    k.press("ctrl+n")
    time.sleep(SETTLE)
    k.press("ctrl+a")  # the placeholder id is selected and typed over
    k.type(NEW_ID)
    k.press("Tab", "Tab", "Tab", "Tab")  # Topic, Tags, Minutes, Prompt
    time.sleep(SETTLE)
    k.type(PROMPT)
    time.sleep(0.5)  # the last lookup comes 150 ms after the last keystroke
    listed = s.stable_capture(app.window)
    s.screenshot("close-questions-listed")

    k.press("alt+1")
    shown = s.stable_capture(app.window)
    changed = shown.changed_fraction(listed)
    c.check(changed > 0.01, "Alt+1 shows the closest question in full below the list",
            f"{changed:.2%} of the window changed")
    s.screenshot("closest-shown")
    k.press("alt+1")
    hidden = s.stable_capture(app.window)
    c.check(hidden.changed_fraction(listed) < changed / 4, "Alt+1 again hides it",
            f"{hidden.changed_fraction(listed):.2%} differs from the list alone")

    k.press("ctrl+s")
    saved = wait_for(lambda: s.db.value("SELECT prompt FROM question WHERE id = ?", (NEW_ID,)), 3)
    c.check(saved == PROMPT, "Ctrl+S saves the new question with the prompt typed", f"saved {saved!r}")
    app.quit()


if __name__ == "__main__":
    sys.exit(run(scenario, "curator", __doc__))
