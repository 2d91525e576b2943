"""The message templates of the core's errors, read from the source of app/ and db/: the
first argument (the message) and the hint of every call to a KnownError subclass, and
every problem sentence a validator appends, as catalogue keys ("{}" for each value)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORE = (ROOT / "app", ROOT / "db")
# Lists of problems in plain words that the screens and the CLI show as they are.
PROBLEM_LISTS = {"problems"}
# The command line's output (app.translation.say and cli_text): their first argument.
OUTPUT_CALLS = {"say", "cli_text", "translate"}
# Functions that make a message for their caller's error: every string in them counts.
HELPERS = {"write_failure", "read_capped"}
# Functions that put reasons in words into their results rather than into an error (the
# checks of an official signature): every Vietnamese string in them counts, by file.
REASON_FUNCTIONS = {
    "app/official/verify.py": {"_check", "_problems", "_trust_problem", "summary", "role_label"},
    "app/official/certs.py": {"signing_problem"},
    "app/services/province/signatures.py": {"words"},
    "app/services/reports.py": {"signer_problems"},
}
# Records of a thing to fix that carry their message as the first argument.
MESSAGE_CLASSES = {"Problem"}
# Module constants holding such a reason, by file.
REASON_CONSTANTS = {
    "app/official/verify.py": {"NO_ROOTS"},
    "app/official/token.py": {"DRIVER_HINT"},
}
# Words their callers put into those messages (argument positions), FRAGMENTS' keys.
FRAGMENT_ARGS = {"write_failure": 2, "read_capped": 1}


def core_files() -> list[Path]:
    return sorted(p for root in CORE for p in root.rglob("*.py"))


def error_classes(trees: list[ast.Module]) -> set[str]:
    """KnownError and every class that derives from it, by name, across the core."""
    names = {"KnownError"}
    grew = True
    while grew:
        grew = False
        for tree in trees:
            for node in ast.walk(tree):
                if (
                    isinstance(node, ast.ClassDef)
                    and node.name not in names
                    and any(_name(base) in names for base in node.bases)
                ):
                    names.add(node.name)
                    grew = True
    return names


def _name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def template(node: ast.expr) -> str | None:
    """The catalogue key of a string literal or f-string ("{}" for each value); None for
    anything else (a variable, a call: its own literals are found where they are)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        parts = []
        for value in node.values:
            if isinstance(value, ast.Constant):
                parts.append(str(value.value).replace("{", "{{").replace("}", "}}"))
            else:
                parts.append("{}")
        return "".join(parts)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = template(node.left), template(node.right)
        if left is not None and right is not None:
            return left + right
    return None


def _message_args(call: ast.Call) -> Iterator[ast.expr]:
    yield from call.args[:2]
    for keyword in call.keywords:
        if keyword.arg in ("message", "hint"):
            yield keyword.value


def _is_vietnamese(text: str) -> bool:
    return any(not ch.isascii() for ch in text) or " " in text.strip()


def templates() -> dict[str, str]:
    """Every message template of the core -> where it is (file:line), for the test's
    report."""
    files = core_files()
    trees = [ast.parse(p.read_text("utf-8"), str(p)) for p in files]
    errors = error_classes(trees)
    found: dict[str, str] = {}
    for path, tree in zip(files, trees, strict=True):
        where = path.relative_to(ROOT).as_posix()
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and node.name in REASON_FUNCTIONS.get(where, ()):
                _reasons(found, node, where)
            elif isinstance(node, ast.Assign) and any(
                _name(t) in REASON_CONSTANTS.get(where, ()) for t in node.targets
            ):
                _add(found, node.value, f"{where}:{node.lineno}")
            if isinstance(node, ast.FunctionDef) and node.name in HELPERS:
                _helper(found, node, where)
            elif isinstance(node, ast.Call):
                for arg in _messages_of(node, errors):
                    _add(found, arg, f"{where}:{node.lineno}")
    return found


def _messages_of(call: ast.Call, errors: set[str]) -> list[ast.expr]:
    """The message arguments of an error's constructor, of problems.append(), and of
    a file checker's report(key, message)."""
    if _name(call.func) in errors:
        return list(_message_args(call))
    if _name(call.func) in OUTPUT_CALLS or _name(call.func) in MESSAGE_CLASSES:
        return list(call.args[:1])
    if (
        isinstance(call.func, ast.Attribute)
        and call.func.attr == "append"
        and _name(call.func.value) in PROBLEM_LISTS
    ):
        return list(call.args[:1])
    if isinstance(call.func, ast.Attribute) and call.func.attr == "report" and len(call.args) > 1:
        return [call.args[1]]  # a data file checker's problem: report(key, message)
    if _name(call.func) == "note" and len(call.args) > 2:
        return [call.args[2]]  # the plan drafter's remark for the clerk: note(notes, key, message)
    return []


def _helper(found: dict[str, str], function: ast.FunctionDef, where: str) -> None:
    """Every string a helper returns or passes on as a message."""
    for inner in ast.walk(function):
        if isinstance(inner, ast.Return) and isinstance(inner.value, ast.Tuple):
            for element in inner.value.elts:
                _add(found, element, f"{where}:{inner.lineno}")
        elif isinstance(inner, ast.Call):
            for arg in inner.args[:2]:
                _add(found, arg, f"{where}:{inner.lineno}")


def _reasons(found: dict[str, str], function: ast.FunctionDef, where: str) -> None:
    """Every string literal and f-string in the function (not the parts of an f-string)."""
    inner: set[int] = set()
    first = function.body[0] if function.body else None
    if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
        inner.add(id(first.value))  # the docstring
    for node in ast.walk(function):
        if isinstance(node, ast.JoinedStr):
            inner.update(id(v) for v in ast.walk(node) if v is not node)
    for node in ast.walk(function):
        if isinstance(node, ast.Constant | ast.JoinedStr) and id(node) not in inner:
            _add(found, node, f"{where}:{node.lineno}")


def _add(found: dict[str, str], node: ast.expr, where: str) -> None:
    for part in _parts(node):
        text = template(part)
        if text and _is_vietnamese(text):
            found.setdefault(text, where)


def fragments() -> dict[str, str]:
    """The words passed into the helpers' messages (FRAGMENT_ARGS) -> where."""
    found: dict[str, str] = {}
    for path in core_files():
        tree = ast.parse(path.read_text("utf-8"), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _name(node.func) in FRAGMENT_ARGS:
                position = FRAGMENT_ARGS[_name(node.func) or ""]
                if len(node.args) > position:
                    text = template(node.args[position])
                    if text and _is_vietnamese(text):
                        where = f"{path.relative_to(ROOT).as_posix()}:{node.lineno}"
                        found.setdefault(text, where)
    return found


def _parts(node: ast.expr) -> Iterator[ast.expr]:
    """A message may be chosen by a condition: both branches are templates."""
    if isinstance(node, ast.IfExp):
        yield from _parts(node.body)
        yield from _parts(node.orelse)
    else:
        yield node
