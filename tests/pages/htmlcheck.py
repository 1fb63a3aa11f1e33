"""An html.parser-based check that rendered HTML carries no executable markup from untrusted text."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_EVENT_HANDLER = re.compile(r"^on\w+$", re.IGNORECASE)
# One attribute of a raw start tag: a name, then maybe = and a double-quoted, single-quoted or bare value.
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?""")
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset"}
_CONTROL = re.compile(r"[\x00-\x20]")


class _Checker(HTMLParser):
    def __init__(self, allowed_script_src: tuple[str, ...]) -> None:
        super().__init__(convert_charrefs=True)
        self.allowed_script_src = allowed_script_src
        self.problems: list[str] = []
        self.depth_in_main = 0
        self.in_main = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        raw = self.get_starttag_text() or ""
        inside = raw[1 + len(tag) :].rstrip(">").rstrip("/")
        for match in _ATTRIBUTE.finditer(inside):
            value = match.group(2)
            if value is not None and value[0] not in "\"'":
                self.problems.append(f"unquoted attribute in {raw!r}")
        if tag == "main":
            self.in_main = True
        attributes = dict(attrs)
        if tag == "script":
            src = attributes.get("src") or ""
            if self.in_main or not src.startswith(self.allowed_script_src):
                self.problems.append(f"script tag {raw!r}")
        if tag in ("iframe", "object", "embed", "base") or (tag == "meta" and "http-equiv" in attributes):
            self.problems.append(f"dangerous tag {raw!r}")
        for name, value in attrs:
            if _EVENT_HANDLER.match(name):
                self.problems.append(f"event handler attribute {name} in {raw!r}")
            if name == "style":
                self.problems.append(f"inline style in {raw!r}")
            if name in _URL_ATTRIBUTES and value:
                compact = _CONTROL.sub("", value).lower()
                if compact.startswith(("javascript:", "vbscript:", "data:text/html")):
                    self.problems.append(f"script URL in {raw!r}")

    def handle_endtag(self, tag: str) -> None:
        if tag == "main":
            self.in_main = False


def html_problems(html: str, *, allowed_script_src: tuple[str, ...] = ("/static/",)) -> list[str]:
    checker = _Checker(allowed_script_src)
    checker.feed(html)
    checker.close()
    return checker.problems


def assert_no_executable_markup(html: str) -> None:
    problems = html_problems(html)
    assert not problems, "\n".join(problems)
