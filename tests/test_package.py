"""app.package: the signed report package, written and verified as hostile input.

Hostile archives are built here, byte by byte where the production writer would refuse
to make them (SECURITY.md 1-6, 10-15; STYLE.md: hostile inputs built by the tests).
"""

from __future__ import annotations

import base64
import contextlib
import dataclasses
import datetime as dt
import errno
import hashlib
import io
import json
import os
import random
import re
import shutil
import stat
import struct
import subprocess
import tempfile
import time
import tracemalloc
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import bagit
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.package import (
    BadPackageSignature,
    DuplicateEntryError,
    EntryDataError,
    EntryHashMismatch,
    EntryNameError,
    EvidenceFile,
    EvidenceReadError,
    ExtraEntryError,
    KeyLookup,
    KeyNotEnrolledError,
    Limits,
    ManifestError,
    MissingEntryError,
    NonRegularEntryError,
    PackageCancelled,
    PackageContentError,
    PackageError,
    PackageLimitError,
    PackageWriteError,
    UnsupportedFormatError,
    VerifiedPackage,
    ZipBombError,
    ZipStructureError,
    remove_stale_temp_files,
    verify_package,
    write_package,
)
from app.package import format as fmt
from app.package.writer import report_json_bytes
from app.package.zipio import DEFLATED, EXTERNAL_ATTR, STORED, ZipWriter, read_directory
from app.report_data import ReportData
from app.signing import minisign
from app.signing.keystore import UnitKey
from app.signing.minisign import PublicKey
from tests.samples import sample_report

FIXTURES = Path(__file__).parent / "fixtures"
MINISIGN = shutil.which("minisign")
ICT = dt.timezone(dt.timedelta(hours=7))
CREATED = dt.datetime(2024, 12, 16, 9, 30, 12, tzinfo=ICT)
FOLDER = "tiendo-gl.chuse-2024-r1"
PDF = b"%PDF-1.4\n% test report\n" + bytes(range(256))


def load_test_key(unit_id: str = "gl.chuse") -> UnitKey:
    """The checked-in minisign test key (tests/fixtures/keys, unencrypted on purpose)."""
    raw = base64.b64decode((FIXTURES / "keys" / "test-unit.key").read_text().splitlines()[1])
    return UnitKey(unit_id, raw[54:62], Ed25519PrivateKey.from_private_bytes(raw[62:94]))


KEY = load_test_key()
KEYS = {"gl.chuse": [KEY.public_key]}


def other_key(unit_id: str = "gl.chuse") -> UnitKey:
    secret, key_id = minisign.generate_key()
    return UnitKey(unit_id, key_id, secret)


def small_report(**changes: object) -> ReportData:
    report = sample_report(narrative_lines=1)
    report = dataclasses.replace(report, entries=report.entries[:1])
    return dataclasses.replace(report, **changes)  # type: ignore[arg-type]


def make_evidence(folder: Path) -> list[EvidenceFile]:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "photo.jpg").write_bytes(bytes((i * 7) % 251 for i in range(600)))
    (folder / "bien-ban.txt").write_text("Biên bản hội nghị tuyên truyền.\n" * 20, "utf-8")
    return [
        EvidenceFile(folder / "photo.jpg", "Ảnh hội nghị.jpg"),
        EvidenceFile(folder / "bien-ban.txt", "Biên bản.txt"),
    ]


def build(tmp_path: Path, **kwargs: object) -> Path:
    """A small valid package on disk."""
    args: dict[str, object] = {
        "report": small_report(),
        "pdf": PDF,
        "evidence": make_evidence(tmp_path / "src"),
        "sequence": 3,
        "key": KEY,
        "created": CREATED,
    }
    args.update(kwargs)
    out = tmp_path / "out"
    out.mkdir(exist_ok=True)
    return write_package(out, **args).path  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def package_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return build(tmp_path_factory.mktemp("pkg")).read_bytes()


def verify_bytes(
    data: bytes, keys: KeyLookup | None = None, limits: Limits | None = None
) -> VerifiedPackage:
    return verify_package(io.BytesIO(data), keys if keys is not None else KEYS, limits=limits)


# -- helpers to take a package apart and put it back together -----------------------------


