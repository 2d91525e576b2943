"""One PAdES signature (ETSI.CAdES.detached, SHA-256) added to a PDF as an incremental
update, with the certificate and key on a USB token (pyHanko's PKCS11Signer).

The result is built in memory: a failure at any point (a wrong PIN, the token pulled out,
a refused certificate) leaves the input untouched and nothing written.
"""

from __future__ import annotations

import binascii
import datetime as dt
import io
import uuid
from dataclasses import dataclass, field
from typing import Any

from app.official import appearance
from app.official.appearance import Placement
from app.official.certs import VIETNAM, CertFacts, facts, require_signing
from app.official.config import Role
from app.official.errors import CertificateRefused, OfficialSignatureError, PdfSignatureError
from app.official.token import all_certificates, driver_error, login


@dataclass(frozen=True)
class SignRequest:
    """Who signs, with what, and where the signature shows."""

    role: Role
    module: str
    token: str
    cert_sha256: str
    pin: str = field(repr=False)
    placement: Placement
    image: bytes | None = None  # the signature image (personal) or the seal (agency)
    agency_name: str = ""  # printed under the seal
    crls: tuple[bytes, ...] = ()
    trusted: tuple[bytes, ...] = ()  # roots, for checking the CRLs' signatures


@dataclass(frozen=True)
class Signed:
    """The signed PDF and who signed it when."""

    pdf: bytes
    signer: CertFacts
    when: dt.datetime


def sign_pdf(pdf: bytes, request: SignRequest, *, now: dt.datetime | None = None) -> Signed:
    """Add the role's signature to ``pdf``; returns the new PDF (the old bytes, then the
    signature's incremental update).

    Raises PinError, TokenError (token missing or pulled out, driver error),
    CertificateRefused (not on the token, expired, revoked by an imported CRL, not for
    signing) and PdfSignatureError (a PDF that cannot take a signature)."""
    when = (now or dt.datetime.now(VIETNAM)).astimezone(VIETNAM).replace(microsecond=0)
    # the certificate is checked before the PIN goes to the token: a refused one costs no try
    cert_der, chain = _certificate(
        all_certificates(request.module, request.token), request.cert_sha256
    )
    cert = facts(cert_der)
    require_signing(cert, when, request.crls, (*chain, *request.trusted))
    session = login(request.module, request.token, request.pin)
    try:
        out = _sign(pdf, request, session, cert, chain, when)
    except OfficialSignatureError:
        raise
    except Exception as exc:
        raise _failure(exc) from None
    finally:
        _close(session)
    return Signed(out, cert, when)


def _certificate(chain: list[bytes], sha256: str) -> tuple[bytes, list[bytes]]:
    """The certificate with fingerprint ``sha256`` among the token's, and the others."""
    import hashlib

    for der in chain:
        if hashlib.sha256(der).hexdigest() == sha256:
            return der, [c for c in chain if c != der]
    raise CertificateRefused(
        "Không thấy chứng thư số đã chọn trên token này.",
        "Cắm đúng USB token đã chọn trong Cài đặt, hoặc chọn lại chứng thư số.",
    )


def _sign(
    pdf: bytes,
    request: SignRequest,
    session: Any,
    cert: CertFacts,
    chain: list[bytes],
    when: dt.datetime,
) -> bytes:
    from asn1crypto import x509 as asn1_x509
    from pkcs11 import Attribute, ObjectClass
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from pyhanko.sign.pkcs11 import PKCS11Signer

    key_id = _key_id(session, cert.der, Attribute, ObjectClass)
    signer = PKCS11Signer(
        session,
        key_id=key_id,
        signing_cert=asn1_x509.Certificate.load(cert.der),
        ca_chain=[asn1_x509.Certificate.load(c) for c in chain],
        other_certs_to_pull=(),
    )
    box = (
        request.placement.personal_box()
        if request.role is Role.PERSONAL
        else request.placement.agency_box()
    )
    meta = signers.PdfSignatureMetadata(
        field_name=request.role.field_name,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        reason=request.role.reason,
        name=cert.holder,
    )
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    except Exception:
        raise PdfSignatureError("Tệp PDF bị hỏng, không ký được.") from None
    if request.role.field_name in _field_names(writer):
        raise PdfSignatureError(
            f"Báo cáo đã có chữ ký số của {request.role.label_vi}.",
        )
    pdf_signer = _fixed_time_signer(
        meta,
        signer=signer,
        stamp_style=_style(_appearance(request, box, cert, when)),
        new_field_spec=fields.SigFieldSpec(
            request.role.field_name, box=box.as_tuple(), on_page=request.placement.page
        ),
    )
    pdf_signer.signing_time = when
    out = pdf_signer.sign_pdf(writer)
    return bytes(out.getvalue())


