"""Official digital signatures with SoftHSM2 tokens and a test CA made here: set-up, the
leader's and the agency's PAdES signatures on a finalized report, what poppler's pdfsig
and pyHanko's validator make of them, the package and the province's checks, and each
way signing must refuse (wrong PIN, token pulled out, expired, revoked, not for signing).
"""

from __future__ import annotations

import dataclasses
import io
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cli import main
from app.demo import run_demo
from app.errors import ConfigError
from app.official.config import Role
from app.official.errors import CertificateRefused, PinError, TokenError
from app.services import official, packages, reports
from app.services.workspace import Workspace
from tests.official_ca import USER_PIN, CertAuthority, Issued, SoftHsm, softhsm_module

MODULE = softhsm_module()
# Skipped on a developer's machine without them; CI (.ci/run installs them) never skips.
pytestmark = pytest.mark.skipif(
    MODULE is None and not os.environ.get("CI"),
    reason="SoftHSM2 and OpenSC are not installed (.ci/run installs them)",
)


@dataclasses.dataclass
class Pki:
    ca: CertAuthority
    hsm: SoftHsm
    person: Issued
    agency: Issued
    expired: Issued
    revoked: Issued
    encrypt_only: Issued
    root_pem: Path
    crl: Path


@pytest.fixture(scope="session")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pki]:
    """Two tokens: LANH-DAO (the leader's, with an expired, a revoked and an
    encryption-only certificate beside the good one) and CO-QUAN (the agency's). SoftHSM2
    reads its configuration once per process, so the tokens live for the whole session."""
    assert MODULE is not None
    root = tmp_path_factory.mktemp("pki")
    ca = CertAuthority.create()
    person = ca.issue("Nguyễn Văn Ánh", "UBND huyện Chư Sê")
    agency = ca.issue("Ủy ban nhân dân huyện Chư Sê", "UBND huyện Chư Sê")
    expired = ca.issue("Lê Văn Cũ", "UBND huyện Chư Sê", expired=True)
    revoked = ca.issue("Phạm Thị Thu", "UBND huyện Chư Sê", revoked=True)
    encrypt_only = ca.issue("Hoàng Văn Mã", "UBND huyện Chư Sê", signing=False)
    hsm = SoftHsm(root, MODULE)
    hsm.init_token("LANH-DAO")
    hsm.init_token("CO-QUAN")
    hsm.put("LANH-DAO", person, label="ca-nhan", key_id="01", chain=(ca.issuing,))
    hsm.put("LANH-DAO", expired, label="het-han", key_id="02")
    hsm.put("LANH-DAO", revoked, label="thu-hoi", key_id="03")
    hsm.put("LANH-DAO", encrypt_only, label="ma-hoa", key_id="04")
    hsm.put("CO-QUAN", agency, label="co-quan", key_id="01", chain=(ca.issuing,))
    root_pem = root / "root.pem"
    root_pem.write_bytes(ca.root_pem)
    crl = root / "issuing.crl"
    crl.write_bytes(ca.crl_der())
    before = os.environ.get("SOFTHSM2_CONF")
    os.environ["SOFTHSM2_CONF"] = str(hsm.conf)
    yield Pki(ca, hsm, person, agency, expired, revoked, encrypt_only, root_pem, crl)
    if before is None:
        os.environ.pop("SOFTHSM2_CONF", None)
    else:
        os.environ["SOFTHSM2_CONF"] = before


def _fp(issued: Issued) -> str:
    from cryptography.hazmat.primitives import hashes

    return issued.cert.fingerprint(hashes.SHA256()).hex()


@pytest.fixture
def finalized(workspace: Workspace) -> tuple[Workspace, int]:
    """Huyện Chư Sê with a finalized 2024 report."""
    packages.ensure_key(workspace)
    run_demo(workspace, unit_id="gl.chuse", count=20)
    summary = reports.latest(workspace, "2024")
    assert summary is not None
    reports.finalize(workspace, summary.id)
    return workspace, summary.id


def _setup(ws: Workspace, pki: Pki, role: Role, token: str, holder: str) -> None:
    assert MODULE is not None
    found = official.token_certificates(MODULE, token)
    official.setup_signer(ws, role, MODULE, token, official.choose_certificate(found, holder))


