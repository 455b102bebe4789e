#!/usr/bin/env python3
"""Check a Qt Linguist .ts file for work left to a translator.

Lists every message that is unfinished (or empty), whose %-placeholders differ from
its source (%1..%99 and %n, per numerus form), whose keyboard accelerator (&X) was
lost or added, or whose HTML tags differ. It translates nothing.

Usage: translations/check_ts.py [--warn-accelerators] [FILE.ts ...]
       (default file: translations/alloclab_de.ts next to this script)
Exit status: 0 clean, 1 problems listed, 2 bad usage or unreadable file.

Typical second pass: cmake --build build/dev --target update_translations, then run
this script, translate what it lists in Qt Linguist (or by editing the .ts), repeat.
"""
import os
import re
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict

PLACEHOLDER = re.compile(r"%(?:\d{1,2}|n)")
TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)[^>]*>")
# '&' followed by a letter/digit is an accelerator; '&&' is a literal ampersand.
ACCEL = re.compile(r"(?<!&)&(?!&)([^\s&])")


def placeholders(text):
    return sorted(set(PLACEHOLDER.findall(text or "")))


def tags(text):
    return sorted(t.lower() for t in TAG.findall(text or ""))


def accelerators(text):
    return ACCEL.findall(text or "")


def forms(translation):
    nf = translation.findall("numerusform")
    if nf:
        return [f.text or "" for f in nf]
    return [translation.text or ""]


def check(path, warn_accelerators):
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as e:
        print(f"{path}: cannot read: {e}", file=sys.stderr)
        return None
    problems = []
    total = 0
    for ctx in root.iter("context"):
        cname = ctx.findtext("name", "")
        accel_by_ctx = defaultdict(list)
        for msg in ctx.findall("message"):
            source = msg.findtext("source", "")
            tr = msg.find("translation")
            if tr is not None and tr.get("type") in ("obsolete", "vanished"):
                continue
            total += 1
            where = f"[{cname}] {source!r}"
            if tr is None or tr.get("type") == "unfinished":
                problems.append(f"unfinished: {where}")
                continue
            texts = forms(tr)
            numerus = msg.get("numerus") == "yes"
            if numerus and len(texts) < 2:
                problems.append(f"numerus forms missing: {where}")
            for t in texts:
                if not t.strip():
                    problems.append(f"empty translation: {where}")
                    continue
                want, got = placeholders(source), placeholders(t)
                if numerus and "%n" not in want:
                    want = sorted(set(want) | {"%n"})
                if want != got:
                    problems.append(f"placeholders {want} -> {got}: {where} => {t!r}")
                if tags(source) != tags(t):
                    problems.append(f"HTML tags differ: {where} => {t!r}")
                if len(accelerators(source)) != len(accelerators(t)):
                    problems.append(f"accelerator lost or added: {where} => {t!r}")
            for a in accelerators(texts[0]):
                accel_by_ctx[a.lower()].append(texts[0])
        if warn_accelerators:
            for key, users in sorted(accel_by_ctx.items()):
                if len(set(users)) > 1:
                    print(f"note: [{cname}] accelerator '{key}' used by {sorted(set(users))}")
    return total, problems


def main(argv):
    warn = "--warn-accelerators" in argv
    files = [a for a in argv if not a.startswith("--")]
    if any(a.startswith("--") and a != "--warn-accelerators" for a in argv):
        print(__doc__, file=sys.stderr)
        return 2
    if not files:
        files = [os.path.join(os.path.dirname(os.path.abspath(__file__)), "alloclab_de.ts")]
    status = 0
    for path in files:
        result = check(path, warn)
        if result is None:
            return 2
        total, problems = result
        for p in problems:
            print(f"{path}: {p}")
        print(f"{path}: {total} messages, {len(problems)} problem(s)")
        if problems:
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
