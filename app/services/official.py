"""Official digital signatures in an installation (DESIGN.md §8): the signer set-up kept
in the settings, the signature and seal images, the trust anchors and CRLs, signing a
finalized report's PDF (kept in the evidence store and sent in the package unchanged),
and checking the signatures of a report PDF. The work itself is app.official."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from app.errors import ConfigError
from app.fsio import write_atomic
from app.official import config as signer_config
from app.official.appearance import ROOM_HEIGHT, Box, Placement, check_image
from app.official.certs import require_signing, signing_problem
from app.official.config import Role, SignerConfig
from app.official.errors import NotConfigured, PdfSignatureError
from app.official.token import TokenCert, all_certificates, certificates
from app.official.trust import TrustStore
from app.official.verify import SignatureCheck, verify_pdf
from app.report_state import ReportState
from app.services.workspace import Workspace
from db import models as m

PIN_ENV = "TIENDO_TOKEN_PIN"
IMAGE_NAMES = {"signature": "anh-chu-ky.png", "seal": "anh-con-dau.png"}


def official_dir(ws: Workspace) -> Path:
    return ws.layout.root / "official"


def trust_store(ws: Workspace) -> TrustStore:
    """The roots and CRLs this installation trusts."""
    return TrustStore(official_dir(ws) / "trust")


# --- images ------------------------------------------------------------------------


def image_path(ws: Workspace, kind: str) -> Path:
    """Where the chosen "signature" or "seal" image is kept (it may not exist)."""
    return official_dir(ws) / IMAGE_NAMES[kind]


def set_image(ws: Workspace, kind: str, source: Path) -> Path:
    """Keep a copy of ``source`` as the ``kind`` image; raises PdfSignatureError for a file
    that is not a readable image, ConfigError when it cannot be written."""
    data = check_image(source)
    target = image_path(ws, kind)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, data)
    except OSError as exc:
        raise ConfigError(
            f"Không lưu được ảnh vào {target.parent}: {exc.strerror or exc}"
        ) from None
    return target


def clear_image(ws: Workspace, kind: str) -> None:
    image_path(ws, kind).unlink(missing_ok=True)


def _image(ws: Workspace, kind: str) -> bytes | None:
    path = image_path(ws, kind)
    return check_image(path) if path.is_file() else None


# --- set-up -------------------------------------------------------------------------


def token_certificates(module: str, token: str) -> list[TokenCert]:
    """The certificates on a token, those that may sign first."""
    found = certificates(module, token)
    now = dt.datetime.now(dt.UTC)
    return sorted(found, key=lambda c: (signing_problem(c.facts, now) is not None, c.facts.holder))


def choose_certificate(found: list[TokenCert], wanted: str | None) -> TokenCert:
    """The certificate ``wanted`` names (a fingerprint prefix, or part of the holder's
    name), or the only one that may sign; raises ConfigError when that is not one."""
    if not found:
        raise ConfigError(
            "Token không có chứng thư số nào.", "Kiểm tra đúng token của người ký hoặc cơ quan."
        )
    if wanted:
        key = wanted.replace(" ", "").replace(":", "").lower()
        hits = [c for c in found if c.facts.fingerprint.startswith(key)] or [
            c for c in found if wanted.casefold() in c.facts.holder.casefold()
        ]
    else:
        now = dt.datetime.now(dt.UTC)
        hits = [c for c in found if signing_problem(c.facts, now) is None] or found
    if len(hits) != 1:
        names = "; ".join(f"{c.facts.label()} [{c.facts.short_fingerprint}]" for c in found)
        raise ConfigError(
            f"Token có {len(found)} chứng thư số; cho biết dùng chứng thư nào: {names}.",
            "Dùng --cert với đầu dấu vân tay hoặc một phần tên người được cấp.",
        )
    return hits[0]


def setup_signer(
    ws: Workspace, role: Role, module: str, token: str, cert: TokenCert
) -> SignerConfig:
    """Remember ``cert`` on ``token`` (through driver ``module``) as the role's signer.

    Refuses (CertificateRefused, with the reason) a certificate that is expired, not for
    signing, or revoked by an imported CRL. Never asks for or stores the PIN."""
    store = trust_store(ws)
    issuers = [*all_certificates(module, token), *store.roots()]
    require_signing(cert.facts, dt.datetime.now(dt.UTC), store.crls(), issuers)
    found = SignerConfig(role, module, token, cert.facts.fingerprint, cert.facts.holder)
    signer_config.store(ws.settings, found)
    ws.save_settings()
    return found


def remove_signer(ws: Workspace, role: Role) -> None:
    signer_config.forget(ws.settings, role)
    ws.save_settings()


# --- signing ------------------------------------------------------------------------


@dataclass(frozen=True)
class SignOutcome:
    """What signing a report did: the roles signed now and the PDF as it is now."""

    report_id: int
    signed: tuple[Role, ...]
    pdf: bytes


def signed_pdf(ws: Workspace, report_id: int) -> bytes | None:
    """The report's PDF with its official signatures, or None when it has none."""
    with ws.db.session() as s:
        report = s.get(m.Report, report_id)
        sha = report.signed_pdf_sha256 if report else None
    if sha is None:
        return None
    try:
        return ws.evidence.path_for(sha).read_bytes()
    except OSError:
        raise PdfSignatureError(
            "Không đọc được tệp báo cáo đã ký số trong thư mục dữ liệu.",
            "Khôi phục từ bản sao lưu, hoặc tạo bản sửa đổi rồi ký lại.",
        ) from None


