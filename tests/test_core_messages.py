"""The core's messages in English: every message template in app/ and db/ has an English
entry (so a new message cannot stay Vietnamese), the catalogue matches real messages with
their values, and the CLI and the GUI show them in the interface language."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import main
from app.errors import ConfigError, KnownError
from app.translation import translate
from app.translation_en import FRAGMENTS, MESSAGES
from tests.message_templates import fragments, templates


def test_every_message_of_the_core_has_an_english_entry() -> None:
    found = templates()
    assert len(found) > 250  # the extractor still sees the core's messages
    missing = [f"{where}: {text}" for text, where in found.items() if text not in MESSAGES]
    assert not missing, "no English in app/translation_en.py for:\n" + "\n".join(missing)


def test_no_english_entry_is_left_for_a_message_that_is_gone() -> None:
    found = templates()
    stale = [text for text in MESSAGES if text not in found]
    assert not stale, "remove from app/translation_en.py:\n" + "\n".join(stale)


def test_words_put_into_messages_have_english() -> None:
    missing = [f"{w}: {t}" for t, w in fragments().items() if t not in FRAGMENTS]
    assert not missing, "\n".join(missing)


def test_each_entry_keeps_every_value_of_its_message() -> None:
    for vi, en in MESSAGES.items():
        count = vi.count("{}")
        assert en.format(*(f"<{i}>" for i in range(count))).count("<") == count, vi


@pytest.mark.parametrize(
    ("message", "english"),
    [
        ("Năm không hợp lệ: 30000.", "Not a valid year: 30000."),
        ("Mật khẩu khóa ký không đúng.", "The signing key's passphrase is wrong."),
        # the most specific template wins over "Tệp {}: {}."
        ("Tệp data/x.pdf: thiếu trong gói.", "File data/x.pdf: missing from the package."),
        # a value the catalogue knows is translated too
        (
            "Ổ đĩa chứa thư mục E:\\ đã đầy, không ghi được gói báo cáo.",
            "The disk holding the folder E:\\ is full; the report package could not be written.",
        ),
        ("Tệp khong-biet.txt", "Tệp khong-biet.txt"),  # unknown: shown as it is
    ],
)
def test_messages_are_translated_with_their_values(message: str, english: str) -> None:
    assert translate(message, "en") == english
    assert translate(message, "vi") == message


def test_the_cli_prints_errors_in_english_with_lang_en(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(tmp_path / "data")
    assert (
        main(["--lang", "en", "--data-dir", data, "export", "--period", "2024", "--out", data]) == 1
    )
    err = capsys.readouterr().err
    assert err.startswith("Error: This installation has no unit set up yet.")
    assert "Run `tiendo setup" in err
    assert main(["--data-dir", data, "export", "--period", "2024", "--out", data]) == 1
    assert capsys.readouterr().err.startswith("Lỗi: Chưa thiết lập đơn vị")


def test_the_gui_shows_core_errors_in_the_interface_language(qapp: object) -> None:
    from ui import i18n
    from ui.widgets import messages

    error = ConfigError(
        "Năm không hợp lệ: 3000.", "Kiểm tra lại năm, viết đủ 4 chữ số, ví dụ 2024-Q1."
    )
    try:
        i18n.install(qapp, "en")  # type: ignore[arg-type]
        assert messages.error_text(error) == "Not a valid year: 3000."
        assert messages.core_text(error.hint).startswith("Check the year")
    finally:
        i18n.install(qapp, "vi")  # type: ignore[arg-type]
    assert messages.error_text(error) == "Năm không hợp lệ: 3000."
    assert isinstance(error, KnownError)
