"""The `tiendo` command (DESIGN.md §7). Every command is a thin layer over app.services;
errors the user can act on go to stderr in plain words with a non-zero exit."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Sequence
from typing import Any

from app import version
from app.errors import ConfigError, KnownError
from app.translation import cli_pick, cli_text, say

log = logging.getLogger("tiendo")

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2

Handler = Callable[[argparse.Namespace], int]


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _workspace(args: argparse.Namespace) -> Any:
    from app.paths import resolve_data_dir
    from app.services.workspace import open_workspace

    return open_workspace(resolve_data_dir(args.data_dir))


# --- reference data -----------------------------------------------------------------


def cmd_units(args: argparse.Namespace) -> int:
    from app.commands.workspace import _open

    ws = _open(args)
    try:
        directory = ws.units
    finally:
        ws.close()
    if args.json:
        _print_json(
            {
                "id": directory.id,
                "name": directory.name,
                "units": [
                    {
                        "id": u.id,
                        "code": u.code,
                        "name": u.name,
                        "short_name": u.short_name,
                        "kind": u.kind,
                        "parent": u.parent,
                        "depth": depth,
                    }
                    for u, depth in directory.tree()
                ],
            }
        )
        return EXIT_OK
    print(directory.name)
    for unit, depth in directory.tree():
        print(f"{'  ' * depth}{unit.id:<14} {unit.name}")
    return EXIT_OK


def cmd_periods(args: argparse.Namespace) -> int:
    from app.calendar import periods_of_year, required_periods, to_json
    from app.commands.workspace import _open

    if not 1900 <= args.year <= 2999:
        raise ConfigError(f"Năm không hợp lệ: {args.year}.")
    ws = _open(args)
    try:
        plan = ws.plan
    finally:
        ws.close()
    days = plan.reporting.due_days_after_cutoff
    periods = periods_of_year(args.year)
    required = set(required_periods(args.year, plan.reporting.kinds))
    if args.json:
        _print_json([{**to_json(p, days), "required": p in required} for p in periods])
        return EXIT_OK
    for p in periods:
        d = to_json(p, days)
        mark = " *" if p in required else ""
        label = cli_pick(d["label_vi"], d["label_en"])
        due = cli_text(f"hạn {d['due']}")
        print(f"{d['code']:<9} {d['start']} → {d['end']}  {due}  {label}{mark}")
    say(f"* kỳ báo cáo bắt buộc của {cli_text(plan.kind.lower())} số {plan.number}")
    return EXIT_OK


# --- setup --------------------------------------------------------------------------


def cmd_setup(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from app.services.setup import apply_setup, default_settings
    from app.services.workspace import check_role

    check_role(args.role)
    ws = _workspace(args)
    try:
        _setup_plan(ws, args)
        settings = default_settings(ws, args.role, args.unit)
        overrides = {
            k: v
            for k, v in {
                "officer": args.officer,
                "leader_name": args.leader_name,
                "leader_title": args.leader_title,
                "leader_authority": args.leader_authority,
                "report_prefix": args.report_prefix,
                "place": args.place,
            }.items()
            if v is not None
        }
        settings = replace(settings, **overrides)
        from app.signing.keystore import KeyStore

        # the key's passphrase is checked before anything is set up: "Đã thiết lập"
        # followed by a failure to make the key would leave a unit that cannot export
        KeyStore(ws.layout.root).check_new_key(settings.unit_id)
        apply_setup(ws, settings)
        unit = ws.own_unit()
        say(f"Đã thiết lập: {unit.name} ({unit.id}), vai trò {settings.role}.")
        say(f"Kế hoạch: {cli_text(ws.plan.kind)} số {ws.plan.number} ({ws.plan.id}).")
        from app.services.packages import ensure_key, key_info

        made = ensure_key(ws)
        info = key_info(ws)
        if made:
            say(f"Đã tạo khóa ký: {info.key_id} ({info.fingerprint})")
        else:
            say(f"Đã có khóa ký: {info.key_id} ({info.fingerprint})")
        say(f"Thư mục dữ liệu: {ws.layout.root}")
    finally:
        ws.close()
    return EXIT_OK


def _setup_plan(ws: Any, args: argparse.Namespace) -> None:
    """The plan setup follows: --plan, else the only one kept, else the only one that
    names the unit (as implementer, or as monitoring body for the province)."""
    from app.plan_units import names_unit
    from app.services.plans import choose_plan
    from app.services.workspace import check_role

    if args.plan is not None or len(ws.kept) == 1:
        choose_plan(ws, args.plan)
        return
    role = check_role(args.role)
    fits = [
        k
        for k in ws.kept
        if (
            k.plan.monitoring.monitor_unit == args.unit
            if role == "province"
            else names_unit(k.plan, ws.directories[k.directory_id], args.unit)
        )
    ]
    if len(fits) == 1:
        ws.use_plan(fits[0].id)
        return
    ids = ", ".join(f"{k.id} ({k.plan.number})" for k in (fits or ws.kept))
    raise ConfigError(
        f"Có nhiều kế hoạch: {ids}.", hint="Chọn kế hoạch đơn vị theo dõi bằng --plan MÃ."
    )


def cmd_gui(args: argparse.Namespace) -> int:
    from ui.main import run

    return run(data_dir=args.data_dir, lang=getattr(args, "lang", None), open_path=args.open_file)


# Files the desktop hands over when the user double-clicks a package, a receipt or a key
# file (a public key, a rotation statement, a re-enrollment request) or a plan bundle.
OPEN_SUFFIXES = (".tdpkg", ".tdr", ".tdkey", ".tdplan")
GLOBAL_VALUE_OPTIONS = {"--data-dir", "--lang"}


def _file_to_open(argv: list[str]) -> tuple[list[str], str | None]:
    """Split `tiendo [--data-dir D] [--lang L] FILE.tdpkg|.tdr|.tdkey|.tdplan` into options and file.

    Anything else (a command that takes files, such as `province import PKG`) is left as
    it is."""
    if not argv or not argv[-1].lower().endswith(OPEN_SUFFIXES):
        return argv, None
    head = argv[:-1]
    return (head, argv[-1]) if _only_app_options(head) else (argv, None)


def _only_app_options(argv: list[str]) -> bool:
    """True when argv holds nothing but --data-dir and --lang (with their values): the
    app opens, no command runs."""
    i = 0
    while i < len(argv):
        if argv[i].split("=", 1)[0] not in GLOBAL_VALUE_OPTIONS:
            return False
        i += 1 if "=" in argv[i] else 2
    return True


def cmd_screenshots(args: argparse.Namespace) -> int:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.main import screenshots

    return screenshots(args.out_dir, args.shot_lang or args.lang or "vi", args.size)


def _window_size(text: str) -> str:
    """argparse type for --size: 'WIDTHxHEIGHT', at least 640x480."""
    width, sep, height = text.lower().partition("x")
    if not (sep and width.isdigit() and height.isdigit()):
        raise argparse.ArgumentTypeError(f"cỡ không hợp lệ: {text} (ví dụ 1366x768)")
    if int(width) < 640 or int(height) < 480:
        raise argparse.ArgumentTypeError(f"cỡ quá nhỏ: {text} (ít nhất 640x480)")
    return f"{int(width)}x{int(height)}"


# --- parser -------------------------------------------------------------------------


class _VersionAction(argparse.Action):
    """--version: prints "tiendo X.Y.Z" and exits; the version is looked up only then."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        kwargs.setdefault("help", "in số phiên bản rồi thoát")
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *_args: Any, **_kwargs: Any) -> None:
        print(f"tiendo {version()}")
        parser.exit()