def unpack(data: bytes) -> dict[str, bytes]:
    """Bag-relative name -> content, in archive order (the standard library reads it)."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {i.filename.split("/", 1)[1]: zf.read(i) for i in zf.infolist()}


def pack(files: dict[str, bytes], folder: str = FOLDER, comment: bytes = b"") -> bytes:
    """Files in the exact ZIP profile (production ZipWriter), any names and content."""
    buf = io.BytesIO()
    zw = ZipWriter(buf, CREATED)
    for rel, content in files.items():
        method = STORED if fmt.compress_method_for(rel) == "stored" else DEFLATED
        zw.add(f"{folder}/{rel}" if folder else rel, content, method)
    zw.close()
    return with_comment(buf.getvalue(), comment) if comment else buf.getvalue()


def with_comment(data: bytes, comment: bytes) -> bytes:
    """Replace the archive comment (the one unsigned part of the ZIP)."""
    eocd = data.rindex(b"PK\x05\x06")
    return data[: eocd + 20] + struct.pack("<H", len(comment)) + comment


def bag_info_fields(files: dict[str, bytes]) -> dict[str, str]:
    lines = files[fmt.BAG_INFO_TXT].decode().splitlines()
    return dict(line.split(": ", 1) for line in lines)


def resign(
    files: dict[str, bytes],
    key: UnitKey = KEY,
    *,
    manifest: bool = True,
    comment: str | None = None,
    oxum: bool = True,
) -> dict[str, bytes]:
    """Recompute manifest (from data/ entries), Payload-Oxum, tag manifest and signature,
    as a unit that really holds `key` would."""
    files = dict(files)
    payload = {k: v for k, v in files.items() if k.startswith("data/")}
    if manifest:
        files[fmt.MANIFEST_TXT] = fmt.build_manifest(
            (k, hashlib.sha256(v).hexdigest()) for k, v in payload.items()
        )
    if oxum:
        lines = files[fmt.BAG_INFO_TXT].decode().splitlines()
        octets = sum(len(v) for v in payload.values())
        lines = [
            f"Payload-Oxum: {octets}.{len(payload)}" if line.startswith("Payload-Oxum:") else line
            for line in lines
        ]
        files[fmt.BAG_INFO_TXT] = ("\n".join(lines) + "\n").encode()
    files[fmt.TAGMANIFEST_TXT] = fmt.build_manifest(
        (name, hashlib.sha256(files[name]).hexdigest()) for name in fmt.TAGMANIFEST_COVERS
    )
    info = bag_info_fields(files)
    if comment is None:
        comment = fmt.TrustedComment(
            unit_id=info["Tiendo-Unit"],
            plan_id=info["Tiendo-Plan"],
            period=info["Tiendo-Period"],
            revision=int(info["Tiendo-Revision"]),
            sequence=int(info["Tiendo-Sequence"]),
            tagmanifest_sha256=hashlib.sha256(files[fmt.TAGMANIFEST_TXT]).hexdigest(),
        ).text()
    files[fmt.SIGNATURE_FILE] = key.sign(files[fmt.TAGMANIFEST_TXT], comment)
    return files


def edit_bag_info(files: dict[str, bytes], label: str, value: str) -> dict[str, bytes]:
    lines = files[fmt.BAG_INFO_TXT].decode().splitlines()
    lines = [f"{label}: {value}" if line.startswith(f"{label}:") else line for line in lines]
    return {**files, fmt.BAG_INFO_TXT: ("\n".join(lines) + "\n").encode()}


# -- raw ZIP building, for what the production writer will not make -----------------------


def raw_deflate(data: bytes) -> bytes:
    c = zlib.compressobj(6, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def local_header(name: bytes, crc: int, csize: int, usize: int, method: int, flags: int) -> bytes:
    t, d = 0x4C00, 0x5990
    return (
        struct.pack(
            "<IHHHHHIIIHH", 0x04034B50, 20, flags, method, t, d, crc, csize, usize, len(name), 0
        )
        + name
    )


def central_header(
    name: bytes,
    crc: int,
    csize: int,
    usize: int,
    method: int,
    flags: int,
    offset: int,
    external_attr: int = EXTERNAL_ATTR,
    made_by: int = 0x0314,
) -> bytes:
    t, d = 0x4C00, 0x5990
    return struct.pack(
        "<IHHHHHHIIIHHHHHII", 0x02014B50, made_by, 20, flags, method, t, d, crc, csize, usize,
        len(name), 0, 0, 0, 0, external_attr, offset,
    ) + name  # fmt: skip


def end_record(count: int, cd_size: int, cd_offset: int) -> bytes:
    return struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, cd_size, cd_offset, 0)


@dataclasses.dataclass
class Raw:
    name: bytes
    data: bytes
    method: int = DEFLATED
    flags: int = 0x0800
    external_attr: int = EXTERNAL_ATTR
    made_by: int = 0x0314


def raw_zip(entries: list[Raw]) -> bytes:
    body = b""
    cd = b""
    for e in entries:
        blob = raw_deflate(e.data) if e.method == DEFLATED else e.data
        crc = zlib.crc32(e.data)
        offset = len(body)
        body += local_header(e.name, crc, len(blob), len(e.data), e.method, e.flags) + blob
        cd += central_header(
            e.name, crc, len(blob), len(e.data), e.method, e.flags, offset,
            e.external_attr, e.made_by,
        )  # fmt: skip
    return body + cd + end_record(len(entries), len(cd), len(body))


def package_as_raw(data: bytes) -> list[Raw]:
    return [
        Raw(
            f"{FOLDER}/{rel}".encode(),
            content,
            STORED if rel.endswith((".jpg", ".pdf")) else DEFLATED,
        )
        for rel, content in unpack(data).items()
    ]


# == the writer =============================================================================


def test_round_trip(tmp_path: Path) -> None:
    report = small_report()
    evidence = make_evidence(tmp_path / "src")
    info = write_package(
        tmp_path, report=report, pdf=PDF, evidence=evidence, sequence=3, key=KEY, created=CREATED
    )
    assert info.path == tmp_path / "BaoCao_gl.chuse_2024_r1.tdpkg"
    assert info.folder == FOLDER and info.size == info.path.stat().st_size
    v = verify_package(info.path, KEYS)
    assert (v.unit_id, v.plan_id, v.period, v.revision, v.sequence) == (
        "gl.chuse", "gl-157-2024", "2024", 1, 3,
    )  # fmt: skip
    assert v.created == CREATED
    assert v.report == ReportData.from_json(report.to_json())
    assert v.report_json == report_json_bytes(report)
    assert v.read_pdf() == PDF
    assert v.key == KEY.public_key
    assert v.trusted_comment == info.trusted_comment
    assert v.tagmanifest_sha256 == info.tagmanifest_sha256
    assert sorted(e.name for e in v.evidence) == ["Biên bản.txt", "Ảnh hội nghị.jpg"]
    out = v.extract_evidence(tmp_path / "store")
    for item in evidence:
        sha = hashlib.sha256(item.path.read_bytes()).hexdigest()
        assert out[sha].read_bytes() == item.path.read_bytes()
    assert {p.name for p in (tmp_path / "store").iterdir()} == set(out)  # nothing else


def test_layout_compression_and_utf8_flag(package_bytes: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(package_bytes)) as zf:
        infos = zf.infolist()
        assert zf.testzip() is None
    names = [i.filename.split("/", 1)[1] for i in infos]
    assert names[:3] == [fmt.BAGIT_TXT, fmt.REPORT_JSON, fmt.REPORT_PDF]
    assert names[-4:] == [
        fmt.MANIFEST_TXT,
        fmt.BAG_INFO_TXT,
        fmt.TAGMANIFEST_TXT,
        fmt.SIGNATURE_FILE,
    ]
    assert {i.filename.split("/", 1)[0] for i in infos} == {FOLDER}
    for info in infos:
        assert info.flag_bits == 0x0800, info.filename
        # every entry stored: deflate's unread bits could hide a change (SECURITY.md 1)
        assert info.compress_type == zipfile.ZIP_STORED
        assert info.date_time == (2024, 12, 16, 9, 30, 12)
    files = unpack(package_bytes)
    assert files[fmt.BAGIT_TXT] == b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
    info_fields = bag_info_fields(files)
    assert info_fields["Tiendo-Format-Version"] == "1"
    assert info_fields["Source-Organization"] == "Ủy ban nhân dân huyện Chư Sê"
    assert info_fields["Bagging-Date"] == "2024-12-16"
    report = json.loads(files[fmt.REPORT_JSON])
    assert (
        files[fmt.REPORT_JSON].decode()
        == json.dumps(report, ensure_ascii=False, sort_keys=True, indent=1) + "\n"
    )
    evidence = sorted(n for n in files if n.startswith(fmt.EVIDENCE_DIR))
    for name in evidence:
        assert name[len(fmt.EVIDENCE_DIR) :][:16] == hashlib.sha256(files[name]).hexdigest()[:16]


def test_golden_listing(package_bytes: bytes) -> None:
    """Names, methods, sizes and hashes of the small package."""
    with zipfile.ZipFile(io.BytesIO(package_bytes)) as zf:
        listing = "".join(
            f"{i.filename}\t{'stored' if i.compress_type == 0 else 'deflated'}\t{i.file_size}\t"
            f"{hashlib.sha256(zf.read(i)).hexdigest()}\n"
            for i in zf.infolist()
        )
    golden = FIXTURES / "golden" / "package-listing.txt"
    if os.environ.get("TIENDO_UPDATE_GOLDEN"):
        golden.write_text(listing, "utf-8")
    assert listing == golden.read_text("utf-8")


def test_same_inputs_give_the_same_bytes(tmp_path: Path) -> None:
    evidence = make_evidence(tmp_path / "src")
    common = {"report": small_report(), "pdf": PDF, "sequence": 3, "key": KEY, "created": CREATED}
    a = write_package(tmp_path / "a.zip", evidence=evidence, **common)  # type: ignore[arg-type]
    b = write_package(tmp_path / "b.zip", evidence=evidence[::-1], **common)  # type: ignore[arg-type]
    assert a.path.read_bytes() == b.path.read_bytes()


def test_bagit_python_calls_the_unzipped_package_valid(
    tmp_path: Path, package_bytes: bytes
) -> None:
    with zipfile.ZipFile(io.BytesIO(package_bytes)) as zf:
        zf.extractall(tmp_path)
    bag = bagit.Bag(str(tmp_path / FOLDER))
    bag.validate()  # raises BagValidationError when not valid
    assert bag.is_valid()
    assert bag.info["Tiendo-Unit"] == "gl.chuse"


@pytest.mark.skipif(MINISIGN is None, reason="Debian's minisign is not installed")
def test_minisign_verifies_the_tag_manifest(tmp_path: Path, package_bytes: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(package_bytes)) as zf:
        zf.extractall(tmp_path)
    (tmp_path / "unit.pub").write_text(minisign.public_key_file(KEY.public_key))
    bag = tmp_path / FOLDER
    assert MINISIGN is not None
    result = subprocess.run(
        [MINISIGN, "-VH", "-p", str(tmp_path / "unit.pub"), "-m", fmt.TAGMANIFEST_TXT],
        cwd=bag, capture_output=True, text=True, timeout=30,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "tiendo-package v1 unit=gl.chuse plan=gl-157-2024 period=2024" in result.stdout


def test_evidence_names_are_made_safe_and_deduplicated(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "a").write_bytes(b"same content")
    (src / "b").write_bytes(b"other content")
    evidence = [
        EvidenceFile(src / "a", "../../CON.jpg"),
        EvidenceFile(src / "a", "Ảnh.JPG"),
        EvidenceFile(src / "a", "ảnh.jpg"),  # same content, same name but for case: one copy
        EvidenceFile(src / "b", 'a<b>:"c|d?*e%.txt'),
        EvidenceFile(src / "b", "tên rất dài " * 30 + ".pdf"),
        EvidenceFile(src / "b", " . "),
    ]
    path = build(tmp_path, evidence=evidence)
    v = verify_package(path, KEYS)
    names = sorted(e.name for e in v.evidence)
    assert "_CON.jpg" in names and "a_b___c_d__e_.txt" in names and "tep" in names
    assert len([n for n in names if n.casefold() == "ảnh.jpg"]) == 1
    long_name = next(n for n in names if n.startswith("tên"))
    assert long_name.endswith(".pdf") and len(long_name.encode()) <= fmt.MAX_EVIDENCE_NAME_BYTES


def test_highly_compressible_evidence_is_stored_to_stay_under_the_ratio_limit(
    tmp_path: Path,
) -> None:
    (tmp_path / "zeros.csv").write_bytes(b"0," * 300_000)
    path = build(tmp_path, evidence=[EvidenceFile(tmp_path / "zeros.csv", "số liệu.csv")])
    with zipfile.ZipFile(path) as zf:
        (info,) = [i for i in zf.infolist() if i.filename.endswith(".csv")]
    assert info.compress_type == zipfile.ZIP_STORED
    verify_package(path, KEYS)


def test_the_file_hash_is_taken_while_verifying(tmp_path: Path, package_bytes: bytes) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "video.mp4").write_bytes(os.urandom(3 << 20))  # digests on their lanes
    (src / "note.txt").write_bytes(b"ghi ch\xc3\xba")
    evidence = [
        EvidenceFile(src / "video.mp4", "video.mp4"),
        EvidenceFile(src / "video.mp4", "VIDEO.mp4"),  # same content and name: dropped
        EvidenceFile(src / "note.txt", "ghi chú.txt"),
    ]
    path = build(tmp_path, evidence=evidence)
    data = path.read_bytes()
    assert verify_package(path, KEYS, file_sha256=True).file_sha256 == (
        hashlib.sha256(data).hexdigest()
    )
    assert verify_package(path, KEYS).file_sha256 == ""  # only when asked
    # the ZIP comment is not signed, but it is part of the file
    end = data.rfind(b"PK\x05\x06")
    commented = data[: end + 20] + (4).to_bytes(2, "little") + b"mail"
    again = verify_package(io.BytesIO(commented), KEYS, file_sha256=True)
    assert (
        again.file_sha256
        == hashlib.sha256(commented).hexdigest()
        != hashlib.sha256(data).hexdigest()
    )
    # an older writer's deflated entries: the hash is of the bytes as stored
    old_style = pack(resign(unpack(package_bytes)))
    assert verify_package(io.BytesIO(old_style), KEYS, file_sha256=True).file_sha256 == (
        hashlib.sha256(old_style).hexdigest()
    )


def test_verification_stages_evidence_only_when_every_byte_matches(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    big = os.urandom(3 << 20)
    (src / "big.jpg").write_bytes(big)
    (src / "small.txt").write_bytes(b"nho")
    evidence = [EvidenceFile(src / "big.jpg", "big.jpg"), EvidenceFile(src / "small.txt", "a.txt")]
    path = build(tmp_path, evidence=evidence)
    heads: list[object] = []

    def stage_into(folder: Path) -> Callable[[object], Path]:
        folder.mkdir()

        def stage(head: object) -> Path:
            heads.append(head)
            return folder

        return stage

    v = verify_package(path, KEYS, stage=stage_into(tmp_path / "ok"))
    assert heads == [v.head] and v.head.tagmanifest_sha256 == v.tagmanifest_sha256
    assert {sha: p.read_bytes() for sha, p in v.staged.items()} == {
        hashlib.sha256(big).hexdigest(): big,
        hashlib.sha256(b"nho").hexdigest(): b"nho",
        hashlib.sha256(PDF).hexdigest(): PDF,  # the report PDF, kept at the province
    }
    assert {p.name for p in (tmp_path / "ok").iterdir()} == set(v.staged)

    with zipfile.ZipFile(path) as zf:
        entry = next(i for i in zf.infolist() if i.filename.endswith("-big.jpg"))
    flipped = bytearray(path.read_bytes())
    flipped[entry.header_offset + 30 + len(entry.filename.encode()) + len(big) - 10] ^= 0x80
    with pytest.raises(PackageError, match=r"big\.jpg"):
        verify_package(io.BytesIO(bytes(flipped)), KEYS, stage=stage_into(tmp_path / "bad"))
    assert list((tmp_path / "bad").iterdir()) == []
    # nothing is staged when the caller says no, and the head comes before any payload
    assert verify_package(path, KEYS, stage=lambda head: None).staged == {}


def test_a_read_error_in_the_pass_leaves_nothing_staged(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    big = os.urandom(3 << 20)
    (src / "big.jpg").write_bytes(big)
    (src / "a.txt").write_bytes(b"nho")
    path = build(
        tmp_path,
        evidence=[EvidenceFile(src / "a.txt", "a.txt"), EvidenceFile(src / "big.jpg", "b.jpg")],
    )
    data = path.read_bytes()
    with zipfile.ZipFile(path) as zf:
        entry = next(i for i in zf.infolist() if i.filename.endswith("-b.jpg"))
    failing_from = entry.header_offset + 30 + len(entry.filename.encode()) + (1 << 20)

    class Failing(io.BytesIO):
        def read(self, size: int | None = -1) -> bytes:
            if failing_from <= self.tell() < failing_from + (1 << 20):  # mid-entry only
                raise OSError(5, "Input/output error")
            return super().read(size)

    folder = tmp_path / "staging"
    folder.mkdir()
    staged: list[str] = []

    def stage(head: object) -> Path:
        staged.append("asked")
        return folder

    with pytest.raises(PackageError, match="Không đọc được tệp gói"):
        verify_package(Failing(data), KEYS, stage=stage, file_sha256=True)
    assert staged == ["asked"]  # the failure came in the payload pass
    assert list(folder.iterdir()) == []  # the PDF and a.txt had been staged before


def test_cancel_leaves_nothing(tmp_path: Path) -> None:
    big = tmp_path / "src" / "video.mp4"
    big.parent.mkdir()
    big.write_bytes(os.urandom(5 * 1024 * 1024))
    out = tmp_path / "out"
    out.mkdir()
    calls: list[tuple[int, int]] = []
    with pytest.raises(PackageCancelled, match="hủy"):
        write_package(
            out, report=small_report(), pdf=PDF, evidence=[EvidenceFile(big, "video.mp4")],
            sequence=1, key=KEY, created=CREATED,
            progress=lambda done, total: calls.append((done, total)),
            cancelled=lambda: len(calls) >= 3,
        )  # fmt: skip
    assert list(out.iterdir()) == []
    assert calls[-1][1] == len(PDF) + big.stat().st_size


def test_missing_destination_folder(tmp_path: Path) -> None:
    with pytest.raises(PackageWriteError, match="không tồn tại"):
        write_package(
            tmp_path / "missing" / "x.zip", report=small_report(), pdf=PDF, evidence=[],
            sequence=1, key=KEY, created=CREATED,
        )  # fmt: skip
    assert not (tmp_path / "missing").exists()


def test_disk_full_keeps_the_previous_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = small_report()
    target = tmp_path / fmt.default_file_name(report.unit_id, report.period, report.revision)
    target.write_bytes(b"previous complete package")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(PackageWriteError, match="đầy") as err:
        write_package(
            tmp_path, report=report, pdf=PDF, evidence=[], sequence=1, key=KEY,
            created=CREATED,
        )  # fmt: skip
    assert err.value.hint
    assert target.read_bytes() == b"previous complete package"
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]


def test_an_export_never_replaces_a_file(tmp_path: Path) -> None:
    """SECURITY.md 25: a folder gets a new name beside the earlier package of the same
    revision; a file path that exists is refused and left as it was."""
    report = small_report()
    common = {"report": report, "pdf": PDF, "evidence": [], "key": KEY, "created": CREATED}
    first = write_package(tmp_path, sequence=1, **common)  # type: ignore[arg-type]
    kept = first.path.read_bytes()
    second = write_package(tmp_path, sequence=2, **common)  # type: ignore[arg-type]
    assert second.path != first.path
    assert second.path.name == first.path.name.replace(".tdpkg", "-2.tdpkg")
    assert first.path.read_bytes() == kept
    with pytest.raises(PackageWriteError, match="không ghi đè"):
        write_package(first.path, sequence=3, **common)  # type: ignore[arg-type]
    assert first.path.read_bytes() == kept
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([first.path.name, second.path.name])


def test_read_only_destination(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_open = os.open

    def read_only(path: str | os.PathLike[str], flags: int, mode: int = 0o777) -> int:
        if Path(path).parent == tmp_path:
            raise PermissionError(errno.EROFS, "Read-only file system")
        return real_open(path, flags, mode)

    monkeypatch.setattr(os, "open", read_only)
    with pytest.raises(PackageWriteError, match="chỉ đọc"):
        write_package(
            tmp_path, report=small_report(), pdf=PDF, evidence=[], sequence=1, key=KEY,
            created=CREATED,
        )  # fmt: skip
    assert list(tmp_path.iterdir()) == []


def test_evidence_changing_during_export_is_an_error(tmp_path: Path) -> None:
    src = tmp_path / "grow.bin"
    src.write_bytes(b"x" * (3 * 1024 * 1024))

    def grow(done: int, total: int) -> None:
        with open(src, "ab") as fh:
            fh.write(b"more")

    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(EvidenceReadError, match="thay đổi"):
        write_package(
            out, report=small_report(), pdf=PDF, evidence=[EvidenceFile(src, "grow.bin")],
            sequence=1, key=KEY, created=CREATED, progress=grow,
        )  # fmt: skip
    assert list(out.iterdir()) == []
    with pytest.raises(EvidenceReadError, match="Không đọc được"):
        write_package(
            out, report=small_report(), pdf=PDF,
            evidence=[EvidenceFile(tmp_path / "gone.jpg", "gone.jpg")],
            sequence=1, key=KEY, created=CREATED,
        )  # fmt: skip


def test_stale_temp_files_are_removed(tmp_path: Path) -> None:
    (tmp_path / ".tiendo-0123456789abcdef.part").write_bytes(b"half")
    (tmp_path / "BaoCao.zip").write_bytes(b"keep")
    assert remove_stale_temp_files(tmp_path) == 1
    assert [p.name for p in tmp_path.iterdir()] == ["BaoCao.zip"]


def test_caller_mistakes_are_value_errors(tmp_path: Path) -> None:
    common = {"report": small_report(), "pdf": PDF, "evidence": [], "key": KEY}
    with pytest.raises(ValueError):
        write_package(tmp_path, sequence=1, created=CREATED.replace(tzinfo=None), **common)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        write_package(tmp_path, sequence=0, created=CREATED, **common)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        write_package(
            tmp_path, report=small_report(), pdf=PDF, evidence=[], key=other_key("gl.chupah"),
            sequence=1, created=CREATED,
        )  # fmt: skip
    assert list(tmp_path.iterdir()) == []


# == the reader: signature and identity =====================================================


def test_unsigned_parts_change_nothing(tmp_path: Path, package_bytes: bytes) -> None:
    reference = verify_bytes(package_bytes)
    commented = with_comment(package_bytes, "Gửi từ huyện Chư Sê qua USB".encode())
    assert verify_bytes(commented) == reference
    renamed = tmp_path / "bất kỳ tên nào.zip"
    renamed.write_bytes(package_bytes)
    assert verify_package(renamed, KEYS).report == reference.report
    files = unpack(package_bytes)
    lines = files[fmt.SIGNATURE_FILE].split(b"\n")
    lines[0] = "untrusted comment: ghi chú tùy ý".encode()
    files[fmt.SIGNATURE_FILE] = b"\n".join(lines)
    v = verify_bytes(pack(files))
    assert v.report == reference.report and v.trusted_comment == reference.trusted_comment


def test_signed_by_a_key_not_enrolled_for_the_unit(package_bytes: bytes) -> None:
    with pytest.raises(KeyNotEnrolledError, match="không được đăng ký") as err:
        verify_bytes(package_bytes, {"gl.chuse": [other_key().public_key]})
    assert "gl.chuse" in err.value.message and KEY.public_key.key_id_hex in err.value.message
    # Enrolled, but for another unit: still "not enrolled for this unit".
    with pytest.raises(KeyNotEnrolledError):
        verify_bytes(package_bytes, {"gl.chupah": [KEY.public_key]})
    with pytest.raises(KeyNotEnrolledError):
        verify_bytes(package_bytes, lambda unit: [])


def test_key_id_collision_is_a_bad_signature_not_a_missing_key(package_bytes: bytes) -> None:
    impostor = PublicKey(KEY.key_id, other_key().public_key.raw)
    with pytest.raises(BadPackageSignature, match=r"[Cc]hữ ký"):
        verify_bytes(package_bytes, {"gl.chuse": [impostor]})


def test_package_of_another_unit_signed_with_its_own_key(package_bytes: bytes) -> None:
    """A unit cannot send a report in another unit's name: its key is enrolled only for itself."""
    files = unpack(package_bytes)
    files = edit_bag_info(files, "Tiendo-Unit", "gl.chupah")
    mallory = other_key("gl.chupah")
    keys = {"gl.chuse": [KEY.public_key], "gl.chupah": [mallory.public_key]}
    with pytest.raises(KeyNotEnrolledError):
        verify_bytes(
            pack(resign(files, mallory), folder="tiendo-gl.chupah-2024-r1"),
            {"gl.chuse": [KEY.public_key]},
        )
    # With its own key enrolled, the report inside still names gl.chuse: refused.
    with pytest.raises(PackageContentError, match="unit_id"):
        verify_bytes(pack(resign(files, mallory), folder="tiendo-gl.chupah-2024-r1"), keys)


