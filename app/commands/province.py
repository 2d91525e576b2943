"""Province intake commands (tiendo province …) and the district's side of receipts
(tiendo trust-province, tiendo receipt import)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from app.commands.workspace import _open, _progress_printer, add_plan_option, key_before_database
from app.errors import ConfigError
from app.translation import cli_pick, cli_text, output_language, say

EXIT_REFUSED = 1


def _confirm(question: str, yes: bool) -> bool:
    """Ask on a terminal; a script (no terminal) or --yes goes on, with the fingerprint
    printed for its log."""
    if yes or not sys.stdin.isatty():
        return True
    answer = input(f"{question} {cli_text('[c/K]')} ").strip().lower()
    return answer in ("c", "có", "co", "y", "yes")


def _local(value: dt.datetime | None) -> str:
    if value is None:
        return ""
    return value.replace(tzinfo=dt.UTC).astimezone().strftime("%d/%m/%Y %H:%M")


# --- district: the province key, receipts -------------------------------------------------


def cmd_trust_province(args: argparse.Namespace) -> int:
    from app.services import receipts

    key = receipts.read_province_key_file(Path(args.file))
    ws = _open(args)
    try:
        ws.require_setup()
        if ws.settings.role != "unit":
            raise ConfigError(
                "Chỉ bản cài đặt của đơn vị báo cáo mới cần khóa của cơ quan theo dõi kế hoạch."
            )
        if key.unit_id:
            say(f"Khóa công khai của cơ quan theo dõi ({key.unit_id}):")
        else:
            say("Khóa công khai của cơ quan theo dõi:")
        say(f"  Mã khóa:     {key.key_id}")
        say(f"  Dấu vân tay: {key.fingerprint}")
        if not _confirm(
            cli_text("Dấu vân tay có khớp với cơ quan theo dõi đọc qua điện thoại không?"), args.yes
        ):
            say("Chưa tin cậy khóa nào.")
            return 1
        changed = receipts.trust_province(ws, key, replace=args.replace)
    finally:
        ws.close()
    say("Đã tin cậy khóa này để kiểm tra biên nhận." if changed else "Khóa này đã được tin cậy.")
    return 0


def cmd_receipt_import(args: argparse.Namespace) -> int:
    from app.errors import KnownError
    from app.services import receipts

    ws = _open(args)
    failed = 0
    try:
        for name in args.files:
            try:
                done = receipts.import_receipt(ws, Path(name))
            except KnownError as exc:
                failed += 1
                print(f"{name}: {cli_text(exc.message)}", file=sys.stderr)
                if exc.hint:
                    print(f"  {cli_text(exc.hint)}", file=sys.stderr)
                continue
            row, receipt = done.row, done.receipt
            say(
                f"{name}: {done.issuer_name} đã nhận gói số thứ tự {row.sequence} (kỳ "
                f"{row.period}, lần {row.revision}) lúc {receipt.received:%d/%m/%Y %H:%M}; "
                f"đã ghi nhận ngày {_local(row.received_at)}."
            )
    finally:
        ws.close()
    return EXIT_REFUSED if failed else 0


# --- province: keys -----------------------------------------------------------------------


def cmd_enroll(args: argparse.Namespace) -> int:
    from app.services.province.keys import enroll, read_unit_key_file

    ws = _open(args)
    try:
        candidate = read_unit_key_file(ws, Path(args.file), args.unit)
        say(f"Đơn vị:      {candidate.unit_name} ({candidate.unit_id})")
        say(f"Mã khóa:     {candidate.key_id}")
        say(f"Dấu vân tay: {candidate.fingerprint}")
        if candidate.already_enrolled:
            say("Khóa này đã được đăng ký cho đơn vị; không thay đổi gì.")
            return 0
        if not _confirm(
            cli_text("Dấu vân tay có khớp với đơn vị đọc qua điện thoại không?"), args.yes
        ):
            say("Chưa đăng ký.")
            return 1
        enroll(ws, candidate)
    finally:
        ws.close()
    say(f"Đã đăng ký khóa {candidate.key_id} cho {candidate.unit_name}.")
    return 0


def cmd_keys(args: argparse.Namespace) -> int:
    from app.services.province.common import require_province
    from app.services.province.keys import enrolled_keys

    ws = _open(args)
    try:
        require_province(ws)
        keys = enrolled_keys(ws)
    finally:
        ws.close()
    if args.json:
        data = [
            {
                "unit": k.unit_id,
                "unit_name": k.unit_name,
                "key_id": k.key_id,
                "fingerprint": k.fingerprint,
                "state": k.state.value,
                "enrolled_at": k.enrolled_at.isoformat(),
                "revoked_at": k.revoked_at.isoformat() if k.revoked_at else None,
                "replaced_by": k.replaced_by,
            }
            for k in keys
        ]
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    if not keys:
        say("Chưa đăng ký khóa của đơn vị nào. Dùng: tiendo province enroll TỆP_KHÓA")
    for k in keys:
        state = {
            "active": cli_text("đang dùng"),
            "revoked": cli_text(f"đã thu hồi {_local(k.revoked_at)}"),
            "replaced": cli_text(f"đã thay bằng {k.replaced_by}"),
        }[k.state.value]
        print(f"{k.unit_id:<14} {k.key_id}  {k.fingerprint}  {state}")
    return 0


def cmd_revoke(args: argparse.Namespace) -> int:
    from app.services.province.common import require_province
    from app.services.province.keys import enrolled_keys, revoke

    ws = _open(args)
    try:
        require_province(ws)
        matches = [k for k in enrolled_keys(ws) if k.key_id == args.key_id.upper()]
        if matches:
            k = matches[0]
            say(f"Thu hồi khóa {k.key_id} của {k.unit_name} ({k.fingerprint}).")
            if not _confirm(cli_text("Gói ký bằng khóa này sẽ bị từ chối. Tiếp tục?"), args.yes):
                say("Chưa thu hồi.")
                return 1
        key = revoke(ws, args.key_id)
    finally:
        ws.close()
    say(f"Đã thu hồi khóa {key.key_id} của {key.unit_name} ({_local(key.revoked_at)}).")
    return 0


def cmd_rotate(args: argparse.Namespace) -> int:
    from app.fsio import read_capped
    from app.services.province.keys import apply_rotation, read_rotation

    statement = read_capped(Path(args.file), "tuyên bố đổi khóa", 64 * 1024, ConfigError)
    ws = _open(args)
    try:
        candidate = read_rotation(ws, statement)
        say(f"Đơn vị:      {candidate.unit_name} ({candidate.unit_id})")
        say(f"Khóa cũ:     {candidate.old_key_id}")
        say(f"Khóa mới:    {candidate.new_key.key_id_hex}")
        say(f"Dấu vân tay: {candidate.new_fingerprint}")
        say("Tuyên bố đổi khóa có chữ ký hợp lệ của cả khóa cũ và khóa mới.")
        if candidate.already_applied:
            say("Đã ghi nhận đổi khóa này trước đó; không thay đổi gì.")
            return 0
        if not _confirm(cli_text("Ghi nhận đổi khóa?"), args.yes):
            say("Chưa đổi khóa.")
            return 1
        old, new = apply_rotation(ws, candidate)
    finally:
        ws.close()
    say(
        f"Đã đổi khóa của {new.unit_name}: {old.key_id} → {new.key_id}. Gói ký bằng khóa cũ "
        "sẽ không được nhận nữa."
    )
    return 0


# --- province: import, status, report ------------------------------------------------------


def cmd_import(args: argparse.Namespace) -> int:
    receipts_dir = Path(args.receipts) if args.receipts else None
    if receipts_dir is not None:
        try:
            receipts_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ConfigError(
                f"Không tạo được thư mục biên nhận {receipts_dir}: {exc.strerror or exc}"
            ) from None
    paths = [Path(p) for p in args.packages]
    for p in paths:
        if not p.exists():
            raise ConfigError(f"Không tìm thấy {p}.")
    key = None if args.no_receipts else key_before_database(args, role="province")
    from app.services.province.intake import Outcome, import_packages

    ws = _open(args)
    try:
        results = import_packages(
            ws,
            paths,
            key=key,
            receipts=not args.no_receipts,
            receipts_dir=receipts_dir,
            progress=_progress_printer(cli_text("Đang nhập")),
        )
    finally:
        ws.close()
    if not results:
        say("Không có gói báo cáo (*.tdpkg) nào để nhập.")
        return 0
    for r in results:
        # refusals and files left unprocessed are errors: stderr, as every error
        out = sys.stdout if r.ok else sys.stderr
        print(r.line(output_language()), file=out)
        if r.outcome is Outcome.REFUSED and r.hint:
            print(f"  {cli_text(r.hint)}", file=out)
    counts = {o: sum(1 for r in results if r.outcome is o) for o in Outcome}
    say(
        f"Tổng: {len(results)} tệp — đã nhập {counts[Outcome.IMPORTED]}, "
        f"đã nhập trước đó {counts[Outcome.ALREADY_IMPORTED]}, "
        f"từ chối {counts[Outcome.REFUSED]}."
    )
    refused = counts[Outcome.REFUSED] + counts[Outcome.NOT_PROCESSED]
    return EXIT_REFUSED if refused else 0


def _periods(args: argparse.Namespace, ws: Any) -> list[Any]:
    from app.calendar import Period
    from app.services.province.status import reporting_periods

    if args.year is not None:
        if not 1900 <= args.year <= 2999:
            raise ConfigError(f"Năm không hợp lệ: {args.year}.")
        return reporting_periods(ws, args.year)
    if not args.period:
        raise ConfigError("Cần --period KỲ (có thể nhắc lại) hoặc --year NĂM.")
    return [Period.parse(p) for p in args.period]


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"ngày phải có dạng YYYY-MM-DD, không phải {text!r}"
        ) from None


def cmd_status(args: argparse.Namespace) -> int:
    from app.services.province.common import require_province
    from app.services.province.status import status_matrix

    ws = _open(args)
    try:
        require_province(ws)
        matrix = status_matrix(ws, _periods(args, ws), today=args.today)
    finally:
        ws.close()
    if args.json:
        json.dump(matrix.to_json(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    print(status_table(matrix))
    return 0


def status_table(matrix: Any) -> str:
    """The matrix as a plain-text table (one line per unit, one column per period), the
    units under a line naming their group ("[Sở, ban, ngành]")."""
    from app.plan_units import group_label
    from app.province_data import CELL_WORDS, CellState

    name_width = max([len("Đơn vị"), *(len(u.short_name) for u in matrix.units)])
    cells = [[c.text() for c in u.cells] for u in matrix.units]
    widths = [
        max(
            [len(p.code), len(f"hạn {d:%d/%m/%Y}"), *(len(row[i]) for row in cells)],
        )
        for i, (p, d) in enumerate(zip(matrix.periods, matrix.due, strict=True))
    ]
    lines = [f"Tình hình báo cáo (ngày {matrix.today:%d/%m/%Y})"]
    head = [f"{'Đơn vị':<{name_width}}"] + [
        f"{p.code:<{w}}" for p, w in zip(matrix.periods, widths, strict=True)
    ]
    lines.append("  ".join([*head, "Số thứ tự còn thiếu"]))
    lines.append(
        "  ".join(
            [" " * name_width]
            + [f"{f'hạn {d:%d/%m/%Y}':<{w}}" for d, w in zip(matrix.due, widths, strict=True)]
        ).rstrip()
    )
    group = None
    for unit, row in zip(matrix.units, cells, strict=True):
        if unit.group != group:
            group = unit.group
            lines.append(f"[{group_label(group)}]")
        gaps = ", ".join(str(n) for n in unit.gaps) or "—"
        parts = [f"{unit.short_name:<{name_width}}"]
        parts += [f"{text:<{w}}" for text, w in zip(row, widths, strict=True)]
        lines.append("  ".join([*parts, gaps]).rstrip())
    for p in matrix.periods:
        counts = matrix.counts(p.code)
        summary = ", ".join(f"{CELL_WORDS[s]} {counts[s]}" for s in CellState)
        lines.append(f"{p.code}: {len(matrix.units)} đơn vị — {summary}.")
    return "\n".join(lines)


def cmd_report(args: argparse.Namespace) -> int:
    from app.services.province.compile import compile_report

    out = Path(args.out)
    kind = out.suffix.lower()
    if kind not in (".pdf", ".xlsx", ".docx"):
        raise ConfigError("Tệp báo cáo tổng hợp phải có đuôi .pdf, .docx hoặc .xlsx.")
    ws = _open(args)
    try:
        data = compile_report(ws, args.period, today=args.today, number=args.number)
    finally:
        ws.close()
    if kind == ".pdf":
        from app.printing.province_pdf import build_province_pdf

        build_province_pdf(data, out, progress=_progress_printer(cli_text("Đang tạo PDF")))
    elif kind == ".docx":
        from app.printing.province_pdf import build_province_docx

        build_province_docx(data, out)
    else:
        from app.printing.province_xlsx import build_province_xlsx

        build_province_xlsx(data, out)
    say(
        f"Đã ghi {out}: báo cáo tổng hợp {cli_pick(data.period.label_vi, data.period.label_en)}, "
        f"{len(data.reports)}/{len(data.status.units)} đơn vị đã báo cáo."
    )
    return 0


def cmd_trust_ca(args: argparse.Namespace) -> int:
    from app.services.official import trust_store

    ws = _open(args)
    try:
        store = trust_store(ws)
        added = store.add_roots(Path(args.file))
        crls = [store.add_crl(Path(p)) for p in args.crl]
    finally:
        ws.close()
    for cert in added:
        say(f"Đã tin cậy chứng thư gốc: {cert.holder} (dấu vân tay {cert.fingerprint})")
    for crl in crls:
        say(f"Đã nhập danh sách thu hồi của {crl.issuer}: {crl.revoked} chứng thư bị thu hồi.")
    return 0


def cmd_trust_crl(args: argparse.Namespace) -> int:
    from app.services.official import trust_store

    ws = _open(args)
    try:
        crl = trust_store(ws).add_crl(Path(args.file))
    finally:
        ws.close()
    say(f"Đã nhập danh sách thu hồi của {crl.issuer}: {crl.revoked} chứng thư bị thu hồi.")
    return 0


def register(sub: Any) -> None:
    from app.commands.bundles import cmd_publish

    p = sub.add_parser(
        "trust-province", help="đơn vị: tin cậy khóa của Sở (để kiểm tra biên nhận và gói kế hoạch)"
    )
    p.add_argument("file", metavar="PUBKEY_FILE")
    p.add_argument("--replace", action="store_true", help="thay khóa Sở đã tin cậy trước đó")
    p.add_argument("--yes", action="store_true", help="không hỏi xác nhận dấu vân tay")
    p.set_defaults(handler=cmd_trust_province)

    p = sub.add_parser("receipt", help="đơn vị: biên nhận của Sở")
    rsub = p.add_subparsers(dest="receipt_command", metavar="LỆNH", required=True)
    r = rsub.add_parser("import", help="nhập biên nhận, đánh dấu gói đã được Sở nhận")
    r.add_argument("files", nargs="+", metavar="FILE")
    r.set_defaults(handler=cmd_receipt_import)

    p = sub.add_parser("province", help="tỉnh: nhận và tổng hợp báo cáo của các đơn vị")
    psub = p.add_subparsers(dest="province_command", metavar="LỆNH", required=True)

    e = psub.add_parser("enroll", help="đăng ký khóa công khai của một đơn vị")
    e.add_argument("file", metavar="PUBKEY_FILE")
    e.add_argument("--unit", metavar="UNIT_ID", help="đơn vị (mặc định: theo tệp khóa)")
    e.add_argument("--yes", action="store_true", help="không hỏi xác nhận dấu vân tay")
    e.set_defaults(handler=cmd_enroll)

    k = psub.add_parser("keys", help="các khóa đã đăng ký")
    k.add_argument("--json", action="store_true")
    k.set_defaults(handler=cmd_keys)

    v = psub.add_parser("revoke", help="thu hồi một khóa (gói ký bằng khóa đó bị từ chối)")
    v.add_argument("key_id", metavar="KEYID")
    v.add_argument("--yes", action="store_true")
    v.set_defaults(handler=cmd_revoke)

    t = psub.add_parser("rotate", help="ghi nhận tuyên bố đổi khóa của một đơn vị")
    t.add_argument("file", metavar="STATEMENT_FILE")
    t.add_argument("--yes", action="store_true")
    t.set_defaults(handler=cmd_rotate)

    b = psub.add_parser("publish", help="phát hành gói kế hoạch có chữ ký cho các đơn vị")
    b.add_argument("--plan", required=True, metavar="ID", help="mã kế hoạch")
    b.add_argument("--out", required=True, metavar="FILE.tdplan", help="tệp hoặc thư mục")
    b.set_defaults(handler=cmd_publish)

    i = psub.add_parser("import", help="kiểm tra và nhập gói báo cáo; ghi biên nhận")
    i.add_argument("packages", nargs="+", metavar="PKG", help="tệp gói hoặc thư mục chứa gói")
    i.add_argument("--receipts", metavar="DIR", help="thư mục ghi biên nhận (mặc định: cạnh gói)")
    i.add_argument("--no-receipts", action="store_true", help="không ghi biên nhận")
    i.set_defaults(handler=cmd_import)

    t = psub.add_parser("trust-ca", help="tin cậy chứng thư gốc của CA (chữ ký số trên báo cáo)")
    t.add_argument("file", metavar="FILE.pem")
    t.add_argument("--crl", action="append", default=[], metavar="FILE.crl")
    t.set_defaults(handler=cmd_trust_ca)
    t = psub.add_parser("trust-crl", help="nhập danh sách chứng thư bị thu hồi (CRL)")
    t.add_argument("file", metavar="FILE.crl")
    t.set_defaults(handler=cmd_trust_crl)

    s = psub.add_parser("status", help="tình hình báo cáo của các đơn vị")
    add_plan_option(s)
    s.add_argument("--period", action="append", metavar="P", help="kỳ báo cáo (có thể nhắc lại)")
    s.add_argument("--year", type=int, metavar="NĂM", help="mọi kỳ báo cáo của kế hoạch trong năm")
    s.add_argument("--today", type=_day, metavar="YYYY-MM-DD", help="xem như hôm nay là ngày này")
    s.add_argument("--json", action="store_true")
    s.set_defaults(handler=cmd_status)

    o = psub.add_parser("report", help="báo cáo tổng hợp (PDF hoặc XLSX)")
    add_plan_option(o)
    o.add_argument("--period", required=True, metavar="P")
    o.add_argument("--out", required=True, metavar="FILE.pdf|FILE.docx|FILE.xlsx")
    o.add_argument("--number", metavar="SỐ", help="số văn bản, ví dụ 45/BC-UBND")
    o.add_argument("--today", type=_day, metavar="YYYY-MM-DD", help="ngày ghi trên văn bản")
    o.set_defaults(handler=cmd_report)
