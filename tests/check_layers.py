#!/usr/bin/env python3
"""The architecture, checked: which folder may include which (README's layout table).

Dependencies point inward: ui -> persistence -> domain, and inside persistence/ each subsystem
uses only the ones below it. A file that includes against the grain fails this test, naming the
file, the line and the include. Usage: check_layers.py SOURCE_DIR
"""
import os
import re
import sys

# What each folder may include of the project (its own files always).
ALLOWED = {
    "domain": set(),
    "persistence/files": {"domain"},
    "persistence/sqlite": set(),
    "persistence/search": {"domain", "persistence/sqlite"},
    "persistence/store": {"domain", "persistence/files", "persistence/sqlite", "persistence/search"},
    "persistence/backups": {"domain", "persistence/files", "persistence/sqlite", "persistence/store"},
    "persistence/formats": {"domain", "persistence/files", "persistence/sqlite", "persistence/store"},
    "persistence/reports": {"domain", "persistence/files", "persistence/sqlite", "persistence/store"},
    "persistence/team": {"domain", "persistence/files", "persistence/sqlite", "persistence/store",
                         "persistence/formats", "persistence/backups"},
    "ui/context": {"domain", "persistence"},
    "ui/widgets": {"domain"},  # text rules (a field cut to a length at a character boundary)
    "ui/screens": {"domain", "persistence", "ui/context", "ui/widgets"},
    "ui/app": {"domain", "persistence", "ui/context", "ui/widgets", "ui/screens"},
    "ui/cli": {"domain", "persistence", "ui/context", "ui/app"},
    "ui/main.cpp": {"ui/cli"},
}
# Libraries a layer may not see at all: domain is plain C++.
FORBIDDEN_SYSTEM = {
    "domain": ("imgui", "SQLiteCpp", "sqlite3", "GLFW", "cairo", "pango", "toml", "nlohmann"),
}
INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^">]+)[">]')


def folder_of(path):
    parts = path.split("/")
    if parts[0] in ("persistence", "ui") and len(parts) >= 2:
        return "/".join(parts[:2])
    return parts[0]


def unit_cycles(root):
    """A unit is a .hpp with its .cpp; a unit that reaches itself through includes is a cycle."""
    edges = {}
    for top in ("domain", "persistence", "ui"):
        for directory, _, names in os.walk(os.path.join(root, top)):
            for name in names:
                if not name.endswith((".cpp", ".hpp")):
                    continue
                full = os.path.join(directory, name)
                unit = os.path.splitext(os.path.relpath(full, root))[0]
                with open(full, encoding="utf-8") as f:
                    for line in f:
                        m = INCLUDE.match(line)
                        if m and m.group(1).startswith(("domain/", "persistence/", "ui/")):
                            other = os.path.splitext(m.group(1))[0]
                            if other != unit:
                                edges.setdefault(unit, set()).add(other)
    problems, state = [], {}

    def visit(unit, path):
        state[unit] = "open"
        for other in sorted(edges.get(unit, ())):
            if state.get(other) == "open":
                cycle = path[path.index(other):] + [other]
                problems.append("include cycle: " + " -> ".join(cycle))
            elif other not in state:
                visit(other, path + [other])
        state[unit] = "done"

    for unit in sorted(edges):
        if unit not in state:
            visit(unit, [unit])
    return problems


def main(root):
    problems = []
    for top in ("domain", "persistence", "ui"):
        for directory, _, names in os.walk(os.path.join(root, top)):
            for name in names:
                if not name.endswith((".cpp", ".hpp")):
                    continue
                full = os.path.join(directory, name)
                rel = os.path.relpath(full, root)
                here = folder_of(rel)
                allowed = ALLOWED.get(here)
                if allowed is None:
                    problems.append(f"{rel}: folder {here} is not in the layer table")
                    continue
                with open(full, encoding="utf-8") as f:
                    for number, line in enumerate(f, 1):
                        m = INCLUDE.match(line)
                        if not m:
                            continue
                        included = m.group(1)
                        for banned in FORBIDDEN_SYSTEM.get(here, ()):
                            if included.startswith(banned):
                                problems.append(f"{rel}:{number}: {here} may not include <{included}>")
                        if included.startswith(("domain/", "persistence/", "ui/")):
                            target = folder_of(included)
                            if target != here and target not in allowed and target.split("/")[0] not in allowed:
                                problems.append(f"{rel}:{number}: {here} may not include {included}")
    problems += unit_cycles(root)
    for p in problems:
        print(p)
    print(f"layers: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "."))
