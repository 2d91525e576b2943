"""Check every official signature of a PDF, offline (SECURITY.md 30): the signed bytes are
unchanged and nothing but signatures was added after; the certificate chains to a root
the installation trusts and was for signing; no imported CRL revokes it. Each failure is
a reason in words, never just "invalid"."""

from __future__ import annotations

import datetime as dt
import io
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from app.official.certs import VIETNAM, CertFacts, facts, revocation, vn_time
from app.official.config import Role
from app.official.errors import PdfSignatureError

# pyHanko logs each failed check with a traceback; the reasons are reported here in words.
for _name in ("pyhanko", "pyhanko_certvalidator"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)

_ROLES = {role.field_name: role for role in Role}
NO_ROOTS = "Chưa nhập chứng thư gốc tin cậy nào, nên chưa xác định được người ký."


@dataclass(frozen=True)
class SignatureCheck:
    """One signature of the PDF and what its checks found."""

    field_name: str
    role: Role | None
    signer: CertFacts | None
    signed_at: dt.datetime | None  # the signing time the signature claims (Vietnam time)
    problems: tuple[str, ...] = field(default=())
    # intact, and the only thing missing is a trusted root to check the chain against
    awaiting_roots: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def role_label(self) -> str:
        return self.role.label_vi if self.role else "không rõ vai trò"

    def summary(self) -> str:
        """One line: who, as what, when."""
        who = self.signer.holder if self.signer else "không rõ người ký"
        when = vn_time(self.signed_at) if self.signed_at else "không rõ thời gian"
        return f"{who} ({self.role_label}), ký lúc {when}"


def verify_pdf(
    data: bytes, roots: Sequence[bytes], crls: Sequence[bytes] = ()
) -> list[SignatureCheck]:
    """The checks of every signature in ``data``, in signing order ([] when unsigned).

    ``roots`` are the trusted CA certificates (DER), ``crls`` the imported CRLs (DER).
    Raises PdfSignatureError when ``data`` is not a PDF that can be read."""
    if b"%PDF-" in data[:1024] and b"/ByteRange" not in data:
        # Every signature covers the file's bytes by a /ByteRange, written in the clear
        # (a signature's value cannot sit in a compressed object stream): without one the
        # PDF is unsigned, and pyHanko's parse (about 0.35 s a report) is not needed.
        return []
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        embedded = list(reader.embedded_signatures)
    except Exception:
        raise PdfSignatureError(
            "Tệp không phải PDF đọc được, không kiểm tra được chữ ký số."
        ) from None
    return [_check(sig, roots, crls) for sig in embedded]


def _context(roots: Sequence[bytes], crls: Sequence[bytes], extra: Sequence[bytes]) -> Any:
    from asn1crypto import crl as asn1_crl
    from asn1crypto import x509 as asn1_x509
    from pyhanko_certvalidator import ValidationContext

    return ValidationContext(
        trust_roots=[asn1_x509.Certificate.load(r) for r in roots],
        other_certs=[asn1_x509.Certificate.load(c) for c in extra],
        crls=[asn1_crl.CertificateList.load(c) for c in crls],
        allow_fetching=False,  # offline: no OCSP, no CRL download
        revocation_mode="soft-fail",
    )


def _check(sig: Any, roots: Sequence[bytes], crls: Sequence[bytes]) -> SignatureCheck:
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.settings import KeyUsageConstraints

    name = str(sig.field_name)
    try:
        signer = facts(sig.signer_cert.dump())
        embedded = [c.dump() for c in sig.other_embedded_certs]
    except Exception:
        return SignatureCheck(name, _ROLES.get(name), None, None, ("Chữ ký không đọc được.",))
    try:
        status = validate_pdf_signature(
            sig,
            signer_validation_context=_context(roots, crls, embedded),
            key_usage_settings=KeyUsageConstraints(
                key_usage={"digital_signature", "non_repudiation"}
            ),
        )
    except Exception:
        return SignatureCheck(
            name, _ROLES.get(name), signer, None, ("Chữ ký hỏng, không kiểm tra được.",)
        )
    when = status.signer_reported_dt
    problems = tuple(_problems(status, signer, roots, crls, embedded))
    return SignatureCheck(
        name,
        _ROLES.get(name),
        signer,
        when.astimezone(VIETNAM) if when else None,
        problems,
        awaiting_roots=problems == (NO_ROOTS,),
    )


def _problems(
    status: Any,
    signer: CertFacts,
    roots: Sequence[bytes],
    crls: Sequence[bytes],
    embedded: Sequence[bytes],
) -> list[str]:
    if not (status.intact and status.valid):
        return ["Nội dung đã ký bị thay đổi sau khi ký: chữ ký không còn khớp với tệp."]
    out = []
    if status.docmdp_ok is False or _modified(status):
        out.append("Sau khi ký, tệp bị sửa thêm ngoài việc thêm chữ ký.")
    revoked_at = revocation(signer, crls, [*embedded, *roots])
    if revoked_at is not None or status.revoked:
        out.append(
            f"Chứng thư số đã bị thu hồi ngày {vn_time(revoked_at)} (theo danh sách thu hồi "
            "đã nhập)."
            if revoked_at
            else "Chứng thư số đã bị thu hồi (theo danh sách thu hồi đã nhập)."
        )
    elif not status.trusted:
        out.append(_trust_problem(signer, roots))
    return out


def _modified(status: Any) -> bool:
    from pyhanko.sign.diff_analysis import ModificationLevel

    level = status.modification_level
    return level is not None and level > ModificationLevel.FORM_FILLING


def _trust_problem(signer: CertFacts, roots: Sequence[bytes]) -> str:
    now = dt.datetime.now(dt.UTC)
    if not signer.signing_usage:
        return "Chứng thư số này không dùng để ký (thiếu mục đích chữ ký số)."
    if now > signer.not_after:
        return f"Chứng thư số đã hết hạn ngày {vn_time(signer.not_after)}."
    if now < signer.not_before:
        return f"Chứng thư số chưa có hiệu lực (từ {vn_time(signer.not_before)})."
    if not roots:
        return NO_ROOTS
    return f"Chứng thư số do “{signer.issuer}” cấp không dẫn về chứng thư gốc tin cậy nào đã nhập."
