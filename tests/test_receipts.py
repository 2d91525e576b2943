"""Receipts: the signed format (docs/package-format.md §7) and the district taking them in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from app.package.receipt import (
    Receipt,
    ReceiptError,
    ReceiptFormatError,
    ReceiptResult,
    ReceiptSignatureError,
    UnsupportedReceiptVersion,
    parse_receipt,
    sign_receipt,
    verify_receipt,
)
from app.services import packages, receipts
from app.services.workspace import Workspace
from app.signing import minisign
from tests.test_province import VN, unit_key

SHA_A = "a" * 64
SHA_B = "0123456789abcdef" * 4


def sample(**changes: object) -> Receipt:
    base = Receipt(
        issuer="gl.stttt",
        unit_id="gl.chuse",
        plan_id="gl-157-2024",
        period="2024",
        revision=2,
        sequence=5,
        package_sha256=SHA_A,
        tagmanifest_sha256=SHA_B,
        received=dt.datetime(2024, 12, 20, 9, 30, 12, tzinfo=VN),
        result=ReceiptResult.IMPORTED,
        issued=dt.datetime(2024, 12, 20, 9, 30, 15, tzinfo=VN),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def key() -> object:
    return unit_key("gl.stttt")


def test_receipt_text_is_the_documented_layout(key: object) -> None:
    data = sign_receipt(sample(), key)  # type: ignore[arg-type]
    body, sig = data.split(b"\n\n", 1)
    assert body.decode().split("\n") == [
        "tiendo-receipt v1",
        "issuer: gl.stttt",
        "unit: gl.chuse",
        "plan: gl-157-2024",
        "period: 2024",
        "revision: 2",
        "sequence: 5",
        f"package-sha256: {SHA_A}",
        f"tagmanifest-sha256: {SHA_B}",
        "received: 2024-12-20T09:30:12+07:00",
        "result: imported",
        "issued: 2024-12-20T09:30:15+07:00",
    ]
    lines = sig.decode().split("\n")
    assert lines[2] == (
        "trusted comment: tiendo-receipt v1 unit=gl.chuse plan=gl-157-2024 period=2024 "
        "revision=2 sequence=5 result=imported"
    )
    assert sample().file_name() == "BienNhan_gl.chuse_2024_r2_s5.tdr"
    assert verify_receipt(data, key.public_key) == sample()  # type: ignore[attr-defined]


def test_minisign_verifies_the_body(key: object, tmp_path: Path) -> None:
    import shutil
    import subprocess

    if shutil.which("minisign") is None:
        pytest.skip("minisign is not installed")
    data = sign_receipt(sample(), key)  # type: ignore[arg-type]
    body, _, sig = data.partition(b"\n\n")
    (tmp_path / "r.txt").write_bytes(body + b"\n\n")
    (tmp_path / "r.txt.minisig").write_bytes(sig)
    pub = tmp_path / "p.pub"
    pub.write_text(minisign.public_key_file(key.public_key))  # type: ignore[attr-defined]
    proc = subprocess.run(
        ["minisign", "-V", "-p", str(pub), "-m", str(tmp_path / "r.txt")],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr


def test_refused_receipt_carries_its_reason_on_one_line(key: object) -> None:
    refused = sample(result=ReceiptResult.REFUSED, reason="Cũ hơn\nlần 3 đã nhập.")
    data = sign_receipt(refused, key)  # type: ignore[arg-type]
    assert (
        b"\nreason: C\xc5\xa9 h\xc6\xa1n l\xe1\xba\xa7n 3 \xc4\x91\xc3\xa3 nh\xe1\xba\xadp.\n"
        in data
    )
    got = verify_receipt(data, key.public_key)  # type: ignore[attr-defined]
    assert got.reason == "Cũ hơn lần 3 đã nhập." and not got.accepted


def test_every_changed_byte_of_the_body_is_caught(key: object) -> None:
    data = sign_receipt(sample(), key)  # type: ignore[arg-type]
    body_end = data.index(b"\n\n") + 2
    for offset in range(body_end):
        changed = bytearray(data)
        changed[offset] ^= 0x01
        with pytest.raises((ReceiptFormatError, ReceiptSignatureError, UnsupportedReceiptVersion)):
            verify_receipt(bytes(changed), key.public_key)  # type: ignore[attr-defined]


def test_refusals(key: object) -> None:
    data = sign_receipt(sample(), key)  # type: ignore[arg-type]
    other = unit_key("gl.stttt")
    with pytest.raises(ReceiptSignatureError, match="không được ký bằng khóa"):
        verify_receipt(data, other.public_key)
    # CRLF from a mail client is read as the LF that was signed
    assert verify_receipt(data.replace(b"\n", b"\r\n"), key.public_key)  # type: ignore[attr-defined]
    with pytest.raises(UnsupportedReceiptVersion):
        parse_receipt(data.replace(b"tiendo-receipt v1\n", b"tiendo-receipt v2\n", 1))
    with pytest.raises(ReceiptFormatError):
        parse_receipt(b"not a receipt")
    with pytest.raises(ReceiptFormatError):
        parse_receipt(b"x" * 20_000)
    # a province signature made for something else never passes as a receipt
    body = sample().body()
    wrong = key.sign(body, "tiendo-package v1 unit=gl.chuse")  # type: ignore[attr-defined]
    with pytest.raises(ReceiptSignatureError, match="chú thích tin cậy"):
        verify_receipt(body + wrong, key.public_key)  # type: ignore[attr-defined]
    # the result is signed: turning "refused" into "imported" breaks the signature
    refused = sign_receipt(sample(result=ReceiptResult.REFUSED, reason="x"), key)  # type: ignore[arg-type]
    forged = refused.replace(b"result: refused\nreason: x\n", b"result: imported\n")
    with pytest.raises(ReceiptSignatureError):
        verify_receipt(forged, key.public_key)  # type: ignore[attr-defined]


# --- the district's side -------------------------------------------------------------------


@pytest.fixture(scope="module")
def exported_once(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, packages.ExportResult]:
    """A district (huyện Chư Sê) that exported its first-half report, made once."""
    from app.demo import run_demo
    from app.services.workspace import open_workspace

    root = tmp_path_factory.mktemp("district")
    ws = open_workspace(root / "data")
    try:
        run_demo(ws, unit_id="gl.chuse", count=10)
        packages.ensure_key(ws)
        (root / "out").mkdir()
        result = packages.export_package(ws, "2024-H1", root / "out")
    finally:
        ws.close()
    return root / "data", result


@pytest.fixture
def district(
    exported_once: tuple[Path, packages.ExportResult], tmp_path: Path
) -> Iterator[Workspace]:
    import shutil

    from app.services.workspace import open_workspace

    shutil.copytree(exported_once[0], tmp_path / "data")
    ws = open_workspace(tmp_path / "data")
    yield ws
    ws.close()


@pytest.fixture
def exported(exported_once: tuple[Path, packages.ExportResult]) -> packages.ExportResult:
    return exported_once[1]


def province_pub(key: object) -> str:
    pk = key.public_key  # type: ignore[attr-defined]
    return minisign.public_key_file(pk, f"tiendo unit=gl.stttt name=Sở TT&TT key={pk.key_id_hex}")


def receipt_for(exported: packages.ExportResult, **changes: object) -> Receipt:
    import hashlib

    fields: dict[str, object] = {
        "period": exported.period,
        "revision": exported.revision,
        "sequence": exported.sequence,
        "package_sha256": hashlib.sha256(exported.path.read_bytes()).hexdigest(),
    }
    fields.update(changes)
    return sample(**fields)


def test_a_receipt_with_a_stray_tab_is_refused_in_plain_words(
    district: Workspace, exported: packages.ExportResult, key: object, tmp_path: Path
) -> None:
    """A mail client's TAB or CR in a field: the receipt's own error (which the window
    shows), not a ValueError traceback (issue #16 item 4)."""
    receipts.trust_province(district, receipts.read_province_key(province_pub(key)))
    data = sign_receipt(receipt_for(exported), key)  # type: ignore[arg-type]
    # (a CR before the line's LF is a CRLF line end, which is read as LF: accepted)
    for stray in (b"gl.chuse\t", b"gl.\rchuse", b"gl.chuse ", b"gl.chuse\x00"):
        path = tmp_path / "r.tdr"
        path.write_bytes(data.replace(b"unit: gl.chuse", b"unit: " + stray, 1))
        with pytest.raises(ReceiptError):
            receipts.import_receipt(district, path)
    assert packages.outbox(district)[0].received_at is None


def test_trust_province_then_import_receipt(
    district: Workspace, exported: packages.ExportResult, key: object, tmp_path: Path
) -> None:
    workspace = district
    path = tmp_path / "r.tdr"
    path.write_bytes(sign_receipt(receipt_for(exported), key))  # type: ignore[arg-type]
    with pytest.raises(receipts.ReceiptImportError, match="Chưa có khóa công khai của Sở"):
        receipts.import_receipt(workspace, path)
    candidate = receipts.read_province_key(province_pub(key))
    assert candidate.unit_id == "gl.stttt"
    assert candidate.fingerprint == key.public_key.fingerprint()  # type: ignore[attr-defined]
    assert receipts.trust_province(workspace, candidate)
    assert not receipts.trust_province(workspace, candidate)
    workspace.reload_settings()
    assert workspace.settings.extra["province_key_id"] == candidate.key_id
    assert receipts.trusted_province_key(workspace) == candidate

    row = receipts.import_receipt(workspace, path).row
    assert row.sequence == exported.sequence and row.state == "received"
    assert packages.outbox(workspace)[0].received_at is not None
    assert receipts.import_receipt(workspace, path).row.received_at == row.received_at  # idempotent

    other = receipts.read_province_key(province_pub(unit_key("gl.stttt")))
    with pytest.raises(receipts.ReceiptImportError, match="Đã tin cậy khóa"):
        receipts.trust_province(workspace, other)
    assert receipts.trust_province(workspace, other, replace=True)
    with pytest.raises(ReceiptSignatureError):
        receipts.import_receipt(workspace, path)


def test_a_key_trusted_elsewhere_counts_at_the_next_import(
    district: Workspace, exported: packages.ExportResult, key: object, tmp_path: Path
) -> None:
    """`tiendo trust-province` in a terminal while the app runs: no restart needed."""
    from app.services.workspace import open_workspace

    path = tmp_path / "r.tdr"
    path.write_bytes(sign_receipt(receipt_for(exported), key))  # type: ignore[arg-type]
    with pytest.raises(receipts.NoProvinceKey):
        receipts.import_receipt(district, path)
    other = open_workspace(district.layout.root)  # the terminal's own open
    try:
        receipts.trust_province(other, receipts.read_province_key(province_pub(key)))
    finally:
        other.close()
    done = receipts.import_receipt(district, path)
    assert done.row.sequence == exported.sequence
    assert done.issuer_name == district.units.get("gl.stttt").name  # from the directory
    assert done.receipt.period == exported.period and done.receipt.revision == exported.revision


def test_the_province_rotation_statement_replaces_the_trusted_key(
    district: Workspace, key: object, tmp_path: Path
) -> None:
    from app.signing.keystore import KeyStore, RotationError
    from app.signing.minisign import WrongKey

    province_dir = tmp_path / "so"
    store = KeyStore(province_dir)
    old = store.create("gl.stttt", "mật khẩu của Sở")
    receipts.trust_province(
        district, receipts.read_province_key(minisign.public_key_file(old.public_key))
    )
    statement = store.rotate("gl.stttt", "mật khẩu của Sở")
    new = receipts.read_province_rotation(district, statement.data)
    assert new.key == statement.new_key
    assert receipts.trusted_province_key(district).key == old.public_key  # type: ignore[union-attr]
    # a statement from a key this unit never trusted is refused
    stranger = KeyStore(tmp_path / "khac")
    stranger.create("gl.stttt", "mật khẩu khác nữa")
    with pytest.raises(WrongKey):
        receipts.read_province_rotation(
            district, stranger.rotate("gl.stttt", "mật khẩu khác nữa").data
        )
    with pytest.raises(RotationError):
        receipts.read_province_rotation(district, statement.data[:-20])


def test_receipts_that_do_not_mark_anything(
    district: Workspace, exported: packages.ExportResult, key: object, tmp_path: Path
) -> None:
    workspace = district
    receipts.trust_province(workspace, receipts.read_province_key(province_pub(key)))
    cases = {
        "refused": receipt_for(exported, result=ReceiptResult.REFUSED, reason="Lần 1 đã nhập."),
        "other-unit": receipt_for(exported, unit_id="gl.kbang"),
        "unknown": receipt_for(exported, sequence=99, package_sha256="c" * 64),
    }
    messages = {}
    for name, receipt in cases.items():
        path = tmp_path / f"{name}.tdr"
        path.write_bytes(sign_receipt(receipt, key))  # type: ignore[arg-type]
        with pytest.raises(receipts.ReceiptImportError) as info:
            receipts.import_receipt(workspace, path)
        messages[name] = info.value.message
    assert "Sở đã từ chối" in messages["refused"] and "Lần 1 đã nhập." in messages["refused"]
    assert "gl.kbang" in messages["other-unit"]
    assert "không có gói đó" in messages["unknown"]
    assert packages.outbox(workspace)[0].received_at is None
    # a file hash changed on the way (an unsigned zip comment): found by its signed numbers
    moved = tmp_path / "moved.tdr"
    moved.write_bytes(sign_receipt(receipt_for(exported, package_sha256="d" * 64), key))  # type: ignore[arg-type]
    assert receipts.import_receipt(workspace, moved).row.received_at is not None


def test_a_unit_key_is_not_the_province_key(workspace: Workspace) -> None:
    packages.ensure_key(workspace)
    own = receipts.read_province_key(packages.public_key_text(workspace))
    with pytest.raises(receipts.ReceiptImportError, match="chính đơn vị này"):
        receipts.trust_province(workspace, own)
    kbang = unit_key("gl.kbang")
    neighbour = receipts.read_province_key(
        minisign.public_key_file(kbang.public_key, "tiendo unit=gl.kbang name=UBND huyện Kbang")
    )
    with pytest.raises(receipts.ReceiptImportError, match="không phải của cơ quan theo dõi"):
        receipts.trust_province(workspace, neighbour)
    assert receipts.trusted_province_key(workspace) is None
