"""GUI acceptance harness: drives the real `panelist` window as a person does.

A private X server (Xvfb) with a real window manager (openbox), so focus behaves as on a
desktop; keyboard only, synthesized with XTest through xdotool (never the mouse, never
XSendEvent to a chosen window: keys go wherever X focus is). What the app did is read from
the SQLite database (read-only connections, polled with timeouts), from exported files, and
from window captures (xwd).

Python 3 standard library only. Each scenario file calls `run(scenario)`; see README.md.
"""

import argparse
import json
import os
import shutil
import signal
import sqlite3
import struct
import subprocess
import sys
import tempfile
import time
import traceback
import zlib

SKIP = 77  # ctest SKIP_RETURN_CODE
SCREEN = "1600x1000x24"
KEY_HOLD = 0.06  # a person holds a key 50-100 ms; ImGui 1.86 reads key state once a frame
KEY_GAP = 0.06  # release, then a frame, before the next press of the same key
SETTLE = 0.2  # after a key with no database effect (focus moves, reveal): a few frames
TYPE_DELAY_MS = 60

TOOLS = {"Xvfb": "xvfb", "openbox": "openbox", "xdotool": "xdotool", "xwd": "x11-apps", "xprop": "x11-utils",
         "xmodmap": "x11-xserver-utils"}


class ScenarioFailed(Exception):
    """A step the rest of the scenario depends on did not happen."""


# --- checks ---------------------------------------------------------------------------------


class Checks:
    """Soft checks (`check`) record a failure and go on; `require` stops the scenario."""

    def __init__(self, session=None):
        self.failures = []
        self.passed = 0
        self.session = session

    def check(self, ok, what, detail=""):
        if ok:
            self.passed += 1
            print(f"  ok    {what}", flush=True)
            return True
        line = f"{what}" + (f"\n          {detail}" if detail else "")
        self.failures.append(line)
        print(f"  FAIL  {line}", flush=True)
        if self.session:
            self.session.snapshot_failure(len(self.failures))
        return False

    def require(self, ok, what, detail=""):
        if not self.check(ok, what, detail):
            raise ScenarioFailed(what)

    def equal(self, actual, expected, what):
        return self.check(actual == expected, what, f"expected {expected!r}\n          actual   {actual!r}")


def wait_for(fn, timeout, interval=0.05, what="condition"):
    """Polls fn() until it returns something truthy; returns it, or None after `timeout`."""
    end = time.monotonic() + timeout
    while True:
        value = fn()
        if value:
            return value
        if time.monotonic() >= end:
            return None
        time.sleep(interval)


# --- the database, read-only ----------------------------------------------------------------


class Db:
    def __init__(self, path):
        self.path = path

    def connect(self):
        con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=5)
        con.row_factory = sqlite3.Row
        return con

    def rows(self, sql, args=()):
        if not os.path.exists(self.path):
            return []
        try:
            con = self.connect()
            try:
                return [dict(r) for r in con.execute(sql, args).fetchall()]
            finally:
                con.close()
        except sqlite3.OperationalError as e:  # no such table yet, or busy while being created
            if "no such table" in str(e) or "locked" in str(e) or "unable to open" in str(e):
                return []
            raise

    def value(self, sql, args=()):
        r = self.rows(sql, args)
        return next(iter(r[0].values())) if r else None

    def interview(self, interview_id):
        r = self.rows("SELECT * FROM interview WHERE id = ?", (interview_id,))
        return r[0] if r else None

    def responses(self, interview_id):
        """The planned questions in order: question_id, topic, prompt, score, notes, follow-ups."""
        rows = self.rows(
            "SELECT position, question_id, topic, prompt, score, notes, follow_ups_asked, seconds_spent "
            "FROM interview_question WHERE interview_id = ? ORDER BY position",
            (interview_id,),
        )
        for r in rows:
            r["follow_ups"] = sorted(int(x) for x in r["follow_ups_asked"].replace(" ", "").split(",") if x)
        return rows

    def integrity(self):
        con = self.connect()
        try:
            return con.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            con.close()


# --- window captures (xwd) ------------------------------------------------------------------


