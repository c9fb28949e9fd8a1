#!/usr/bin/env bash
# Installs the benchmark's peers: Spectral (npm, pinned in package.json/package-lock.json)
# and check-jsonschema (PyPI, pinned in requirements.txt, in the venv bench/peers/.venv),
# and generates functions/lib/katalog.js for the Spectral ruleset from rules/katalog/.
#
# Idempotent: run it again at any time; it only installs what is missing or out of date.
# Works from any directory (it finds its own folder), on a fresh Debian machine as root:
# Node.js/npm and Python's venv come from Debian's packages when they are missing.
#
#   bash bench/peers/setup.sh
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
say() { printf 'setup.sh: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

# --- Debian packages, only when something is missing ---------------------------------------
apt_updated=0
apt_install() {
  [[ $(id -u) -eq 0 ]] || die "need root to apt-get install $*"
  command -v apt-get >/dev/null || die "no apt-get: install $* by hand"
  if [[ $apt_updated -eq 0 ]]; then
    say "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    apt_updated=1
  fi
  say "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# Spectral 6 needs Node ^16.20 || ^18.18 || >=20.17 (Debian 12 has 18.20, Debian 13 has 20.19).
node_ok() {
  command -v node >/dev/null && command -v npm >/dev/null || return 1
  node -e '
    const [a, b] = process.versions.node.split(".").map(Number);
    const ok = (a === 16 && b >= 20) || (a === 18 && b >= 18) || (a === 20 && b >= 17) || a > 20;
    process.exit(ok ? 0 : 1);'
}
if ! node_ok; then
  apt_install nodejs npm
  node_ok || die "Node.js $(node --version 2>/dev/null || echo '(none)') is too old for Spectral 6"
fi

# --- Spectral --------------------------------------------------------------------------------
# `npm ci` installs exactly package-lock.json. Skipped when node_modules was installed from
# this very lock file (the stamp holds its checksum). --ignore-scripts: no package needs an
# install script (the only one, @scarf/scarf, is install telemetry that cannot reach its
# server from here anyway).
lock_sum="$(sha256sum "$here/package-lock.json" | cut -d' ' -f1)"
stamp="$here/node_modules/.prinsipp-setup-stamp"
if [[ -x "$here/node_modules/.bin/spectral" && -f "$stamp" && "$(cat "$stamp")" == "$lock_sum" ]]; then
  say "Spectral already installed from this package-lock.json"
else
  say "npm ci --prefix bench/peers"
  SCARF_ANALYTICS=false npm ci --prefix "$here" --ignore-scripts --no-audit --no-fund --loglevel=error
  printf '%s\n' "$lock_sum" > "$stamp"
fi

# --- check-jsonschema in a venv --------------------------------------------------------------
venv="$here/.venv"
# Debian's own Python when there is one (a venv outlives pyenv and friends), else python3.
python=/usr/bin/python3
[[ -x $python ]] || python="$(command -v python3 || true)"
if [[ -z $python ]]; then
  apt_install python3 python3-venv
  python=/usr/bin/python3
fi
if ! "$venv/bin/python" -c 'import sys' 2>/dev/null; then
  rm -rf "$venv"
  if ! "$python" -m venv "$venv" >/dev/null 2>&1; then
    # Debian splits venv/ensurepip out of python3 into python3-venv (python3.X-venv).
    rm -rf "$venv"
    apt_install python3-venv
    "$python" -m venv "$venv" || die "python3 -m venv failed even with python3-venv"
  fi
fi
want="$(sed -n 's/^check-jsonschema==//p' "$here/requirements.txt")"
have="$("$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("check-jsonschema"))' 2>/dev/null || true)"
if [[ "$have" == "$want" ]]; then
  say "check-jsonschema $have already installed"
else
  say "pip install -r bench/peers/requirements.txt"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$here/requirements.txt"
fi
# katalog.py reads TOML: tomllib is in Python 3.11+, tomli before that.
"$venv/bin/python" -c 'import tomllib' 2>/dev/null ||
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check 'tomli==2.2.1'

# --- The catalogue for the Spectral ruleset ----------------------------------------------------
"$venv/bin/python" "$here/katalog.py" "$root" >&2

say "ready: node $(node --version), spectral $("$here/node_modules/.bin/spectral" --version)," \
  "check-jsonschema $("$venv/bin/check-jsonschema" --version | sed 's/.*version //')"