def _key_id(session: Any, cert_der: bytes, attribute: Any, object_class: Any) -> bytes:
    """The PKCS#11 id shared by the certificate and its private key."""
    for obj in session.get_objects({attribute.CLASS: object_class.CERTIFICATE}):
        if bytes(obj[attribute.VALUE]) == cert_der:
            return bytes(obj[attribute.ID])
    raise CertificateRefused("Không thấy chứng thư số đã chọn trên token này.")


def _field_names(writer: Any) -> set[str]:
    from pyhanko.sign.fields import enumerate_sig_fields

    return {name for name, _value, _ref in enumerate_sig_fields(writer.prev)}


def _appearance(
    request: SignRequest, box: appearance.Box, cert: CertFacts, when: dt.datetime
) -> bytes:
    if request.role is Role.PERSONAL:
        return appearance.personal_page(box, request.image, cert.holder)
    return appearance.agency_page(box, request.image, request.agency_name or cert.holder, when)


def _style(page: bytes) -> Any:
    from pyhanko.pdf_utils import layout
    from pyhanko.stamp import StaticStampStyle

    return StaticStampStyle(
        background=_pdf_page(page),
        border_width=0,
        background_opacity=1.0,
        background_layout=layout.SimpleBoxLayoutRule(
            x_align=layout.AxisAlignment.ALIGN_MID,
            y_align=layout.AxisAlignment.ALIGN_MID,
            margins=layout.Margins(0, 0, 0, 0),
        ),
    )


def _pdf_page_class() -> type:
    from pyhanko.pdf_utils.content import PdfContent
    from pyhanko.pdf_utils.layout import BoxConstraints
    from pyhanko.pdf_utils.reader import PdfFileReader

    class PdfPage(PdfContent):
        """The first page of a PDF held in memory, as a form XObject (pyHanko's own
        ImportedPdfPage reads a file by name)."""

        def __init__(self, data: bytes) -> None:
            self.data = data
            super().__init__()

        def render(self) -> bytes:
            xobj = self._ensure_writer.import_page_as_xobject(
                PdfFileReader(io.BytesIO(self.data)), page_ix=0
            )
            name = b"/Img" + binascii.hexlify(uuid.uuid4().bytes)
            self.resources.xobject[name.decode("ascii")] = xobj
            x1, y1, x2, y2 = xobj.get_object()["/BBox"]
            self.box = BoxConstraints(width=abs(x1 - x2), height=abs(y1 - y2))
            return name + b" Do"

    return PdfPage


def _pdf_page(data: bytes) -> Any:
    return _pdf_page_class()(data)


def _fixed_time_signer_class() -> type:
    from pyhanko.sign import signers

    class FixedTimeSigner(signers.PdfSigner):
        """A PdfSigner whose signing time (the signed attribute and the one the appearance
        shows) is ours, in Vietnam time, not the machine's local zone."""

        signing_time: dt.datetime

        def init_signing_session(self, pdf_out: Any, existing_fields_only: bool = False) -> Any:
            session = super().init_signing_session(pdf_out, existing_fields_only)
            session.system_time = self.signing_time
            return session

    return FixedTimeSigner


def _fixed_time_signer(*args: Any, **kwargs: Any) -> Any:
    return _fixed_time_signer_class()(*args, **kwargs)


def _failure(exc: Exception) -> OfficialSignatureError:
    """What a failure half-way means to the officer; the input PDF is untouched either way."""
    import pkcs11.exceptions as pe

    if isinstance(exc, pe.PKCS11Error):
        return driver_error(exc)
    cause = exc.__cause__ or exc.__context__
    if isinstance(cause, pe.PKCS11Error):
        return _failure(cause)
    name = type(exc).__name__
    return PdfSignatureError(
        f"Không ký được tệp PDF ({name}: {exc}).",
        "Tệp chưa ký vẫn được giữ nguyên. Thử lại; nếu vẫn lỗi, báo cho bộ phận kỹ thuật.",
    )


def _close(session: Any) -> None:
    try:
        session.close()
    except Exception:  # the token may be gone already; nothing is left to release
        return