class Image:
    def __init__(self, width, height, bpp, bytes_per_line, lsb_first, masks, data):
        self.width, self.height = width, height
        self.bpp, self.bytes_per_line = bpp, bytes_per_line
        self.lsb_first, self.masks = lsb_first, masks
        self.data = data  # the pixel bytes only: two captures compare with ==

    def row(self, y):
        return self.data[y * self.bytes_per_line : y * self.bytes_per_line + self.width * (self.bpp // 8)]

    def crop(self, x, y, w, h):
        x, y = max(0, x), max(0, y)
        w, h = min(w, self.width - x), min(h, self.height - y)
        px = self.bpp // 8
        rows = [self.row(yy)[x * px : (x + w) * px] for yy in range(y, y + h)]
        return Image(w, h, self.bpp, w * px, self.lsb_first, self.masks, b"".join(rows))

    def __eq__(self, other):
        return isinstance(other, Image) and (self.width, self.height, self.data) == (
            other.width, other.height, other.data)

    def changed_pixels(self, other):
        """How many pixels differ (all of them when the sizes differ)."""
        if (self.width, self.height, self.bpp) != (other.width, other.height, other.bpp):
            return self.width * self.height
        if self.bpp != 32:
            return sum(1 for y in range(self.height) if self.row(y) != other.row(y)) * self.width
        n = 0
        for y in range(self.height):
            a, b = self.row(y), other.row(y)
            if a != b:
                n += sum(1 for p, q in zip(memoryview(a).cast("I"), memoryview(b).cast("I")) if p != q)
        return n

    def changed_fraction(self, other):
        return self.changed_pixels(other) / max(1, self.width * self.height)

    def rgb(self):
        """Rows of 8-bit RGB for a 24/32-bit TrueColor capture."""
        px = self.bpp // 8
        shifts = []
        for m in self.masks:
            s = 0
            while m and not (m >> s) & 1:
                s += 1
            shifts.append(s // 8)  # byte index inside a little-endian pixel
        out = []
        for y in range(self.height):
            r = self.row(y)
            line = bytearray(self.width * 3)
            for c, s in enumerate(shifts):
                idx = s if self.lsb_first else px - 1 - s
                line[c::3] = r[idx::px]
            out.append(bytes(line))
        return out

    def save_png(self, path):
        rows = self.rgb()
        raw = b"".join(b"\x00" + r for r in rows)

        def chunk(kind, body):
            c = struct.pack(">I", len(body)) + kind + body
            return c + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

        png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", self.width, self.height, 8, 2, 0, 0, 0))
        png += chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b"")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(png)


def parse_xwd(blob):
    header_size = struct.unpack(">I", blob[:4])[0]
    f = struct.unpack(">25I", blob[:100])
    (_, version, _fmt, _depth, width, height, _xoff, byte_order, _unit, _bit_order, _pad, bpp, bytes_per_line,
     _vclass, red, green, blue, _bits_rgb, _entries, ncolors) = f[:20]
    if version != 7:
        raise ValueError(f"xwd: unexpected file version {version}")
    start = header_size + ncolors * 12
    data = blob[start : start + bytes_per_line * height]
    if len(data) < bytes_per_line * height:
        raise ValueError("xwd: short image")
    return Image(width, height, bpp, bytes_per_line, byte_order == 0, (red, green, blue), data)


# --- the X session --------------------------------------------------------------------------


def missing_tools():
    return [f"{tool} (Debian package {pkg})" for tool, pkg in TOOLS.items() if not shutil.which(tool)]


class Session:
    """Xvfb + openbox + one temp HOME. Starts and stops only the processes it started."""

    def __init__(self, name, panelist, artifacts, keep=False, screen=SCREEN, size=None):
        self.name = name
        self.screen = screen
        self.size = size  # "960x640": every launch asks for this window size (--size)
        self.panelist = os.path.abspath(panelist)
        self.artifacts = os.path.join(artifacts, name)
        self.keep = keep
        self.dir = tempfile.mkdtemp(prefix=f"panelist-{name}-")
        self.home = os.path.join(self.dir, "home")
        self.config = os.path.join(self.dir, "config")
        self.data = os.path.join(self.dir, "data")
        for d in (self.home, self.config, self.data):
            os.makedirs(d)
        self.db_path = os.path.join(self.dir, "p.db")
        self.db = Db(self.db_path)
        self.xvfb = self.wm = None
        self.app = None
        self.display = None
        self.shots = 0
        shutil.rmtree(self.artifacts, ignore_errors=True)
        os.makedirs(self.artifacts, exist_ok=True)

    # environment every child gets: the display and a private HOME / XDG folders
    def env(self):
        e = {k: v for k, v in os.environ.items() if not k.startswith("XDG_") and k not in ("DISPLAY", "WAYLAND_DISPLAY")}
        e.update(DISPLAY=self.display, HOME=self.home, XDG_CONFIG_HOME=self.config, XDG_DATA_HOME=self.data,
                 XDG_RUNTIME_DIR=self.dir)
        # Under AddressSanitizer (scripts/test.sh's second build): Mesa's driver keeps a few bytes it
        # never frees and is unloaded at exit, so LeakSanitizer can neither tell them from ours nor
        # suppress them by library. Leaks are the headless tests' job (they drive every screen with
        # the leak check on); every other sanitizer check stays on for the window.
        if e.get("ASAN_OPTIONS"):
            e["ASAN_OPTIONS"] += ":detect_leaks=0"
        return e

    def start(self):
        rfd, wfd = os.pipe()
        self.xvfb = subprocess.Popen(
            ["Xvfb", "-displayfd", str(wfd), "-screen", "0", self.screen, "-nolisten", "tcp", "-noreset"],
            pass_fds=(wfd,), stdout=subprocess.DEVNULL, stderr=open(os.path.join(self.dir, "xvfb.log"), "wb"))
        os.close(wfd)
        number = b""
        end = time.monotonic() + 15
        while not number.endswith(b"\n") and time.monotonic() < end:
            chunk = os.read(rfd, 16)  # Xvfb writes the display number once it accepts clients
            if not chunk:
                break
            number += chunk
        os.close(rfd)
        if not number.strip():
            raise ScenarioFailed("Xvfb did not start: " + open(os.path.join(self.dir, "xvfb.log")).read()[-500:])
        self.display = ":" + number.decode().strip()
        self.wm = subprocess.Popen(["openbox", "--sm-disable"], env=self.env(), stdout=subprocess.DEVNULL,
                                   stderr=open(os.path.join(self.dir, "openbox.log"), "wb"))
        ok = wait_for(lambda: "window id" in self.x(["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"], check=False),
                      20, 0.1)
        if not ok:
            raise ScenarioFailed("openbox did not take the window manager selection within 20 s")
        print(f"session: Xvfb {self.display} {self.screen}, openbox, temp {self.dir}", flush=True)
        return self

    def x(self, args, check=True, timeout=10):
        """Runs an X client on this display; returns stdout ('' when it fails and check is False)."""
        p = subprocess.run(args, env=self.env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
        if p.returncode != 0:
            if check:
                raise RuntimeError(f"{' '.join(args)} failed: {p.stderr.decode(errors='replace').strip()}")
            return ""
        return p.stdout.decode(errors="replace")

    def close(self, failed):
        if self.app:
            self.app.kill()
        for p in (self.wm, self.xvfb):
            if p and p.poll() is None:
                p.terminate()
                try:
                    p.wait(5)
                except subprocess.TimeoutExpired:
                    p.kill()
                    p.wait()
        if failed or self.keep:
            print(f"session: kept {self.dir}", flush=True)
        else:
            shutil.rmtree(self.dir, ignore_errors=True)

    # --- the app ---
    def cli(self, *args, check=True):
        p = subprocess.run([self.panelist, *args], env=self.env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=60)
        if check and p.returncode != 0:
            raise ScenarioFailed(f"panelist {' '.join(args)} exited {p.returncode}: {p.stderr.decode()[-400:]}")
        return p

    def write_ui_settings(self, **values):
        path = os.path.join(self.config, "panelist", "ui.json")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            json.dump(values, f)

    def ui_settings(self):
        try:
            with open(os.path.join(self.config, "panelist", "ui.json")) as f:
                return json.load(f)
        except (OSError, ValueError):
            return {}

    def launch(self, *extra):
        if self.app and self.app.alive():
            raise RuntimeError("the app is already running")
        self.app = App(self, extra)
        return self.app

    # --- captures and artefacts ---
    def capture(self, window):
        p = subprocess.run(["xwd", "-silent", "-id", str(window)], env=self.env(), stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=10)
        if p.returncode != 0:
            raise RuntimeError(f"xwd -id {window}: {p.stderr.decode(errors='replace').strip()}")
        return parse_xwd(p.stdout)

    def stable_capture(self, window, timeout=3.0, interval=0.12):
        """A capture that stayed the same for `interval` (the window finished drawing)."""
        last = self.capture(window)
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            time.sleep(interval)
            now = self.capture(window)
            if now == last:
                return now
            last = now
        return last

    def screenshot(self, label, window=None):
        window = window or (self.app.window if self.app else None)
        if not window:
            return None
        self.shots += 1
        path = os.path.join(self.artifacts, f"{self.shots:02d}-{label}.png")
        try:
            self.capture(window).save_png(path)
            return path
        except Exception as e:  # a capture is evidence, never the reason a scenario fails
            print(f"  (no screenshot {label}: {e})", flush=True)
            return None

    def snapshot_failure(self, n):
        if self.app and self.app.alive():
            self.screenshot(f"failure-{n}")


class App:
    """One running `panelist --db PATH` and its main window."""

    def __init__(self, session, extra):
        self.s = session
        self.log = open(os.path.join(session.dir, "app.log"), "ab")
        self.started = time.monotonic()
        size = ["--size", session.size] if session.size else []
        self.proc = subprocess.Popen([session.panelist, "--db", session.db_path, *size, *extra], env=session.env(),
                                     stdout=self.log, stderr=self.log)
        self.pid = self.proc.pid
        self.window = None

    def alive(self):
        return self.proc.poll() is None

    def find_windows(self, name):
        out = self.s.x(["xdotool", "search", "--all", "--onlyvisible", "--pid", str(self.pid), "--name", name], check=False)
        return [int(w) for w in out.split()]

    def wait_window(self, timeout=20):
        found = wait_for(lambda: self.find_windows("^Panelist$") or not self.alive(), timeout, 0.05)
        if not self.alive():
            raise ScenarioFailed(f"panelist exited with {self.proc.returncode} before showing its window: "
                                 + self.tail())
        if not found:
            raise ScenarioFailed(f"no visible 'Panelist' window within {timeout} s")
        self.window = found[0]
        return self.window

    def geometry(self):
        """Where the window is and how large, as xdotool reports it: {x, y, w, h} (client area)."""
        out = self.s.x(["xdotool", "getwindowgeometry", "--shell", str(self.window)], check=False)
        v = dict(line.split("=", 1) for line in out.split() if "=" in line)
        try:
            return {"x": int(v["X"]), "y": int(v["Y"]), "w": int(v["WIDTH"]), "h": int(v["HEIGHT"])}
        except (KeyError, ValueError):
            return None

    def wm_state(self):
        """The window's _NET_WM_STATE atoms as xprop prints them (ABOVE, FOCUSED, ...)."""
        out = self.s.x(["xprop", "-id", str(self.window), "_NET_WM_STATE"], check=False)
        return [a.strip() for a in out.split("=", 1)[1].split(",") if a.strip()] if "=" in out else []

    def focus(self):
        out = self.s.x(["xdotool", "getwindowfocus"], check=False).strip()
        return int(out) if out.isdigit() else None

    def ensure_focus_at_start(self):
        """The window manager should give the new window focus; if not, activate it (start only)."""
        if wait_for(lambda: self.focus() == self.window, 3, 0.05):
            return True
        self.s.x(["xdotool", "windowactivate", "--sync", str(self.window)], check=False)
        if not wait_for(lambda: self.focus() == self.window, 3, 0.05):
            raise ScenarioFailed(f"the Panelist window ({self.window}) never got X focus (focus: {self.focus()})")
        return False

    def start(self, timeout=20):
        self.wait_window(timeout)
        natural = self.ensure_focus_at_start()
        print(f"  app pid {self.pid}: window {self.window} shown after {time.monotonic() - self.started:.2f} s, "
              f"focus {'given by the window manager' if natural else 'needed windowactivate'}", flush=True)
        return self

    def wait_ready(self, timeout=20):
        """Until the app answers keys: F1 opens the key list (a large change), F1 closes it."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if not self.alive():
                raise ScenarioFailed("panelist died while starting: " + self.tail())
            before = self.s.stable_capture(self.window, timeout=1.0)
            keys(self.s).press("F1")
            # Long waits: a sanitized build's frames can take seconds, and an F1 drawn after the
            # wait gave up would be answered by the next F1.
            if not wait_for(lambda: self.s.capture(self.window).changed_fraction(before) > 0.02, 6, 0.08):
                continue
            between = self.s.stable_capture(self.window, timeout=3.0)
            keys(self.s).press("F1")
            if wait_for(lambda: self.s.capture(self.window).changed_fraction(before) < 0.02, 6, 0.08):
                return time.monotonic() - self.started
            # The change was the app leaving its "Opening" screen (which takes no keys; a fresh
            # database is seeded there), so the second F1 opened the list: close it again, back
            # to the screen seen between the two keys.
            keys(self.s).press("F1")
            if wait_for(lambda: self.s.capture(self.window).changed_fraction(between) < 0.02, 6, 0.08):
                return time.monotonic() - self.started
        raise ScenarioFailed(f"the window never answered F1 within {timeout} s (still opening?)")

    def kill(self, sig=signal.SIGKILL):
        if self.alive():
            os.kill(self.pid, sig)
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            os.kill(self.pid, signal.SIGKILL)
            self.proc.wait()
        return self.proc.returncode

    def quit(self, timeout=10):
        """As a desktop session would end it: SIGTERM; the app saves its drafts and settings."""
        if not self.alive():
            return self.proc.returncode
        os.kill(self.pid, signal.SIGTERM)
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            return self.kill()

    def tail(self, n=800):
        try:
            with open(os.path.join(self.s.dir, "app.log"), "rb") as f:
                return f.read().decode(errors="replace")[-n:]
        except OSError:
            return ""


# --- the keyboard ---------------------------------------------------------------------------


class keys:
    """Synthesized X key events (XTest, to whatever window has X focus), held like a person's."""

    def __init__(self, session):
        self.s = session

    def _run(self, args):
        self.s.x(["xdotool", *args])

    @staticmethod
    def _combo_args(combo, hold, gap):
        parts = combo.split("+") if isinstance(combo, str) and combo != "+" else [combo]
        args = []
        for k in parts:
            args += ["keydown", k]
        args += ["sleep", f"{hold:.3f}"]
        for k in reversed(parts):
            args += ["keyup", k]
        return args + ["sleep", f"{gap:.3f}"]

    def press(self, *combos, hold=KEY_HOLD, gap=KEY_GAP):
        """press("Right"), press("ctrl+Return"), press("Right", "Right", "shift+1"): one xdotool run."""
        args = []
        for c in combos:
            args += self._combo_args(c, hold, gap)
        self._run(args)

    def type(self, text, delay_ms=TYPE_DELAY_MS):
        self._run(["type", "--delay", str(delay_ms), "--", text])

    def typing_process(self, text, delay_ms=TYPE_DELAY_MS):
        """Starts `xdotool type` without waiting (the crash trials kill the app meanwhile)."""
        return subprocess.Popen(["xdotool", "type", "--delay", str(delay_ms), "--", text], env=self.s.env(),
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def fill(k, shortcut, text):
    """A field reached by `shortcut` (Ctrl+E, Ctrl+O, Enter...), what it held replaced by `text`, then Enter."""
    k.press(shortcut)
    time.sleep(SETTLE)
    k.press("ctrl+a")
    k.type(text)
    k.press("Return")


# --- running a scenario ---------------------------------------------------------------------


def run(scenario, name, description, screen=SCREEN):
    """Parses --panelist/--artifacts/--keep, skips when the X tools are missing, runs, reports."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--panelist", required=True, help="the panelist executable")
    ap.add_argument("--artifacts", default=os.path.join(os.getcwd(), "acceptance-artifacts"),
                    help="folder for screenshots and figures")
    ap.add_argument("--keep", action="store_true", help="keep the temp folder even when everything passed")
    ap.add_argument("--seed", type=int, default=None, help="random seed, for scenarios that use one")
    ap.add_argument("--size", default=None, metavar="WxH",
                    help="window size every launch asks for (panelist --size), e.g. 960x640; "
                         "the scenario's artefacts go to <scenario>-<size>")
    args = ap.parse_args()
    if args.size:
        name = f"{name}-{args.size}"
    missing = missing_tools()
    if missing:
        print(f"SKIP {name}: missing {', '.join(missing)}; scripts/install-deps.sh installs them", flush=True)
        return SKIP
    if not os.access(args.panelist, os.X_OK):
        print(f"{name}: {args.panelist} is not an executable", flush=True)
        return 2
    started = time.monotonic()
    session = Session(name, args.panelist, args.artifacts, args.keep, screen, args.size)

    def terminated(signum, _frame):  # ctest's timeout, or Ctrl+C: still stop our X server and app
        raise ScenarioFailed(f"interrupted by signal {signum}")

    signal.signal(signal.SIGTERM, terminated)
    checks = Checks(session)
    crashed = None
    try:
        session.start()
        scenario(session, checks, args)
    except ScenarioFailed as e:
        crashed = f"stopped: {e}"
    except Exception:  # the harness itself went wrong: say where
        crashed = "harness error:\n" + traceback.format_exc()
        session.snapshot_failure("harness")
    finally:
        failed = bool(checks.failures or crashed)
        session.close(failed)
    took = time.monotonic() - started
    print(f"\n{name}: {checks.passed} checks passed, {len(checks.failures)} failed, {took:.1f} s "
          f"(screenshots in {session.artifacts})", flush=True)
    if crashed:
        print(f"{name}: {crashed}", flush=True)
    for i, f in enumerate(checks.failures, 1):
        print(f"  {i}. {f}", flush=True)
    return 1 if failed else 0
