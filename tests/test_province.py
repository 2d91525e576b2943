"""Province intake in-process: enrollment, import rules, status, the consolidated report.

The helpers at the top (a province installation, packages built straight with the
package writer) are shared by the other tests/test_province_*.py files.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import shutil
import sqlite3
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path

import pytest

from app.calendar import Period
from app.package import EvidenceFile, write_package
from app.province_data import CellState, IndicatorColumn
from app.report_data import IndicatorValue, ReportData
from app.services.province import intake
from app.services.province.common import ProvinceError
from app.services.province.compile import compile_report
from app.services.province.intake import ImportResult, Outcome, import_packages
from app.services.province.keys import (
    EnrollmentError,
    KeyState,
    apply_rotation,
    enroll,
    enrolled_keys,
    read_rotation,
    read_unit_key,
    revoke,
    rotate,
)
from app.services.province.status import reporting_periods, status_matrix
from app.services.setup import apply_setup, default_settings
from app.services.workspace import Workspace, open_workspace
from app.signing import minisign
from app.signing.keystore import KeyStore, UnitKey
from db import models as m
from tests.samples import sample_report

PROVINCE = "gl.stttt"
VN = dt.timezone(dt.timedelta(hours=7))
_TEMPLATES: dict[str, Path] = {}


# --- helpers shared by the province tests -------------------------------------------------


def province_template(root: Path) -> Path:
    """A set-up province data folder (database and key), made once per test session."""
    if "province" not in _TEMPLATES:
        folder = root / "province-template"
        ws = open_workspace(folder)
        settings = default_settings(ws, "province", PROVINCE)
        apply_setup(ws, replace(settings, officer="Lê Văn Tỉnh", leader_name="Phạm Thị Giám"))
        KeyStore(folder).create(PROVINCE)
        ws.close()
        _TEMPLATES["province"] = folder
    return _TEMPLATES["province"]


def new_province(template_root: Path, dest: Path) -> Workspace:
    """A fresh province installation copied from the session's template (fast)."""
    template = province_template(template_root)
    shutil.copytree(template, dest)
    return open_workspace(dest)


def unit_key(unit_id: str) -> UnitKey:
    secret, key_id = minisign.generate_key()
    return UnitKey(unit_id, key_id, secret)


def public_key_text(key: UnitKey, name: str = "") -> str:
    pk = key.public_key
    return minisign.public_key_file(
        pk, f"tiendo unit={key.unit_id} name={name or key.unit_id} key={pk.key_id_hex}"
    )


def unit_report(
    unit_id: str,
    period: str = "2024",
    revision: int = 1,
    *,
    plan_id: str = "gl-157-2024",
    values: dict[tuple[str, str], int] | None = None,
    difficulties: str = "Kinh phí còn hạn chế.",
    budget: int | None = 100_000_000,
) -> ReportData:
    """A report of ``unit_id`` for ``period`` with the plan's own indicator codes."""
    p = Period.parse(period)
    values = values or {}
    base = sample_report(revision=revision)
    entries = []
    plan_indicators = {
        "II.1": (
            ("hoi_nghi", "cuộc", "count"),
            ("luot_tham_du", "lượt người", "count"),
            ("kinh_phi", "đồng", "money"),
        ),
        "II.5": (("lop_tap_huan", "lớp", "count"), ("kinh_phi", "đồng", "money")),
    }
    for entry in base.entries:
        inds = tuple(
            IndicatorValue(code, code, unit, kind, values.get((entry.code, code), 1))
            for code, unit, kind in plan_indicators.get(entry.code, ())
        )
        entries.append(replace(entry, indicators=inds))
    return replace(
        base,
        unit_id=unit_id,
        unit_name=f"Đơn vị {unit_id}",
        plan_id=plan_id,
        period=p.code,
        period_label=p.label_vi,
        window_start=p.window.start,
        window_end=p.window.end,
        entries=tuple(entries),
        difficulties=difficulties,
        budget_estimate=budget,
    )


def make_package(
    folder: Path,
    key: UnitKey,
    *,
    period: str = "2024",
    revision: int = 1,
    sequence: int = 1,
    created: dt.datetime | None = None,
    report: ReportData | None = None,
    evidence: Sequence[tuple[str, bytes]] = (("anh.jpg", b"photo-bytes"),),
    name: str | None = None,
    pdf: bytes = b"%PDF-1.4\n% test\n",
) -> Path:
    """A signed package written by the real writer; returns its path."""
    report = report or unit_report(key.unit_id, period, revision)
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    src = folder / f".src-{key.unit_id}-{report.period}-{revision}-{sequence}"
    src.mkdir(exist_ok=True)
    for i, (fname, data) in enumerate(evidence):
        p = src / f"{i}-{fname}"
        p.write_bytes(data)
        files.append(EvidenceFile(p, fname))
    dest = folder / name if name else folder
    info = write_package(
        dest,
        report=report,
        pdf=pdf,
        evidence=files,
        sequence=sequence,
        key=key,
        created=created or dt.datetime(2024, 12, 16, 9, 30, tzinfo=VN),
    )
    shutil.rmtree(src)
    if name is None:
        # One file per (period, revision, sequence), so tests can keep several.
        target = folder / f"{key.unit_id}_{report.period}_r{revision}_s{sequence}.zip"
        info.path.replace(target)
        return target
    return info.path