def signed_roles(pdf: bytes | None) -> set[Role]:
    """The roles whose signature fields ``pdf`` already has (signed or not checked)."""
    if pdf is None:
        return set()
    from pyhanko.pdf_utils.reader import PdfFileReader

    names = {
        str(s.field_name) for s in PdfFileReader(io.BytesIO(pdf), strict=False).embedded_signatures
    }
    return {r for r in Role if r.field_name in names}


def roles_to_sign(ws: Workspace, report_id: int) -> list[Role]:
    """The set-up roles that have not signed the report yet, in signing order."""
    done = signed_roles(signed_pdf(ws, report_id))
    return [c.role for c in signer_config.signers(ws.settings) if c.role not in done]


def check_signable(ws: Workspace, report_id: int) -> None:
    """Raise ConfigError unless the report is finalized and not sent yet: a draft still
    changes, and a package already sent cannot be replaced by one of the same revision."""
    with ws.db.session() as s:
        report = s.get(m.Report, report_id)
        state = ReportState(report.state) if report else None
    if state is ReportState.DRAFT:
        raise ConfigError(
            "Báo cáo còn là bản nháp, chưa ký số được.", "Chốt báo cáo trước, rồi ký số."
        )
    if state is not ReportState.FINALIZED:
        raise ConfigError(
            "Báo cáo đã gửi lên tỉnh nên không ký thêm được (tỉnh không nhận lại cùng một lần).",
            "Tạo bản sửa đổi, chốt rồi ký số bản sửa đổi.",
        )


def sign_report(
    ws: Workspace, report_id: int, pins: Mapping[Role, str], *, now: dt.datetime | None = None
) -> SignOutcome:
    """Add the signatures of the set-up roles that have not signed yet, personal first,
    each with its PIN from ``pins``; the PDF is kept after each signature.

    A failure (PinError, TokenError, CertificateRefused, PdfSignatureError) leaves the
    report's PDF as it was before that signature: complete, never half-signed. Raises
    NotConfigured when no signer is set up, ConfigError for a report that may not be
    signed."""
    from app.official.sign import SignRequest, sign_pdf

    check_signable(ws, report_id)
    todo = roles_to_sign(ws, report_id)
    if not todo:
        _require_some_signer(ws)
    pdf, placement = _starting_pdf(ws, report_id)
    store = trust_store(ws)
    agency = ws.units.get(ws.settings.unit_id).name
    done: list[Role] = []
    for role in todo:
        setup = signer_config.signer(ws.settings, role)
        assert setup is not None
        pin = pins.get(role)
        if not pin:
            raise NotConfigured(f"Chưa nhập mã PIN của token ({role.label_vi}).")
        kind = "signature" if role is Role.PERSONAL else "seal"
        request = SignRequest(
            role=role,
            module=setup.module,
            token=setup.token,
            cert_sha256=setup.cert_sha256,
            pin=pin,
            placement=placement,
            image=_image(ws, kind),
            agency_name=agency,
            crls=tuple(store.crls()),
            trusted=tuple(store.roots()),
        )
        pdf = sign_pdf(pdf, request, now=now).pdf
        _keep(ws, report_id, pdf)
        done.append(role)
    return SignOutcome(report_id, tuple(done), pdf)


def _require_some_signer(ws: Workspace) -> None:
    if not signer_config.signers(ws.settings):
        raise NotConfigured(
            "Chưa cài đặt chữ ký số (USB token) cho người ký hoặc cơ quan.",
            "Vào Cài đặt › Chữ ký số để chọn token và chứng thư số.",
        )
    raise ConfigError("Báo cáo đã có đủ chữ ký số đã cài đặt.")


def _starting_pdf(ws: Workspace, report_id: int) -> tuple[bytes, Placement]:
    """The PDF to sign next (the one already signed, or a fresh one with room for the
    signatures) and where the signatures go."""
    from app.printing.report_pdf import report_pdf_for_signing
    from app.services import reports

    fresh, (page, x0, y0, x1, y1) = report_pdf_for_signing(
        reports.report_data(ws, report_id), ROOM_HEIGHT
    )
    placement = Placement(page, Box(x0, y0, x1, y1))
    return signed_pdf(ws, report_id) or fresh, placement


def _keep(ws: Workspace, report_id: int, pdf: bytes) -> None:
    """Store the signed PDF by its hash and point the report at it, in one transaction."""
    import hashlib

    sha = hashlib.sha256(pdf).hexdigest()
    stored = ws.evidence.put(sha, iter([pdf]))
    with ws.db.transaction() as s:
        if s.get(m.Evidence, sha) is None:
            s.add(m.Evidence(sha256=sha, size=stored.size, mime="application/pdf"))
        report = s.get(m.Report, report_id)
        assert report is not None
        report.signed_pdf_sha256 = sha


# --- verification -------------------------------------------------------------------


def check_pdf(ws: Workspace, pdf: bytes) -> list[SignatureCheck]:
    """Every official signature of ``pdf`` checked against this installation's roots and
    CRLs (offline)."""
    store = trust_store(ws)
    return verify_pdf(pdf, store.roots(), store.crls())


def check_file(path: Path, roots: list[bytes], crls: list[bytes]) -> list[SignatureCheck]:
    """Like check_pdf for a file; raises PdfSignatureError when it cannot be read."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PdfSignatureError(f"Không đọc được {path}: {exc.strerror or exc}") from None
    return verify_pdf(data, roots, crls)
