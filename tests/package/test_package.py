#!/usr/bin/env python3
"""The Debian package as a user gets it: scripts/package-deb.sh run on this build, then the .deb
opened and checked the way Debian's tools and a user would: its files, its Depends (from the
binary), lintian with no errors, the desktop entry and AppStream metainfo valid, the man page
rendering, bash completion naming every subcommand and option the program has and completing
them, and the packaged program finding its bank where the package put it.

Exits 77 (skipped) when dpkg-deb, lintian, desktop-file-validate or appstreamcli is missing;
scripts/install-deps.sh installs them.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TOOLS = ["dpkg-deb", "dpkg-shlibdeps", "lintian", "desktop-file-validate", "appstreamcli", "man", "bash"]

failures = []


def check(ok, what, detail=""):
    print(f"  {'ok  ' if ok else 'FAIL'}  {what}" + (f"\n        {detail}" if detail and not ok else ""), flush=True)
    if not ok:
        failures.append(what)


def run(args, **kw):
    return subprocess.run(args, capture_output=True, text=True, **kw)


def help_options(binary, *command):
    out = run([binary, *command, "--help"]).stdout
    return set(re.findall(r"(?<![\w-])(--[a-z][a-z-]*)", out)) - {"--help"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", required=True, help="the build directory to package")
    args = ap.parse_args()
    missing = [t for t in TOOLS if not shutil.which(t)]
    if missing or not os.path.exists("/usr/share/bash-completion/bash_completion"):
        print(f"skipped: missing {missing or ['bash-completion']} (scripts/install-deps.sh installs them)")
        return 77
    work = tempfile.mkdtemp(prefix="panelist-package-")
    try:
        made = run([os.path.join(ROOT, "scripts", "package-deb.sh"), args.build, work])
        check(made.returncode == 0, "scripts/package-deb.sh builds the package", made.stderr[-2000:])
        if made.returncode != 0:
            return 1
        deb = made.stdout.strip().splitlines()[-1]
        check(re.fullmatch(r"panelist_\d+\.\d+\.\d+_amd64\.deb", os.path.basename(deb)) is not None,
              "it is named panelist_VERSION_amd64.deb", deb)

        listing = run(["dpkg-deb", "-c", deb]).stdout
        for path in ["./usr/bin/panelist", "./usr/share/man/man1/panelist.1.gz",
                     "./usr/share/bash-completion/completions/panelist", "./usr/share/applications/panelist.desktop",
                     "./usr/share/metainfo/org.panelist.Panelist.metainfo.xml",
                     "./usr/share/icons/hicolor/scalable/apps/panelist.svg", "./usr/share/doc/panelist/copyright",
                     "./usr/share/doc/panelist/changelog.gz", "./usr/share/panelist/bank/sets.toml"]:
            check(f" {path}\n" in listing + "\n" or listing.rstrip().endswith(path) or f" {path}\n" in listing,
                  f"the package holds {path}")
        control = run(["dpkg-deb", "-f", deb, "Depends"]).stdout
        for lib in ["libglfw3", "libsqlite3-0", "libcairo2", "libc6", "libfribidi0", "fonts-noto-core", "fonts-noto-cjk",
                    "fonts-symbola"]:
            check(lib in control, f"Depends names {lib} (computed from the binary, plus the fonts)", control)

        lint = run(["lintian", "--no-tag-display-limit", deb])
        errors = [line for line in lint.stdout.splitlines() if line.startswith("E:")]
        check(not errors, "lintian reports no errors", "\n        ".join(errors))
        warnings = [line for line in lint.stdout.splitlines() if line.startswith("W:")]
        check(not warnings, "lintian reports no warnings either", "\n        ".join(warnings))

        tree = os.path.join(work, "tree")
        run(["dpkg-deb", "-x", deb, tree])
        desktop = run(["desktop-file-validate", os.path.join(tree, "usr/share/applications/panelist.desktop")])
        check(desktop.returncode == 0 and not desktop.stdout.strip(), "the desktop entry passes desktop-file-validate",
              desktop.stdout + desktop.stderr)
        meta = run(["appstreamcli", "validate", "--no-net",
                    os.path.join(tree, "usr/share/metainfo/org.panelist.Panelist.metainfo.xml")])
        check(meta.returncode == 0, "the AppStream metainfo passes appstreamcli validate", meta.stdout + meta.stderr)
        page = run(["man", "--warnings", "-l", os.path.join(tree, "usr/share/man/man1/panelist.1.gz")],
                   env={**os.environ, "MANWIDTH": "80", "MAN_KEEP_FORMATTING": "0"})
        check(page.returncode == 0 and "panelist - plan, run and score" in page.stdout and not page.stderr.strip(),
              "the man page renders without warnings", page.stderr[-1000:])

        binary = os.path.join(tree, "usr/bin/panelist")
        completion = os.path.join(tree, "usr/share/bash-completion/completions/panelist")
        text = open(completion, encoding="utf-8").read()
        commands = re.findall(r"^  ([a-z][a-z-]+)\s{2,}", run([binary, "--help"]).stdout.split("Subcommands:")[1], re.M)
        check(len(commands) >= 15, "the packaged program lists its subcommands", str(commands))
        for command in commands:
            missing_opts = [o for o in help_options(binary, command) if o not in text]
            check(re.search(rf"\b{re.escape(command)}\b", text) is not None and not missing_opts,
                  f"completion knows '{command}' and its options", f"missing {missing_opts}")
        for command, actions in (("bundle", ["export", "import"]), ("team", ["folder", "share", "sync"])):
            for action in actions:
                missing_opts = [o for o in help_options(binary, command, action) if o not in text]
                check(not missing_opts, f"completion knows '{command} {action}' options", f"missing {missing_opts}")

        def complete(*words):
            script = (f"source /usr/share/bash-completion/bash_completion; source {completion}; "
                      f"COMP_WORDS=({' '.join(words)}); COMP_CWORD={len(words) - 1}; "
                      "COMP_LINE=\"${COMP_WORDS[*]}\"; COMP_POINT=${#COMP_LINE}; _panelist; echo \"${COMPREPLY[*]}\"")
            return run(["bash", "-c", script]).stdout.split()

        check(complete("panelist", "rep") == ["report"], "Tab after 'panelist rep' completes report", str(complete("panelist", "rep")))
        check(complete("panelist", "report", "--format", "p") == ["pdf"], "Tab completes report's formats")
        check(set(complete("panelist", "practice", "--")) >= {"--as", "--format", "--out", "--set"},
              "Tab completes practice's options")

        db = os.path.join(work, "p.db")
        listed = run([binary, "--db", db, "questions", "--", "level:junior"],
                     env={**os.environ, "HOME": work, "XDG_DATA_HOME": work, "XDG_CONFIG_HOME": work})
        check(listed.returncode == 0 and "questions" in listed.stdout + listed.stderr and "/" in listed.stdout,
              "the packaged program finds the bank the package installed", listed.stderr[-500:])
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"package: {'all checks passed' if not failures else f'{len(failures)} failed'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
