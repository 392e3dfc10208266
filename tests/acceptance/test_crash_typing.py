#!/usr/bin/env python3
"""Scenario 3: the window killed (SIGKILL) while the interviewer types notes, again and again.

The promise: nothing typed more than 1 s before a crash is lost, the database is never
damaged, and the next start returns to the question being typed on and says a draft was
recovered. Each trial starts the app on the same database (an interview in progress, on the
Interview screen), finds which question it reopened on (0 clears that question's score, which
the trial then gives back), moves to a target question (never the first), presses N and types
a long text steadily (`xdotool type --delay 60` in 4-character pieces, each piece timed), and
kills the app after a random 0.6-2.6 s of typing (seeded). Then, with the app dead:
PRAGMA integrity_check, every score and note of every interview as expected, and the target's
notes = the notes before + a prefix of what was typed, holding every character sent more than
1.0 s before the kill. Figures: characters lost per trial, the age of the oldest lost one.
"""

import os
import random
import signal
import statistics
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import SETTLE, keys, run, wait_for  # noqa: E402

TRIALS = 20
TARGETS = [2, 3, 4, 5]  # 0-based question indexes typed on, in turn: questions 3-6
PIECE = 4  # characters per xdotool run: each piece's start and end are timed
PROMISE = 1.0  # seconds: what was typed longer ago than this before a crash is saved
WORDS = ("drift feature store latency canary rollback shadow traffic label skew retrain window "
         "budget alert owner pager runbook schema contract lineage quota replica batch stream "
         "cache warm cold start probe metric baseline threshold").split()


def all_answers(db):
    return {(r["interview_id"], r["position"]): (r["score"], r["notes"], r["follow_ups_asked"])
            for r in db.rows("SELECT interview_id, position, score, notes, follow_ups_asked FROM interview_question")}


def place(db, iv):
    rows = db.rows("SELECT * FROM interview_place WHERE interview_id = ?", (iv,))
    return rows[0] if rows else None


class Typist(threading.Thread):
    """Types `text` in timed pieces until stopped. The piece typing at the kill is let finish
    (into a dead window), never cut off: a cut-off xdotool could leave a key held down."""

    def __init__(self, k, text):
        super().__init__(daemon=True)
        self.k, self.text = k, text
        self.sent = []  # (start, end, piece): pieces wholly typed before the kill
        self.in_flight = None  # (start, piece): the piece being typed at the kill, partly sent
        self.killed_at = None
        self.lock = threading.Lock()

    def run(self):
        for i in range(0, len(self.text), PIECE):
            piece = self.text[i : i + PIECE]
            with self.lock:
                if self.killed_at is not None:
                    return
            start = time.monotonic()
            self.k.typing_process(piece).wait()
            end = time.monotonic()
            with self.lock:
                if self.killed_at is not None and end > self.killed_at:
                    self.in_flight = (start, piece)
                    return
                self.sent.append((start, end, piece))

    def stop(self, killed_at):
        with self.lock:
            self.killed_at = killed_at
        self.join(10)