@pytest.mark.parametrize(
    ("label", "value"),
    [
        ("Tiendo-Unit", "gl.chupah"),
        ("Tiendo-Plan", "gl-999-2024"),
        ("Tiendo-Period", "2024-H1"),
        ("Tiendo-Revision", "2"),
        ("Tiendo-Sequence", "4"),
    ],
)
def test_editing_a_signed_field_is_refused(package_bytes: bytes, label: str, value: str) -> None:
    original = unpack(package_bytes)
    files = edit_bag_info(original, label, value)
    # Without the key: the tag manifest no longer matches ...
    with pytest.raises(EntryHashMismatch, match=re.escape("bag-info.txt")):
        verify_bytes(pack(files))
    # ... and with the tag manifest brought up to date, the old signature does not.
    updated = {**resign(files), fmt.SIGNATURE_FILE: original[fmt.SIGNATURE_FILE]}
    with pytest.raises(BadPackageSignature, match=r"[Cc]hữ ký"):
        verify_bytes(pack(updated))


def test_trusted_comment_must_agree_with_bag_info(package_bytes: bytes) -> None:
    files = unpack(package_bytes)
    signed = resign(files)
    tc = minisign.parse_signature(signed[fmt.SIGNATURE_FILE]).trusted_comment
    with pytest.raises(PackageContentError, match="Tiendo-Sequence"):
        verify_bytes(pack(resign(files, comment=tc.replace("sequence=3", "sequence=9"))))
    with pytest.raises(BadPackageSignature, match="tagmanifest"):
        verify_bytes(pack(resign(files, comment=tc[:-6] + "000000")))


