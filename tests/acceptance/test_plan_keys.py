#!/usr/bin/env python3
"""Scenario 4: the Plan screen and the Interview screen's remaining keys, keyboard only.

Plan (Ctrl+3) for a junior candidate: I focuses the interviewer field, prefilled with You (set
by Ctrl+Y); Down / Up choose the role set; PgDn / PgUp select a planned question (a band moves),
Alt+Down / Alt+Up move it, Delete drops it; / focuses "add a question", Down picks the second
result, Enter adds it and the field keeps the keyboard, Esc leaves it; Ctrl+Enter creates the
interview. The database's question order must be the set's order with exactly those moves.

Interview: J, End, K, PgUp, PgDn move between questions (a number key then scores the question
the move landed on); T pauses the clock (seconds_spent stops growing) and resumes it; submit,
then Ctrl+R, a reason, Enter reopens it (in progress again, a 'reopened' event).

Then a second interview for the candidate: M assembles for level and time, A assembles again
(the list changes), Ctrl+Enter creates an interview that is not a role set as it is.
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import SETTLE, keys, run, wait_for  # noqa: E402

NAME = "Dana Reviewer"
SUFFIX = " and Sam"  # typed after End in the interviewer field: no digits, no single-key commands
LOOP = "Plan keys loop"
JUNIOR = "Ada Lovelace"
QUERIES = ["drift", "rollback", "terraform", "feature"]  # the first whose 2nd result can be added
PAUSE = 1.5  # seconds with the clock paused, then running: it counts whole seconds
REASON = "Scored the wrong one"
# The plan edits, as pressed; the same list drives the expected order (see edited()).
EDITS = ["Page_Down", "Page_Down", "Page_Up", "alt+Down", "alt+Down", "Page_Up", "Page_Up", "alt+Up",
         "Page_Down", "Page_Down", "Page_Down", "Page_Down", "Delete"]


def edited(plan, presses):
    """What the Plan screen's keys do to the list (plan_screen.cpp handle_list_keys)."""
    plan, sel = list(plan), 0
    for key in presses:
        last = len(plan) - 1
        if key == "Page_Down":
            sel = min(sel + 1, last)
        elif key == "Page_Up":
            sel = max(sel - 1, 0)
        elif key == "alt+Down" and sel < last:
            plan[sel], plan[sel + 1] = plan[sel + 1], plan[sel]
            sel += 1
        elif key == "alt+Up" and sel > 0:
            plan[sel], plan[sel - 1] = plan[sel - 1], plan[sel]
            sel -= 1
        elif key == "Delete":
            del plan[sel]
            sel = max(0, min(sel, len(plan) - 1))
    return plan


def body(s, app):
    """The window without its last 40 px (the status line fades on its own)."""
    img = s.capture(app.window)
    return img.crop(0, 0, img.width, img.height - 40)


def changes(s, app, before, timeout=1.5):
    return wait_for(lambda: body(s, app) != before, timeout)


def settled_body(s, app):
    s.stable_capture(app.window, timeout=1.5)
    return body(s, app)


def add_candidate(s, c, k, name, level_key):
    k.press("ctrl+2")
    time.sleep(SETTLE)
    k.press(level_key)
    k.press("c")
    time.sleep(SETTLE)
    k.type(name)
    k.press("Return")
    row = wait_for(lambda: s.db.rows("SELECT * FROM candidate WHERE name = ?", (name,)), 3)
    c.require(row, f"Candidates: C, {name!r}, Enter adds the candidate", f"candidates: {s.db.rows('SELECT name FROM candidate')}")
    return row[0]


