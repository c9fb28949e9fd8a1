#!/usr/bin/env bash
# Validates every YAML file of a kommune folder against the project's JSON Schemas with
# check-jsonschema (bench/peers/.venv), one schema per kind of file:
#
#   kommune.yaml                                   → schema/kommune.schema.json
#   systemer/**/*.yaml|yml, systemer.yaml|yml      → schema/systemer.schema.json
#   prosjekter/**/*.yaml|yml, prosjekter.yaml|yml  → schema/prosjekter.schema.json
#   avvik.yaml                                     → schema/avvik.schema.json
#
#   bench/peers/run-check-jsonschema.sh FOLDER [CHECK-JSONSCHEMA OPTIONS…]
#
# FOLDER is one kommune folder (FOLDER/kommune.yaml), or a folder of many (FOLDER/*/kommune.yaml).
# Hidden files and folders are skipped, as prinsipp does.
#
# Processes: check-jsonschema takes ONE schema and many instance files per run, so this is one
# check-jsonschema process per kind of file (four at most), not one per file. It does not
# expand globs itself, so the file names are listed (by find, NUL-separated) and handed over by
# `xargs -0` in batches: GNU xargs would cut a batch at 128 KiB, so `-s` raises that to the
# longest command line the kernel accepts (ARG_MAX less the environment: about 2 MiB, some
# 25,000 typical paths). A national set of ~15,000 files thus runs as one process per kind;
# a larger one is split into as few batches as the limit needs, never into one per file.
#
# Options after FOLDER go to every check-jsonschema run (e.g. `-o json`).
#
# Exit status: 0 whenever check-jsonschema ran, whether or not files failed validation (the
# benchmark times this, it does not gate on it). Non-zero, with a message, when the tool is
# not installed, a schema is missing, or check-jsonschema fails other than by reporting
# invalid files (a schema it cannot use, a usage error, a crash).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
tool="$here/.venv/bin/check-jsonschema"
die() { printf 'run-check-jsonschema.sh: %s\n' "$*" >&2; exit 127; }

[[ $# -ge 1 ]] || { echo "usage: $0 FOLDER [check-jsonschema options…]" >&2; exit 64; }
folder="$1"; shift
[[ -x "$tool" ]] || die "check-jsonschema is not installed ($tool missing): run bench/peers/setup.sh"
[[ -d "$folder" ]] || die "no such folder: $folder"
for kind in kommune systemer prosjekter avvik; do
  [[ -f "$root/schema/$kind.schema.json" ]] || die "missing schema/$kind.schema.json"
done

# The kommune folders: FOLDER itself, or its sub-folders that hold a kommune.yaml.
kommuner=()
if [[ -f "$folder/kommune.yaml" ]]; then
  kommuner=("$folder")
else
  shopt -s nullglob
  for k in "$folder"/*/kommune.yaml; do kommuner+=("${k%/kommune.yaml}"); done
  shopt -u nullglob
  [[ ${#kommuner[@]} -gt 0 ]] || die "$folder holds no kommune.yaml, and none of its sub-folders does"
fi

# files KIND: the files of one kind in every kommune folder, NUL-separated (one find per kind).
files() {
  local kind="$1" k dirs=()
  for k in "${kommuner[@]}"; do
    case "$kind" in
      kommune) printf '%s\0' "$k/kommune.yaml" ;;
      avvik) [[ -f "$k/avvik.yaml" ]] && printf '%s\0' "$k/avvik.yaml" ;;
      *)
        for f in "$k/$kind.yaml" "$k/$kind.yml"; do [[ -f "$f" ]] && printf '%s\0' "$f"; done
        [[ -d "$k/$kind" ]] && dirs+=("$k/$kind")
        ;;
    esac
  done
  if [[ ${#dirs[@]} -gt 0 ]]; then
    find "${dirs[@]}" -mindepth 1 -name '.*' -prune -o -type f \( -name '*.yaml' -o -name '*.yml' \) -print0
  fi
  return 0
}

# The longest command line xargs may build here (GNU xargs --show-limits), else its default.
xargs_size=()
max="$(xargs --show-limits -r </dev/null 2>&1 | sed -n 's/^Maximum length of command we could actually use: \([0-9]*\)$/\1/p')"
[[ -n "$max" ]] && xargs_size=(-s "$max")

status=0
for kind in kommune systemer prosjekter avvik; do
  # The inner sh passes on check-jsonschema's 0 (all valid) and 1 (some file invalid) and
  # turns anything else into 255, which makes xargs stop and exit 124: a real failure.
  # check-jsonschema also exits 1 when it cannot use the schema; it then says so on stderr
  # ("Error: schemafile …", "Failure resolving $ref …"; file findings go to stdout), and
  # that counts as a failure too.
  rc=0
  # shellcheck disable=SC2016 # the inner script's $0, $@ and $s are the inner shell's own
  files "$kind" | xargs -0 -r "${xargs_size[@]}" sh -c '
      err="$(mktemp)"
      "$0" "$@" 2>"$err"; s=$?
      cat "$err" >&2
      if [ "$s" -eq 1 ] && grep -q -e "^Error: " -e "^Failure resolving" "$err"; then s=2; fi
      rm -f "$err"
      [ "$s" -le 1 ] && exit "$s"
      echo "run-check-jsonschema.sh: check-jsonschema failed (exit status $s)" >&2; exit 255' \
    "$tool" --schemafile "$root/schema/$kind.schema.json" "$@" || rc=$?
  case "$rc" in
    0 | 123) ;;                 # ran; 123: some file of this kind failed validation
    *) status="$rc" ;;
  esac
done
if [[ $status -ne 0 ]]; then
  printf 'run-check-jsonschema.sh: check-jsonschema failed (xargs exit status %d)\n' "$status" >&2
  exit "$status"
fi
exit 0
