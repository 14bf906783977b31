"""Checks of the static storefront: links resolve, the API is called where
CloudFront serves it, and the page logic builds the right requests."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

PUBLIC = Path(__file__).resolve().parent.parent / "public"


def local(ref: str) -> bool:
    return not re.match(r"^(#|[a-z][a-z0-9+.-]*:|//)", ref, re.I)


def test_every_local_reference_exists(html_pages):
    missing = []
    for page, parsed in html_pages.items():
        base = (PUBLIC / page).parent
        for tag, attr, ref in parsed.refs:
            if not local(ref):
                continue
            path = ref.split("#", 1)[0].split("?", 1)[0]
            target = PUBLIC / path.lstrip("/") if path.startswith("/") else base / path
            if path.endswith("/") or path in ("", "./"):
                target = target / "index.html"
            if not target.exists():
                missing.append(f"{page}: <{tag} {attr}={ref!r}>")
    assert not missing, missing


def test_no_external_or_inline_scripts(html_pages):
    """Everything is served from our own origin (CSP script-src 'self')."""
    for page, parsed in html_pages.items():
        assert parsed.inline_script == "", f"{page} has inline script"
        for tag, _attr, ref in parsed.refs:
            assert local(ref) or ref.startswith("#"), f"{page}: external {tag} {ref}"


def test_pages_are_spanish(html_pages):
    assert {p.lang for p in html_pages.values()} == {"es"}


def test_config_loads_before_the_app(html_pages):
    scripts = [s.get("src") for s in html_pages["index.html"].scripts]
    assert scripts == ["config.js", "assets/app.js"]
    assert html_pages["index.html"].scripts[1].get("type") == "module"


def test_api_base_is_the_cloudfront_path():
    config = (PUBLIC / "config.js").read_text(encoding="utf-8")
    assert re.search(r'apiBase:\s*"/api"', config)


# --- page logic (needs Node.js; skipped without it) -------------------------------


def test_catalog_urls(run_js):
    urls = run_js(
        """return [
          app.catalogUrl("/api", {limit: 12}),
          app.catalogUrl("/api/", {category: "books", limit: 5, nextToken: "eyJ4Ijoi"}),
          app.productUrl("/api", "p-001"),
          app.productUrl("/api", "a b/c"),
        ];"""
    )
    assert urls == [
        "/api/catalog?limit=12",
        "/api/catalog?category=books&limit=5&next_token=eyJ4Ijoi",
        "/api/catalog/p-001",
        "/api/catalog/a%20b%2Fc",
    ]


def test_routes(run_js):
    routes = run_js(
        """return ["", "#", "#c=books", "#p=p-001", "#p=a%20b"].map(app.parseRoute);"""
    )
    assert routes == [
        {"view": "catalog", "category": ""},
        {"view": "catalog", "category": ""},
        {"view": "catalog", "category": "books"},
        {"view": "product", "productId": "p-001"},
        {"view": "product", "productId": "a b"},
    ]


def test_prices_and_errors(run_js):
    out = run_js(
        """return {
          price: app.formatPrice(3999, "es-ES", "EUR"),
          bad: app.formatPrice("12"),
          notFound: app.errorMessage(404, null),
          badRequest: app.errorMessage(400, {message: "Invalid query parameter 'limit'"}),
          down: app.errorMessage(502, null),
        };"""
    )
    # Node's ICU may use a narrow no-break space before the euro sign.
    assert re.fullmatch(r"39,99\s€", out["price"]), out["price"]
    assert out["bad"] == ""
    assert out["notFound"] == "Producto no encontrado."
    assert out["badRequest"].endswith("'limit'")
    assert "no está disponible" in out["down"]


@pytest.mark.parametrize("name", ["index.html", "404.html", "config.js", "assets/app.js", "assets/styles.css"])
def test_published_files_exist(name):
    assert (PUBLIC / name).is_file()