def scenario(s, c, args):
    seed = args.seed if args.seed is not None else 20261118
    rng = random.Random(seed)
    print(f"  seed {seed}, {TRIALS} trials", flush=True)
    s.cli("demo", "--db", s.db_path)
    iv = s.db.value("SELECT id FROM interview WHERE status = 'in_progress'")
    count = len(s.db.responses(iv))
    c.require(count > max(TARGETS), f"the demo's open interview has more than {max(TARGETS) + 1} questions")
    s.write_ui_settings(last_screen="interview", interviewer="Chloe Martin")
    k = keys(s)
    expected = all_answers(s.db)

    def scores():
        return [r["score"] for r in s.db.responses(iv)]

    def set_score(i, value, what):
        k.press(str(value))
        ok = wait_for(lambda: scores()[i] == value, 2.5)
        c.require(ok, what, f"scores {scores()}, wanted {value} on question {i + 1}")
        expected[(iv, i)] = (value,) + expected[(iv, i)][1:]

    def probe():
        """Which question the keys act on: 0 clears its score (then it is given back)."""
        end = time.monotonic() + 20
        while time.monotonic() < end:
            if not app.alive():
                raise AssertionError("panelist died while starting: " + app.tail())
            k.press("0")
            cleared = wait_for(lambda: [i for i, v in enumerate(scores()) if v is None], 0.8)
            if cleared:
                return cleared[0]
        return None

    # Trial 0 starts on the demo's interview: give every question a score, so the probe works.
    app = s.launch().start()
    app.wait_ready()
    s.screenshot("first-start")
    k.press("Home")
    for i in range(count):
        if expected[(iv, i)][0] is None:
            set_score(i, i % 5 + 1, f"question {i + 1} scored before the trials")
        if i + 1 < count:
            k.press("Right")
    here = count - 1

    lost, ages, typed_counts, kill_after = [], [], [], []
    previous_target = None
    for trial in range(TRIALS + 1):
        final = trial == TRIALS
        if trial > 0:
            marker = place(s.db, iv)
            app = s.launch().start()
            if trial == 1 or final:
                at_start = s.stable_capture(app.window)
                s.screenshot(f"restart-after-crash-{trial}")
            k.press("Escape")
            here = probe()
            c.require(here is not None, f"trial {trial}: the app answers keys after the restart")
            set_score(here, expected[(iv, here)][0], f"trial {trial}: the probed score is given back")
            c.check(here == previous_target,
                    f"trial {trial}: the app reopens on the question being typed on (question {previous_target + 1})",
                    f"keys act on question {here + 1}; interview_place before the start: {marker}")
            if final:
                c.check(marker is not None and marker.get("open") == 1 and marker.get("position") == previous_target,
                        "the database marks the interview open at that question after a crash (interview_place)",
                        f"interview_place: {marker}")
                # "A draft was recovered": something is shown at the start that is gone after moving.
                k.press("Home", *["Right"] * here)
                time.sleep(SETTLE)
                later = s.stable_capture(app.window)
                s.screenshot("after-moving-away-and-back")
                change = at_start.changed_fraction(later)
                print(f"  at the last start vs after moving away and back: {change:.3%} of the window differs",
                      flush=True)
                c.check(change > 0.004,
                        "after a crash the window shows a message at start (the recovered draft) that a clean "
                        "start does not", f"{change:.2%} of the window differs after moving away and back")
                break

        target = TARGETS[trial % len(TARGETS)]
        step = "Right" if target > here else "Left"
        if target != here:
            k.press(*[step] * abs(target - here))
        set_score(target, expected[(iv, target)][0] % 5 + 1,
                  f"trial {trial}: {step} x{abs(target - here)} from question {here + 1} reaches question {target + 1} "
                  "(a score lands there)")
        before = s.db.responses(iv)[target]["notes"]
        k.press("n")
        time.sleep(SETTLE)
        text = f" trial {chr(97 + trial % 26)}{chr(97 + trial // 26)}: " + " ".join(rng.choice(WORDS) for _ in range(40))
        typist = Typist(k, text)
        wait = rng.uniform(0.6, 2.6)
        typist.start()
        time.sleep(wait)
        killed_at = time.monotonic()
        os.kill(app.pid, signal.SIGKILL)
        typist.stop(killed_at)
        code = app.proc.wait(10)
        c.require(code == -signal.SIGKILL, f"trial {trial}: the app died of SIGKILL", f"exit {code}")
        kill_after.append(wait)

        sent = "".join(p for _, _, p in typist.sent)
        maybe = sent + (typist.in_flight[1] if typist.in_flight else "")
        required = "".join(p for _, end, p in typist.sent if end <= killed_at - PROMISE)
        c.require(s.db.integrity() == "ok", f"trial {trial}: PRAGMA integrity_check is ok")
        now = all_answers(s.db)
        notes = now[(iv, target)][1]
        others = {key: v for key, v in now.items() if key != (iv, target)}
        want_others = {key: v for key, v in expected.items() if key != (iv, target)}
        c.check(others == want_others, f"trial {trial}: every other score and note is intact",
                f"changed: {[(key, want_others.get(key), v) for key, v in others.items() if want_others.get(key) != v][:3]}")
        c.check(now[(iv, target)][0] == expected[(iv, target)][0], f"trial {trial}: the target's score is intact")
        if not c.check(notes.startswith(before), f"trial {trial}: the notes from before the trial are kept at the start",
                       f"before {before!r}\n          now    {notes!r}"):
            added = ""
        else:
            added = notes[len(before):]
        c.check(maybe.startswith(added), f"trial {trial}: what was saved is a prefix of what was typed",
                f"saved {added!r}\n          typed {maybe!r}")
        lost_now = max(0, len(sent) - len(added))
        age = 0.0
        if lost_now:
            # the first lost character: when its piece was being typed (linear within the piece)
            i, pos = len(added), 0
            for start, end, piece in typist.sent:
                if pos + len(piece) > i:
                    age = killed_at - (start + (end - start) * (i - pos + 1) / len(piece))
                    break
                pos += len(piece)
        c.check(len(added) >= len(required) and added.startswith(required[: len(added)]),
                f"trial {trial}: everything typed more than {PROMISE:.0f} s before the kill is saved",
                f"typed {len(sent)} chars in {wait:.2f} s, {len(required)} of them over {PROMISE} s before the kill; "
                f"saved {len(added)}; oldest lost character typed {age:.2f} s before the kill")
        print(f"  trial {trial:2}: question {target + 1}, killed after {wait:.2f} s, typed {len(sent):3} "
              f"(+{len(maybe) - len(sent)} in flight), saved {len(added):3}, lost {lost_now:3}, "
              f"oldest lost {age:.2f} s old", flush=True)
        lost.append(lost_now)
        ages.append(age)
        typed_counts.append(len(sent))
        expected[(iv, target)] = (expected[(iv, target)][0], notes, expected[(iv, target)][2])
        previous_target = target

    c.require(s.db.integrity() == "ok", "after all trials: PRAGMA integrity_check is ok")
    c.equal(app.quit(), 0, "the last start closes cleanly on SIGTERM")
    c.check(all_answers(s.db) == expected, "after all trials: every score and note is as expected")
    marker = place(s.db, iv)
    if marker is not None:
        c.check(marker.get("open") == 0, "a clean close clears the interview's open mark", f"{marker}")
    print(f"\n  crash figures: {len(lost)} kills after {min(kill_after):.2f}-{max(kill_after):.2f} s of typing; "
          f"typed {statistics.mean(typed_counts):.0f} chars per trial on average; "
          f"lost per trial mean {statistics.mean(lost):.1f}, worst {max(lost)}; "
          f"oldest lost character at most {max(ages):.2f} s old at the kill", flush=True)


if __name__ == "__main__":
    sys.exit(run(scenario, "crash_typing", __doc__))
