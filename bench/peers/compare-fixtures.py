#!/usr/bin/env python3
"""Checks RULES.md against prinsipp's own rule fixtures: how close is spectral.yaml?

tests/rules/<CODE>/{fails,passes}/ are kommune folders whose expected.txt lists exactly the
findings prinsipp gives for <CODE> (`CODE kind id file:line`, evaluated on `# dato:` or
2026-06-01). This script lints all of them with spectral.yaml in one Spectral run per date,
keeps the results of the Spectral rules named after each folder's code, and compares, file by
file, how many findings each side reports. Spectral points at other lines than prinsipp (the
offending node rather than the key), so lines are not compared.

With --prinsipp BIN it also runs that prinsipp binary with ALL rules on every fixture folder
and on examples/eksempel-kommune, and compares each code's number of findings per folder:
every rule on inputs written for other rules.

A code RULES.md calls "fully" expressed must match everywhere (a finding may land in another
file of the same folder: see RULES.md); "partly" may differ; "not" has no Spectral rule.
Exit status 0 when every "fully" code matches, 1 otherwise.

Usage (from anywhere, after bench/peers/setup.sh):
    python3 bench/peers/compare-fixtures.py [--verbose] [--prinsipp target/release/prinsipp]
"""

import collections
import json
import os
import pathlib
import re
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
FIXTURES = ROOT / "tests" / "rules"
EXAMPLE = ROOT / "examples" / "eksempel-kommune"
SPECTRAL = HERE / "node_modules" / ".bin" / "spectral"
DEFAULT_DATE = "2026-06-01"


def expectations():
    """{folder: (code, date, Counter(file -> n))} from every expected.txt."""
    out = {}
    for exp in sorted(FIXTURES.glob("*/*/expected.txt")):
        folder = exp.parent
        code = folder.parent.name
        date = DEFAULT_DATE
        counts = collections.Counter()
        for line in exp.read_text("utf-8").splitlines():
            if line.startswith("# dato:"):
                date = line.split(":", 1)[1].strip()
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split()
            if parts[0] == code:
                counts[parts[-1].rsplit(":", 1)[0]] += 1
        out[folder] = (code, date, counts)
    return out


def claims():
    """{code: 'fully' | 'partly' | 'not'} from the table in RULES.md."""
    out = {}
    for line in (HERE / "RULES.md").read_text("utf-8").splitlines():
        cells = [c.strip() for c in line.split("|")]
        # | Code | Severity | Spectral rule(s) | Expressed | How … |
        if len(cells) > 5 and re.fullmatch(r"[A-Z]+-\d\d", cells[1]) and cells[4] in ("fully", "partly", "not"):
            out[cells[1]] = cells[4]
    return out


def spectral(date, folders):
    """{folder: {code: Counter(file -> n)}} for one evaluation date."""
    env = dict(os.environ, PRINSIPP_DATO=date)
    proc = subprocess.run(
        [str(SPECTRAL), "lint", "--ruleset", str(HERE / "spectral.yaml"), "--format", "json",
         "--quiet", "--fail-severity", "error", *[f"{f}/**/*.yaml" for f in folders]],
        capture_output=True, text=True, env=env,
    )
    if proc.returncode not in (0, 1):
        sys.exit(f"spectral failed ({proc.returncode}):\n{proc.stderr}{proc.stdout[:2000]}")
    out = collections.defaultdict(lambda: collections.defaultdict(collections.Counter))
    for r in json.loads(proc.stdout or "[]"):
        source = pathlib.Path(r["source"]).resolve()
        folder = next(f for f in folders if f in source.parents)
        code = "-".join(r["code"].split("-")[:2]).upper()
        out[folder][code][source.relative_to(folder).as_posix()] += 1
    return out


def prinsipp(binary, folder, date):
    """{code: n} of prinsipp's findings with every rule on, or None when the folder does not load."""
    proc = subprocess.run(
        [binary, "check", str(folder), "--dato", date, "--format", "json"],
        capture_output=True, text=True,
    )
    if proc.returncode not in (0, 1):
        return None
    return collections.Counter(f["code"] for f in json.loads(proc.stdout)["findings"])


def level(want, have):
    """file: the same count in every file; count: the same total (a `- system: id` finding
    lands in the inventory file); no: different totals."""
    if want == have:
        return "file"
    return "count" if sum(want.values()) == sum(have.values()) else "no"


def report(title, rows, claim, verbose):
    """rows: {code: [(where, level, want, have)]}. Returns how many "fully" codes differ."""
    print(f"== {title}")
    bad = 0
    summary = collections.Counter()
    for code in sorted(claim, key=lambda c: (c.split("-")[0], c)):
        kind = claim[code]
        cases = rows.get(code, [])
        levels = {lv for _, lv, _, _ in cases}
        status = ("differs" if "no" in levels else
                  "same total, other file" if "count" in levels else "match")
        if kind == "fully" and status == "differs":
            bad += 1
        summary[(kind, status)] += 1
        print(f"{code:9} {kind:7} {status}")
        if verbose or (kind == "fully" and status == "differs"):
            for where, lv, want, have in cases:
                if lv != "file":
                    print(f"    {where}: prinsipp {dict(want)}  spectral {dict(have)}")
    for (kind, status), n in sorted(summary.items()):
        print(f"  {kind:7} {status}: {n}")
    return bad


def main():
    verbose = "--verbose" in sys.argv
    binary = sys.argv[sys.argv.index("--prinsipp") + 1] if "--prinsipp" in sys.argv else None
    if not SPECTRAL.exists():
        sys.exit("Spectral is not installed: run bench/peers/setup.sh")
    claim = claims()
    exp = expectations()
    by_date = collections.defaultdict(list)
    for folder, (_, date, _) in exp.items():
        by_date[date].append(folder)
    got = {}
    for date, folders in by_date.items():
        got.update(spectral(date, folders))

    rows = collections.defaultdict(list)
    for folder, (code, _, want) in exp.items():
        have = got.get(folder, {}).get(code, collections.Counter())
        where = folder.relative_to(FIXTURES).as_posix()
        rows[code].append((where, level(want, have), want, have))
    bad = report("each fixture folder, its own rule (expected.txt)", rows, claim, verbose)

    if binary:
        folders = sorted(exp) + [EXAMPLE]
        dates = {f: exp[f][1] if f in exp else DEFAULT_DATE for f in folders}
        rows = collections.defaultdict(list)
        for date in sorted(set(dates.values())):
            group = [f for f in folders if dates[f] == date]
            sp = spectral(date, group)
            for folder in group:
                counts = prinsipp(binary, folder, date)
                if counts is None:
                    print(f"   (skipped, does not load: {folder})")
                    continue
                where = folder.relative_to(ROOT).as_posix()
                for code in claim:
                    want = collections.Counter({"*": counts[code]} if counts[code] else {})
                    n = sum(sp.get(folder, {}).get(code, collections.Counter()).values())
                    have = collections.Counter({"*": n} if n else {})
                    rows[code].append((where, level(want, have), want, have))
        bad += report(f"every folder, every rule ({binary}), totals per folder", rows, claim, verbose)

    print(f"{bad} time(s) a code marked fully differs from prinsipp")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