def test_changing_the_file_list_is_refused(package_bytes: bytes) -> None:
    files = unpack(package_bytes)
    files["data/evidence/0000000000000000-them.jpg"] = b"added later"
    with pytest.raises(ExtraEntryError, match=re.escape("them.jpg")):
        verify_bytes(pack(files))
    unsigned = resign(files)
    unsigned[fmt.SIGNATURE_FILE] = unpack(package_bytes)[fmt.SIGNATURE_FILE]
    with pytest.raises(BadPackageSignature):
        verify_bytes(pack(unsigned))


@pytest.mark.parametrize("algorithm", [b"Ed", b"EX"])
def test_unknown_signature_algorithm_is_refused(package_bytes: bytes, algorithm: bytes) -> None:
    files = unpack(package_bytes)
    lines = files[fmt.SIGNATURE_FILE].split(b"\n")
    raw = base64.b64decode(lines[1])
    lines[1] = base64.b64encode(algorithm + raw[2:])
    files[fmt.SIGNATURE_FILE] = b"\n".join(lines)
    with pytest.raises(UnsupportedFormatError, match="không được hỗ trợ"):
        verify_bytes(pack(files))


def test_unknown_format_versions_are_refused(package_bytes: bytes) -> None:
    files = unpack(package_bytes)
    with pytest.raises(UnsupportedFormatError, match="phiên bản định dạng gói '2'"):
        verify_bytes(pack(resign(edit_bag_info(files, "Tiendo-Format-Version", "2"))))
    tc = minisign.parse_signature(files[fmt.SIGNATURE_FILE]).trusted_comment
    with pytest.raises(UnsupportedFormatError, match="v2"):
        verify_bytes(pack(resign(files, comment=tc.replace(" v1 ", " v2 "))))
    files[fmt.BAGIT_TXT] = b"BagIt-Version: 0.97\nTag-File-Character-Encoding: UTF-8\n"
    with pytest.raises(UnsupportedFormatError, match="BagIt"):
        verify_bytes(pack(resign(files)))


