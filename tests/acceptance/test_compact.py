#!/usr/bin/env python3
"""Scenario 5: compact mode (F2), with a real window manager deciding size, place and stacking.

F2 on the Interview screen makes the window small and keeps it above other windows
(_NET_WM_STATE_ABOVE, as xprop shows it); scores and notes typed there reach the database. F2
again brings back the full window at its earlier size, no longer above. Compact once more,
moved to another place on the screen (xdotool windowmove, as a person drags it), the app ended
as a desktop session ends it (SIGTERM, a clean exit): the next start comes back compact, above,
at that place and size.
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import SETTLE, keys, run, wait_for  # noqa: E402

ABOVE = "_NET_WM_STATE_ABOVE"
NOTE = " Compact: answered calmly."  # no digits: they would score if the notes field missed the keys
MOVE_TO = (900, 100)
SLACK = 4  # px a window manager may shift a window by (borders, rounding)


def near(a, b, slack=SLACK):
    return abs(a["x"] - b["x"]) <= slack and abs(a["y"] - b["y"]) <= slack


def scenario(s, c, args):
    s.cli("demo", "--db", s.db_path)
    iv = s.db.value("SELECT id FROM interview WHERE status = 'in_progress'")
    c.require(iv, "the demo data has an interview in progress")
    s.write_ui_settings(last_screen="interview", interviewer="Chloe Martin")
    k = keys(s)
    app = s.launch().start()
    app.wait_ready()
    full = app.geometry()
    c.require(full, "xdotool reports the window's geometry")
    c.check(ABOVE not in app.wm_state(), "the full window does not start above other windows",
            f"_NET_WM_STATE {app.wm_state()}")

    def score(i):
        return s.db.responses(iv)[i]["score"]

    def press_score(i, what):
        value = (score(i) or 0) % 5 + 1  # another score than the current one
        k.press(str(value))
        return c.check(wait_for(lambda: score(i) == value, 2.5), what,
                       f"scores now {[r['score'] for r in s.db.responses(iv)]}, wanted {value} on question {i + 1}")

    # --- F2: small and above ---------------------------------------------------------------------
    k.press("Home")
    time.sleep(SETTLE)
    k.press("F2")
    above = wait_for(lambda: ABOVE in app.wm_state(), 3)
    c.check(above, "F2 keeps the window above other windows (_NET_WM_STATE_ABOVE)",
            f"_NET_WM_STATE {app.wm_state()}")
    small = wait_for(lambda: (lambda g: g if g and g["w"] * g["h"] < full["w"] * full["h"] * 0.6 else None)(
        app.geometry()), 3)
    c.check(small, "F2 makes the window clearly smaller", f"full {full}, now {app.geometry()}")
    small = small or app.geometry()
    print(f"  full {full}, compact {small}", flush=True)
    time.sleep(SETTLE)
    s.screenshot("compact")

    press_score(0, "in compact mode a number key scores the question")
    before = s.db.responses(iv)[0]["notes"]
    k.press("n")
    time.sleep(SETTLE)
    k.type(NOTE)
    k.press("Escape")
    ok = wait_for(lambda: s.db.responses(iv)[0]["notes"] == before + NOTE, 3)
    c.check(ok, "in compact mode N, typing, Esc adds to the question's notes",
            f"expected {before + NOTE!r}\n          saved    {s.db.responses(iv)[0]['notes']!r}")
    s.screenshot("compact-scored")

    # --- F2 again: the full window back ------------------------------------------------------------
    k.press("F2")
    c.check(wait_for(lambda: ABOVE not in app.wm_state(), 3), "F2 again: the window no longer stays above others",
            f"_NET_WM_STATE {app.wm_state()}")
    back = wait_for(lambda: (lambda g: g if g and (g["w"], g["h"]) == (full["w"], full["h"]) else None)(
        app.geometry()), 3)
    c.check(back, "F2 again: the window is back at its earlier size", f"before {full}, now {app.geometry()}")
    c.check(back and near(back, full), "F2 again: the window is back at its earlier place",
            f"before {full}, now {app.geometry()}")
    time.sleep(SETTLE)
    s.screenshot("full-again")

    # --- compact, moved, a clean exit, a restart ------------------------------------------------------
    k.press("F2")
    c.check(wait_for(lambda: ABOVE in app.wm_state(), 3), "F2 once more: above again")
    again = wait_for(lambda: (lambda g: g if g and (g["w"], g["h"]) == (small["w"], small["h"]) else None)(
        app.geometry()), 3)
    c.check(again, "F2 once more: the compact window has the size it had before", f"before {small}, now {app.geometry()}")
    s.x(["xdotool", "windowmove", str(app.window), str(MOVE_TO[0]), str(MOVE_TO[1])])
    moved = wait_for(lambda: (lambda g: g if g and near(g, {"x": MOVE_TO[0], "y": MOVE_TO[1]}, 60) else None)(
        app.geometry()), 3)
    c.require(moved, f"xdotool windowmove puts the compact window near {MOVE_TO}", f"now {app.geometry()}")
    time.sleep(0.3)  # the app reads its place each frame; a moved window gets one
    moved = app.geometry()
    print(f"  moved compact window: {moved}", flush=True)
    code = app.quit()
    c.equal(code, 0, "SIGTERM ends the app cleanly")
    ui = s.ui_settings()
    c.check(ui.get("compact") is True, "ui.json says compact", f"ui.json {ui}")

    app = s.launch().start()
    c.check(wait_for(lambda: ABOVE in app.wm_state(), 3), "after a restart the window is compact and above again",
            f"_NET_WM_STATE {app.wm_state()}")
    # the window manager maps the window, then it moves to its place
    back = wait_for(lambda: (lambda g: g if g and near(g, moved) and (g["w"], g["h"]) == (moved["w"], moved["h"])
                             else None)(app.geometry()), 3)
    c.check(back, f"after a restart the compact window is where it was left (within {SLACK} px) and as large",
            f"left at {moved}, now {app.geometry()}; ui.json {ui.get('compact_window')}")
    app.wait_ready()
    g = app.geometry()  # still there once the app answers keys: not just passing through
    c.check(g and near(g, moved) and (g["w"], g["h"]) == (moved["w"], moved["h"]) and ABOVE in app.wm_state(),
            "once ready after the restart, the compact window is still there, as large and above",
            f"left at {moved}, now {g}; _NET_WM_STATE {app.wm_state()}")
    s.screenshot("compact-restarted")
    k.press("Home")
    press_score(0, "after the restart, compact, a number key still scores the question")
    app.quit()


if __name__ == "__main__":
    sys.exit(run(scenario, "compact", __doc__))
