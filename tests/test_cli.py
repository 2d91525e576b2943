"""The command line contract (DESIGN.md §7), run as a user would: a separate process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


def tiendo(
    *args: str, data_dir: Path | None = None, check: bool = True
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.pop("TIENDO_DATA_DIR", None)
    # no desktop keyring in CI: keys go to passphrase-encrypted files
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    env.setdefault("TIENDO_KEY_PASSPHRASE", "mật khẩu thử nghiệm")
    if data_dir is not None:
        env["TIENDO_DATA_DIR"] = str(data_dir)
    proc = subprocess.run(
        [sys.executable, "-m", "app.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    if check and proc.returncode != 0:
        raise AssertionError(f"exit {proc.returncode}\n{proc.stdout}\n{proc.stderr}")
    return proc


def test_version() -> None:
    out = tiendo("--version").stdout
    assert out.startswith("tiendo ")


def test_plan_show_lists_all_seven_tasks_faithfully() -> None:
    out = tiendo("plan", "show").stdout
    for code in ("II.1", "II.2", "II.3.1", "II.3.2", "II.4.1", "II.4.2", "II.5"):
        assert f"\n{code}. " in out
    assert "Kế hoạch số 157/KH-UBND ngày 22/01/2024" in out
    assert "Chủ trì: Sở Thông tin và Truyền thông" in out
    assert "Hoàn thành trong năm 2024 (hạn hoàn thành)" in out
    assert out.count("(thường xuyên)") == 6
    assert "184-KH/TU ngày 03/11/2023" in out and "57-KL/TW ngày 15/06/2023" in out


def test_plan_show_json() -> None:
    plan = json.loads(tiendo("plan", "show", "--json").stdout)
    tasks = {t["code"]: t for t in plan["tasks"]}
    assert list(tasks) == ["II.1", "II.2", "II.3.1", "II.3.2", "II.4.1", "II.4.2", "II.5"]
    assert len(tasks["II.2"]["content"]) == 3
    assert tasks["II.1"]["timeframe"] == {
        "kind": "deadline",
        "text": "Hoàn thành trong năm 2024",
        "deadline": "2024-12-31",
    }
    assert tasks["II.4.2"]["lead"] == "gl.stttt"
    assert {"kind": "district"} in tasks["II.4.2"]["coordinating"]
    assert all(t["indicators"] for t in tasks.values())
    assert plan["monitoring"]["monitor_unit"] == "gl.stttt"
    assert [b["number"] for b in plan["basis"]] == ["184-KH/TU", "57-KL/TW"]


def test_periods_2024_json_windows() -> None:
    periods = {p["code"]: p for p in json.loads(tiendo("periods", "2024", "--json").stdout)}
    assert (periods["2024"]["start"], periods["2024"]["end"]) == ("2023-12-15", "2024-12-14")
    assert (periods["2024-Q1"]["start"], periods["2024-Q1"]["end"]) == ("2023-12-15", "2024-03-14")
    assert periods["2024-H1"]["end"] == "2024-06-14"
    assert periods["2024-9M"]["end"] == "2024-09-14"
    assert (periods["2024-02"]["start"], periods["2024-02"]["end"]) == ("2024-01-15", "2024-02-14")
    assert periods["2024"]["due"] > periods["2024"]["end"]


def test_units_lists_the_seventeen_districts() -> None:
    data = json.loads(tiendo("units", "--json").stdout)
    districts = [u for u in data["units"] if u["kind"] == "district"]
    assert len(districts) == 17
    assert any(u["name"] == "Ủy ban nhân dân huyện Chư Sê" for u in districts)
    assert "gl.chuse" in tiendo("units").stdout


def test_setup_and_data_dir_option(tmp_path: Path) -> None:
    out = tiendo(
        "--data-dir",
        str(tmp_path / "a"),
        "setup",
        "--role",
        "district",
        "--unit",
        "gl.chuse",
        "--officer",
        "Trần Thị Bích",
    ).stdout
    assert "Ủy ban nhân dân huyện Chư Sê" in out
    assert (tmp_path / "a" / "tiendo.sqlite").exists()
    # the environment variable works the same way
    tiendo("setup", "--role", "district", "--unit", "gl.kbang", data_dir=tmp_path / "b")
    assert (tmp_path / "b" / "tiendo.sqlite").exists()


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("setup", "--role", "district", "--unit", "gl.chuse-x"), "gl.chuse"),
        (("setup", "--role", "district", "--unit", "gl.stttt"), "không thể dùng vai trò"),
        (("periods", "99999"), "Năm không hợp lệ"),
        (
            ("activity", "add", "--task", "II.1", "--date", "2024-03-01", "--title", "x"),
            "Chưa thiết lập",
        ),
        (("report", "--period", "2024-Q5", "--out", "x.pdf"), "2024-Q1"),
    ],
)
def test_errors_are_plain_words_on_stderr(
    tmp_path: Path, args: tuple[str, ...], words: str
) -> None:
    proc = tiendo(*args, data_dir=tmp_path, check=False)
    assert proc.returncode != 0
    assert words in proc.stderr
    assert "Traceback" not in proc.stderr


def test_activity_add_with_evidence(tmp_path: Path) -> None:
    tiendo("setup", "--role", "district", "--unit", "gl.chuse", data_dir=tmp_path)
    photo = tmp_path / "ảnh hội nghị.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    out = tiendo(
        "activity",
        "add",
        "--task",
        "II.1",
        "--date",
        "2024-03-05",
        "--title",
        "Hội nghị quán triệt Kết luận 57-KL/TW",
        "--evidence",
        str(photo),
        data_dir=tmp_path,
    ).stdout
    assert "Đã ghi hoạt động" in out
    stored = list((tmp_path / "evidence").rglob("*"))
    assert any(p.is_file() and p.read_bytes() == photo.read_bytes() for p in stored)
    bad = tiendo(
        "activity",
        "add",
        "--task",
        "II.9",
        "--date",
        "2024-03-05",
        "--title",
        "x",
        data_dir=tmp_path,
        check=False,
    )
    assert bad.returncode == 1 and "II.9" in bad.stderr


def test_a_double_clicked_file_opens_the_app_on_it() -> None:
    from app.cli import _file_to_open

    assert _file_to_open(["--data-dir", "/d", "x/BaoCao.tdpkg"]) == (
        ["--data-dir", "/d"],
        "x/BaoCao.tdpkg",
    )
    assert _file_to_open(["--lang=en", "BienNhan.TDR"]) == (["--lang=en"], "BienNhan.TDR")
    # a command that takes files keeps them
    argv = ["province", "import", "a.tdpkg"]
    assert _file_to_open(argv) == (argv, None)
    assert _file_to_open(["units"]) == (["units"], None)


def test_opening_the_app_parses_only_the_app_options(monkeypatch: pytest.MonkeyPatch) -> None:
    import app.cli

    opened: list[tuple[str | None, str | None, str | None]] = []

    def gui(args: object) -> int:
        opened.append((args.data_dir, args.lang, args.open_file))  # type: ignore[attr-defined]
        return 0

    monkeypatch.setattr(app.cli, "cmd_gui", gui)
    assert app.cli.main(["--data-dir", "/d", "--lang", "en"]) == 0
    assert app.cli.main(["--lang=vi", "x/BaoCao.tdpkg"]) == 0
    assert app.cli.main([]) == 0
    assert opened == [("/d", "en", None), (None, "vi", "x/BaoCao.tdpkg"), (None, None, None)]
    assert app.cli._only_app_options(["--data-dir=/d", "--lang", "en"])
    assert not app.cli._only_app_options(["--data-dir", "/d", "units"])
    assert not app.cli._only_app_options(["-h"])
    with pytest.raises(SystemExit) as bad:  # the short parser still checks the values
        app.cli.main(["--lang", "fr"])
    assert bad.value.code == 2


def test_a_reader_that_stops_early_is_not_an_error() -> None:
    """`tiendo plan show | head -1`: the pipe closes under the command; no traceback."""
    import fcntl

    read_end, write_end = os.pipe()
    # a one-page pipe, so the command is still writing when the reader goes away
    fcntl.fcntl(write_end, fcntl.F_SETPIPE_SZ, 4096)
    env = dict(os.environ, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    proc = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "plan", "show"],
        stdout=write_end,
        stderr=subprocess.PIPE,
        env=env,
    )
    os.close(write_end)
    first = os.read(read_end, 20)
    os.close(read_end)
    assert proc.stderr is not None
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 0, err
    assert first and "Traceback" not in err


def test_setup_checks_the_passphrase_before_it_says_set_up(tmp_path: Path) -> None:
    """Issue #16 item 12: a short passphrase is refused before anything is set up."""
    env = {k: v for k, v in os.environ.items() if k != "TIENDO_DATA_DIR"}
    env.update(
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring", TIENDO_KEY_PASSPHRASE="ngắn quá"
    )
    data = tmp_path / "data"
    args = ["--data-dir", str(data), "setup", "--role", "district", "--unit", "gl.chuse"]
    proc = subprocess.run(
        [sys.executable, "-m", "app.cli", *args], capture_output=True, text=True, env=env
    )
    assert proc.returncode == 1
    assert "Đã thiết lập" not in proc.stdout and "ít nhất 12 ký tự" in proc.stderr
    assert "Chưa thiết lập" in tiendo("key", "show", data_dir=data, check=False).stderr
    # the passphrase that is long enough makes the key, with scrypt at the app's factor
    tiendo(*args[2:], data_dir=data)
    (key_file,) = (data / "keys").glob("*.key")
    assert b"kdf: scrypt\nlog2-n: 17\n" in key_file.read_bytes()
