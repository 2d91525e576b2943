"""What can go wrong with a report package, as KnownErrors with plain Vietnamese messages.

Reading: every refusal is a PackageError subclass whose message names the entry (the
path inside the bag, e.g. ``data/evidence/ab12…-anh.jpg``) or says "chữ ký" /
"manifest" / "cấu trúc ZIP"; ``entry`` holds the entry for programs. Writing: the
environment's failures (disk full, read-only folder, unreadable evidence) and a cancel.
"""

from __future__ import annotations

from app.errors import KnownError


def number(n: int) -> str:
    """A count or size the Vietnamese way: 2.764.000 (dots group thousands)."""
    return f"{n:,}".replace(",", ".")


class PackageError(KnownError):
    """The package cannot be accepted. `entry` is the path inside the bag, when one is to blame."""

    def __init__(self, message: str, hint: str = "", *, entry: str | None = None) -> None:
        super().__init__(message, hint)
        self.entry = entry


class PackageLimitError(PackageError):
    """A configured limit (size, entry count, ratio) is exceeded; checked before decompressing."""


class ZipStructureError(PackageError):
    """The file is not a ZIP in the package profile, or it is damaged."""


class ZipBombError(ZipStructureError):
    """Entries overlap each other or the central directory (Fifield's zip bombs)."""


class EntryNameError(PackageError):
    """An entry name is unsafe, not UTF-8, or not flagged as UTF-8."""


class DuplicateEntryError(EntryNameError):
    """Two entries have the same name, exactly, after NFC, or after case folding."""


class NonRegularEntryError(PackageError):
    """An entry is a symbolic link, a directory, a device or anything but a plain file."""


class EntryDataError(PackageError):
    """An entry's data is damaged: CRC, size or compressed stream."""


class UnsupportedFormatError(PackageError):
    """Unknown package format version, BagIt version or signature algorithm."""


class PackageSignatureError(PackageError):
    """The signature file is missing, malformed or does not verify."""


class KeyNotEnrolledError(PackageSignatureError):
    """The signing key is not enrolled for the unit the package claims to come from."""


class BadPackageSignature(PackageSignatureError):
    """The signature or its trusted comment does not verify with the enrolled key."""


class ManifestError(PackageError):
    """A manifest or tag manifest is malformed or disagrees with the archive."""


class EntryHashMismatch(ManifestError):
    """An entry's SHA-256 differs from its manifest line."""


class ExtraEntryError(ManifestError):
    """The archive holds an entry no manifest lists."""


class MissingEntryError(ManifestError):
    """A manifest lists an entry the archive does not hold."""


class PackageContentError(PackageError):
    """bag-info.txt, the trusted comment and report.json disagree, or one is malformed."""


class PackageWriteError(KnownError):
    """The package file cannot be written: disk full, read-only or missing folder."""


class EvidenceReadError(KnownError):
    """An evidence file cannot be read, or it changed while being packed."""


class PackageTooLarge(KnownError):
    """The package would exceed the format's or the configured limits."""


class PackageCancelled(KnownError):
    """The user cancelled the export or the extraction; nothing was left behind."""