@pytest.fixture
def signers_ready(pki: Pki, finalized: tuple[Workspace, int]) -> tuple[Workspace, int]:
    ws, report_id = finalized
    _setup(ws, pki, Role.PERSONAL, "LANH-DAO", "Nguyễn Văn Ánh")
    _setup(ws, pki, Role.AGENCY, "CO-QUAN", "Ủy ban nhân dân")
    return ws, report_id


def _sign_both(ws: Workspace, report_id: int) -> bytes:
    return official.sign_report(ws, report_id, {Role.PERSONAL: USER_PIN, Role.AGENCY: USER_PIN}).pdf


# --- set-up -------------------------------------------------------------------------


def test_a_token_lists_its_certificates_and_set_up_keeps_no_pin(
    pki: Pki, finalized: tuple[Workspace, int]
) -> None:
    assert MODULE is not None
    ws, _ = finalized
    holders = [c.facts.holder for c in official.token_certificates(MODULE, "LANH-DAO")]
    assert holders[0] == "Nguyễn Văn Ánh"  # the one that may sign comes first
    assert set(holders) == {"Nguyễn Văn Ánh", "Lê Văn Cũ", "Phạm Thị Thu", "Hoàng Văn Mã"}
    _setup(ws, pki, Role.PERSONAL, "LANH-DAO", "Nguyễn Văn Ánh")
    ws.reload_settings()
    assert ws.settings.extra["official.personal.cert"] == _fp(pki.person)
    assert ws.settings.extra["official.driver"] == MODULE
    assert USER_PIN not in "".join(ws.settings.extra.values())


@pytest.mark.parametrize(
    ("holder", "reason"),
    [("Lê Văn Cũ", "đã hết hạn"), ("Hoàng Văn Mã", "không dùng để ký")],
)
def test_set_up_refuses_a_certificate_that_cannot_sign(
    pki: Pki, finalized: tuple[Workspace, int], holder: str, reason: str
) -> None:
    ws, _ = finalized
    with pytest.raises(CertificateRefused, match=reason):
        _setup(ws, pki, Role.PERSONAL, "LANH-DAO", holder)
    assert official.signed_roles(None) == set()
    assert "official.personal.cert" not in ws.settings.extra


def test_set_up_refuses_a_certificate_revoked_by_an_imported_crl(
    pki: Pki, finalized: tuple[Workspace, int]
) -> None:
    ws, _ = finalized
    _setup(ws, pki, Role.PERSONAL, "LANH-DAO", "Phạm Thị Thu")  # no CRL known yet: accepted
    official.trust_store(ws).add_roots(pki.root_pem)
    official.trust_store(ws).add_crl(pki.crl)
    with pytest.raises(CertificateRefused, match="đã bị thu hồi"):
        _setup(ws, pki, Role.PERSONAL, "LANH-DAO", "Phạm Thị Thu")
    with pytest.raises(CertificateRefused, match="đã bị thu hồi"):
        official.sign_report(ws, finalized[1], {Role.PERSONAL: USER_PIN})
    assert official.signed_pdf(ws, finalized[1]) is None


# --- signing and what independent tools say -----------------------------------------


def test_both_signatures_are_valid_for_pdfsig_and_trusted_by_pyhanko(
    pki: Pki, signers_ready: tuple[Workspace, int], tmp_path: Path
) -> None:
    from asn1crypto import x509 as asn1_x509
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    ws, report_id = signers_ready
    pdf = _sign_both(ws, report_id)
    path = tmp_path / "signed.pdf"
    path.write_bytes(pdf)
    if shutil.which("pdfsig"):
        out = subprocess.run(
            ["pdfsig", str(path)], capture_output=True, text=True, check=False, timeout=60
        ).stdout
        assert out.count("Signature Type: ETSI.CAdES.detached") == 2, out
        assert out.count("Signature Validation: Signature is Valid.") == 2, out
        assert "Nguyễn Văn Ánh" in out and "Ủy ban nhân dân huyện Chư Sê" in out
        assert "Total document signed" in out  # the agency's covers everything
    else:
        pytest.fail("pdfsig (poppler-utils) is needed: .ci/run installs it")
    root = asn1_x509.Certificate.load(pki.ca.root.public_bytes(_der()))
    sigs = PdfFileReader(io.BytesIO(pdf)).embedded_signatures
    assert [s.field_name for s in sigs] == [Role.PERSONAL.field_name, Role.AGENCY.field_name]
    for sig in sigs:
        status = validate_pdf_signature(sig, ValidationContext(trust_roots=[root]))
        assert status.intact and status.valid and status.trusted, status.pretty_print_details()
        assert status.bottom_line  # nothing but signatures was added after each
    # the signing time is Vietnam time, as the appearance prints it
    assert sigs[1].self_reported_timestamp.utcoffset().total_seconds() == 7 * 3600