def build_parser(*, commands: bool = True) -> argparse.ArgumentParser:
    """The whole command line; without `commands`, only the options that open the app
    (the window's start does not wait for the thirty-odd command parsers)."""
    parser = argparse.ArgumentParser(
        prog="tiendo",
        description="Tiến Độ — theo dõi và báo cáo kết quả thực hiện kế hoạch.",
    )
    parser.add_argument("--version", action=_VersionAction)
    parser.add_argument(
        "--data-dir", metavar="DIR", help="thư mục dữ liệu (mặc định: TIENDO_DATA_DIR)"
    )
    parser.add_argument("--lang", choices=["vi", "en"], help="ngôn ngữ giao diện")
    parser.set_defaults(handler=cmd_gui, open_file=None)
    if not commands:
        return parser
    sub = parser.add_subparsers(dest="command", metavar="LỆNH")

    from app.commands.workspace import add_plan_option

    p = sub.add_parser("units", help="danh mục đơn vị của kế hoạch")
    add_plan_option(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_units)

    p = sub.add_parser("plan", help="các kế hoạch của bản cài đặt")
    plan_sub = p.add_subparsers(dest="plan_command", metavar="LỆNH", required=True)
    from app.commands import plan as plan_commands

    plan_commands.register(plan_sub)

    p = sub.add_parser("periods", help="các kỳ báo cáo của một năm (NĐ 09/2019)")
    p.add_argument("year", type=int)
    add_plan_option(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_periods)

    p = sub.add_parser("setup", help="thiết lập lần đầu (không tương tác)")
    p.add_argument(
        "--role",
        required=True,
        choices=["unit", "province", "district"],
        help="unit: đơn vị thực hiện kế hoạch (district: tên cũ); province: cơ quan theo dõi",
    )
    p.add_argument("--unit", required=True, metavar="UNIT_ID")
    p.add_argument("--plan", metavar="PLAN_ID", help="kế hoạch đơn vị theo dõi")
    p.add_argument("--officer", metavar="TÊN")
    p.add_argument("--leader-name")
    p.add_argument("--leader-title")
    p.add_argument("--leader-authority")
    p.add_argument("--report-prefix")
    p.add_argument("--place")
    p.set_defaults(handler=cmd_setup)

    p = sub.add_parser("screenshots", help="chụp mọi màn hình ra tệp PNG (không cần màn hình)")
    p.add_argument("out_dir", metavar="OUT_DIR")
    p.add_argument("--lang", dest="shot_lang", choices=["vi", "en"], default=None)
    p.add_argument(
        "--size",
        metavar="RỘNGxCAO",
        type=_window_size,
        help="cỡ cửa sổ chính trong ảnh, ví dụ 1366x768 (mặc định 1280x800)",
    )
    p.set_defaults(handler=cmd_screenshots)

    from app.commands import FEATURES

    for feature in FEATURES:
        feature.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    options, open_file = _file_to_open(list(sys.argv[1:] if argv is None else argv))
    parser = build_parser(commands=not _only_app_options(options))
    args = parser.parse_args(options)
    if open_file is not None:
        args.open_file = open_file
    handler: Handler = args.handler
    english = args.lang == "en"
    from app.translation import set_output_language

    set_output_language(args.lang)
    try:
        return handler(args)
    except KnownError as exc:
        from app.translation import translate

        lang = args.lang or "vi"
        label = "Error" if english else "Lỗi"
        print(f"{label}: {translate(exc.message, lang)}", file=sys.stderr)
        if exc.hint:
            print(translate(exc.hint, lang), file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("Cancelled." if english else "Đã hủy.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`tiendo units | head`): not an error. Point stdout at
        # devnull so the interpreter's own flush at exit does not fail again.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
