"""Browser test of the demo: headless Debian chromium, driven by Playwright
(executablePath, no browser download), opens the storefront that `make demo`
serves and sees the products seeded into the catalog table.

STOREFRONT_URL: the demo's storefront (scripts/demo-check.sh passes it).
SCREENSHOT: where to save the screenshot (default: pytest's tmp dir).
"""
import os
import sys

import pytest
from playwright.sync_api import expect, sync_playwright

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "scripts"))
from demo_apps import PRODUCTS  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def page():
    url = os.environ.get("STOREFRONT_URL")
    if not url:
        pytest.fail("STOREFRONT_URL is not set: run me through scripts/demo-check.sh")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        pg = browser.new_page()
        pg.goto(url)
        yield pg
        browser.close()


def test_storefront_lists_the_seeded_products(page, tmp_path):
    for product in PRODUCTS:
        expect(page.get_by_text(product["name"], exact=True)).to_be_visible(timeout=15000)
    shot = os.environ.get("SCREENSHOT") or str(tmp_path / "storefront.png")
    page.screenshot(path=shot, full_page=True)
    print("screenshot: %s" % shot)


def test_a_category_shows_only_its_products(page):
    page.goto(os.environ["STOREFRONT_URL"] + "#c=games")
    books = [p["name"] for p in PRODUCTS if p["category"] == "books"]
    expect(page.get_by_text(next(p["name"] for p in PRODUCTS if p["category"] == "games"), exact=True)).to_be_visible(timeout=15000)
    for name in books:
        expect(page.get_by_text(name, exact=True)).to_have_count(0)