def _der():  # type: ignore[no-untyped-def]
    from cryptography.hazmat.primitives.serialization import Encoding

    return Encoding.DER


def test_the_appearance_shows_agency_and_time_with_the_vietnam_offset(
    signers_ready: tuple[Workspace, int], tmp_path: Path
) -> None:
    ws, report_id = signers_ready
    png = tmp_path / "chu-ky.png"
    _png(png, (20, 40, 160))
    official.set_image(ws, "signature", png)
    official.set_image(ws, "seal", png)
    pdf = _sign_both(ws, report_id)
    text = _appearance_text(pdf, tmp_path)
    assert "Ủy ban nhân dân huyện Chư Sê" in text
    assert "+07:00" in text and "Thời gian ký:" in text


def _png(path: Path, colour: tuple[int, int, int]) -> None:
    from PIL import Image

    Image.new("RGBA", (300, 120), (*colour, 255)).save(path)


def _appearance_text(pdf: bytes, folder: Path) -> str:
    """The last page's text with the signature widgets flattened into it (qpdf), as a
    reader sees it; pdftotext alone leaves annotations out."""
    signed, flat = folder / "signed.pdf", folder / "flat.pdf"
    signed.write_bytes(pdf)
    subprocess.run(
        ["qpdf", "--flatten-annotations=all", str(signed), str(flat)], check=True, timeout=60
    )
    return subprocess.run(
        ["pdftotext", "-layout", str(flat), "-"],
        capture_output=True, text=True, check=True, timeout=60,
    ).stdout  # fmt: skip


