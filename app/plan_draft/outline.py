"""The numbering of section II as a tree: "1.", "3.1." and "a)" open tasks; "-" and "+"
bullets carry their fields ("Đơn vị thực hiện: …") and content.

Which numbered item is a task and which a group is decided afterwards (app.plan_draft.
tasks): here every item keeps what the document put under it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.plan_draft.normalize import (
    CONTENT,
    COORDINATING,
    IMPLEMENTERS,
    LEAD,
    TIME,
    field_label,
    split_inline_fields,
    strip_colon,
)

_NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2})+)\.?\s+(?=\D)(.*)$|^(\d{1,2})[.)]\s*(?=\D)(.*)$")
_LETTERED = re.compile(r"^([a-zđ])(?:\)|\.\s)\s*(.*)$")
_BULLET = re.compile(r"^([-+])\s*(.*)$")


@dataclass
class Fields:
    content: list[str] = field(default_factory=list)
    unit_lines: list[str] = field(default_factory=list)  # verbatim "Đơn vị …: …" lines
    implementers: str = ""
    lead: str = ""
    coordinating: str = ""
    time: str = ""
    labelled: set[str] = field(default_factory=set)  # which labels the document used

    def assigns(self) -> bool:
        """True when these fields say who or when (not only what)."""
        return bool(self.labelled & {IMPLEMENTERS, LEAD, COORDINATING, TIME})


@dataclass
class Node:
    path: tuple[str, ...]  # ("3", "1"), ("1", "a"); () for the section itself
    kind: str  # "number", "letter", "bullet", "section"
    heading: str
    items: list[tuple[str, str]] = field(default_factory=list)  # (marker, text) below it
    children: list[Node] = field(default_factory=list)
    title: str = ""
    fields: Fields = field(default_factory=Fields)


def build_outline(paragraphs: list[str]) -> Node:
    """The tree of section II's numbered items; the root is the section itself."""
    root = Node((), "section", "")
    stack = [root]
    for paragraph in paragraphs:
        for text in split_inline_fields(paragraph):
            _place(stack, text)
    _settle(root)
    return root


def _place(stack: list[Node], text: str) -> None:
    numbered = _NUMBERED.match(text)
    lettered = _LETTERED.match(text) if not numbered else None
    if numbered:
        number = numbered.group(1) or numbered.group(3)
        rest = numbered.group(2) if numbered.group(1) else numbered.group(4)
        path = tuple(number.split("."))
        while len(stack) > 1 and not (
            stack[-1].kind == "number" and path[: len(stack[-1].path)] == stack[-1].path
        ):
            stack.pop()
        node = Node(path, "number", rest.strip())
    elif lettered:
        while len(stack) > 1 and stack[-1].kind != "number":
            stack.pop()
        node = Node((*stack[-1].path, lettered.group(1)), "letter", lettered.group(2).strip())
    else:
        bullet = _BULLET.match(text)
        marker, body = (bullet.group(1), bullet.group(2)) if bullet else ("", text)
        stack[-1].items.append((marker, body.strip()))
        return
    stack[-1].children.append(node)
    stack.append(node)


def _settle(node: Node) -> None:
    """Give every node its title and fields, making bullet sub-tasks where "-" items carry
    their own "+ Đơn vị thực hiện" lines."""
    label = field_label(node.heading) if node.heading else None
    if label:
        _apply(node.fields, label[0], label[1], node.heading)
    else:
        node.title, lead_in = _title(node.heading)
        if lead_in:
            node.fields.content.append(lead_in)
    bullet_tasks: list[Node] = []
    for head, children in _groups(node.items):
        if head is not None and field_label(head) is None and _assigning(children):
            sub = Node((*node.path, str(len(bullet_tasks) + 1)), "bullet", head)
            sub.items = [("+", text) for text in children]
            bullet_tasks.append(sub)
            continue
        _read_group(node.fields, head, children)
    node.children.extend(bullet_tasks)
    for child in node.children:
        _settle(child)


def _title(heading: str) -> tuple[str, str]:
    """(title, content) of a heading: "Tuyên truyền: tổ chức hội nghị …" splits at the
    colon when a real sentence follows it."""
    before, colon, after = heading.partition(":")
    if colon and after.strip() and len(before.split()) <= 20 and len(after.split()) >= 6:
        return before.strip(), after.strip()
    return strip_colon(heading).rstrip("."), ""


def _groups(items: list[tuple[str, str]]) -> list[tuple[str | None, list[str]]]:
    """Items as "-" bullets with what follows each ("+" bullets, plain paragraphs); the
    items before the first "-" form a group without a head."""
    groups: list[tuple[str | None, list[str]]] = []
    for marker, text in items:
        if marker == "-" or not groups:
            groups.append((text, []) if marker == "-" else (None, [text]))
        else:
            groups[-1][1].append(text)
    return groups


def _assigning(texts: list[str]) -> bool:
    labels = (field_label(text) for text in texts)
    return any(label and label[0] != CONTENT for label in labels)


def _read_group(fields: Fields, head: str | None, children: list[str]) -> None:
    current = None
    if head is not None:
        label = field_label(head)
        if label:
            current = label[0]
            _apply(fields, label[0], label[1], head)
        else:
            fields.content.append(head)
    for text in children:
        label = field_label(text)
        if label:
            current = label[0]
            _apply(fields, label[0], label[1], text)
        elif current in (None, CONTENT):
            fields.content.append(text)
        elif not _value(fields, current):
            _apply(fields, current, text, text)
        elif current == IMPLEMENTERS:
            fields.implementers += " " + text
            fields.unit_lines.append(text)
        else:
            fields.content.append(text)


def _value(fields: Fields, name: str) -> str:
    return {
        IMPLEMENTERS: fields.implementers,
        LEAD: fields.lead,
        COORDINATING: fields.coordinating,
        TIME: fields.time,
    }.get(name, "")


def _apply(fields: Fields, name: str, value: str, line: str) -> None:
    fields.labelled.add(name)
    if name == CONTENT:
        if value:
            fields.content.append(value)
    elif name == TIME:
        fields.time = value
    else:
        fields.unit_lines.append(line)
        if name == IMPLEMENTERS:
            fields.implementers = value
        elif name == LEAD:
            fields.lead = value
        else:
            fields.coordinating = value
