"""Fixtures for the storefront checks. The site is static files under
public/ (exactly what the workflow syncs to S3); these tests read them."""

from __future__ import annotations

import json
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

STOREFRONT = Path(__file__).resolve().parent.parent
PUBLIC = STOREFRONT / "public"


class Refs(HTMLParser):
    """Collects <script>/<link>/<a>/<img> references and inline script text."""

    def __init__(self) -> None:
        super().__init__()
        self.refs: list[tuple[str, str, str]] = []  # (tag, attribute, value)
        self.scripts: list[dict[str, str | None]] = []
        self.inline_script = ""
        self.lang: str | None = None
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "script":
            self.scripts.append(a)
            self._in_script = True
        for attr in ("src", "href"):
            if a.get(attr):
                self.refs.append((tag, attr, a[attr]))

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.inline_script += data.strip()


@pytest.fixture(scope="session")
def html_pages() -> dict[str, Refs]:
    pages = {}
    for page in sorted(PUBLIC.rglob("*.html")):
        parser = Refs()
        parser.feed(page.read_text(encoding="utf-8"))
        pages[str(page.relative_to(PUBLIC))] = parser
    return pages


@pytest.fixture(scope="session")
def run_js():
    """Evaluate an async JS snippet with app.js's exports in scope (as `app`);
    return its JSON result. Skips when Node.js is not installed."""
    node = shutil.which("node")
    if not node:
        pytest.skip("node is not installed")
    app_js = (PUBLIC / "assets" / "app.js").read_text(encoding="utf-8")

    def _run(snippet: str):
        # Import app.js as a data: URL so it loads as an ES module whatever
        # the Node.js version or package.json settings.
        script = (
            f"const src = {json.dumps(app_js)};\n"
            "const app = await import('data:text/javascript;charset=utf-8,' + encodeURIComponent(src));\n"
            f"const result = await (async () => {{ {snippet} }})();\n"
            "process.stdout.write(JSON.stringify(result));\n"
        )
        done = subprocess.run(
            [node, "--input-type=module", "-"],
            input=script,
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)

    return _run
