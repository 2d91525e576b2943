"""Plans from the command line: `plan list` and `plan show` (the data folder's plans),
`plan add FILE.toml` (keep a plan file, checked first), `plan draft DOC --out FILE.toml`
(draft one from the plan's document) and `plan check FILE.toml` (exit 0 only if valid)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.commands.workspace import _open, add_plan_option
from app.errors import ConfigError
from app.translation import cli_text, say

if TYPE_CHECKING:
    from app.plan import Plan
    from app.units import UnitDirectory


def _print_json(data: Any) -> None:
    import json

    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def plan_json(plan: Plan) -> dict[str, Any]:
    """The plan as JSON-ready data (`plan show --json`)."""

    def selectors(items: Sequence[Any]) -> list[dict[str, str]]:
        return [{k: v for k, v in (("unit", s.unit), ("kind", s.kind)) if v} for s in items]

    return {
        "id": plan.id,
        "number": plan.number,
        "kind": plan.kind,
        "title": plan.title,
        "issuer": plan.issuer_name,
        "date": plan.date.isoformat(),
        "basis": [
            {"number": b.number, "date": b.date.isoformat(), "issuer": b.issuer, "title": b.title}
            for b in plan.basis
        ],
        "tasks": [
            {
                "code": t.code,
                "title": t.title,
                "short_title": t.short_title,
                "label": t.label,
                "content": list(t.content),
                "implementers_text": t.implementers_text,
                "implementers": selectors(t.implementers),
                "lead": t.lead,
                "coordinating": selectors(t.coordinating),
                "guided_by": t.guided_by,
                "timeframe": {
                    "kind": t.timeframe.kind.value,
                    "text": t.timeframe.text,
                    "deadline": t.timeframe.deadline.isoformat() if t.timeframe.deadline else None,
                },
                "indicators": [
                    {
                        "code": i.code,
                        "name": i.name,
                        "unit": i.unit,
                        "kind": i.kind.value,
                        "in_plan": i.in_plan,
                    }
                    for i in t.indicators
                ],
            }
            for t in plan.tasks
        ],
        "budget": {"annual_estimate": plan.budget.annual_estimate, "text": plan.budget.text},
        "monitoring": {
            "monitor_unit": plan.monitoring.monitor_unit,
            "difficulties_via": plan.monitoring.difficulties_via,
            "text": plan.monitoring.text,
        },
        "reporting": {
            "kinds": list(plan.reporting.kinds),
            "due_days_after_cutoff": plan.reporting.due_days_after_cutoff,
        },
    }


def cmd_plan_show(args: argparse.Namespace) -> int:
    from app.plan_units import group_label

    ws = _open(args)
    try:
        plan, units = ws.plan, ws.units
    finally:
        ws.close()
    if args.json:
        _print_json(plan_json(plan))
        return 0
    print(f"{plan.kind} số {plan.number} ngày {plan.date:%d/%m/%Y} — {plan.issuer_name}")
    print(plan.title)
    for b in plan.basis:
        say(f"  Căn cứ: {b.number} ngày {b.date:%d/%m/%Y} của {b.issuer}")
    for t in plan.tasks:
        print()
        print(t.heading)
        if t.short_title:
            print(f"   ({t.short_title})")
        for bullet in t.content:
            print(f"   + {bullet}")
        print(f"   {t.implementers_text}")
        if t.guided_by:
            say(f"   Theo hướng dẫn của: {units.get(t.guided_by).name}")
        if t.lead:
            say(f"   Chủ trì: {units.get(t.lead).name}")
        if t.coordinating:
            names = [
                units.get(s.unit).name if s.unit else group_label(s.kind or "")
                for s in t.coordinating
            ]
            say(f"   Phối hợp: {', '.join(names)}")
        kind = cli_text(
            "hạn hoàn thành" if t.timeframe.kind.value == "deadline" else "thường xuyên"
        )
        say(f"   Thời gian thực hiện: {t.timeframe.text} ({kind})")
        for i in t.indicators:
            added = "" if i.in_plan else cli_text(" — bổ sung, không có trong văn bản kế hoạch")
            say(f"   - Chỉ tiêu {i.code}: {i.name} ({i.unit}){added}")
    return 0


def cmd_plan_list(args: argparse.Namespace) -> int:
    ws = _open(args)
    try:
        kept, working, current = ws.kept, {k.id for k in ws.plans}, ws.plan.id
        unit_role = ws.settings.role == "unit"
    finally:
        ws.close()
    if args.json:
        _print_json(
            [
                {
                    "id": k.id,
                    "number": k.plan.number,
                    "kind": k.plan.kind,
                    "title": k.plan.title,
                    "issuer": k.plan.issuer_name,
                    "date": k.plan.date.isoformat(),
                    "tasks": len(k.plan.tasks),
                    "directory": k.directory_id,
                    "origin": k.origin,
                    "sha256": k.source_sha256,
                    "installed_at": k.installed_at.isoformat(),
                    "followed_since": (k.followed_since.isoformat() if k.followed_since else None),
                    "in_use": k.id in working,
                    "current": k.id == current,
                    "reporting": {
                        "kinds": list(k.plan.reporting.kinds),
                        "due_days_after_cutoff": k.plan.reporting.due_days_after_cutoff,
                    },
                }
                for k in kept
            ]
        )
        return 0
    for k in kept:
        mark = "*" if k.id == current else " "
        if k.followed_since is not None and unit_role:
            state = cli_text(f"theo dõi từ {k.followed_since:%d/%m/%Y}")
        elif k.id in working:
            state = cli_text("đang giữ")
        else:
            state = cli_text("không theo dõi")
        say(
            f"{mark} {k.id:<16} {cli_text(k.plan.kind)} số {k.plan.number} ngày {k.plan.date:%d/%m/%Y} "
            f"— {len(k.plan.tasks)} nhiệm vụ, danh mục {k.directory_id}, {state}"
        )
    say("* kế hoạch mở khi khởi động")
    return 0


def cmd_plan_add(args: argparse.Namespace) -> int:
    from app.services.plans import Change, add_plan

    path = Path(args.file)
    suffix = path.suffix.lower()
    if suffix == ".tdplan":
        from app.commands.bundles import add_bundle

        if args.directory:
            raise ConfigError(
                "Gói kế hoạch .tdplan mang theo danh mục đơn vị của nó; bỏ --directory."
            )
        return add_bundle(args, path)
    if args.fingerprint:
        raise ConfigError("--fingerprint chỉ dùng với gói kế hoạch .tdplan của Sở.")
    if suffix != ".toml":
        from app.services.plan_bundles import bundle_path_error

        raise bundle_path_error(path)
    ws = _open(args)
    try:
        added = add_plan(ws, path, directory_id=args.directory)
    finally:
        ws.close()
    plan = added.plan
    what = {
        Change.INSTALLED: cli_text("Đã thêm"),
        Change.UPDATED: cli_text("Đã cập nhật"),
        Change.UNCHANGED: cli_text("Đã có sẵn, không thay đổi:"),
    }[added.change]
    say(
        f"{what} {cli_text(plan.kind.lower())} số {plan.number} ({plan.id}): {len(plan.tasks)} nhiệm vụ, "
        f"kiểm tra theo danh mục {added.directory_id}."
    )
    if added.followed:
        say("Đơn vị theo dõi kế hoạch này.")
    return 0


def _directory(value: str | None, data_dir: str | None = None) -> UnitDirectory:
    """The unit directory to match against: a directory file (.toml), or the id of a
    directory the installation keeps in its database (the ones it added, built or edited,
    and the built-in ones), else of a built-in one when there is no installation yet.
    Without one: the directory of the installation's current plan, else the built-in one."""
    from app.units import load_builtin_units, load_units

    if value is not None and value.lower().endswith(".toml"):
        return load_units(Path(value))
    kept = _kept_directories(data_dir)
    if kept is None:
        return load_builtin_units(value) if value else load_builtin_units()
    directories, current = kept
    wanted = value or current
    if wanted not in directories:
        raise ConfigError(
            f"Không có danh mục đơn vị «{wanted}».",
            hint=f"Các danh mục đã cài: {', '.join(directories) or '(chưa có)'}; "
            "hoặc ghi đường dẫn tệp .toml.",
        )
    return directories[wanted]


