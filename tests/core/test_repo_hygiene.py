"""No merge leftovers in the files we ship: a conflict marker in the README or code is a broken landing."""

import re

from assistant.config import REPO_ROOT

MARKER = re.compile(r"^(<{7}|>{7}) ", re.M)
SUFFIXES = {".py", ".md", ".toml", ".txt", ".sh", ".js", ".html", ".css", ".jsonl", ".cfg"}


def test_no_conflict_markers():
    found = []
    for path in REPO_ROOT.rglob("*"):
        rel = path.relative_to(REPO_ROOT)
        if rel.parts and rel.parts[0] in {".git", ".venv", "data", "node_modules", "build"}:
            continue
        if path.is_file() and path.suffix in SUFFIXES and MARKER.search(path.read_text(encoding="utf-8", errors="ignore")):
            found.append(str(rel))
    assert not found, found
