"""What every signed bag this app reads has in common: opening the file, the entry-name
checks, the minisign signature file and the tag manifest.

Report packages (app.package.reader) and plan bundles (app.package.plan_bundle) are both
BagIt bags in one ZIP with one top-level folder, signed over tagmanifest-sha256.txt; the
checks a hostile archive must pass are written once, here and in app.package.zipio.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from app.fsio import open_regular
from app.package import format as fmt
from app.package.errors import (
    DuplicateEntryError,
    EntryHashMismatch,
    EntryNameError,
    ManifestError,
    PackageError,
    PackageSignatureError,
    UnsupportedFormatError,
)
from app.package.zipio import ZipEntry
from app.signing import minisign

Source = Path | str | BinaryIO


@contextmanager
def open_source(source: Source, *, plan_bundle: bool = False) -> Iterator[BinaryIO]:
    """A path opened as a regular file (a FIFO or device is refused before a byte is
    read), or the given stream; PackageError when the file cannot be opened."""
    if isinstance(source, str | Path):
        try:
            fh = open_regular(source)
        except OSError as exc:
            why = exc.strerror or exc
            if plan_bundle:
                raise PackageError(f"Không mở được tệp gói kế hoạch {source}: {why}.") from None
            raise PackageError(f"Không mở được tệp gói {source}: {why}.") from None
        with fh:
            yield fh
    else:
        yield source


def check_names(entries: Sequence[ZipEntry]) -> str:
    """Every name safe (format.check_entry_name), none twice (exactly, after NFC, after
    case folding), all in one top-level folder; returns that folder.

    Raises EntryNameError or DuplicateEntryError naming the entry.
    """
    seen_exact: set[str] = set()
    seen_nfc: dict[str, str] = {}
    seen_fold: dict[str, str] = {}
    for e in entries:
        fmt.check_entry_name(e.name)
    for e in entries:
        if e.name in seen_exact:
            raise DuplicateEntryError(
                f"Tên tệp {e.name!r} xuất hiện hai lần trong gói.", entry=e.name
            )
        seen_exact.add(e.name)
        n = fmt.nfc(e.name)
        if n in seen_nfc:
            raise DuplicateEntryError(
                f"Tên tệp {e.name!r} trùng với {seen_nfc[n]!r} sau khi chuẩn hóa Unicode (NFC).",
                entry=e.name,
            )
        seen_nfc[n] = e.name
        k = fmt.name_key(e.name)
        if k in seen_fold:
            raise DuplicateEntryError(
                f"Tên tệp {e.name!r} trùng với {seen_fold[k]!r} khi không phân biệt chữ hoa, "
                "chữ thường.",
                entry=e.name,
            )
        seen_fold[k] = e.name
    folders = {e.name.split("/", 1)[0] for e in entries}
    if len(folders) != 1 or any("/" not in e.name for e in entries):
        raise EntryNameError(
            f"Gói phải có đúng một thư mục gốc chứa mọi tệp; gói này có {len(folders)} mục ở gốc.",
        )
    return folders.pop()


def parse_signature_file(raw: bytes) -> minisign.Signature:
    """tagmanifest-sha256.txt.minisig parsed; UnsupportedFormatError for another
    algorithm, PackageSignatureError for anything malformed."""
    try:
        return minisign.parse_signature(raw)
    except minisign.UnsupportedAlgorithm as exc:
        raise UnsupportedFormatError(
            f"Tệp chữ ký {fmt.SIGNATURE_FILE}: {exc.message}", entry=fmt.SIGNATURE_FILE
        ) from None
    except minisign.SignatureError as exc:
        raise PackageSignatureError(
            f"Tệp chữ ký {fmt.SIGNATURE_FILE}: {exc.message}", entry=fmt.SIGNATURE_FILE
        ) from None


def check_tagmanifest(tagmanifest: bytes, read_tag: Callable[[str], bytes]) -> dict[str, bytes]:
    """The tag files the (verified) tag manifest covers, each read with ``read_tag`` and
    checked against its hash; ManifestError when it lists other files."""
    listed = fmt.parse_manifest(tagmanifest, fmt.TAGMANIFEST_TXT)
    if set(listed) != set(fmt.TAGMANIFEST_COVERS):
        raise ManifestError(
            f"Tệp {fmt.TAGMANIFEST_TXT}: phải liệt kê đúng {', '.join(fmt.TAGMANIFEST_COVERS)}.",
            entry=fmt.TAGMANIFEST_TXT,
        )
    out = {}
    for name in fmt.TAGMANIFEST_COVERS:
        data = read_tag(name)
        if hashlib.sha256(data).hexdigest() != listed[name]:
            raise EntryHashMismatch(
                f"Tệp {name}: mã băm không khớp tagmanifest (manifest thẻ).", entry=name
            )
        out[name] = data
    return out
