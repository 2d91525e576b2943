"""Unit workspace commands: demo, activity add, summary, report."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from app.errors import ConfigError
from app.translation import cli_pick, cli_text, say

PLAN_HELP = "mã kế hoạch (bỏ qua được khi bản cài đặt chỉ theo dõi một kế hoạch)"


def _open(args: argparse.Namespace) -> Any:
    """The installation of --data-dir; for a command with --plan, with that plan current
    (or the only one it works with: ConfigError naming the ids when there are several)."""
    from app.paths import resolve_data_dir
    from app.services.plans import choose_plan
    from app.services.workspace import open_workspace

    ws = open_workspace(resolve_data_dir(args.data_dir))
    if "plan" in vars(args):
        try:
            choose_plan(ws, args.plan)
        except BaseException:
            ws.close()
            raise
    return ws


def key_before_database(args: argparse.Namespace, *, role: str | None = None) -> Any:
    """The installation's signing key, unlocked before the database and its libraries are
    loaded: the key file's scrypt takes 128 MiB for a moment (SECURITY.md 21), and on a
    small process the command stays under 200 MB. The unit is read with SQLite alone;
    None when that cannot tell it (or the role is not ``role``): the command's service
    then unlocks the key itself, with its own errors."""
    from app.paths import DataLayout, resolve_data_dir
    from app.settings import glance
    from app.signing.keystore import KeyStore

    root = resolve_data_dir(args.data_dir)
    known = glance(DataLayout(root).database)
    if known is None or not known.settings.is_set_up or not known.settings.unit_id:
        return None
    if role is not None and known.settings.role != role:
        return None
    return KeyStore(root).load(known.settings.unit_id, None)


def add_plan_option(parser: argparse.ArgumentParser) -> None:
    """--plan ID, for a command that works on one plan (DESIGN.md §7)."""
    parser.add_argument("--plan", metavar="PLAN_ID", help=PLAN_HELP)


def _progress_printer(label: str) -> Any:
    last = [-1]

    def show(done: int, total: int) -> None:
        pct = done * 100 // max(total, 1)
        if pct != last[0] and sys.stderr.isatty():
            last[0] = pct
            print(f"\r{label}: {pct}%", end="" if done < total else "\n", file=sys.stderr)

    return show


def cmd_demo(args: argparse.Namespace) -> int:
    from app.demo import run_demo

    if args.activities < 0 or args.activities > 1_000_000:
        raise ConfigError("Số hoạt động phải từ 0 đến 1.000.000.")
    ws = _open(args)
    try:
        result = run_demo(
            ws,
            unit_id=args.unit,
            count=args.activities,
            progress=_progress_printer(cli_text("Đang tạo dữ liệu mẫu")),
        )
        unit = ws.find_unit(result.unit_id)
        say(
            f"Đã tạo {result.activities} hoạt động ({result.evidence} ảnh minh chứng) "
            f"cho {unit.name}."
        )
        if result.reports:
            say(f"Báo cáo đã lập: {', '.join(result.reports)}")
        say(f"Thư mục dữ liệu: {ws.layout.root}")
    finally:
        ws.close()
    return 0


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"ngày phải có dạng YYYY-MM-DD, không phải {text!r}"
        ) from None


def _value(text: str) -> tuple[str, int]:
    code, sep, number = text.partition("=")
    if not sep:
        raise argparse.ArgumentTypeError(f"chỉ tiêu phải có dạng MÃ=SỐ, không phải {text!r}")
    try:
        return code.strip(), int(number.replace(".", "").strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"giá trị chỉ tiêu không phải số: {number!r}") from None


def cmd_activity_add(args: argparse.Namespace) -> int:
    from app.services.activities import ActivityInput, add_activity

    ws = _open(args)
    try:
        for path in args.evidence:
            if not Path(path).is_file():
                raise ConfigError(f"Không tìm thấy tệp minh chứng: {path}")
        aid = add_activity(
            ws,
            ActivityInput(
                task_code=args.task,
                date=args.date,
                title=args.title,
                description=args.description or "",
                location=args.location or "",
                values=dict(args.value),
            ),
            [Path(p) for p in args.evidence],
        )
        say(f"Đã ghi hoạt động số {aid}.")
    finally:
        ws.close()
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from app.calendar import Period
    from app.printing.report_pdf import build_report_docx, build_report_pdf
    from app.services import reports

    period = Period.parse(args.period)
    out = Path(args.out)
    if out.suffix.lower() not in (".pdf", ".docx"):
        raise ConfigError("Tệp báo cáo phải có đuôi .pdf hoặc .docx.")
    if args.sign and out.suffix.lower() != ".pdf":
        raise ConfigError("Chỉ bản PDF mới ký số được: hãy ghi ra tệp .pdf.")
    ws = _open(args)
    try:
        ws.require_setup()
        summary = reports.latest(ws, str(period))
        if summary is None:
            rid = reports.create_draft(ws, str(period))
            say(
                f"Chưa có báo cáo {cli_pick(period.label_vi, period.label_en)}: đã lập bản nháp từ các hoạt động."
            )
        else:
            rid = summary.id
        if args.set:
            from app.commands.report_edit import apply_sets

            written = apply_sets(ws, rid, args.set)
            say(f"Đã ghi vào bản nháp: {', '.join(written)}.")
        data = reports.report_data(ws, rid)
        appendix = reports.appendix(ws, rid) if args.appendix else None
        if out.suffix.lower() == ".docx":
            build_report_docx(data, out, appendix=appendix)
        else:
            signed = _official_pdf(ws, rid, sign=args.sign)
            if signed is not None:
                _write_pdf(out, signed)
            else:
                build_report_pdf(
                    data,
                    out,
                    appendix=appendix,
                    progress=_progress_printer(cli_text("Đang tạo PDF")),
                )
        state = {
            "draft": cli_text("bản nháp"),
            "finalized": cli_text("đã chốt"),
            "exported": cli_text("đã gửi"),
            "received": cli_text("tỉnh đã nhận"),
        }
        label = cli_pick(period.label_vi, period.label_en)
        say(
            f"Đã ghi {out} (báo cáo {label}, lần {data.revision}, "
            f"{state.get(summary.state if summary else 'draft', '')})."
        )
    finally:
        ws.close()
    return 0


def _official_pdf(ws: Any, report_id: int, *, sign: bool) -> bytes | None:
    """The report's PDF with official signatures (made now with --sign), or None when it
    has none: then the PDF is printed afresh."""
    from app.services import official

    if sign:
        from app.commands.official import sign_report_cli

        return sign_report_cli(ws, report_id)
    pdf = official.signed_pdf(ws, report_id)
    if pdf is not None:
        say("Báo cáo đã có chữ ký số: ghi đúng bản đã ký.")
    return pdf


def _write_pdf(out: Path, data: bytes) -> None:
    from app.fsio import write_atomic, write_failure

    try:
        write_atomic(out, data, mode=0o644)
    except OSError as exc:
        raise ConfigError(*write_failure(exc, out.parent, "tệp báo cáo")) from None


def cmd_summary(args: argparse.Namespace) -> int:
    from app.calendar import Period
    from app.printing.summary_pdf import build_summary_pdf
    from app.services.summary import local_summary, range_title

    out = Path(args.out)
    if out.suffix.lower() != ".pdf":
        raise ConfigError("Tệp tổng hợp phải có đuôi .pdf.")
    if args.period:
        period = Period.parse(args.period)
        start, end = period.window.start, period.window.end
        title = f"{period.label_vi} ({range_title(start, end)})"
    elif args.date_from and args.date_to:
        start, end, title = args.date_from, args.date_to, None
    else:
        raise ConfigError("Cho biết --period P, hoặc cả --from và --to.")
    ws = _open(args)
    try:
        summary = local_summary(ws, start, end, title=title)
        build_summary_pdf(summary, out, progress=_progress_printer(cli_text("Đang tạo PDF")))
    finally:
        ws.close()
    say(f"Đã ghi {out}: {len(summary.activities)} hoạt động, {summary.range_title}.")
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser("demo", help="tạo đơn vị mẫu với dữ liệu thực tế")
    p.add_argument(
        "--unit", metavar="UNIT_ID", help="mặc định: đơn vị mà dữ liệu mẫu của kế hoạch viết cho"
    )
    p.add_argument("--activities", type=int, default=120, metavar="N")
    p.set_defaults(handler=cmd_demo)

    p = sub.add_parser("activity", help="ghi hoạt động")
    asub = p.add_subparsers(dest="activity_command", metavar="LỆNH", required=True)
    a = asub.add_parser("add", help="thêm một hoạt động")
    add_plan_option(a)
    a.add_argument("--task", required=True, metavar="CODE")
    a.add_argument("--date", required=True, type=_date, metavar="YYYY-MM-DD")
    a.add_argument("--title", required=True, metavar="TEXT")
    a.add_argument("--description", metavar="TEXT")
    a.add_argument("--location", metavar="TEXT")
    a.add_argument(
        "--value",
        type=_value,
        action="append",
        default=[],
        metavar="MÃ=SỐ",
        help="giá trị chỉ tiêu, ví dụ --value hoi_nghi=2",
    )
    a.add_argument("--evidence", action="append", default=[], metavar="FILE")
    a.set_defaults(handler=cmd_activity_add)

    p = sub.add_parser("summary", help="in bảng tổng hợp tại đơn vị (khổ ngang) ra PDF")
    add_plan_option(p)
    p.add_argument("--period", metavar="P")
    p.add_argument("--from", dest="date_from", type=_date, metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", type=_date, metavar="YYYY-MM-DD")
    p.add_argument("--out", required=True, metavar="FILE.pdf")
    p.set_defaults(handler=cmd_summary)

    p = sub.add_parser("report", help="in báo cáo kỳ ra PDF hoặc tệp Word (.docx)")
    add_plan_option(p)
    p.add_argument("--period", required=True, metavar="P")
    p.add_argument("--out", required=True, metavar="FILE.pdf|FILE.docx")
    p.add_argument(
        "--appendix",
        action="store_true",
        help="kèm Phụ lục: danh sách mọi hoạt động trong kỳ",
    )
    p.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="TRƯỜNG=GIÁ_TRỊ",
        help=(
            "ghi một phần của bản nháp trước khi in (có thể nhắc lại): overall, difficulties, "
            "next_direction, proposals, budget_estimate, budget_note, number, document_date, "
            "hoặc II.1.status, II.1.percent, II.1.narrative; GIÁ_TRỊ dạng @TỆP đọc từ tệp"
        ),
    )
    p.add_argument(
        "--sign",
        action="store_true",
        help="ký số bằng USB token đã cài đặt (mã PIN: TIENDO_TOKEN_PIN hoặc nhập khi hỏi)",
    )
    p.set_defaults(handler=cmd_report)