def _kept_directories(data_dir: str | None) -> tuple[dict[str, UnitDirectory], str] | None:
    """The directories the installation of ``data_dir`` keeps and the id of its current
    plan's; None when it has no database yet (a plan is checked before anything is
    installed)."""
    from app.paths import DataLayout, resolve_data_dir
    from app.services.workspace import open_workspace

    root = resolve_data_dir(data_dir)
    if not DataLayout(root).database.is_file():
        return None
    ws = open_workspace(root)
    try:
        return dict(ws.directories), ws.units.id
    finally:
        ws.close()


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
    units = _directory(args.directory, getattr(args, "data_dir", None))
    plan, text = draft_toml(Path(args.doc), units)
    try:
        write_atomic(out, text.encode("utf-8"))
    except OSError as exc:
        raise ConfigError(*write_failure(exc, out.parent, "bản nháp kế hoạch")) from None
    codes = ", ".join(task.code for task in plan.tasks)
    say(f"Đã soạn bản nháp {out}: {len(plan.tasks)} nhiệm vụ ({codes}).")
    say(f"Có {text.count(CHECK)} chỗ cần kiểm tra: các dòng «{CHECK.strip()}» trong tệp.")
    try:
        load_plan(out, units=units)
    except PlanFormatError as exc:
        # The draft is written all the same: the clerk corrects it, then runs plan check.
        say("Bản nháp chưa hợp lệ, cần sửa:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {cli_text(str(problem))}", file=sys.stderr)
    return 0