# == the reader: manifests ==================================================================


def test_extra_missing_and_wrong_hash_entries_are_named(package_bytes: bytes) -> None:
    files = unpack(package_bytes)
    manifest = files[fmt.MANIFEST_TXT]

    extra = resign({**files, "data/evidence/1111111111111111-them.jpg": b"x"}, manifest=False)
    extra[fmt.MANIFEST_TXT] = manifest
    with pytest.raises(ExtraEntryError, match=r"them\.jpg.*không có trong manifest"):
        verify_bytes(pack(resign(extra, manifest=False)))

    missing = {k: v for k, v in files.items() if not k.endswith(".jpg")}
    (jpg,) = [k for k in files if k.endswith(".jpg")]
    with pytest.raises(MissingEntryError, match=f"{jpg}.*không có trong gói"):
        verify_bytes(pack(resign(missing, manifest=False)))

    changed = {**files, jpg: files[jpg][:-1] + b"\0"}
    with pytest.raises(EntryHashMismatch, match=f"Tệp {jpg}: mã băm không khớp"):
        verify_bytes(pack(resign(changed, manifest=False)))

    with pytest.raises(ManifestError, match="Payload-Oxum"):
        verify_bytes(pack(resign(edit_bag_info(files, "Payload-Oxum", "1.5"), oxum=False)))


@pytest.mark.parametrize(("delta", "why"), [(1, "khác kích thước khai báo"), (-1, "dài hơn")])
def test_wrong_declared_size_is_named(package_bytes: bytes, delta: int, why: str) -> None:
    """A deflated report.json (as an older writer made it) declared one byte longer or
    shorter, in both headers alike."""
    package_bytes = pack(resign(unpack(package_bytes)))
    data = bytearray(package_bytes)
    entry = next(
        e
        for e in read_directory(io.BytesIO(package_bytes), Limits()).entries
        if e.name.endswith(fmt.REPORT_JSON)
    )
    assert entry.method == DEFLATED
    size = struct.pack("<I", entry.size + delta)
    data[entry.header_offset + 22 : entry.header_offset + 26] = size  # local: uncompressed size
    for pos in _central_positions(package_bytes):
        name_len = struct.unpack_from("<H", data, pos + 28)[0]
        if bytes(data[pos + 46 : pos + 46 + name_len]).endswith(fmt.REPORT_JSON.encode()):
            data[pos + 24 : pos + 28] = size  # central: uncompressed size
    with pytest.raises(EntryDataError, match=re.escape(f"Tệp {fmt.REPORT_JSON}: ") + ".*" + why):
        verify_bytes(bytes(data))


def _central_positions(data: bytes) -> list[int]:
    eocd = data.rindex(b"PK\x05\x06")
    cd_size, cd_offset = struct.unpack_from("<II", data, eocd + 12)
    out, pos = [], cd_offset
    while pos < cd_offset + cd_size:
        out.append(pos)
        n, x, c = struct.unpack_from("<HHH", data, pos + 28)
        pos += 46 + n + x + c
    return out


