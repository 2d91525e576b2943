"""Plan files from the command line: `plan draft DOC --out FILE.toml` drafts one from the
plan's document, `plan check FILE.toml` validates one (exit 0 only if valid)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.errors import ConfigError

if TYPE_CHECKING:
    from app.units import UnitDirectory


def _directory(value: str | None) -> UnitDirectory:
    """The unit directory to match against: a built-in id, or a directory file."""
    from app.units import load_builtin_units, load_units

    if value is None:
        return load_builtin_units()
    if value.lower().endswith(".toml"):
        return load_units(Path(value))
    return load_builtin_units(value)


def cmd_plan_draft(args: argparse.Namespace) -> int:
    from app.fsio import write_atomic, write_failure
    from app.plan_draft import CHECK, draft_toml
    from app.plan_format import load_plan
    from app.toml_source import PlanFormatError

    out = Path(args.out)
    if out.suffix.lower() != ".toml":
        raise ConfigError(f"Tệp kết quả {out.name} phải có đuôi .toml.")
    if out.exists() and not args.force:
        raise ConfigError(
            f"Tệp {out} đã có; không ghi đè để khỏi mất những gì đã sửa trong đó.",
            "Chọn tên tệp khác, hoặc thêm --force để ghi đè.",
        )
    units = _directory(args.directory)
    plan, text = draft_toml(Path(args.doc), units)
    try:
        write_atomic(out, text.encode("utf-8"))
    except OSError as exc:
        raise ConfigError(*write_failure(exc, out.parent, "bản nháp kế hoạch")) from None
    codes = ", ".join(task.code for task in plan.tasks)
    print(f"Đã soạn bản nháp {out}: {len(plan.tasks)} nhiệm vụ ({codes}).")
    print(f"Có {text.count(CHECK)} chỗ cần kiểm tra: các dòng «{CHECK.strip()}» trong tệp.")
    try:
        load_plan(out, units=units)
    except PlanFormatError as exc:
        # The draft is written all the same: the clerk corrects it, then runs plan check.
        print("Bản nháp chưa hợp lệ, cần sửa:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
    return 0


def cmd_plan_check(args: argparse.Namespace) -> int:
    from app.plan_format import load_plan

    path = Path(args.file)
    # A PlanFormatError lists every problem as FILE:LINE: field: message (exit 1).
    plan = load_plan(path, units=_directory(args.directory))
    print(f"{path.name}: hợp lệ — {plan.kind} số {plan.number}, {len(plan.tasks)} nhiệm vụ.")
    return 0


def register(plan_sub: Any) -> None:
    """Add `draft` and `check` to the `plan` command's subcommands (app.cli owns `plan`)."""
    directory_help = "danh mục đơn vị: mã danh mục có sẵn hoặc tệp .toml (mặc định gia-lai-2024)"

    p = plan_sub.add_parser("draft", help="soạn tệp kế hoạch từ văn bản (.docx, .txt, .md)")
    p.add_argument("doc", metavar="DOC")
    p.add_argument("--out", required=True, metavar="FILE.toml")
    p.add_argument("--directory", metavar="ID|FILE.toml", help=directory_help)
    p.add_argument("--force", action="store_true", help="ghi đè tệp kết quả đã có")
    p.set_defaults(handler=cmd_plan_draft)

    p = plan_sub.add_parser("check", help="kiểm tra một tệp kế hoạch (lỗi ghi TỆP:DÒNG)")
    p.add_argument("file", metavar="FILE.toml")
    p.add_argument("--directory", metavar="ID|FILE.toml", help=directory_help)
    p.set_defaults(handler=cmd_plan_check)
