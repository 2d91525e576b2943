#!/bin/sh
# Install Tiến Độ for the current user, without root:
#   ~/.local/opt/TienDo          the program folder (this folder, copied)
#   ~/.local/bin/tiendo          the command
#   ~/.local/share/applications  the menu entry, opening report packages and receipts
#   ~/.local/share/icons, mime, metainfo
#
#   ./install.sh               install or update
#   ./install.sh --uninstall   remove the program (the data folder ~/.local/share/TienDo stays)
#
# The data folder is never touched: updating or removing the program keeps every report.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
opt=$HOME/.local/opt/TienDo
bin=$HOME/.local/bin
id=vn.tiendo.TienDo

refresh() {
  command -v update-mime-database >/dev/null 2>&1 && update-mime-database "$data_home/mime" || true
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$data_home/applications" || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$data_home/icons/hicolor" || true
}

if [ "${1:-}" = "--uninstall" ]; then
  rm -f "$bin/tiendo" "$data_home/applications/$id.desktop" \
    "$data_home/metainfo/$id.metainfo.xml" "$data_home/mime/packages/$id.xml"
  find "$data_home/icons/hicolor" -name "$id.*" -delete 2>/dev/null || true
  rm -rf "$opt"
  refresh
  echo "Đã gỡ Tiến Độ. Dữ liệu vẫn được giữ trong $data_home/TienDo."
  exit 0
fi

[ -x "$here/TienDo" ] || { echo "Không thấy $here/TienDo" >&2; exit 1; }

# A fresh copy: files of an older version must not linger (old migration scripts would).
if [ "$here" != "$opt" ]; then
  mkdir -p "$(dirname "$opt")"
  rm -rf "$opt.new"
  cp -a "$here" "$opt.new"
  rm -rf "$opt"
  mv "$opt.new" "$opt"
fi

mkdir -p "$bin" "$data_home/applications" "$data_home/metainfo" "$data_home/mime/packages"
ln -sf "$opt/TienDo" "$bin/tiendo"
# The menu entry names the program by its full path: ~/.local/bin is not always on the
# PATH the desktop session starts programs with.
sed "s|^Exec=tiendo |Exec=\"$opt/TienDo\" |" "$opt/share/applications/$id.desktop" \
  >"$data_home/applications/$id.desktop"
cp "$opt/share/metainfo/$id.metainfo.xml" "$data_home/metainfo/"
cp "$opt/share/mime/packages/$id.xml" "$data_home/mime/packages/"
(cd "$opt/share" && find icons -type f) | while read -r icon; do
  mkdir -p "$data_home/$(dirname "$icon")"
  cp "$opt/share/$icon" "$data_home/$icon"
done
refresh
echo "Đã cài Tiến Độ vào $opt. Mở từ menu ứng dụng hoặc gõ: tiendo"
