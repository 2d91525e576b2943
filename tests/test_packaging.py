"""Installers and start-up: the files a desktop reads validate, every platform names the
same file types, the PyInstaller spec bundles what the app loads from files, and the GUI
reaches its first window without the heavy libraries only later work needs."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
import types
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any, ClassVar

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
DESKTOP = PACKAGING / "linux" / "vn.tiendo.TienDo.desktop"
METAINFO = PACKAGING / "linux" / "vn.tiendo.TienDo.metainfo.xml"
MIME = PACKAGING / "linux" / "vn.tiendo.TienDo-mime.xml"
ISS = PACKAGING / "windows" / "tiendo.iss"
SPEC = PACKAGING / "tiendo.spec"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
HEAVY = {"reportlab", "alembic", "cryptography", "openpyxl", "sqlalchemy", "PySide6.QtCharts"}


def project_version() -> str:
    return str(tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"])


def desktop_keys() -> dict[str, str]:
    keys = {}
    for line in DESKTOP.read_text("utf-8").splitlines():
        key, sep, value = line.partition("=")
        if sep:
            keys[key.strip()] = value.strip()
    return keys


# --- Linux desktop files --------------------------------------------------------------


def test_desktop_entry_validates() -> None:
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        pytest.skip("desktop-file-validate is not installed (Debian: desktop-file-utils)")
    done = subprocess.run([tool, str(DESKTOP)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "error" not in (done.stdout + done.stderr).lower()


def test_metainfo_validates() -> None:
    tool = shutil.which("appstreamcli")
    if tool is None:
        pytest.skip("appstreamcli is not installed (Debian: appstream)")
    done = subprocess.run(
        [tool, "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_metainfo_names_this_release_and_launches_the_desktop_entry() -> None:
    root = ET.parse(METAINFO).getroot()
    newest = root.find("releases/release")
    assert newest is not None
    assert newest.get("version") == project_version()
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("id") == DESKTOP.name.removesuffix(".desktop")


def _mime_types() -> dict[str, list[str]]:
    root = ET.parse(MIME).getroot()
    return {
        t.get("type", ""): [g.get("pattern", "") for g in t.findall(f"{MIME_NS}glob")]
        for t in root.findall(f"{MIME_NS}mime-type")
    }


def test_every_platform_opens_the_same_file_types() -> None:
    types_ = _mime_types()
    desktop = {t for t in desktop_keys()["MimeType"].split(";") if t}
    provided = {m.text for m in ET.parse(METAINFO).getroot().findall("provides/mediatype")}
    assert desktop == set(types_) == provided

    linux_extensions = {p.removeprefix("*") for globs in types_.values() for p in globs}
    windows_extensions = set(re.findall(r'Software\\Classes\\(\.\w+)"', ISS.read_text("utf-8")))
    assert linux_extensions == windows_extensions == {".tdpkg", ".tdr", ".tdkey", ".tdplan"}
    from app.cli import OPEN_SUFFIXES

    assert set(OPEN_SUFFIXES) == linux_extensions  # what the desktop hands over, the app opens


def test_the_shared_mime_database_accepts_the_file_types(tmp_path: Path) -> None:
    tool = shutil.which("update-mime-database")
    if tool is None:
        pytest.skip("update-mime-database is not installed (Debian: shared-mime-info)")
    packages = tmp_path / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copy(MIME, packages / "vn.tiendo.TienDo.xml")
    done = subprocess.run([tool, str(tmp_path / "mime")], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    globs = (tmp_path / "mime" / "globs2").read_text("utf-8")
    assert "application/x-tiendo-package:*.tdpkg" in globs
    assert "application/x-tiendo-receipt:*.tdr" in globs
    assert "application/x-tiendo-key:*.tdkey" in globs
    assert "application/x-tiendo-plan:*.tdplan" in globs


def test_the_desktop_entry_opens_a_file_with_the_app() -> None:
    keys = desktop_keys()
    assert keys["Exec"] == "tiendo %f"
    assert keys["Icon"] == "vn.tiendo.TienDo"
    assert (PACKAGING / "icons" / "tiendo.svg").exists()


# --- the PyInstaller spec -------------------------------------------------------------


class _Recorder:
    """Stands in for a PyInstaller build class: keeps its arguments."""

    made: ClassVar[list[_Recorder]] = []

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.args = args
        self.kwargs = kwargs
        self.kind = type(self).__name__
        self.pure = self.scripts = self.binaries = []
        self.datas = list(kwargs.get("datas", []))
        _Recorder.made.append(self)


def _fake_pyinstaller(monkeypatch: pytest.MonkeyPatch) -> None:
    """PyInstaller's hook helpers, answering as if a package had nothing to collect."""
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_submodules = lambda name, filter=None: [name]  # type: ignore[attr-defined]
    hooks.collect_data_files = lambda name: []  # type: ignore[attr-defined]
    hooks.copy_metadata = lambda name: [(f"<{name} metadata>", ".")]  # type: ignore[attr-defined]
    win32 = types.ModuleType("PyInstaller.utils.win32")
    versioninfo = types.ModuleType("PyInstaller.utils.win32.versioninfo")
    versioninfo.__getattr__ = lambda name: _Recorder  # type: ignore[method-assign]
    win32.versioninfo = versioninfo  # type: ignore[attr-defined]
    for name, module in {
        "PyInstaller": types.ModuleType("PyInstaller"),
        "PyInstaller.utils": types.ModuleType("PyInstaller.utils"),
        "PyInstaller.utils.hooks": hooks,
        "PyInstaller.utils.win32": win32,
        "PyInstaller.utils.win32.versioninfo": versioninfo,
    }.items():
        monkeypatch.setitem(sys.modules, name, module)