def test_the_cli_signs_writes_and_verifies(
    pki: Pki,
    signers_ready: tuple[Workspace, int],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ws, _ = signers_ready
    data = str(ws.layout.root)
    ws.close()
    monkeypatch.setenv("TIENDO_TOKEN_PIN", USER_PIN)
    out = tmp_path / "bao-cao.pdf"
    assert (
        main(["--data-dir", data, "report", "--period", "2024", "--out", str(out), "--sign"]) == 0
    )
    said = capsys.readouterr().out
    assert "Đã ký số: người có thẩm quyền ký." in said and "cơ quan ban hành" in said
    assert main(["--data-dir", data, "verify-pdf", str(out), "--trust", str(pki.root_pem)]) == 0
    said = capsys.readouterr().out
    assert said.count("HỢP LỆ —") == 2 and "Nguyễn Văn Ánh (người có thẩm quyền ký)" in said
    assert "+07" not in said or "ký lúc" in said
    # without the root, the same file does not pass: nothing says who the CA is
    assert main(["--data-dir", data, "verify-pdf", str(out)]) == 1
    assert "Chưa nhập chứng thư gốc tin cậy" in capsys.readouterr().out
    assert main(["--data-dir", data, "signer", "show", "--json"]) == 0
    shown = capsys.readouterr().out
    assert "Nguyễn Văn Ánh" in shown and USER_PIN not in shown.replace(_fp(pki.person), "")


def test_a_changed_byte_or_an_untrusted_root_or_a_revoked_certificate_is_invalid(
    pki: Pki, signers_ready: tuple[Workspace, int]
) -> None:
    from app.official.verify import verify_pdf

    ws, report_id = signers_ready
    pdf = _sign_both(ws, report_id)
    roots = [pki.ca.root.public_bytes(_der())]
    assert all(c.ok for c in verify_pdf(pdf, roots))
    # a byte inside the first signed range (the page content) changed
    where = pdf.index(b"stream") + 20
    tampered = pdf[:where] + bytes([pdf[where] ^ 0x01]) + pdf[where + 1 :]
    checks = verify_pdf(tampered, roots)
    assert checks and not any(c.ok for c in checks)
    assert "bị thay đổi sau khi ký" in " ".join(checks[0].problems)
    other = CertAuthority.create()
    checks = verify_pdf(pdf, [other.root.public_bytes(_der())])
    assert "không dẫn về chứng thư gốc tin cậy" in " ".join(checks[0].problems)


def test_a_revoked_signer_is_shown_invalid_at_the_province(pki: Pki, tmp_path: Path) -> None:
    """Signed before the CRL reached the unit: the province, which has it, says revoked."""
    from app.official.appearance import Box, Placement
    from app.official.sign import SignRequest, sign_pdf
    from app.official.verify import verify_pdf
    from tests.samples import sample_report

    assert MODULE is not None
    from app.printing.report_pdf import report_pdf_bytes

    pdf = report_pdf_bytes(sample_report())
    request = SignRequest(
        role=Role.PERSONAL,
        module=MODULE,
        token="LANH-DAO",
        cert_sha256=_fp(pki.revoked),
        pin=USER_PIN,
        placement=Placement(0, Box(300, 100, 500, 220)),
    )
    signed = sign_pdf(pdf, request).pdf
    roots = [pki.ca.root.public_bytes(_der())]
    checks = verify_pdf(signed, roots, [pki.ca.crl_der()])
    assert len(checks) == 1 and not checks[0].ok
    assert "đã bị thu hồi" in " ".join(checks[0].problems)


# --- what must be refused -----------------------------------------------------------


def test_a_wrong_pin_says_so_with_the_tries_left_and_signs_nothing(
    signers_ready: tuple[Workspace, int],
) -> None:
    ws, report_id = signers_ready
    with pytest.raises(PinError) as caught:
        official.sign_report(ws, report_id, {Role.PERSONAL: "0000", Role.AGENCY: USER_PIN})
    assert "Mã PIN của token không đúng" in caught.value.message
    assert "lần thử" in caught.value.hint  # what the token reports about the tries left
    assert "0000" not in str(caught.value)
    assert official.signed_pdf(ws, report_id) is None


def test_a_token_pulled_out_mid_signing_leaves_the_report_unsigned(
    signers_ready: tuple[Workspace, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    import pkcs11.exceptions as pe
    from pyhanko.sign.pkcs11 import PKCS11Signer

    ws, report_id = signers_ready

    async def pulled_out(self: object, *_a: object, **_k: object) -> bytes:
        raise pe.DeviceRemoved()

    monkeypatch.setattr(PKCS11Signer, "async_sign_raw", pulled_out)
    with pytest.raises(TokenError, match="rút ra"):
        _sign_both(ws, report_id)
    assert official.signed_pdf(ws, report_id) is None
    monkeypatch.undo()
    assert len(official.signed_roles(_sign_both(ws, report_id))) == 2


def test_the_agency_failing_keeps_the_leaders_signature_whole(
    signers_ready: tuple[Workspace, int],
) -> None:
    ws, report_id = signers_ready
    with pytest.raises(PinError):
        official.sign_report(ws, report_id, {Role.PERSONAL: USER_PIN, Role.AGENCY: "9999"})
    kept = official.signed_pdf(ws, report_id)
    assert official.signed_roles(kept) == {Role.PERSONAL}
    assert official.roles_to_sign(ws, report_id) == [Role.AGENCY]
    pdf = official.sign_report(ws, report_id, {Role.AGENCY: USER_PIN}).pdf
    assert pdf.startswith(kept or b"-")  # incremental: the leader's bytes unchanged


@pytest.mark.parametrize(
    ("who", "reason"), [("expired", "đã hết hạn"), ("encrypt_only", "không dùng để ký")]
)
def test_signing_itself_refuses_a_certificate_that_cannot_sign(
    pki: Pki, who: str, reason: str
) -> None:
    """Even past the set-up (a certificate that expired since): refused, nothing signed."""
    from app.official.appearance import Box, Placement
    from app.official.sign import SignRequest, sign_pdf
    from app.printing.report_pdf import report_pdf_bytes
    from tests.samples import sample_report

    assert MODULE is not None
    request = SignRequest(
        role=Role.PERSONAL,
        module=MODULE,
        token="LANH-DAO",
        cert_sha256=_fp(getattr(pki, who)),
        pin=USER_PIN,
        placement=Placement(0, Box(300, 100, 500, 220)),
    )
    with pytest.raises(CertificateRefused, match=reason):
        sign_pdf(report_pdf_bytes(sample_report()), request)


def test_a_draft_cannot_be_signed(pki: Pki, workspace: Workspace) -> None:
    run_demo(workspace, unit_id="gl.chuse", count=5)
    summary = reports.latest(workspace, "2024")
    assert summary is not None
    with pytest.raises(ConfigError, match="bản nháp"):
        official.sign_report(workspace, summary.id, {Role.PERSONAL: USER_PIN})


# --- the package and the province ---------------------------------------------------


def test_the_signed_pdf_travels_unchanged_and_the_province_checks_it(
    pki: Pki, signers_ready: tuple[Workspace, int], tmp_path: Path
) -> None:
    from app.package import verify_package
    from app.services.province.signatures import received_pdf
    from app.signing.keystore import KeyStore

    ws, report_id = signers_ready
    pdf = _sign_both(ws, report_id)
    out = tmp_path / "usb"
    out.mkdir()
    result = packages.export_package(ws, "2024", out)
    pk = KeyStore(ws.layout.root).public_key("gl.chuse")
    verified = verify_package(result.path, lambda _u: [pk])
    assert verified.read_pdf() == pdf
    assert verified.official_signatures == 2
    province = _province(tmp_path, ws, pki)
    from app.services.province.intake import import_packages

    (imported,) = import_packages(province, [result.path], receipts=False)
    assert imported.ok and len(imported.signatures) == 2
    assert all(c.ok for c in imported.signatures), imported.line()
    assert "Chữ ký số hợp lệ" in imported.line()
    from sqlalchemy import select

    from db import models as m

    with province.db.session() as s:
        package_id = s.scalar(select(m.ReceivedPackage.id))
    assert package_id is not None
    shown = received_pdf(province, package_id)
    assert shown.pdf == pdf and shown.valid
    province.close()


def _province(tmp_path: Path, unit: Workspace, pki: Pki) -> Workspace:
    from dataclasses import replace

    from app.services.province.keys import enroll_file
    from app.services.setup import apply_setup, default_settings
    from app.services.workspace import open_workspace

    ws = open_workspace(tmp_path / "province")
    apply_setup(ws, replace(default_settings(ws, "province", "gl.stttt"), officer="Sở"))
    packages.ensure_key(ws)
    key_file = tmp_path / "unit.pub"
    key_file.write_text(packages.public_key_text(unit), encoding="utf-8")
    enroll_file(ws, key_file)
    official.trust_store(ws).add_roots(pki.root_pem)
    official.trust_store(ws).add_crl(pki.crl)
    return ws


def test_a_package_without_the_bag_info_field_is_still_read(
    finalized: tuple[Workspace, int], tmp_path: Path
) -> None:
    from app.package import verify_package
    from app.signing.keystore import KeyStore

    ws, _ = finalized
    result = packages.export_package(ws, "2024", tmp_path)
    with __import__("zipfile").ZipFile(result.path) as z:
        info = next(n for n in z.namelist() if n.endswith("bag-info.txt"))
        assert b"Tiendo-Official-Signatures" not in z.read(info)
    pk = KeyStore(ws.layout.root).public_key("gl.chuse")
    assert verify_package(result.path, lambda _u: [pk]).official_signatures == 0


# --- the screens --------------------------------------------------------------------


@pytest.mark.gui
def test_ky_so_on_the_reports_screen_signs_with_the_pins_asked(
    signers_ready: tuple[Workspace, int], qtbot: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pytestqt.qtbot import QtBot

    from ui.context import AppContext
    from ui.screens.reports import ReportsScreen
    from ui.screens.reports import dialogs as screen_dialogs

    assert isinstance(qtbot, QtBot)
    ws, report_id = signers_ready
    asked: list[tuple[Role, str]] = []
    errors: list[str] = []

    def pin(_parent: object, role: Role, holder: str, _token: str) -> str:
        asked.append((role, holder))
        return USER_PIN

    monkeypatch.setattr(screen_dialogs, "ask_pin", pin)
    monkeypatch.setattr(screen_dialogs, "show_error", lambda _p, e, h="": errors.append(str(e) + h))
    screen = ReportsScreen(AppContext(ws))
    qtbot.addWidget(screen)
    screen.resize(1100, 800)
    screen.show()
    screen.select_period("2024")
    assert screen.shown is not None and screen.shown.id == report_id
    assert screen.sign_button.isVisible()
    screen.sign_button.click()
    qtbot.waitUntil(lambda: not screen.busy(), timeout=30_000)
    assert errors == []
    assert [r for r, _ in asked] == [Role.PERSONAL, Role.AGENCY]
    assert official.signed_roles(official.signed_pdf(ws, report_id)) == set(Role)
    assert not screen.sign_button.isVisible()  # nothing left to sign
    text = screen.signing.status.text()
    assert "Nguyễn Văn Ánh" in text and "+07:00" in text
    if os.environ.get("TIENDO_SHOT_DIR"):  # a look at the screen while developing
        screen.grab().save(os.path.join(os.environ["TIENDO_SHOT_DIR"], "reports-signed.png"))


@pytest.mark.gui
def test_a_wrong_pin_on_the_screen_is_shown_and_nothing_is_signed(
    signers_ready: tuple[Workspace, int], qtbot: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pytestqt.qtbot import QtBot

    from ui.context import AppContext
    from ui.screens.reports import ReportsScreen
    from ui.screens.reports import dialogs as screen_dialogs

    assert isinstance(qtbot, QtBot)
    ws, report_id = signers_ready
    errors: list[str] = []
    monkeypatch.setattr(screen_dialogs, "ask_pin", lambda *_a: "0000")
    monkeypatch.setattr(screen_dialogs, "show_error", lambda _p, e, h="": errors.append(f"{e} {h}"))
    screen = ReportsScreen(AppContext(ws))
    qtbot.addWidget(screen)
    screen.show()
    screen.select_period("2024")
    screen.sign_button.click()
    qtbot.waitUntil(lambda: bool(errors), timeout=30_000)
    assert "Mã PIN của token không đúng" in errors[0] and "lần thử" in errors[0]
    assert official.signed_pdf(ws, report_id) is None
    assert screen.sign_button.isVisible()


@pytest.mark.gui
def test_the_settings_panel_lists_the_token_and_sets_a_signer(
    pki: Pki, finalized: tuple[Workspace, int], qtbot: object
) -> None:
    from pytestqt.qtbot import QtBot

    from ui.context import AppContext
    from ui.screens.signer_panel import SignerPanel

    assert isinstance(qtbot, QtBot) and MODULE is not None
    ws, _ = finalized
    panel = SignerPanel(AppContext(ws))
    qtbot.addWidget(panel)
    panel.driver.setText(MODULE)
    panel.read_tokens()
    labels = [panel.token.itemData(i) for i in range(panel.token.count())]
    assert set(labels) == {"LANH-DAO", "CO-QUAN"}
    panel.token.setCurrentIndex(labels.index("CO-QUAN"))
    assert panel.certs.count() == 1 and "Ủy ban nhân dân" in panel.certs.item(0).text()
    panel.use_for(Role.AGENCY)
    assert "Ủy ban nhân dân huyện Chư Sê" in panel.role_labels[Role.AGENCY].text()
    ws.reload_settings()
    assert ws.settings.extra["official.agency.token"] == "CO-QUAN"


def test_an_unsigned_report_is_answered_without_parsing_the_pdf(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """No /ByteRange, no signature: the province's import does not pay for pyHanko's parse
    of every unsigned report; text that is no PDF at all is still refused."""
    import pyhanko.pdf_utils.reader as pdf_reader

    from app.official.errors import PdfSignatureError
    from app.official.verify import verify_pdf
    from app.printing.report_pdf import report_pdf_bytes
    from tests.test_province import unit_report

    unsigned = report_pdf_bytes(unit_report("gl.chuse"))

    def parse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the PDF was parsed")

    monkeypatch.setattr(pdf_reader, "PdfFileReader", parse)
    assert verify_pdf(unsigned, []) == []
    with pytest.raises(PdfSignatureError):
        verify_pdf(b"khong phai PDF", [])
