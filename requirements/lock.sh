#!/usr/bin/env bash
# Regenerate the lock files from pyproject.toml with uv (`pip install uv` if it is not
# on PATH):
#   lock.txt     the runtime and dev dependencies at the versions CI, `make`, the Linux
#                bundle and the Windows installer install (--require-hashes); one file for
#                Linux and Windows (--universal), Python 3.11
#   minimum.txt  the versions minimum.in names (pyproject.toml's declared minimums), for
#                CI's second run of the core tests
#   requirements/lock.sh            # keep what is locked, add what is new
#   requirements/lock.sh --upgrade  # move everything to the newest versions
set -euo pipefail
cd "$(dirname "$0")/.."
uv=${UV:-uv}
common=(--generate-hashes --universal --python-version 3.11
        --custom-compile-command "requirements/lock.sh" "$@")
"$uv" pip compile pyproject.toml requirements/build.in --extra dev "${common[@]}" \
  -o requirements/lock.txt
"$uv" pip compile requirements/minimum.in requirements/build.in "${common[@]}" \
  -o requirements/minimum.txt
