#!/usr/bin/env bash
# Smoke-test a built bundle offscreen, the way a user's first day goes: the version, demo
# data (database migrations, plans, units, the unit key), a printed report (reportlab and
# the bundled fonts) and a start of the app that quits by itself once the main window is
# up (TIENDO_SMOKE_QUIT_MS). Prints the bundle's size.
#
#   packaging/smoke.sh [BUNDLE_DIR]      # default dist/TienDo
set -euo pipefail
cd "$(dirname "$0")/.."
bundle=${1:-dist/TienDo}
exe=$bundle/TienDo

step() { printf '== %s\n' "$*"; }
fail() { printf 'SMOKE FAILED: %s\n' "$*" >&2; exit 1; }

[ -x "$exe" ] || fail "no bundle at $bundle (build it with packaging/build_linux.sh)"
expected=$(sed -n 's/^version *= *"\(.*\)"/\1/p' pyproject.toml | head -n 1)

export QT_QPA_PLATFORM=offscreen
export TIENDO_KEY_PASSPHRASE=smoke-test   # no keyring daemon here: the encrypted key file
export TIENDO_FORCE_BUNDLED_FONT=1        # print with the fonts inside the bundle
unset TIENDO_DATA_DIR
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
data=$tmp/data

step "version"
got=$("$exe" --version)
[ "$got" = "tiendo $expected" ] || fail "--version says '$got', pyproject.toml says $expected"
echo "$got"

step "demo data"
"$exe" --data-dir "$data" demo --activities "${SMOKE_ACTIVITIES:-30}" || fail "demo"

step "report PDF"
"$exe" --data-dir "$data" report --period 2024-H1 --out "$tmp/report.pdf" || fail "report"
head -c 5 "$tmp/report.pdf" | grep -q '^%PDF-' || fail "report.pdf is not a PDF"
grep -aq 'LiberationSerif' "$tmp/report.pdf" || fail "report.pdf does not use the bundled font"
echo "report.pdf: $(du -h "$tmp/report.pdf" | cut -f1)"

step "start the app (offscreen), quit once the window shows the unit's data"
status=0
out=$(TIENDO_SMOKE_QUIT_MS=${SMOKE_QUIT_MS:-500} timeout 120 "$exe" --data-dir "$data") || status=$?
[ "$status" -eq 0 ] || fail "the app exited with $status: $out"
# the window comes up first, the data (SQLAlchemy, loaded in a pool thread) after it
grep -qx 'window shown' <<<"$out" || fail "the app never said 'window shown': $out"
grep -qx 'smoke ok' <<<"$out" || fail "the app never said 'smoke ok': $out"
heavy=$(sed -n 's/^heavy: *//p' <<<"$out")
echo "heavy modules before the first window: ${heavy:-none}"

step "size"
du -sh "$bundle"
echo "smoke ok"