def test_report_json_must_agree_with_bag_info(package_bytes: bytes) -> None:
    files = unpack(package_bytes)
    report = small_report(revision=2)
    files["data/report.json"] = report_json_bytes(report)
    with pytest.raises(PackageContentError, match="revision"):
        verify_bytes(pack(resign(files)))
    files["data/report.json"] = b"[" * 100_000
    with pytest.raises(PackageContentError, match=re.escape("report.json")):
        verify_bytes(pack(resign(files)))
    files["data/report.json"] = json.dumps(
        {"schema": "tiendo-report", "schema_version": 99}
    ).encode()
    with pytest.raises(PackageContentError, match=re.escape("report.json")):
        verify_bytes(pack(resign(files)))


# == the reader: hostile archives ===========================================================


HOSTILE_NAMES = [
    ("/etc/passwd", "tuyệt đối"),
    ("C:/Windows/x.txt", "ổ đĩa"),
    (f"{FOLDER}/../x.txt", "'..'"),
    (f"{FOLDER}/data\\evidence\\x.txt", "gạch chéo ngược"),
    (f"{FOLDER}/data/evidence/a\x00b.txt", "điều khiển"),
    (f"{FOLDER}/data/evidence/a\x1bb.txt", "điều khiển"),
    (f"{FOLDER}/data/evidence/a\u202egpj.exe", "điều khiển"),
    (f"{FOLDER}/data/evidence/CON", "dành riêng"),
    (f"{FOLDER}/data/evidence/con.txt", "dành riêng"),
    (f"{FOLDER}/data/evidence/Nul.tar.gz", "dành riêng"),
    (f"{FOLDER}/data/evidence/COM1.jpg", "dành riêng"),
    (f"{FOLDER}/data/evidence/lpt9", "dành riêng"),
    (f"{FOLDER}/data/evidence/AUX .txt", "dành riêng"),
    (f"{FOLDER}/data/evidence/x.", "dấu chấm"),
    (f"{FOLDER}/data/evidence/x ", "khoảng trắng"),
    (f"{FOLDER}/data/evidence/a:b", "không được phép"),
    (f"{FOLDER}/data//x", "rỗng"),
]


@pytest.mark.parametrize(("name", "why"), HOSTILE_NAMES)
def test_hostile_names_are_refused(package_bytes: bytes, name: str, why: str) -> None:
    entries = [*package_as_raw(package_bytes), Raw(name.encode(), b"payload")]
    with pytest.raises(EntryNameError, match=why) as err:
        verify_bytes(raw_zip(entries))
    assert err.value.entry == name


def test_names_that_are_not_utf8_or_not_flagged(package_bytes: bytes) -> None:
    entries = package_as_raw(package_bytes)
    bad = [*entries, Raw(f"{FOLDER}/data/evidence/".encode() + b"\xff\xfe.txt", b"x")]
    with pytest.raises(EntryNameError, match="UTF-8"):
        verify_bytes(raw_zip(bad))
    unflagged = [
        dataclasses.replace(e, flags=0) if e.name.endswith(b".pdf") else e for e in entries
    ]
    with pytest.raises(EntryNameError, match="cờ UTF-8"):
        verify_bytes(raw_zip(unflagged))


@pytest.mark.parametrize(
    ("mode", "why"),
    [
        (stat.S_IFLNK | 0o777, "symlink"),
        (stat.S_IFDIR | 0o755, "thư mục"),
        (stat.S_IFCHR | 0o644, "không phải tệp thường"),
        (stat.S_IFIFO | 0o644, "không phải tệp thường"),
    ],
)
def test_non_regular_entries_are_refused(package_bytes: bytes, mode: int, why: str) -> None:
    entries = package_as_raw(package_bytes)
    link = Raw(
        f"{FOLDER}/data/evidence/link.jpg".encode(),
        b"/etc/passwd",
        STORED,
        external_attr=mode << 16,
    )
    with pytest.raises(NonRegularEntryError, match=why):
        verify_bytes(raw_zip([*entries, link]))


def test_directory_entries_are_refused(package_bytes: bytes) -> None:
    entries = package_as_raw(package_bytes)
    folder = Raw(f"{FOLDER}/data/".encode(), b"", STORED, external_attr=0x10)
    with pytest.raises(NonRegularEntryError, match="thư mục"):
        verify_bytes(raw_zip([folder, *entries]))


@pytest.mark.parametrize(
    "twin",
    [
        "data/report.pdf",  # exact
        "data/report.pd\u0066",  # exact, spelled differently in Python
        "data/REPORT.pdf",  # case folding
        "data/Report.PDF",
    ],
)
def test_duplicate_names_are_refused(package_bytes: bytes, twin: str) -> None:
    entries = package_as_raw(package_bytes)
    with pytest.raises(DuplicateEntryError):
        verify_bytes(raw_zip([*entries, Raw(f"{FOLDER}/{twin}".encode(), b"second")]))


def test_nfc_duplicates_are_refused(tmp_path: Path) -> None:
    composed = "data/evidence/0000000000000000-Ảnh.jpg"
    decomposed = "data/evidence/0000000000000000-A\u0309nh.jpg"
    assert composed != decomposed and fmt.nfc(decomposed) == composed
    entries = [
        Raw(f"{FOLDER}/{composed}".encode(), b"a", STORED),
        Raw(f"{FOLDER}/{decomposed}".encode(), b"b", STORED),
    ]
    with pytest.raises((DuplicateEntryError, EntryNameError), match="NFC"):
        verify_bytes(raw_zip(entries))


def test_an_evidence_name_in_nfd_is_refused(package_bytes: bytes) -> None:
    """Issue #16 item 13: signed and hashed right, but not a name the writer makes."""
    files = unpack(package_bytes)
    [photo] = [k for k in files if k.startswith("data/evidence/")][:1]
    nfd = photo.rsplit("-", 1)[0] + "-A\u0309nh.jpg"
    files = {(nfd if k == photo else k): v for k, v in files.items()}
    with pytest.raises(EntryNameError, match="NFC") as err:
        verify_bytes(pack(resign(files)))
    assert err.value.entry is not None and "nh.jpg" in err.value.entry
    fixed = {(fmt.nfc(k) if k == nfd else k): v for k, v in files.items()}
    assert verify_bytes(pack(resign(fixed))).evidence


def test_more_than_one_top_level_folder(package_bytes: bytes) -> None:
    entries = [*package_as_raw(package_bytes), Raw(b"other/data/x.txt", b"x")]
    with pytest.raises(EntryNameError, match="một thư mục gốc"):
        verify_bytes(raw_zip(entries))
    renamed = pack(unpack(package_bytes), folder="tiendo-gl.chuse-2024-r9")
    with pytest.raises(EntryNameError, match=re.escape("tiendo-gl.chuse-2024-r1")):
        verify_bytes(renamed)


def test_limits_are_enforced_before_decompressing(package_bytes: bytes) -> None:
    with pytest.raises(PackageLimitError, match="dung lượng"):
        verify_bytes(package_bytes, limits=Limits(max_package_bytes=1000))
    with pytest.raises(PackageLimitError, match="tệp, vượt giới hạn"):
        verify_bytes(package_bytes, limits=Limits(max_entries=5))
    with pytest.raises(PackageLimitError, match=re.escape("report.json: kích thước khai báo")):
        verify_bytes(package_bytes, limits=Limits(max_entry_bytes=1000))
    with pytest.raises(PackageLimitError, match="vượt giới hạn 100 byte"):
        verify_bytes(package_bytes, limits=Limits(max_tag_file_bytes=100))
    with pytest.raises(PackageContentError, match=re.escape("report.json")):
        verify_bytes(package_bytes, limits=Limits(max_report_json_bytes=1000))


