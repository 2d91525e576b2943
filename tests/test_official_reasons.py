"""The reasons an official signature is refused or not valid, made on the fly by the
checks (app/official/), read in English under --lang en and in the English GUI: each has
an entry in app/translation_en.py (tests/test_core_messages.py enforces it) and every
place that shows them translates them."""

from __future__ import annotations

import datetime as dt

import pytest
from cryptography.hazmat.primitives import serialization

from app.official.certs import facts, signing_problem
from app.official.config import Role
from app.official.verify import NO_ROOTS, SignatureCheck, _trust_problem
from app.services.province.signatures import words
from app.translation import cli_text, set_output_language, translate
from tests.official_ca import CertAuthority


@pytest.fixture(scope="module")
def ca() -> CertAuthority:
    return CertAuthority.create()


def _vietnamese(text: str) -> bool:
    return any(ch in text for ch in "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ")


def _der(cert: object) -> bytes:
    return cert.public_bytes(serialization.Encoding.DER)  # type: ignore[attr-defined]


def test_refusals_and_reasons_have_english(ca: CertAuthority) -> None:
    now = dt.datetime.now(dt.UTC)
    encryption = facts(_der(ca.issue("Phạm Thị Thu", "UBND", signing=False).cert))
    expired = facts(_der(ca.issue("Lê Văn Bình", "UBND", expired=True).cert))
    fine = facts(_der(ca.issue("Trần Văn Cường", "UBND").cert))
    reasons = [
        signing_problem(encryption, now),
        signing_problem(expired, now),
        _trust_problem(expired, []),
        _trust_problem(fine, []),
        _trust_problem(fine, [_der(ca.root)]),
    ]
    for reason in reasons:
        assert reason is not None and _vietnamese(reason)
        english = translate(reason, "en")
        names = ("Phạm Thị Thu", "Lê Văn Bình", "Tiến Độ")  # data: holders, the CA
        assert not _vietnamese(
            english.replace(names[0], "").replace(names[1], "").replace(names[2], "")
        )
    assert translate(reasons[0] or "", "en").startswith("The certificate of Phạm Thị Thu is not")
    assert translate(NO_ROOTS, "en").startswith("No trusted root certificate")


def test_the_import_line_and_the_cli_show_reasons_in_english(ca: CertAuthority) -> None:
    signer = facts(_der(ca.issue("Trần Văn Cường", "UBND xã").cert))
    when = dt.datetime(2025, 1, 6, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    bad = SignatureCheck(
        "ChuKySo_CaNhan",
        Role.PERSONAL,
        signer,
        when,
        ("Nội dung đã ký bị thay đổi sau khi ký: chữ ký không còn khớp với tệp.",),
    )
    good = SignatureCheck("ChuKySo_CoQuan", Role.AGENCY, signer, when)
    line = words((bad, good), "en")
    assert line.startswith("DIGITAL SIGNATURE NOT VALID — Trần Văn Cường (competent signer)")
    assert "signed at 06/01/2025 09:30" in line and "no longer matches the file" in line
    assert words((good,), "en").startswith("Valid digital signatures: Trần Văn Cường")
    assert words((good,)).startswith("Chữ ký số hợp lệ: Trần Văn Cường (cơ quan ban hành)")
    set_output_language("en")
    try:
        assert cli_text(bad.summary()).endswith("(competent signer), signed at 06/01/2025 09:30")
    finally:
        set_output_language("vi")


def test_the_gui_shows_reasons_in_the_interface_language(qapp: object) -> None:
    from ui import i18n
    from ui.widgets.official import checks_html

    check = SignatureCheck(
        "ChuKySo_CaNhan",
        Role.PERSONAL,
        None,
        None,
        ("Chứng thư số đã bị thu hồi (theo danh sách thu hồi đã nhập).",),
    )
    try:
        i18n.install(qapp, "en")  # type: ignore[arg-type]
        assert "The certificate was revoked" in checks_html([check])
    finally:
        i18n.install(qapp, "vi")  # type: ignore[arg-type]
    assert "Chứng thư số đã bị thu hồi" in checks_html([check])


def test_an_import_line_reads_in_english(ca: CertAuthority) -> None:
    from pathlib import Path

    from app.services.province.intake import ImportResult, Outcome

    signer = facts(_der(ca.issue("Trần Văn Cường", "UBND xã").cert))
    when = dt.datetime(2025, 1, 6, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    result = ImportResult(
        Path("chuse-2024.tdpkg"),
        Outcome.IMPORTED,
        "Tệp data/x.pdf: thiếu trong gói.",
        receipt=Path("bien-nhan.txt"),
        signatures=(SignatureCheck("ChuKySo_CoQuan", Role.AGENCY, signer, when),),
    )
    line = result.line("en")
    assert line.startswith("chuse-2024.tdpkg: Imported — File data/x.pdf: missing from")
    assert "Receipt: bien-nhan.txt." in line and "Valid digital signatures:" in line
    assert not _vietnamese(line.replace("Trần Văn Cường", ""))
    assert result.line().startswith("chuse-2024.tdpkg: Đã nhập — Tệp data/x.pdf")
