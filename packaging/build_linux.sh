#!/usr/bin/env bash
# Build the Linux bundle: dist/TienDo (one folder) and dist/TienDo-VERSION-linux-ARCH.tar.gz.
#
#   packaging/build_linux.sh            # uses .venv/bin/python
#   PYTHON=/path/to/python packaging/build_linux.sh
#
# PYTHON's environment (a virtualenv) gets requirements/lock.txt first, so the bundle holds
# the locked versions of everything.
#
# The tarball holds the folder plus the desktop entry, AppStream metainfo, icon, file
# types and install.sh (a per-user install, no root needed).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}

echo "== dependencies from requirements/lock.txt"
# Exactly the locked versions, checked by hash (PyInstaller is one of them); nothing to
# do when `make` already installed them.
"$PYTHON" -m pip install --quiet --require-hashes -r requirements/lock.txt
"$PYTHON" -m pip install --quiet --no-build-isolation --no-deps -e .
version=$("$PYTHON" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
arch=$(uname -m)

echo "== translations (.ts -> .qm)"
"$PYTHON" -m ui.i18n build

echo "== PyInstaller"
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/tiendo.spec

echo "== desktop integration files"
"$PYTHON" packaging/make_icons.py build/icons >/dev/null
share=dist/TienDo/share
install -D -m 644 packaging/linux/vn.tiendo.TienDo.desktop "$share/applications/vn.tiendo.TienDo.desktop"
install -D -m 644 packaging/linux/vn.tiendo.TienDo.metainfo.xml "$share/metainfo/vn.tiendo.TienDo.metainfo.xml"
install -D -m 644 packaging/linux/vn.tiendo.TienDo-mime.xml "$share/mime/packages/vn.tiendo.TienDo.xml"
install -D -m 644 packaging/icons/tiendo.svg "$share/icons/hicolor/scalable/apps/vn.tiendo.TienDo.svg"
for png in build/icons/tiendo-*.png; do
  size=${png##*/tiendo-}; size=${size%.png}
  install -D -m 644 "$png" "$share/icons/hicolor/${size}x${size}/apps/vn.tiendo.TienDo.png"
done
install -m 755 packaging/linux/install.sh dist/TienDo/install.sh

echo "== archive"
tarball=dist/TienDo-$version-linux-$arch.tar.gz
tar -C dist -czf "$tarball" TienDo

echo
echo "bundle:  $(du -sh dist/TienDo | cut -f1)  dist/TienDo"
echo "archive: $(du -sh "$tarball" | cut -f1)  $tarball"