def test_deflate_ratio_limit(package_bytes: bytes) -> None:
    bomb = Raw(
        f"{FOLDER}/data/evidence/0000000000000000-zeros.txt".encode(), bytes(2 * 1024 * 1024)
    )
    with pytest.raises(PackageLimitError, match="tỷ lệ nén"):
        verify_bytes(raw_zip([*package_as_raw(package_bytes), bomb]))
    small = Raw(f"{FOLDER}/data/evidence/0000000000000000-zeros.txt".encode(), bytes(90 * 1024))
    with pytest.raises(ExtraEntryError):  # under the 100 KiB threshold: passes the limit
        verify_bytes(raw_zip([*package_as_raw(package_bytes), small]))


def fifield_full_overlap(count: int, kernel_size: int) -> bytes:
    """Fifield's first construction: every central directory entry points at the same
    local header and compressed kernel."""
    kernel = raw_deflate(bytes(kernel_size))
    crc = zlib.crc32(bytes(kernel_size))
    names = [f"{FOLDER}/data/evidence/{i:016d}-x.txt".encode() for i in range(count)]
    body = local_header(names[0], crc, len(kernel), kernel_size, DEFLATED, 0x0800) + kernel
    cd = b"".join(
        central_header(n, crc, len(kernel), kernel_size, DEFLATED, 0x0800, 0) for n in names
    )
    return body + cd + end_record(count, len(cd), len(body))


def fifield_quoted_overlap(count: int, kernel_size: int) -> bytes:
    """Fifield's quoted-overlap construction: each file's deflate stream starts with a
    non-final stored block that "quotes" the next file's local header, so every file's
    data runs on through all the files after it and ends in the shared kernel."""
    names = [f"{FOLDER}/data/evidence/{i:016d}-q.txt".encode() for i in range(count)]
    kernel = raw_deflate(bytes(kernel_size))
    streams: list[bytes] = [b""] * count
    crcs: list[int] = [0] * count
    sizes: list[int] = [0] * count
    streams[-1], crcs[-1], sizes[-1] = kernel, zlib.crc32(bytes(kernel_size)), kernel_size
    for i in range(count - 2, -1, -1):
        nxt = local_header(
            names[i + 1], crcs[i + 1], len(streams[i + 1]), sizes[i + 1], DEFLATED, 0x0800
        )
        quote = b"\x00" + struct.pack("<HH", len(nxt), len(nxt) ^ 0xFFFF)
        streams[i] = quote + nxt + streams[i + 1]
        crcs[i] = zlib.crc32(_inflate(streams[i]))
        sizes[i] = len(nxt) + sizes[i + 1]
    body = local_header(names[0], crcs[0], len(streams[0]), sizes[0], DEFLATED, 0x0800) + streams[0]
    cd = b""
    offset = 0
    for i in range(count):
        cd += central_header(names[i], crcs[i], len(streams[i]), sizes[i], DEFLATED, 0x0800, offset)
        offset += 30 + len(names[i]) + 5
    return body + cd + end_record(count, len(cd), len(body))


@dataclasses.dataclass
class _NaiveEntry:
    data_offset: int
    compressed_size: int


def _naive_entries(data: bytes) -> list[_NaiveEntry]:
    """Entries as a reader that believes the central directory alone would see them."""
    out = []
    for pos in _central_positions(data):
        csize = struct.unpack_from("<I", data, pos + 20)[0]
        offset = struct.unpack_from("<I", data, pos + 42)[0]
        n, x = struct.unpack_from("<HH", data, offset + 26)
        out.append(_NaiveEntry(offset + 30 + n + x, csize))
    return out


def _inflate(stream: bytes) -> bytes:
    return zlib.decompressobj(-15).decompress(stream)


def test_the_bomb_builders_make_real_bombs() -> None:
    """The constructions are valid ZIPs to a naive reader (Python 3.11's zipfile)."""
    with zipfile.ZipFile(io.BytesIO(fifield_quoted_overlap(3, 50_000))) as zf:
        assert sum(len(zf.read(i)) for i in zf.infolist()) >= 3 * 50_000
    # zipfile notices that the full overlap's names differ between headers; readers
    # that trust the central directory alone (as Fifield showed many do) inflate
    # the one kernel once per entry.
    bomb = fifield_full_overlap(3, 50_000)
    assert all(
        len(_inflate(bomb[e.data_offset : e.data_offset + e.compressed_size])) == 50_000
        for e in _naive_entries(bomb)
    )


@pytest.mark.parametrize(
    ("builder", "count", "kernel"),
    [
        (fifield_full_overlap, 50, 60_000),  # under the ratio threshold: only overlap catches it
        (fifield_quoted_overlap, 50, 60_000),
        (fifield_full_overlap, 5000, 20 * 1024 * 1024),  # 100 GB unpacked
        (fifield_quoted_overlap, 40, 5 * 1024 * 1024),  # 200 MB unpacked
    ],
)
def test_fifield_zip_bombs_are_refused_fast(
    tmp_path: Path, builder: Callable[[int, int], bytes], count: int, kernel: int
) -> None:
    bomb = builder(count, kernel)
    before = list(tmp_path.iterdir())
    tracemalloc.start()
    try:
        started = time.perf_counter()
        with pytest.raises(PackageError) as err:
            verify_bytes(bomb, limits=Limits(max_ratio=10**9))
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(err.value, ZipBombError), err.value
    assert "bom ZIP" in err.value.message
    assert elapsed < 2.0
    assert peak < len(bomb) + 8 * 1024 * 1024  # the archive itself, and little more
    assert list(tmp_path.iterdir()) == before
    with pytest.raises((ZipBombError, PackageLimitError)):
        verify_bytes(bomb)  # default limits: refused by ratio or overlap, either way


def test_gaps_and_trailing_data_are_refused(package_bytes: bytes) -> None:
    with pytest.raises(ZipStructureError):
        verify_bytes(b"MZ" + package_bytes)  # something glued in front
    with pytest.raises(ZipStructureError):
        verify_bytes(package_bytes + b"\0" * 10)
    with pytest.raises(ZipStructureError):
        verify_bytes(package_bytes[:-30])
    with pytest.raises(ZipStructureError):
        verify_bytes(b"")


# == byte flips and mutations (SECURITY.md 1, 23) ===========================================


def regions(data: bytes) -> list[tuple[int, int, str]]:
    """(start, end, bag-relative entry or "") for each local header+data and central record."""
    directory = read_directory(io.BytesIO(data), Limits())
    out = []
    for e in directory.entries:
        rel = e.name.split("/", 1)[1]
        out.append((e.header_offset, e.data_offset + e.compressed_size, rel))
    for pos, e in zip(_central_positions(data), directory.entries, strict=True):
        out.append((pos, pos + 46 + len(e.name.encode()), e.name.split("/", 1)[1]))
    return out