def cmd_plan_check(args: argparse.Namespace) -> int:
    from app.plan_format import load_plan

    path = Path(args.file)
    # A PlanFormatError lists every problem as FILE:LINE: field: message (exit 1).
    plan = load_plan(path, units=_directory(args.directory, getattr(args, "data_dir", None)))
    say(
        f"{path.name}: hợp lệ — {cli_text(plan.kind)} số {plan.number}, {len(plan.tasks)} nhiệm vụ."
    )
    return 0


def register(plan_sub: Any) -> None:
    """Add the `plan` command's subcommands (app.cli owns `plan`)."""
    directory_help = (
        "danh mục đơn vị: mã một danh mục bản cài đặt đang giữ (tiendo directory list) "
        "hoặc tệp .toml (mặc định: danh mục của kế hoạch đang dùng)"
    )

    p = plan_sub.add_parser("list", help="các kế hoạch bản cài đặt theo dõi / lưu giữ")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_plan_list)

    p = plan_sub.add_parser("show", help="các nhiệm vụ của kế hoạch")
    add_plan_option(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_plan_show)

    p = plan_sub.add_parser(
        "add", help="thêm (hoặc cập nhật) một tệp kế hoạch hoặc gói kế hoạch của Sở, kiểm tra trước"
    )
    p.add_argument("file", metavar="FILE.toml|FILE.tdplan")
    p.add_argument(
        "--fingerprint",
        metavar="FP",
        help="gói .tdplan đầu tiên: dấu vân tay (hoặc mã khóa) khóa của Sở đã đối chiếu",
    )
    p.add_argument(
        "--directory",
        metavar="ID",
        help="danh mục đơn vị đã cài để kiểm tra (mặc định: danh mục phù hợp)",
    )
    p.set_defaults(handler=cmd_plan_add)

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
