"""PySide6.QtGui as PyInstaller's own hook collects it, minus two plugins Tiến Độ never uses.

A hook in hookspath replaces the built-in one of the same name; dropping the plugins here,
before the binary dependency analysis, also keeps out the libraries only they need.

- the Qt Virtual Keyboard input context: an on-screen keyboard built on Qt Quick and QML
  (about 17 MB of Quick, QML and keyboard libraries). Vietnamese is typed through the
  system's input method (IBus or Fcitx on Linux, Unikey or EVKey on Windows); the compose
  and IBus input contexts stay.
- the GTK 3 platform theme (Linux): it drags the build machine's GTK 3, GDK, Cairo and
  Pango into the bundle, where they clash with the user's own GTK theme modules. Qt uses
  its own dialogs, or the desktop portal's where one runs.
"""

from pathlib import Path

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

UNUSED_PLUGINS = {
    "libqtvirtualkeyboardplugin.so",
    "qtvirtualkeyboardplugin.dll",
    "libqgtk3.so",
}

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [entry for entry in binaries if Path(entry[0]).name not in UNUSED_PLUGINS]
