#!/usr/bin/env python3
"""Scenario: keys tapped faster than the window draws are all acted on, in the order typed.

A person tapping Right, 3, Right, 4 quickly, or fixing a typo with Backspace mid-word, presses
and releases keys within one frame when a frame is slow (software GL, a window just opened, a
busy laptop). Dear ImGui 1.86 reads keys once a frame, so such a key used to be lost, and keys
typed in one frame acted in the order the screen looked at them. Here every key goes down and up
with no time between (xdotool with no holds or gaps), and every frame takes 150 ms longer
(PANELIST_SLOW_FRAMES_MS), so the taps of one xdotool run all arrive within one frame.
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import SETTLE, keys, run, wait_for  # noqa: E402

PRESENTER = "^Panelist - presenter$"


KEY_NAMES = {" ": "space", "-": "minus"}


def taps(*names):
    """xdotool arguments: each key down and up at once, the next right after."""
    args = []
    for name in names:
        args += ["keydown", name, "keyup", name]
    return args


def typed(text):
    """Taps for plain text (letters, space, minus), as fast as taps()."""
    return taps(*(KEY_NAMES.get(ch, ch) for ch in text))


def scenario(s, c, args):
    s.cli("demo", "--db", s.db_path)
    iv = s.db.value("SELECT id FROM interview WHERE status = 'in_progress'")
    s.write_ui_settings(last_screen="interview", interviewer="Chloe Martin")
    k = keys(s)
    os.environ["PANELIST_SLOW_FRAMES_MS"] = "150"  # the session passes the environment on
    app = s.launch().start()
    app.wait_ready()

    def scores():
        return [r["score"] for r in s.db.responses(iv)]

    def other(score, avoid=()):
        return next(v for v in (3, 4, 2, 5, 1) if v != score and v not in avoid)

    # --- Right, digit, Right, digit, Left, digit: six taps in one go ----------------------------------
    k.press("Home")
    time.sleep(SETTLE)
    before = scores()
    want = [other(before[1]), other(before[2]), None]
    want[2] = other(want[1], avoid=(before[1],))
    s.x(["xdotool", *taps("Right", str(want[0]), "Right", str(want[1]), "Left", str(want[2]))])
    expected = [before[0], want[2], want[1]] + before[3:]
    c.check(wait_for(lambda: scores() == expected, 4),
            "six keys tapped with no time between land in order: question 2, question 3, back to question 2",
            f"scores before {before}, now {scores()}, wanted {expected}")
    c.check(scores()[0] == before[0], "the first question, where the taps started, is untouched")

    # --- notes with a typo fixed at speed ---------------------------------------------------------------
    k.press("Home")
    time.sleep(SETTLE)
    notes_before = s.db.responses(iv)[0]["notes"]
    s.x(["xdotool", *taps("n"), *typed(" trade-offz"), *taps("BackSpace", "BackSpace"), *typed("fs"),
         *taps("Escape")])
    wanted_notes = notes_before + " trade-offs"
    c.check(wait_for(lambda: s.db.responses(iv)[0]["notes"] == wanted_notes, 4),
            "N, then text typed at speed with two Backspaces in the middle, then Esc: saved as typed",
            f"notes now {s.db.responses(iv)[0]['notes']!r}, wanted {wanted_notes!r}")

    # --- P, then a digit at once: the presenter's first frame is the slow one -------------------------
    k.press("Home", "Right", "Right", "Right")
    time.sleep(SETTLE)
    before = scores()
    value = other(before[3])
    s.x(["xdotool", *taps("p", str(value))])
    c.check(wait_for(lambda: app.find_windows(PRESENTER), 5), "P opens the presenter")
    c.check(wait_for(lambda: scores()[3] == value, 4),
            "a digit tapped right after P, while the presenter opens, scores the question",
            f"scores now {scores()}, wanted {value} on question 4")
    s.screenshot("after-quick-keys")
    k.press("p")
    c.check(wait_for(lambda: not app.find_windows(PRESENTER), 3), "P closes the presenter")
    c.equal(app.quit(), 0, "the window closes cleanly on SIGTERM")


if __name__ == "__main__":
    sys.exit(run(scenario, "quick_keys", __doc__))
