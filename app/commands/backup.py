"""Backup commands: backup --out DIR | --auto | --list, restore FILE | --newest."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.commands.workspace import _open, _progress_printer
from app.errors import ConfigError, DataFolderError
from app.translation import cli_text, say

if TYPE_CHECKING:
    from app.services.backup import BackupInfo


def _layout(args: argparse.Namespace) -> Any:
    from app.paths import DataLayout, resolve_data_dir

    return DataLayout(resolve_data_dir(args.data_dir))


def cmd_backup(args: argparse.Namespace) -> int:
    from app.services import backup

    if args.list:
        found = backup.list_backups(_layout(args))
        if not found:
            say("Chưa có bản sao lưu nào trong thư mục dữ liệu.")
        for item in found:
            kind = cli_text("tự động") if item.kind == "auto" else cli_text("thủ công")
            print(f"{item.path.name}  ({kind})  {cli_text(item.summary_vi())}")
        return 0
    if not args.out and not args.auto:
        raise ConfigError("Cần --out THƯ_MỤC (hoặc --auto, --list).")
    out = Path(args.out) if args.out else None
    if out is not None and not out.is_dir() and out.suffix.lower() != ".zip":
        raise ConfigError(f"Thư mục {out} không tồn tại.", "Chọn một thư mục có sẵn (ví dụ ổ USB).")
    try:
        ws = _open(args)
    except DataFolderError:
        layout = _layout(args)
        if out is None or not layout.database.is_file():
            raise
        # A folder that cannot be written is when a rescue copy matters most.
        from app.services.backup.rescue import rescue_backup

        say(f"Thư mục dữ liệu {layout.root} chỉ đọc: sao lưu từ một bản chép tạm.")
        _print_backup(
            rescue_backup(layout.root, out, progress=_progress_printer(cli_text("Đang sao lưu")))
        )
        return 0
    info: BackupInfo | None
    try:
        if out is None:
            info = backup.auto_backup(
                ws, force=True, progress=_progress_printer(cli_text("Đang sao lưu"))
            )
        else:
            info = backup.create_backup(
                ws, out, progress=_progress_printer(cli_text("Đang sao lưu"))
            )
    finally:
        ws.close()
    if info is None:
        say("Không sao lưu: cơ sở dữ liệu đang ở chế độ chỉ đọc.")
        return 1
    _print_backup(info)
    return 0


def _print_backup(info: BackupInfo) -> None:
    say(f"Đã sao lưu: {info.path}")
    print(f"  {cli_text(info.summary_vi())}")
    damaged = len(info.damaged_evidence)
    if len(info.missing_evidence) > damaged:
        say(
            f"  Lưu ý: thiếu {len(info.missing_evidence) - damaged} tệp minh chứng trong thư "
            "mục dữ liệu."
        )
    if damaged:
        say(
            f"  Lưu ý: {damaged} tệp minh chứng trong thư mục dữ liệu bị hỏng (nội dung không "
            "còn khớp mã băm), không được sao lưu."
        )


def cmd_restore(args: argparse.Namespace) -> int:
    from app.services import backup

    layout = _layout(args)
    if backup.instance_running(layout):
        raise ConfigError(
            "Tiến Độ đang mở với thư mục dữ liệu này.",
            "Đóng cửa sổ Tiến Độ rồi chạy lại lệnh khôi phục.",
        )
    if args.newest:
        info = backup.newest_good_backup(layout)
        if info is None:
            raise ConfigError("Không có bản sao lưu dùng được trong thư mục dữ liệu.")
        path = info.path
    elif args.file:
        path = Path(args.file)
    else:
        raise ConfigError("Cần tên tệp sao lưu (hoặc --newest).")
    result = backup.restore_backup(
        layout, path, progress=_progress_printer(cli_text("Đang khôi phục"))
    )
    say(f"Đã khôi phục từ {path.name}: {cli_text(result.backup.summary_vi())}")
    if result.kept_as is not None:
        say(f"  Dữ liệu trước khi khôi phục được giữ tại {result.kept_as}")
    if result.evidence_replaced:
        say(
            f"  Đã thay {result.evidence_replaced} tệp minh chứng bị hỏng trong thư mục dữ "
            "liệu bằng bản trong bản sao lưu."
        )
    if result.evidence_added:
        say(f"  Đã bổ sung {result.evidence_added} tệp minh chứng.")
    if result.official_restored:
        say(
            f"  Đã khôi phục {result.official_restored} tệp của chữ ký số (ảnh chữ ký, con "
            "dấu, chứng thư gốc, danh sách thu hồi)."
        )
    if result.official_unusable:
        say(f"  Lưu ý: không khôi phục được {result.official_unusable} tệp của chữ ký số.")
    if result.missing_evidence:
        say(f"  Lưu ý: không khôi phục được {len(result.missing_evidence)} tệp minh chứng.")
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser("backup", help="sao lưu dữ liệu (cơ sở dữ liệu và minh chứng)")
    p.add_argument("--out", metavar="DIR", help="thư mục (ví dụ ổ USB) hoặc tệp .zip")
    p.add_argument("--auto", action="store_true", help="sao lưu tự động vào thư mục dữ liệu")
    p.add_argument("--list", action="store_true", help="liệt kê các bản sao lưu tự động")
    p.set_defaults(handler=cmd_backup)

    p = sub.add_parser("restore", help="khôi phục từ một bản sao lưu")
    p.add_argument("file", metavar="FILE", nargs="?")
    p.add_argument("--newest", action="store_true", help="bản sao lưu tự động mới nhất còn tốt")
    p.set_defaults(handler=cmd_restore)