def test_every_single_byte_flip_is_caught(package_bytes: bytes) -> None:
    comment = "Gói báo cáo năm 2024 — huyện Chư Sê".encode()
    data = with_comment(package_bytes, comment)
    reference = verify_bytes(data)
    comment_start = len(data) - len(comment)
    owners = regions(data)
    for offset in range(len(data)):
        flipped = bytearray(data)
        flipped[offset] ^= 0xFF
        if offset >= comment_start:
            assert verify_bytes(bytes(flipped)) == reference, offset
            continue
        try:
            verify_bytes(bytes(flipped))
        except PackageError as exc:
            message = str(exc)
            owner = next((rel for s, e, rel in owners if s <= offset < e), "")
            named = bool(owner) and owner in message
            assert (
                named
                or isinstance(exc, ZipStructureError | EntryNameError | NonRegularEntryError)
                or "chữ ký" in message.lower()
                or "manifest" in message
            ), (offset, owner, message)
        else:
            pytest.fail(f"flip at offset {offset} of {len(data)} was not noticed")


def test_sampled_byte_flips_of_a_larger_package_are_caught(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "video.mp4").write_bytes(os.urandom(256 * 1024))
    (src / "so-lieu.csv").write_bytes(("xã Ia Glai,120,35\n" * 6_000).encode())
    evidence = [
        EvidenceFile(src / "video.mp4", "video hội nghị.mp4"),
        EvidenceFile(src / "so-lieu.csv", "số liệu.csv"),
    ]
    data = build(tmp_path, evidence=evidence).read_bytes()
    verify_bytes(data)
    rng = random.Random(20241216)
    for offset in sorted(rng.sample(range(len(data)), 1000)):
        flipped = bytearray(data)
        flipped[offset] ^= 1 << rng.randrange(8)
        with pytest.raises(PackageError):
            verify_bytes(bytes(flipped))


_EDIT = st.one_of(
    st.tuples(st.just("set"), st.integers(0, 10**9), st.integers(0, 255)),
    st.tuples(st.just("insert"), st.integers(0, 10**9), st.binary(min_size=1, max_size=8)),
    st.tuples(st.just("delete"), st.integers(0, 10**9), st.integers(1, 64)),
    st.tuples(st.just("truncate"), st.integers(0, 10**9), st.just(0)),
)


# A longer fuzz run (SECURITY.md 23): TIENDO_FUZZ_EXAMPLES=20000 pytest -k mutations
FUZZ_EXAMPLES = int(os.environ.get("TIENDO_FUZZ_EXAMPLES", "300"))


@settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits=st.lists(_EDIT, min_size=1, max_size=4))
def test_mutations_raise_only_package_errors(
    package_bytes: bytes, edits: list[tuple[str, int, object]]
) -> None:
    data = bytearray(package_bytes)
    for kind, pos, arg in edits:
        pos %= len(data) + 1
        if kind == "set" and isinstance(arg, int):
            data[pos : pos + 1] = bytes([arg])
        elif kind == "insert" and isinstance(arg, bytes):
            data[pos:pos] = arg
        elif kind == "delete" and isinstance(arg, int):
            del data[pos : pos + arg]
        else:
            del data[pos:]
    started = time.perf_counter()
    try:
        v = verify_bytes(bytes(data))
    except PackageError:
        pass
    else:
        # Accepted only if nothing that matters changed (e.g. the bits a deflate stream
        # never reads): the same report, PDF and evidence.
        reference = verify_bytes(package_bytes)
        assert v.report_json == reference.report_json
        assert v.evidence == reference.evidence
        assert v.tagmanifest_sha256 == reference.tagmanifest_sha256
    assert time.perf_counter() - started < 1.0


_NAME = st.text(st.characters(codec="utf-8"), min_size=1, max_size=40)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    contents=st.lists(st.tuples(_NAME, st.binary(max_size=3000)), max_size=5),
    overall=st.text(st.characters(codec="utf-8"), max_size=300),
    unit_name=st.text(st.characters(codec="utf-8"), min_size=1, max_size=80),
    revision=st.integers(1, 99),
    sequence=st.integers(1, 10**6),
)
def test_hypothesis_round_trip(
    contents: list[tuple[str, bytes]], overall: str, unit_name: str, revision: int, sequence: int
) -> None:
    report = small_report(overall=overall, unit_name=unit_name, revision=revision)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        evidence = []
        for i, (name, content) in enumerate(contents):
            (folder / f"e{i}").write_bytes(content)
            evidence.append(EvidenceFile(folder / f"e{i}", name))
        info = write_package(
            folder, report=report, pdf=PDF, evidence=evidence, sequence=sequence, key=KEY,
            created=CREATED,
        )  # fmt: skip
        v = verify_package(info.path, KEYS, file_sha256=True)
        assert v.file_sha256 == hashlib.sha256(info.path.read_bytes()).hexdigest()
        assert v.report == ReportData.from_json(report.to_json())
        assert v.revision == revision and v.sequence == sequence
        assert v.source_organization == " ".join(fmt.nfc(unit_name).split())
        expected = {(fmt.safe_file_name(n), hashlib.sha256(c).hexdigest()) for n, c in contents}
        assert {(e.name, e.sha256) for e in v.evidence} == expected
        extracted = v.extract_evidence(folder / "store")
        for _, content in contents:
            assert extracted[hashlib.sha256(content).hexdigest()].read_bytes() == content


@settings(max_examples=300, deadline=None)
@given(name=st.text(st.characters(codec="utf-8"), max_size=300))
def test_safe_names_always_pass_the_name_rules(name: str) -> None:
    safe = fmt.safe_file_name(name)
    fmt.check_entry_name(f"{FOLDER}/{fmt.EVIDENCE_DIR}{'0' * 16}-{safe}")
    assert len(safe.encode()) <= fmt.MAX_EVIDENCE_NAME_BYTES


def test_deflate_with_changed_padding_bits_is_refused(package_bytes: bytes) -> None:
    """SECURITY.md 1, issue #16 item 5: the bits after a deflate stream's last code are
    never read, so flipping one leaves the content and CRC alike; the reader accepts
    deflate only in the exact form zlib makes, so every such flip is refused."""
    old_style = pack(resign(unpack(package_bytes)))  # text entries deflated, as before
    verify_bytes(old_style)  # the canonical form an older writer made is accepted
    padding = []
    with zipfile.ZipFile(io.BytesIO(old_style)) as zf:
        for info in zf.infolist():
            if info.compress_type != zipfile.ZIP_DEFLATED:
                continue
            start = info.header_offset + 30 + len(info.filename.encode())
            stream = old_style[start : start + info.compress_size]
            for bit in range(8):
                changed = bytearray(stream)
                changed[-1] ^= 1 << bit
                with contextlib.suppress(zlib.error):
                    if zlib.decompress(bytes(changed), -15) == zlib.decompress(stream, -15):
                        at = start + info.compress_size - 1
                        padding.append(old_style[:at] + bytes([changed[-1]]) + old_style[at + 1 :])
    assert len(padding) >= 3  # several entries end with unused bits
    for flipped in padding:
        with pytest.raises(EntryDataError, match="dạng chuẩn"):
            verify_bytes(flipped)


def test_a_lane_keeps_order_and_passes_errors_back() -> None:
    from app.package.lanes import DEPTH, Lane

    seen: list[int] = []
    with Lane(seen.append, "test") as lane:
        for i in range(100):
            lane.feed(i)
        lane.finish()
    assert seen == list(range(100))

    def fail(item: int) -> None:
        raise OSError(5, "Input/output error")

    with Lane(fail, "test") as lane:
        for i in range(DEPTH * 3):  # a failed lane keeps draining: feed never blocks
            lane.feed(i)
        with pytest.raises(OSError, match="Input/output"):
            lane.finish()