def with_zip_comment(path: Path, comment: bytes, dest: Path) -> Path:
    """The same package with another (unsigned) ZIP archive comment."""
    data = bytearray(path.read_bytes())
    end = data.rfind(b"PK\x05\x06")
    data[end + 20 : end + 22] = len(comment).to_bytes(2, "little")
    dest.write_bytes(bytes(data[: end + 22]) + comment)
    return dest


def enroll_key(ws: Workspace, key: UnitKey) -> None:
    enroll(ws, read_unit_key(ws, public_key_text(key)))


def rows(ws: Workspace) -> list[tuple[str, str, int, str]]:
    with ws.db.session() as s:
        return [
            (r.unit_id, r.period, r.revision, r.state)
            for r in s.query(m.ReceivedPackage).order_by(m.ReceivedPackage.id)
        ]


def integrity(ws: Workspace) -> str:
    con = sqlite3.connect(ws.layout.database)
    try:
        return str(con.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        con.close()


# --- fixtures -----------------------------------------------------------------------------


@pytest.fixture
def prov(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> Iterator[Workspace]:
    ws = new_province(tmp_path_factory.getbasetemp(), tmp_path / "province")
    yield ws
    ws.close()


@pytest.fixture
def chuse() -> UnitKey:
    return unit_key("gl.chuse")


def one(ws: Workspace, path: Path, **kw: object) -> ImportResult:
    [result] = import_packages(ws, [path], **kw)  # type: ignore[arg-type]
    return result


# --- enrollment ---------------------------------------------------------------------------


def test_enroll_reads_the_unit_from_the_key_file_and_shows_the_fingerprint(
    prov: Workspace, chuse: UnitKey
) -> None:
    candidate = read_unit_key(prov, public_key_text(chuse, "UBND huyện Chư Sê"))
    assert candidate.unit_id == "gl.chuse"
    assert candidate.unit_name == "Ủy ban nhân dân huyện Chư Sê"
    assert candidate.fingerprint == chuse.public_key.fingerprint()
    assert enrolled_keys(prov) == []  # reading changes nothing
    key = enroll(prov, candidate)
    assert key.state is KeyState.ACTIVE and key.key_id == chuse.public_key.key_id_hex
    # enrolling the same key again changes nothing
    again = read_unit_key(prov, public_key_text(chuse))
    assert again.already_enrolled
    enroll(prov, again)
    assert len(enrolled_keys(prov)) == 1


def test_enroll_refuses_mix_ups(prov: Workspace, chuse: UnitKey) -> None:
    bare = minisign.public_key_file(chuse.public_key)  # names no unit
    with pytest.raises(EnrollmentError, match="đơn vị nào"):
        read_unit_key(prov, bare)
    assert read_unit_key(prov, bare, "gl.chuse").unit_id == "gl.chuse"
    with pytest.raises(EnrollmentError, match=r"không phải .gl\.kbang."):
        read_unit_key(prov, public_key_text(chuse), "gl.kbang")
    with pytest.raises(EnrollmentError, match="Không có đơn vị"):
        read_unit_key(prov, bare, "gl.nowhere")
    with pytest.raises(EnrollmentError, match="chính Sở"):
        read_unit_key(prov, bare, PROVINCE)
    forged = public_key_text(chuse).replace(chuse.public_key.key_id_hex, "0123456789ABCDEF", 1)
    with pytest.raises(EnrollmentError, match="đã bị sửa"):
        read_unit_key(prov, forged)

    enroll_key(prov, chuse)
    # the same key for another unit: refused
    with pytest.raises(EnrollmentError, match="một khóa chỉ thuộc một đơn vị"):
        read_unit_key(prov, bare, "gl.kbang")
    # a second key for a unit that has an active one: only through rotation
    with pytest.raises(EnrollmentError, match="đã có khóa đang dùng"):
        read_unit_key(prov, public_key_text(unit_key("gl.chuse")))


def test_a_revoked_key_cannot_come_back_but_a_new_one_can(prov: Workspace, chuse: UnitKey) -> None:
    enroll_key(prov, chuse)
    revoked = revoke(prov, chuse.public_key.key_id_hex.lower())
    assert revoked.state is KeyState.REVOKED
    assert revoke(prov, chuse.public_key.key_id_hex).revoked_at == revoked.revoked_at
    with pytest.raises(EnrollmentError, match="thu hồi"):
        read_unit_key(prov, public_key_text(chuse))
    enroll_key(prov, unit_key("gl.chuse"))  # a unit that lost its key starts again
    with pytest.raises(EnrollmentError, match="Không có khóa mã"):
        revoke(prov, "FFFFFFFFFFFFFFFF")


def test_commands_refuse_a_district_installation(workspace: Workspace, chuse: UnitKey) -> None:
    with pytest.raises(ProvinceError, match="chỉ dùng ở bản cài đặt của cơ quan theo dõi"):
        read_unit_key(workspace, public_key_text(chuse))


# --- import rules (SECURITY.md 7) ------------------------------------------------------


def test_import_then_identical_reimport_changes_nothing(
    prov: Workspace, chuse: UnitKey, tmp_path: Path
) -> None:
    enroll_key(prov, chuse)
    pkg = make_package(tmp_path / "in", chuse, evidence=[("a.jpg", b"A" * 5000), ("b.txt", b"B")])
    first = one(prov, pkg)
    assert first.outcome is Outcome.IMPORTED, first.message
    assert first.evidence_count == 2 and first.revision == 1 and first.sequence == 1
    assert first.receipt == pkg.parent / "BienNhan_gl.chuse_2024_r1_s1.tdr"
    # the receipt names the file by its hash, taken in the verifying pass
    assert first.package_sha256 == hashlib.sha256(pkg.read_bytes()).hexdigest()
    store = prov.evidence
    with prov.db.session() as s:
        row = s.query(m.ReceivedPackage).one()
        assert row.state == "current" and row.key_id == chuse.public_key.key_id_hex
        assert row.sha256 != first.package_sha256 and row.sha256 == first.tagmanifest_sha256
        assert '"unit_id": "gl.chuse"' in row.report_json
        assert sorted(e.name for e in row.evidence) == ["a.jpg", "b.txt"]
        for e in row.evidence:
            assert store.path_for(e.sha256).read_bytes() in (b"A" * 5000, b"B")
    audit_before = _count(prov, m.AuditEntry)

    # the same bytes, and the same package with another zip comment (not signed)
    commented = with_zip_comment(pkg, b"sent by e-mail", tmp_path / "copy.zip")
    assert first.receipt is not None
    imported_receipt = first.receipt.read_bytes()
    for again in (pkg, commented):
        result = one(prov, again)
        assert result.outcome is Outcome.ALREADY_IMPORTED
        assert "đã nhập trước đó" in result.message
        # the "imported" receipt the unit may still need is never replaced (issue #16)
        assert result.receipt is not None and result.receipt != first.receipt
        assert b"result: already-imported" in result.receipt.read_bytes()
    assert first.receipt.read_bytes() == imported_receipt
    assert rows(prov) == [("gl.chuse", "2024", 1, "current")]
    assert _count(prov, m.AuditEntry) == audit_before
    assert list((prov.layout.staging).iterdir()) == []


def test_revisions_supersede_and_replays_are_refused(
    prov: Workspace, chuse: UnitKey, tmp_path: Path
) -> None:
    enroll_key(prov, chuse)
    r1 = make_package(tmp_path, chuse, revision=1, sequence=1)
    r2 = make_package(tmp_path, chuse, revision=2, sequence=2)
    r2_again = make_package(tmp_path, chuse, revision=2, sequence=3)
    r3 = make_package(tmp_path, chuse, revision=3, sequence=4)
    assert one(prov, r2).outcome is Outcome.IMPORTED
    old = one(prov, r1)
    assert old.outcome is Outcome.REFUSED
    assert "lần 1 của" in old.message and "cũ hơn lần 2" in old.message
    assert old.receipt is not None  # the unit learns why
    same_rev = one(prov, r2_again)
    assert same_rev.outcome is Outcome.REFUSED and "cùng lần 2" in same_rev.message
    newer = one(prov, r3)
    assert newer.outcome is Outcome.IMPORTED and newer.superseded_revision == 2
    assert "Thay cho lần 2" in newer.message
    assert rows(prov) == [("gl.chuse", "2024", 2, "superseded"), ("gl.chuse", "2024", 3, "current")]
    # a replay of an imported older revision is still refused after superseding
    assert one(prov, r2).outcome is Outcome.ALREADY_IMPORTED
    assert one(prov, r1).outcome is Outcome.REFUSED
    # other periods are independent
    assert one(prov, make_package(tmp_path, chuse, period="2024-H1", sequence=5)).ok


def test_unknown_keys_units_and_plans_are_refused(
    prov: Workspace, chuse: UnitKey, tmp_path: Path
) -> None:
    not_enrolled = one(prov, make_package(tmp_path, chuse))
    assert not_enrolled.outcome is Outcome.REFUSED
    assert "không được đăng ký cho đơn vị 'gl.chuse'" in not_enrolled.message
    assert not_enrolled.receipt is None  # nobody to answer: the sender is not known
    enroll_key(prov, chuse)
    other_plan = make_package(
        tmp_path, chuse, sequence=2, report=unit_report("gl.chuse", plan_id="gl-999-2030")
    )
    result = one(prov, other_plan)
    assert result.outcome is Outcome.REFUSED and "gl-999-2030" in result.message
    # another unit's key signing a package that claims gl.chuse (SECURITY.md 3)
    kbang = unit_key("gl.kbang")
    enroll_key(prov, kbang)
    forged_report = unit_report("gl.chuse")
    pkg = tmp_path / "forged.zip"
    impostor = UnitKey("gl.chuse", kbang.key_id, kbang.private_key)
    make_package(tmp_path, impostor, report=forged_report, name="forged.zip")
    forged = one(prov, pkg)
    assert forged.outcome is Outcome.REFUSED and "không được đăng ký" in forged.message
    damaged = tmp_path / "damaged.zip"
    data = bytearray(make_package(tmp_path, chuse, sequence=7).read_bytes())
    data[200] ^= 0xFF
    damaged.write_bytes(bytes(data))
    assert one(prov, damaged).outcome is Outcome.REFUSED
    missing = one(prov, tmp_path / "nothere.zip")
    assert missing.outcome is Outcome.REFUSED and "Không mở được" in missing.message
    assert rows(prov) == []


def test_revoked_and_rotated_keys(prov: Workspace, tmp_path: Path) -> None:
    store = KeyStore(tmp_path / "district")
    old = store.create("gl.chuse")
    enroll_key(prov, old)
    statement = store.rotate("gl.chuse")
    new = store.load("gl.chuse")
    by_old = make_package(tmp_path, old, sequence=1)
    by_new = make_package(tmp_path, new, period="2024-H1", sequence=2)
    assert one(prov, by_new).outcome is Outcome.REFUSED  # not yet told of the new key

    tampered = statement.data.replace(b"unit: gl.chuse", b"unit: gl.kbang")
    with pytest.raises(Exception, match=r"đơn vị|khóa|chữ ký|Chữ ký"):
        read_rotation(prov, tampered)
    candidate = read_rotation(prov, statement.data)
    assert candidate.new_fingerprint == new.public_key.fingerprint()
    old_row, new_row = apply_rotation(prov, candidate)
    assert old_row.replaced_by == new_row.key_id and new_row.state is KeyState.ACTIVE
    assert read_rotation(prov, statement.data).already_applied
    rotate(prov, statement.data)  # applying again changes nothing
    assert len(enrolled_keys(prov)) == 2

    refused = one(prov, by_old)
    assert refused.outcome is Outcome.REFUSED and "đã được thay bằng khóa" in refused.message
    assert one(prov, by_new).outcome is Outcome.IMPORTED
    revoke(prov, new.public_key.key_id_hex)
    revoked = one(prov, make_package(tmp_path, new, period="2024-H2", sequence=3))
    assert revoked.outcome is Outcome.REFUSED and "đã bị thu hồi" in revoked.message
    # a rotation away from a revoked key is refused
    with pytest.raises(EnrollmentError, match="thu hồi"):
        read_rotation(prov, store.rotate("gl.chuse").data)


def test_evidence_is_staged_only_for_a_package_to_import_and_only_if_every_byte_verifies(
    prov: Workspace, chuse: UnitKey, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    enroll_key(prov, chuse)
    # Large enough for the digests to run on their lanes (app.package.lanes).
    big = bytes(range(256)) * (12 << 12)
    pkg = make_package(tmp_path, chuse, evidence=[("a.jpg", b"A" * 5000), ("big.jpg", big)])
    with zipfile.ZipFile(pkg) as z:
        info = next(i for i in z.infolist() if i.filename.endswith("-big.jpg"))
    data_at = info.header_offset + 30 + len(info.filename.encode())
    for offset in (data_at, data_at + len(big) // 2, data_at + len(big) - 1):
        flipped = bytearray(pkg.read_bytes())
        flipped[offset] ^= 0x01
        bad = tmp_path / f"flipped-{offset}.zip"
        bad.write_bytes(bytes(flipped))
        result = one(prov, bad)
        assert result.outcome is Outcome.REFUSED and "big.jpg" in result.message
        assert rows(prov) == []
        assert _files(prov.evidence.root) == [] and _files(prov.layout.staging) == []

    staged: list[Path] = []
    real = intake.new_staging

    def counting(ws: Workspace) -> Path:
        staged.append(real(ws))
        return staged[-1]

    monkeypatch.setattr(intake, "new_staging", counting)
    assert one(prov, pkg).outcome is Outcome.IMPORTED
    assert prov.evidence.path_for(hashlib.sha256(big).hexdigest()).read_bytes() == big
    assert len(staged) == 1 and not staged[0].exists()
    # a package already here is verified again, but nothing of it is written
    assert one(prov, pkg).outcome is Outcome.ALREADY_IMPORTED
    assert len(staged) == 1


def test_a_failure_before_commit_leaves_nothing(
    prov: Workspace, chuse: UnitKey, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    enroll_key(prov, chuse)
    assert one(prov, make_package(tmp_path, chuse, revision=1, sequence=1)).ok
    before = rows(prov), _count(prov, m.ReceivedEvidence), _count(prov, m.AuditEntry)

    def boom(step: str) -> None:
        if step == "rows":
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(intake, "checkpoint", boom)
    pkg = make_package(tmp_path, chuse, revision=2, sequence=2, evidence=[("new.png", b"N" * 99)])
    with pytest.raises(OSError):
        import_packages(prov, [pkg])
    assert (rows(prov), _count(prov, m.ReceivedEvidence), _count(prov, m.AuditEntry)) == before
    assert integrity(prov) == "ok"
    monkeypatch.setattr(intake, "checkpoint", intake._no_checkpoint)
    assert one(prov, pkg).outcome is Outcome.IMPORTED


def test_batch_results_progress_and_cancel(prov: Workspace, chuse: UnitKey, tmp_path: Path) -> None:
    enroll_key(prov, chuse)
    a = make_package(tmp_path / "usb", chuse, period="2024-H1", sequence=1)
    b = make_package(tmp_path / "usb", chuse, period="2024", sequence=2)
    (tmp_path / "usb" / "ghichu.txt").write_text("không phải gói")
    seen: list[tuple[int, int]] = []
    results = import_packages(
        prov,
        [tmp_path / "usb", a],
        receipts_dir=tmp_path,
        progress=lambda d, t: seen.append((d, t)),
    )
    assert [r.path for r in results] == sorted([a, b])  # the folder's zips, each once
    assert all(r.outcome is Outcome.IMPORTED for r in results)
    assert all(r.receipt is not None and r.receipt.parent == tmp_path for r in results)
    assert seen[-1][0] == seen[-1][1] and [d for d, _ in seen] == sorted(d for d, _ in seen)

    c = make_package(tmp_path / "later", chuse, period="2024-H2", sequence=3)
    calls = {"n": 0}

    def cancel_soon() -> bool:
        calls["n"] += 1
        return calls["n"] > 3

    cancelled = import_packages(prov, [c, a], cancelled=cancel_soon)
    assert [r.outcome for r in cancelled] == [Outcome.NOT_PROCESSED, Outcome.NOT_PROCESSED]
    assert len(rows(prov)) == 2


# --- status ----------------------------------------------------------------------------


def test_status_matrix_states_superseded_and_gaps(prov: Workspace, tmp_path: Path) -> None:
    chuse, kbang, pleiku = unit_key("gl.chuse"), unit_key("gl.kbang"), unit_key("gl.pleiku")
    for k in (chuse, kbang, pleiku):
        enroll_key(prov, k)
    on_time = dt.datetime(2024, 6, 18, 10, tzinfo=VN)  # H1 is due 19/06/2024
    late = dt.datetime(2024, 7, 2, 10, tzinfo=VN)
    packages = [
        make_package(tmp_path, chuse, period="2024-H1", sequence=1, created=on_time),
        make_package(tmp_path, chuse, period="2024-H1", revision=2, sequence=4, created=late),
        make_package(tmp_path, kbang, period="2024-H1", sequence=2, created=late),
        make_package(tmp_path, pleiku, period="2024", sequence=1, created=late),
    ]
    assert all(r.ok for r in import_packages(prov, packages, receipts=False))
    periods = reporting_periods(prov, 2024)
    assert [p.code for p in periods] == ["2024-H1", "2024"]  # the year covers H2
    matrix = status_matrix(prov, periods, today=dt.date(2024, 12, 1))
    # exactly the units plan 157 names as implementers, grouped by kind; not the monitoring
    # body itself (gl.stttt, which compiles)
    assert len(matrix.units) == 21 and PROVINCE not in [u.unit_id for u in matrix.units]
    groups = [u.group for u in matrix.units]
    assert groups == ["department"] * 2 + ["press"] * 2 + ["district"] * 17
    assert [u.unit_id for u in matrix.units[:4]] == [
        "gl.svhttdl",
        "gl.skhdt",
        "gl.baogl",
        "gl.ptth",
    ]
    by_id = {u.unit_id: u for u in matrix.units}
    c = by_id["gl.chuse"].cell("2024-H1")
    assert (c.state, c.revision, c.superseded) == (CellState.ON_TIME, 2, (1,))
    assert c.text() == "đúng hạn, lần 2 (thay lần 1)"
    assert by_id["gl.chuse"].gaps == (2, 3)  # sequences 1 and 4 arrived
    assert by_id["gl.kbang"].cell("2024-H1").state is CellState.LATE
    assert by_id["gl.kbang"].gaps == (1,)
    assert by_id["gl.ayunpa"].cell("2024-H1").state is CellState.MISSING
    assert by_id["gl.ayunpa"].cell("2024").state is CellState.NOT_YET_DUE
    assert by_id["gl.pleiku"].cell("2024").state is CellState.ON_TIME  # made before 19/12
    assert matrix.counts("2024-H1") == {
        CellState.ON_TIME: 1,
        CellState.LATE: 1,
        CellState.MISSING: 19,
        CellState.NOT_YET_DUE: 0,
    }
    data = matrix.to_json()
    assert (data["units"][0]["id"], data["units"][0]["group"]) == ("gl.svhttdl", "department")
    assert data["units"][4]["id"] == "gl.pleiku"
    assert data["counts"]["2024"]["not_yet_due"] == 20


# --- the consolidated report ------------------------------------------------------------


def test_consolidated_report_sums_every_unit(prov: Workspace, tmp_path: Path) -> None:
    from pypdf import PdfReader

    from app.printing.province_pdf import build_province_pdf
    from app.printing.province_xlsx import build_province_xlsx

    keys = [unit_key(u) for u in ("gl.chuse", "gl.kbang", "gl.iapa")]
    for n, k in enumerate(keys, 1):
        enroll_key(prov, k)
        report = unit_report(
            k.unit_id,
            values={("II.1", "hoi_nghi"): n, ("II.1", "kinh_phi"): n * 1_250_000},
            difficulties=f"Khó khăn riêng của {k.unit_id}.",
            budget=n * 10_000_000,
        )
        assert one(prov, make_package(tmp_path, k, report=report)).ok
    data = compile_report(prov, "2024", today=dt.date(2024, 12, 20), number="45/BC-STTTT")
    assert [r.unit_id for r in data.reports] == ["gl.chuse", "gl.iapa", "gl.kbang"]
    [hoi_nghi] = [c for c in data.indicators if (c.task_code, c.code) == ("II.1", "hoi_nghi")]
    [money] = [c for c in data.indicators if (c.task_code, c.code) == ("II.1", "kinh_phi")]
    assert data.total(hoi_nghi) == 6 and data.total(money) == 7_500_000
    assert len(data.missing) == 18

    pdf = tmp_path / "tong-hop.pdf"
    build_province_pdf(data, pdf)
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    flat = " ".join(text.split())
    assert "SỞ THÔNG TIN" in text and "ỦY BAN NHÂN DÂN TỈNH GIA LAI" in flat
    assert "45/BC-STTTT" in flat
    assert "Đã có 3/21 đơn vị gửi báo cáo" in flat
    assert "UBND thị xã Ayun Pa" in flat  # among those who have not reported
    assert "7.500.000" in flat
    # each estimate is its unit's own: listed by unit, never summed into one budget
    assert all(f"{n}0.000.000" in flat for n in (1, 2, 3)) and "60.000.000" not in flat
    # difficulties grouped by what they are about, each unit named, not pasted per unit
    assert "khó khăn riêng của gl.kbang (UBND huyện Kbang)" in flat
    assert "Phạm Thị Giám" in flat

    xlsx = tmp_path / "tong-hop.xlsx"
    build_province_xlsx(data, xlsx)
    import openpyxl

    wb = openpyxl.load_workbook(xlsx)
    assert wb.sheetnames == [
        "Tổng hợp chỉ tiêu",
        "Theo đơn vị",
        "Tình hình báo cáo",
        "Khó khăn - đề xuất",
    ]
    totals = wb["Tổng hợp chỉ tiêu"]
    # title rows, then the header row, frozen, repeated on every printed page
    assert "TỔNG HỢP CHỈ TIÊU" in totals["A2"].value and totals["A5"].value == "STT"
    assert totals.freeze_panes == "C6" and totals["A5"].font.b
    assert totals.print_title_rows == "$5:$5"
    assert int(totals.page_setup.paperSize) == 9  # A4
    header = [c.value for c in totals[5]]
    assert header[:4] == ["STT", "Nhiệm vụ", "Chỉ tiêu", "Đơn vị tính"]
    # codes only in the last column, hidden
    assert header[-1] == "Mã chỉ tiêu"
    assert totals.column_dimensions[openpyxl.utils.get_column_letter(len(header))].hidden
    body = list(totals.iter_rows(min_row=6, values_only=True))
    found = {row[-1]: row[4] for row in body if row[-1]}
    assert found["II.1/kinh_phi"] == 7_500_000
    assert body[0][0] == 1 and body[0][2] == hoi_nghi.name  # STT, then names
    money_cell = next(
        row[4] for row in totals.iter_rows(min_row=6) if row[-1].value == "II.1/kinh_phi"
    )
    assert money_cell.number_format == "#,##0"
    units = wb["Theo đơn vị"]
    header = [c.value for c in units[5]]
    assert header[4:7] == ["UBND huyện Chư Sê", "UBND huyện Ia Pa", "UBND huyện Kbang"]
    row = next(r for r in units.iter_rows(min_row=6, values_only=True) if r[2] == hoi_nghi.name)
    assert row[4:8] == (1, 3, 2, 6)
    status = wb["Tình hình báo cáo"]
    assert status.max_row == 5 + 21  # title rows, header, the 21 units plan 157 names
    assert isinstance(status["C6"].value, dt.datetime)  # a date, not text
    texts = wb["Khó khăn - đề xuất"]
    assert [r[4] for r in texts.iter_rows(min_row=6, max_row=8, values_only=True)] == [
        10_000_000,
        30_000_000,
        20_000_000,
    ]


def test_report_pdf_pages_look_right(prov: Workspace, tmp_path: Path) -> None:
    """The officer's view: page 1 carries the Sở's header, later pages are numbered, and a
    plan task with more indicators than fit on a portrait row is split, never squeezed."""
    from pypdf import PdfReader

    from app.printing.province_pdf import province_pdf_bytes

    k = unit_key("gl.chuse")
    enroll_key(prov, k)
    assert one(prov, make_package(tmp_path, k)).ok
    data = compile_report(prov, "2024", today=dt.date(2024, 12, 20))
    wide = replace(
        data.tasks[0],
        indicators=tuple(
            IndicatorColumn("II.1", f"x{i}", f"Chỉ tiêu thử {i}", "đồng", "money") for i in range(9)
        ),
    )
    data = replace(data, tasks=(wide, *data.tasks[1:]))
    reader = PdfReader(io.BytesIO(province_pdf_bytes(data)))
    assert len(reader.pages) >= 3
    first = reader.pages[0].extract_text()
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in first
    assert reader.pages[1].extract_text().lstrip().startswith("2")
    from app.printing import document as doc
    from app.printing.province_content import fit_indicators, unit_column_width

    width = doc.PORTRAIT.width
    chunks = fit_indicators(wide.indicators, data, width, unit_column_width(data))
    assert len(chunks) >= 2 and sum(len(c) for c in chunks) == 9
    fixed = width - sum(w for _, w in chunks[0])
    assert all(abs(width - fixed - sum(w for _, w in c)) < 1 for c in chunks[:-1])
    text = " ".join(p.extract_text() for p in reader.pages)
    # each split table repeats the unit column
    assert text.count("UBND huyện Chư Sê") >= 6 + len(chunks)


def _files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()] if folder.exists() else []


def _count(ws: Workspace, model: type[m.Base]) -> int:
    with ws.db.session() as s:
        return s.query(model).count()


def _zip_names(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as z:
        return z.namelist()


# --- the command handlers (in-process) -----------------------------------------------


def run_cli(
    capsys: pytest.CaptureFixture[str], data: Path, *argv: str, keep: bool = False
) -> tuple[int, str]:
    """`tiendo --data-dir DATA argv…` through this feature's own parser; the output
    (stdout and stderr joined), or "" with `keep`, which leaves it in capsys."""
    import argparse

    from app.commands import province as commands
    from app.errors import KnownError

    parser = argparse.ArgumentParser(prog="tiendo")
    parser.add_argument("--data-dir")
    commands.register(parser.add_subparsers())
    args = parser.parse_args(["--data-dir", str(data), *argv])
    try:
        code = args.handler(args)
    except KnownError as exc:
        print(f"Lỗi: {exc.message}\n{exc.hint}")
        code = 1
    if keep:
        return code, ""
    out = capsys.readouterr()
    return code, out.out + out.err


def test_cli_import_prints_refusals_on_stderr(
    prov: Workspace, chuse: UnitKey, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    enroll_key(prov, chuse)
    newer = make_package(tmp_path / "in", chuse, revision=2, sequence=2)
    older = make_package(tmp_path / "in", chuse, revision=1, sequence=1)
    data = prov.layout.root
    code, _ = run_cli(capsys, data, "province", "import", str(newer))
    assert code == 0
    code, _ = run_cli(capsys, data, "province", "import", str(newer), str(older), keep=True)
    assert code != 0
    out = capsys.readouterr()
    assert "Đã nhập trước đó" in out.out and "Từ chối" not in out.out
    assert "Từ chối" in out.err and "cũ hơn" in out.err


def test_cli_handlers(prov: Workspace, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = prov.layout.root
    store = KeyStore(tmp_path / "district")
    old = store.create("gl.chuse")
    pub = tmp_path / "chuse.pub"
    pub.write_text(public_key_text(old, "UBND huyện Chư Sê"))
    code, out = run_cli(capsys, data, "province", "enroll", str(pub))
    assert code == 0 and old.public_key.fingerprint() in out and "Đã đăng ký" in out
    code, out = run_cli(capsys, data, "province", "enroll", str(pub), "--unit", "gl.kbang")
    assert code == 1 and "không phải 'gl.kbang'" in out
    code, out = run_cli(capsys, data, "province", "keys", "--json")
    assert json_of(out)[0]["state"] == "active"

    pkg = make_package(tmp_path / "usb", old, created=dt.datetime(2024, 12, 18, tzinfo=VN))
    code, out = run_cli(capsys, data, "province", "import", str(tmp_path / "usb"))
    assert code == 0 and "đã nhập 1" in out
    code, out = run_cli(capsys, data, "province", "import", str(pkg), "--no-receipts")
    assert code == 0 and "Đã nhập trước đó" in out
    code, out = run_cli(
        capsys, data, "province", "status", "--year", "2024", "--today", "2024-12-25"
    )
    assert code == 0
    lines = out.splitlines()
    assert lines[1].split()[:3] == ["Đơn", "vị", "2024-H1"]
    chuse = next(line for line in lines if line.startswith("UBND huyện Chư Sê"))
    assert "chưa báo cáo" in chuse and "đúng hạn, lần 1" in chuse
    assert "[Sở, ban, ngành]" in lines and "[Ủy ban nhân dân cấp huyện]" in lines
    assert "2024: 21 đơn vị — đúng hạn 1, trễ hạn 0, chưa báo cáo 20, chưa đến hạn 0." in out

    for name in ("th.pdf", "th.xlsx"):
        code, out = run_cli(
            capsys, data, "province", "report", "--period", "2024", "--out", str(tmp_path / name)
        )
        assert code == 0 and "1/21 đơn vị đã báo cáo" in out
    code, out = run_cli(capsys, data, "province", "report", "--period", "2024", "--out", "x.doc")
    assert code == 1 and ".pdf, .docx hoặc .xlsx" in out

    statement = store.rotate("gl.chuse")
    code, out = run_cli(capsys, data, "province", "rotate", str(statement.path))
    assert code == 0 and "Đã đổi khóa" in out
    code, out = run_cli(capsys, data, "province", "rotate", str(statement.path))
    assert code == 0 and "trước đó" in out
    new_id = store.public_key("gl.chuse").key_id_hex
    code, out = run_cli(capsys, data, "province", "revoke", new_id)
    assert code == 0 and "Đã thu hồi" in out


def test_cli_district_side(
    workspace: Workspace, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from app.signing import minisign

    key = unit_key("gl.stttt")
    pub = tmp_path / "so.pub"
    pub.write_text(minisign.public_key_file(key.public_key, "tiendo unit=gl.stttt name=Sở"))
    data = workspace.layout.root
    code, out = run_cli(capsys, data, "trust-province", str(pub))
    assert code == 0 and key.public_key.fingerprint() in out and "Đã tin cậy" in out
    other = tmp_path / "other.pub"
    other.write_text(minisign.public_key_file(unit_key("gl.stttt").public_key))
    code, out = run_cli(capsys, data, "trust-province", str(other))
    assert code == 1 and "--replace" in out
    bogus = tmp_path / "bogus.tdr"
    bogus.write_text("tiendo-receipt v1\n\n")
    code, out = run_cli(capsys, data, "receipt", "import", str(bogus))
    assert code == 1 and "bogus.tdr" in out


def json_of(text: str) -> list[dict[str, object]]:
    import json

    data = json.loads(text)
    assert isinstance(data, list)
    return data


def test_workbook_opens_in_libreoffice(prov: Workspace, tmp_path: Path) -> None:
    import subprocess

    from app.printing.province_xlsx import SHEETS, build_province_xlsx

    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None:
        pytest.skip("LibreOffice is not installed (the workbook is reread with openpyxl above)")
    k = unit_key("gl.chuse")
    enroll_key(prov, k)
    assert one(prov, make_package(tmp_path, k)).ok
    xlsx = tmp_path / "th.xlsx"
    build_province_xlsx(compile_report(prov, "2024"), xlsx)
    proc = subprocess.run(
        # 44,34,76: comma, double quote, UTF-8 (the default follows the locale, which in CI
        # is often plain C and turns every Vietnamese letter into "?")
        [
            office,
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76",
            "--outdir",
            str(tmp_path),
            str(xlsx),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    csv = (tmp_path / "th.csv").read_text(encoding="utf-8", errors="replace")
    assert "STT,Nhiệm vụ,Chỉ tiêu,Đơn vị tính" in csv
    assert SHEETS[0] == "Tổng hợp chỉ tiêu"