@pytest.fixture
def spec(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """The spec's namespace after running it against stand-ins for PyInstaller."""
    qm_missing = [
        ts
        for ts in (ROOT / "resources" / "translations").glob("*.ts")
        if not ts.with_suffix(".qm").exists()
    ]
    if qm_missing:
        pytest.skip("translations not compiled: run `python -m ui.i18n build` (make translations)")
    _fake_pyinstaller(monkeypatch)
    _Recorder.made = []
    names = {n: type(n, (_Recorder,), {}) for n in ("Analysis", "PYZ", "EXE", "COLLECT")}
    namespace: dict[str, Any] = {"SPECPATH": str(PACKAGING), "__file__": str(SPEC), **names}
    exec(compile(SPEC.read_text("utf-8"), str(SPEC), "exec"), namespace)
    return namespace


def _made(kind: str) -> list[_Recorder]:
    return [r for r in _Recorder.made if r.kind == kind]


def test_spec_takes_its_version_from_pyproject(spec: dict[str, Any]) -> None:
    assert spec["VERSION"] == project_version()


def test_spec_builds_one_folder_named_tiendo(spec: dict[str, Any]) -> None:
    (collect,) = _made("COLLECT")
    assert collect.kwargs["name"] == "TienDo"
    assert _made("EXE")[0].kwargs["name"] == "TienDo"
    assert all(exe.kwargs["exclude_binaries"] for exe in _made("EXE"))  # one folder


def test_spec_bundles_what_the_app_reads_from_files(spec: dict[str, Any]) -> None:
    (analysis,) = _made("Analysis")
    datas = {
        (Path(src).relative_to(ROOT).as_posix(), dest.replace("\\", "/"))
        for src, dest in analysis.kwargs["datas"]
        if Path(src).is_absolute()
    }
    migrations = ROOT / "db" / "migrations"
    expected = {
        ("db/migrations/env.py", "db/migrations"),
        ("db/migrations/script.py.mako", "db/migrations"),
    }
    expected |= {
        (f"db/migrations/versions/{p.name}", "db/migrations/versions")
        for p in (migrations / "versions").glob("*.py")
    }
    for sub in ("plans", "units", "demo", "fonts"):
        expected |= {
            (f"resources/{sub}/{p.name}", f"resources/{sub}")
            for p in (ROOT / "resources" / sub).iterdir()
            if p.is_file()
        }
    expected |= {
        (f"resources/translations/{p.name}", "resources/translations")
        for p in (ROOT / "resources" / "translations").glob("*.qm")
    }
    assert expected <= datas
    assert ("resources/fonts/LICENSE-LiberationSerif.txt", "resources/fonts") in datas
    assert not any(src.endswith(".ts") for src, _ in datas)

    hidden = set(analysis.kwargs["hiddenimports"])
    assert {"alembic.op", "alembic.context", "db.models", "keyring.backends"} <= hidden
    # official signatures: pyHanko's lazy imports, the PKCS#11 extension, asn1crypto
    assert {"pyhanko", "pyhanko_certvalidator", "asn1crypto", "pkcs11._pkcs11"} <= hidden
    copied = {src for src, _ in analysis.kwargs["datas"]}
    assert {"<keyring metadata>", "<tiendo metadata>"} <= copied

    excluded = set(analysis.kwargs["excludes"])
    assert {"tkinter", "PySide6.QtWebEngineCore", "PySide6.Qt3DCore", "PySide6.QtQuick"} <= excluded
    # pkg_resources in the bundle means its runtime hook imports it on every start
    assert {"pytest", "pkg_resources"} <= excluded


# --- dependencies ---------------------------------------------------------------------

REQUIREMENTS = ROOT / "requirements"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", re.MULTILINE)


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared(*groups: str) -> dict[str, str]:
    """pyproject.toml's dependencies (and the named extras): name → declared minimum."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    specs = list(project["dependencies"])
    for group in groups:
        specs += project["optional-dependencies"][group]
    minimums = {}
    for spec in specs:
        name, sep, minimum = spec.partition(">=")
        assert sep and "," not in minimum, f"{spec}: a dependency declares its minimum, >=X"
        minimums[canonical(name.strip())] = minimum.strip()
    return minimums


def pins(path: Path) -> dict[str, str]:
    return {canonical(name): v for name, v in PIN.findall(path.read_text("utf-8"))}


def test_the_minimum_run_installs_the_declared_minimums() -> None:
    minimums = declared("dev")
    wanted = pins(REQUIREMENTS / "minimum.in")
    assert set(declared()) <= set(wanted), "every runtime dependency is tested at its minimum"
    assert {name: minimums.get(name) for name in wanted} == wanted
    installed = pins(REQUIREMENTS / "minimum.txt")
    from packaging.version import Version

    assert {n: Version(installed[n]) for n in wanted} == {n: Version(v) for n, v in wanted.items()}


def test_the_lock_pins_every_dependency_at_or_above_its_minimum() -> None:
    from packaging.version import Version

    locked = pins(REQUIREMENTS / "lock.txt")
    for name, minimum in declared("dev").items():
        assert name in locked, f"{name} is not in requirements/lock.txt: run requirements/lock.sh"
        assert Version(locked[name]) >= Version(minimum), name
    # one block per pinned package, each with its hashes (pip --require-hashes needs them)
    blocks = re.split(
        r"^(?=[A-Za-z0-9])", (REQUIREMENTS / "lock.txt").read_text("utf-8"), flags=re.MULTILINE
    )[1:]
    assert len(blocks) == len(PIN.findall((REQUIREMENTS / "lock.txt").read_text("utf-8")))
    for block in blocks:
        assert "--hash=sha256:" in block, f"no hash: {block.splitlines()[0]}"


# --- start-up -------------------------------------------------------------------------


@pytest.mark.gui
def test_first_window_comes_up_without_heavy_libraries(tmp_path: Path) -> None:
    from app.demo import run_demo
    from app.services.workspace import open_workspace

    data = tmp_path / "data"
    ws = open_workspace(data)
    try:
        run_demo(ws, count=20)
    finally:
        ws.close()

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TIENDO_SMOKE_QUIT_MS="0")
    env.pop("TIENDO_DATA_DIR", None)
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from app.cli import main; sys.exit(main())",
            "--data-dir",
            str(data),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "smoke ok" in lines, done.stdout + done.stderr
    (heavy_line,) = [line for line in lines if line.startswith("heavy:")]
    loaded = {name for name in heavy_line.partition(":")[2].strip().split(",") if name}
    assert loaded <= HEAVY  # the hook reports only these
    assert loaded == set()
