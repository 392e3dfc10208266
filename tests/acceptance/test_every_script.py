#!/usr/bin/env python3
"""Scenario: candidates named in every script, typed into the window, drawn, and reported.

An interviewer types candidates' names in Chinese, Japanese, Korean, Arabic, Hebrew,
Devanagari and with emoji (C, the name, Enter, as on the Candidates screen). Each reaches the
database exactly as typed (an emoji too: Dear ImGui 1.86 holds characters in 16 bits and
would store "?" for it). Each is drawn with real glyphs: the window showing the name differs
from the same window showing as many "?" (what ImGui draws for a character it has no glyph
for). The presenter window draws a prompt in Japanese the same way. The HTML report holds each
name as typed, and the PDF report embeds a font that has its script (Noto Sans has none of them).
"""

import os
import shutil
import sqlite3
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import SETTLE, keys, run, wait_for  # noqa: E402

NAMES = {
    "Chinese": ("王小明", ("CJK",)),
    "Japanese": ("山田花子", ("CJK",)),
    "Korean": ("김민준", ("CJK",)),
    "Arabic": ("مريم الحسن", ("Arabic", "DejaVu")),  # Noto Sans has neither; DejaVu Sans has both
    "Hebrew": ("דוד כהן", ("Hebrew", "DejaVu")),
    "Devanagari": ("प्रिया शर्मा", ("Devanagari",)),
    "emoji": ("Zoë 🚀☕", None),
}
PROMPT = "機械学習モデルのドリフトをどう検知しますか？"


def as_question_marks(text):
    return "".join(" " if ch == " " else "?" for ch in text)


def screenshot(s, db, png, view):
    s.cli("--db", db, "--view", view, "--screenshot", png)
    with open(png, "rb") as f:
        return f.read()


def only_candidate(source, target, name, shown_as):
    """A copy of the database where `name` is the one candidate left in its loop, named `shown_as`."""
    shutil.copy(source, target)
    con = sqlite3.connect(target)
    con.execute("UPDATE candidate SET archived = 1 WHERE name != ?", (name,))
    con.execute("UPDATE candidate SET name = ? WHERE name = ?", (shown_as, name))
    con.commit()
    con.close()


def with_prompt(source, target, prompt):
    """A copy of the database whose interview in progress asks `prompt` in every question."""
    shutil.copy(source, target)
    con = sqlite3.connect(target)
    iv = con.execute("SELECT id FROM interview WHERE status = 'in_progress'").fetchone()[0]
    con.execute("UPDATE interview_question SET prompt = ? WHERE interview_id = ?", (prompt, iv))
    con.execute("UPDATE question SET prompt = ? WHERE id IN (SELECT question_id FROM interview_question "
                "WHERE interview_id = ?)", (prompt, iv))
    con.commit()
    con.close()


def free_keycodes(s):
    """Keycodes the X keyboard map leaves empty."""
    free = []
    for line in s.x(["xmodmap", "-pke"]).splitlines():
        parts = line.split("=")
        if len(parts) == 2 and not parts[1].strip():
            free.append(int(parts[0].split()[1]))
    return free


def map_keys_for(s, free, text):
    """Gives every character of `text` beyond ASCII one of the `free` keys in the X keyboard map.

    xdotool types a character the map lacks by mapping a spare key to it for a moment and back;
    a window that reads the key after that (busy drawing the glyph before) sees another
    character. A person's keyboard or input method does not change under them, so here neither.
    """
    wanted = sorted({ch for ch in text if ord(ch) > 0x7E and not ch.isspace()})
    if len(wanted) > len(free):
        raise RuntimeError(f"{len(wanted)} characters to map, {len(free)} free keys")
    s.x(["xmodmap"] + [arg for code, ch in zip(free, wanted) for arg in ("-e", f"keycode {code} = U{ord(ch):04X}")])


def scenario(s, c, args):
    s.cli("demo", "--db", s.db_path)
    free = free_keycodes(s)
    s.write_ui_settings(last_screen="candidates")
    k = keys(s)
    app = s.launch().start()
    app.wait_ready()

    # --- typed into the window, as a person types them ------------------------------------------
    for script, (name, _) in NAMES.items():
        k.press("c")
        time.sleep(SETTLE)
        map_keys_for(s, free, name)  # the name before stored: its keys change only now
        k.type(name)
        k.press("Return")
        stored = wait_for(lambda: s.db.rows("SELECT name FROM candidate WHERE name = ?", (name,)), 4)
        c.check(stored, f"a name in {script} typed after C is stored exactly as typed: {name}",
                f"candidates now: {[r['name'] for r in s.db.rows('SELECT name FROM candidate')]}")
    s.screenshot("typed-names")
    app.quit()

    # --- drawn with glyphs, not "?" ---------------------------------------------------------------
    for script, (name, _) in NAMES.items():
        real, marks = os.path.join(s.dir, "real.db"), os.path.join(s.dir, "marks.db")
        only_candidate(s.db_path, real, name, name)
        only_candidate(s.db_path, marks, name, as_question_marks(name))
        png = os.path.join(s.artifacts, f"name-{script.lower()}.png")
        drawn = screenshot(s, real, png, "candidates")
        unknown = screenshot(s, marks, os.path.join(s.dir, "marks.png"), "candidates")
        c.check(drawn != unknown, f"the Candidates screen draws the {script} name with glyphs, not '?'",
                f"the screen with {name!r} is the screen with {as_question_marks(name)!r} ({png})")

    real, marks = os.path.join(s.dir, "real.db"), os.path.join(s.dir, "marks.db")
    with_prompt(s.db_path, real, PROMPT)
    with_prompt(s.db_path, marks, as_question_marks(PROMPT))
    png = os.path.join(s.artifacts, "presenter-japanese.png")
    drawn = screenshot(s, real, png, "presenter")
    unknown = screenshot(s, marks, os.path.join(s.dir, "marks.png"), "presenter")
    c.check(drawn != unknown, "the presenter draws a prompt in Japanese with glyphs, not '?'", png)

    # --- reports: HTML as typed, PDF with a font for each script ----------------------------------
    for script, (name, family) in NAMES.items():
        html = os.path.join(s.dir, f"{script}.html")
        pdf = os.path.join(s.dir, f"{script}.pdf")
        s.cli("--db", s.db_path, "report", name, "--format", "html", "--out", html)
        s.cli("--db", s.db_path, "report", name, "--format", "pdf", "--out", pdf)
        with open(html, encoding="utf-8") as f:
            c.check(name in f.read(), f"the HTML report holds the {script} name as typed")
        if family:
            with open(pdf, "rb") as f:
                fonts = {line.split(b"+", 1)[-1].decode("latin-1") for line in f.read().split(b"/BaseFont /")[1:]
                         for line in [line.split(b"\n", 1)[0].split(b" ", 1)[0]]}
            c.check(any(f in font for font in fonts for f in family),
                    f"the PDF report embeds a font for {script} ({family})", f"fonts: {sorted(fonts)}")


if __name__ == "__main__":
    sys.exit(run(scenario, "every-script", __doc__))