def scenario(s, c, args):
    k = keys(s)
    # The bank's search order, from a database of its own: what the Plan screen lists for a query.
    other = os.path.join(s.dir, "search.db")
    search = {q: [line.split()[0] for line in s.cli("--db", other, "questions", q).stdout.decode().splitlines()
                  if line.strip() and "/" in line.split()[0]][:8] for q in QUERIES}

    app = s.launch().start()
    app.wait_ready()
    t0 = time.monotonic()

    # --- You, a loop, a junior candidate ----------------------------------------------------------
    k.press("ctrl+y")
    time.sleep(SETTLE)
    k.type(NAME)
    k.press("Return")
    time.sleep(SETTLE)
    k.press("ctrl+2")
    time.sleep(SETTLE)
    k.press("l")
    time.sleep(SETTLE)
    k.type(LOOP)
    k.press("Return")
    c.require(wait_for(lambda: s.db.rows("SELECT * FROM loop WHERE name = ?", (LOOP,)), 3), "L, a name, Enter creates a loop")
    junior = add_candidate(s, c, k, JUNIOR, "Left")
    c.require(junior["level"] == "junior", "Left before C makes the new candidate junior", f"level {junior['level']!r}")

    sets = s.db.rows("SELECT seq, name, level FROM question_set ORDER BY name")
    first = next((i for i, st in enumerate(sets) if st["level"] == "junior"), None)
    c.require(first is not None and first + 1 < len(sets), "the bank has a junior role set with another after it",
              f"sets {[(st['name'], st['level']) for st in sets]}")
    members = {st["name"]: [r["id"] for r in s.db.rows(
        "SELECT q.id FROM question_set_item i JOIN question q ON q.seq = i.question_seq WHERE i.set_seq = ? "
        "ORDER BY i.position", (st["seq"],))] for st in sets}
    chosen = sets[first + 1]["name"]
    want = edited(members[chosen], EDITS)
    query = next((q for q in QUERIES if len(search[q]) > 1 and search[q][1] not in want), None)
    c.require(query, "a search whose second result is not in the plan yet", f"results {search}")
    added = search[query][1]
    want.append(added)

    # --- Plan: I, Down / Up ---------------------------------------------------------------------------
    k.press("ctrl+3")
    time.sleep(0.5)
    s.screenshot("plan-first-set")
    before = settled_body(s, app)
    k.press("i")
    c.check(changes(s, app, before), "Plan: I focuses the interviewer field (its frame and cursor show)")
    k.press("End")
    k.type(SUFFIX)
    k.press("Return")
    time.sleep(SETTLE)

    first_set = settled_body(s, app)
    k.press("Down")
    c.check(changes(s, app, first_set), f"Plan: Down shows the next role set ({chosen!r})")
    next_set = settled_body(s, app)
    k.press("Up")
    c.check(wait_for(lambda: body(s, app) == first_set, 1.5), "Plan: Up brings back the first role set, as it was")
    k.press("Down")
    c.check(wait_for(lambda: body(s, app) == next_set, 1.5), "Plan: Down again shows the next role set again")

    # --- PgDn / PgUp / Alt+Down / Alt+Up / Delete ------------------------------------------------------
    before = settled_body(s, app)
    k.press(EDITS[0])
    c.check(changes(s, app, before), "Plan: PgDn moves the highlight to the next planned question")
    k.press(*EDITS[1:4])
    before = settled_body(s, app)
    k.press(EDITS[4])
    c.check(changes(s, app, before), "Plan: Alt+Down moves the selected question one place later (the list changes)")
    k.press(*EDITS[5:])
    time.sleep(SETTLE)
    s.screenshot("plan-edited")

    # --- / search, Down, Enter, more typing, Esc ------------------------------------------------------
    before = settled_body(s, app)
    k.press("slash")
    focused = c.check(changes(s, app, before), "Plan: / focuses the 'add a question' field")
    if focused:
        k.type(query)
        time.sleep(SETTLE)
        k.press("Down")
        time.sleep(SETTLE)
        s.screenshot("plan-search")
        before = settled_body(s, app)
        k.press("Return")
        c.check(changes(s, app, before), "Plan: Enter adds the picked result (the plan grows)")
        before = settled_body(s, app)
        k.type(" x")
        c.check(changes(s, app, before), "Plan: after Enter the search field keeps the keyboard (more typing searches again)")
        k.press("Escape")
        time.sleep(SETTLE)
        before = settled_body(s, app)
        k.press("Page_Up")  # outside the field this selects the previous planned question
        c.check(changes(s, app, before), "Plan: Esc leaves the search field (PgUp selects in the plan again)")
    s.screenshot("plan-added")

    k.press("ctrl+Return")
    find_iv = lambda: s.db.rows("SELECT * FROM interview WHERE candidate_id = ?", (junior["id"],))  # noqa: E731
    iv = wait_for(find_iv, 3)
    c.require(iv, "Plan: Ctrl+Enter creates the interview")
    iv = iv[0]
    c.equal(iv["interviewer"], NAME + SUFFIX,
            "Plan: I, End, typing: the interviewer field was prefilled with You and kept what was typed")
    got = [r["question_id"] for r in s.db.responses(iv["id"])]
    c.equal(got, want, f"Plan: the interview's questions are {chosen!r} with the moves, the drop and the added "
                       f"question last (interview_question by position)")
    print(f"  set {members[chosen]}\n  want {want}", flush=True)
    n = len(got)
    # Five places are enough for the moves below to land on five different questions.
    c.require(n >= 5, "the interview has at least 5 questions")
    print(f"  plan part: {time.monotonic() - t0:.1f} s", flush=True)

    # --- Interview: J, End, K, PgUp, PgDn; a number scores the question moved to -------------------
    t1 = time.monotonic()
    k.press("s")
    c.require(wait_for(lambda: s.db.interview(iv["id"])["status"] == "in_progress", 3),
              "Ctrl+Enter opened the Interview screen, and S starts it")

    def scores():
        return [r["score"] for r in s.db.responses(iv["id"])]

    moves = [("j", 1, 2, "J moves to the next question"), ("End", n - 1, 3, "End goes to the last question"),
             ("k", n - 2, 4, "K moves to the previous question"), ("Page_Up", n - 3, 5, "PgUp moves to the previous question"),
             ("Page_Down", n - 2, 1, "PgDn moves to the next question")]
    for key, index, value, what in moves:
        k.press(key, str(value))
        ok = wait_for(lambda: scores()[index] == value, 3)
        c.check(ok, f"{what}: {value} then scores question {index + 1}", f"scores {scores()}")

    # --- T pauses the clock, T resumes it ---------------------------------------------------------------
    def seconds():
        return sum(r["seconds_spent"] for r in s.db.responses(iv["id"]))

    def place():
        return s.db.value("SELECT position FROM interview_place WHERE interview_id = ?", (iv["id"],))

    k.press("t")  # pause: the seconds so far are written at once
    time.sleep(0.4)
    paused = seconds()
    time.sleep(PAUSE)
    k.press("k")  # moving writes the clock too: nothing should have been counted meanwhile
    c.check(wait_for(lambda: place() == n - 3, 2), "K moves to the previous question (its place is saved)",
            f"place {place()}")
    time.sleep(0.3)
    c.check(seconds() == paused, f"T pauses the clock: {PAUSE} s later and a move on, seconds_spent has not grown",
            f"paused at {paused} s, now {seconds()} s")
    k.press("t")
    time.sleep(PAUSE)
    k.press("j")
    c.check(wait_for(lambda: seconds() >= paused + 1, 3), f"T again resumes the clock: {PAUSE} s later and a move on, "
            "seconds_spent has grown by at least 1", f"paused at {paused} s, now {seconds()} s")

    # --- Submit, Ctrl+R, reason, Enter --------------------------------------------------------------------
    k.press("ctrl+Return")
    time.sleep(SETTLE)
    k.press("3")
    time.sleep(SETTLE)
    k.press("Return")
    c.require(wait_for(lambda: s.db.interview(iv["id"])["status"] == "submitted", 3), "Ctrl+Enter, 3, Enter submits")
    k.press("ctrl+r")
    time.sleep(SETTLE)
    k.type(REASON)
    s.screenshot("interview-reopen-reason")
    k.press("Return")
    ok = wait_for(lambda: s.db.interview(iv["id"])["status"] == "in_progress", 3)
    c.check(ok, "Ctrl+R, a reason, Enter reopens the submitted interview (in progress again)",
            f"status {s.db.interview(iv['id'])['status']!r}")
    events = s.db.rows("SELECT kind, detail FROM interview_event WHERE interview_id = ? ORDER BY id", (iv["id"],))
    c.check({"kind": "reopened", "detail": REASON} in events, "the reopening is recorded with its reason",
            f"interview_event rows {events}")
    c.equal(s.db.interview(iv["id"])["reopen_count"], 1, "reopen_count counts the reopening")
    s.screenshot("interview-reopened")
    print(f"  interview part: {time.monotonic() - t1:.1f} s", flush=True)

    # --- M and A: a second interview for the same candidate ------------------------------------------
    # The Plan screen plans afresh, from the first junior set without the questions already asked.
    asked = set(got)
    c.require(any(q not in asked for q in members[sets[first]["name"]]),
              "the first junior set still has questions this candidate was not asked (else the plan starts assembled)")
    k.press("ctrl+3")
    time.sleep(0.5)
    before = settled_body(s, app)
    k.press("m")
    c.check(changes(s, app, before), "Plan: M switches to assembling for level and time (minutes, seed, weights show)")
    before = settled_body(s, app)
    k.press("a")
    c.check(changes(s, app, before), "Plan: A assembles again (another list of questions)")
    s.screenshot("plan-assembled")
    k.press("ctrl+Return")
    iv2 = wait_for(lambda: s.db.rows("SELECT * FROM interview WHERE candidate_id = ? AND id <> ?",
                                     (junior["id"], iv["id"])), 3)
    c.require(iv2, "Plan: Ctrl+Enter creates a second interview for the candidate")
    got2 = [r["question_id"] for r in s.db.responses(iv2[0]["id"])]
    c.check(got2 and got2 not in members.values(), "an assembled plan is not a role set as it is",
            f"planned {got2}")
    app.quit()
    print(f"  keys part total: {time.monotonic() - t0:.1f} s", flush=True)


if __name__ == "__main__":
    sys.exit(run(scenario, "plan_keys", __doc__))
