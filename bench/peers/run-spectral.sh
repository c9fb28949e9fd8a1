#!/usr/bin/env bash
# Lints every YAML file of a kommune folder with Spectral and bench/peers/spectral.yaml, in
# ONE Spectral process.
#
#   bench/peers/run-spectral.sh FOLDER [SPECTRAL LINT OPTIONS…]
#
# FOLDER is one kommune folder (FOLDER/kommune.yaml), or a folder of many (FOLDER/*/kommune.yaml).
# Files: kommune.yaml, avvik.yaml, systemer.yaml, prosjekter.yaml and every *.yaml/*.yml under
# systemer/ and prosjekter/ (hidden files and folders skipped, as prinsipp does). In a parent
# folder the same patterns are taken one level down, in every sub-folder.
#
# Argument list: the files are NOT listed on the command line. Spectral gets ten quoted glob
# patterns and expands them itself (fast-glob, `dot: false`), so a national set
# of ~15,000 files never meets the kernel's argument limit. The script cds into FOLDER first,
# so characters of FOLDER's own path are never read as glob syntax.
#
# Options after FOLDER go to `spectral lint` (e.g. `--format json --output out.json`).
# PRINSIPP_DATO=YYYY-MM-DD fixes the evaluation date of the date rules (default: today, UTC),
# as `prinsipp check --dato` does.
#
# Exit status: 0 whenever Spectral ran, with or without findings (the benchmark times this,
# it does not gate on it). Non-zero, with a message, when Spectral is not installed, the
# ruleset cannot be loaded, or Spectral fails in any other way (its exit status 2).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
spectral="$here/node_modules/.bin/spectral"
die() { printf 'run-spectral.sh: %s\n' "$*" >&2; exit 127; }

[[ $# -ge 1 ]] || { echo "usage: $0 FOLDER [spectral lint options…]" >&2; exit 64; }
folder="$1"; shift
[[ -x "$spectral" ]] || die "Spectral is not installed ($spectral missing): run bench/peers/setup.sh"
command -v node >/dev/null || die "node is not installed: run bench/peers/setup.sh"
[[ -f "$here/functions/lib/katalog.js" ]] || die "functions/lib/katalog.js missing: run bench/peers/setup.sh"
[[ -d "$folder" ]] || die "no such folder: $folder"

if [[ -f "$folder/kommune.yaml" ]]; then
  prefix=""
elif compgen -G "$folder/*/kommune.yaml" >/dev/null; then
  prefix="*/"
else
  die "$folder holds no kommune.yaml, and none of its sub-folders does"
fi

patterns=()
for name in kommune.yaml avvik.yaml systemer.yaml systemer.yml prosjekter.yaml prosjekter.yml; do
  patterns+=("${prefix}${name}")
done
for dir in systemer prosjekter; do
  patterns+=("${prefix}${dir}/**/*.yaml" "${prefix}${dir}/**/*.yml")
done

cd "$folder"
status=0
"$spectral" lint --ruleset "$here/spectral.yaml" --fail-severity error "$@" "${patterns[@]}" || status=$?
# 0: no error-level finding; 1: findings; anything else: Spectral itself failed.
if [[ $status -gt 1 ]]; then
  printf 'run-spectral.sh: spectral failed with exit status %d\n' "$status" >&2
  exit "$status"
fi
exit 0
