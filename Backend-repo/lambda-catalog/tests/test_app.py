"""In-process tests of the catalog handler against a moto DynamoDB table."""

from __future__ import annotations

import base64
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

LAMBDA_DIR = Path(__file__).resolve().parent.parent
# The deploy step (the action, with its post-deploy check) is in the reusable
# workflow the pipeline calls for dev and then prod.
WORKFLOW = LAMBDA_DIR.parent / ".github" / "workflows" / "promote-lambda-catalog.yml"
PIPELINE = LAMBDA_DIR.parent / ".github" / "workflows" / "deploy-lambda-catalog.yml"
CHECK_EXPECT = {"statusCode": 200}


def is_subset(expected, actual) -> bool:
    """The deploy action's rule: every key/value of `expected` is in `actual`."""
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(
            k in actual and is_subset(v, actual[k]) for k, v in expected.items()
        )
    return expected == actual


# --- listing -----------------------------------------------------------------


def test_list_returns_all_products_with_default_limit(table, get, products):
    status, body, headers = get("/catalog")
    assert status == 200
    assert body["count"] == len(products)
    assert body["next_token"] is None
    assert sorted(p["product_id"] for p in body["items"]) == [p["product_id"] for p in products]
    assert headers["Content-Type"] == "application/json"
    assert headers["Cache-Control"] == "public, max-age=60"


def test_numbers_are_plain_json_numbers(table, get):
    table.put_item(
        Item={"product_id": "p-100", "category": "misc", "price": 12, "weight": Decimal("0.5")}
    )
    status, body, _ = get("/catalog/p-100")
    assert status == 200
    assert body["price"] == 12 and isinstance(body["price"], int)
    assert body["weight"] == 0.5


def test_list_paginates_with_next_token_until_exhausted(table, get, products):
    seen, token, pages = [], None, 0
    while True:
        query = {"limit": "2"}
        if token:
            query["next_token"] = token
        status, body, _ = get("/catalog", query)
        assert status == 200
        assert body["count"] <= 2
        seen += [p["product_id"] for p in body["items"]]
        token = body["next_token"]
        pages += 1
        if not token:
            break
        assert pages < 10, "pagination does not terminate"
    assert sorted(seen) == sorted(p["product_id"] for p in products)
    assert len(seen) == len(set(seen))


def test_list_answers_under_api_prefix(table, get):
    status, body, _ = get("/api/catalog", {"limit": "1"})
    assert status == 200
    assert body["count"] == 1


# --- filter by category (GSI query) ----------------------------------------


def test_filter_by_category_uses_only_that_category(table, get):
    status, body, _ = get("/catalog", {"category": "books"})
    assert status == 200
    assert body["count"] == 3
    assert {p["category"] for p in body["items"]} == {"books"}
    # The GSI range key is product_id, so results come sorted by it.
    assert [p["product_id"] for p in body["items"]] == ["p-001", "p-002", "p-003"]


def test_filter_by_category_paginates(table, get):
    status, first, _ = get("/catalog", {"category": "books", "limit": "2"})
    assert status == 200 and first["count"] == 2 and first["next_token"]
    status, second, _ = get(
        "/catalog", {"category": "books", "limit": "2", "next_token": first["next_token"]}
    )
    assert status == 200
    assert [p["product_id"] for p in second["items"]] == ["p-003"]


def test_filter_by_unknown_category_is_empty_not_error(table, get):
    status, body, _ = get("/catalog", {"category": "garden"})
    assert status == 200
    assert body == {"items": [], "count": 0, "next_token": None}


# --- get one ------------------------------------------------------------------


def test_get_one_product(table, get):
    status, body, _ = get("/catalog/p-004")
    assert status == 200
    assert body == {"product_id": "p-004", "category": "games", "name": "Board Game", "price": 2499}


def test_get_missing_product_is_404(table, get):
    status, body, _ = get("/catalog/p-999")
    assert status == 404
    assert body["message"] == "Product 'p-999' not found"


def test_unknown_route_is_404(table, get):
    status, _, _ = get("/nothing-here")
    assert status == 404


# --- bad parameters -------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "fragment"),
    [
        ({"limit": "0"}, "'limit'"),
        ({"limit": "101"}, "'limit'"),
        ({"limit": "-5"}, "'limit'"),
        ({"limit": "ten"}, "'limit': must be integer"),
        ({"category": "books;drop"}, "'category'"),
        ({"category": "x" * 65}, "'category'"),
        ({"sort": "price"}, "Unknown query parameter 'sort'; allowed: category, limit, next_token"),
        ({"next_token": "not-base64-json!"}, "'next_token'"),
    ],
)
def test_bad_query_params_are_400_with_clear_message(table, get, query, fragment):
    status, body, _ = get("/catalog", query)
    assert status == 400, body
    assert fragment in body["message"]


def test_token_from_another_category_is_400(table, get):
    _, books, _ = get("/catalog", {"category": "books", "limit": "1"})
    status, body, _ = get(
        "/catalog", {"category": "games", "next_token": books["next_token"]}
    )
    assert status == 400
    assert "another category" in body["message"]


def test_category_token_is_refused_by_plain_listing(table, get):
    _, books, _ = get("/catalog", {"category": "books", "limit": "1"})
    status, body, _ = get("/catalog", {"next_token": books["next_token"]})
    assert status == 400
    assert "'next_token'" in body["message"]


def test_forged_token_is_400(table, get):
    forged = base64.urlsafe_b64encode(json.dumps({"product_id": {"S": "x"}}).encode()).decode()
    status, _, _ = get("/catalog", {"next_token": forged})
    assert status == 400


def test_bad_product_id_is_400(table, get):
    status, body, _ = get("/catalog/bad%20id")
    assert status == 400
    assert body["message"].startswith("Invalid path parameter 'product_id'")


# --- health / post-deploy check -------------------------------------------------


def test_health_ok(table, get):
    status, body, headers = get("/health")
    assert (status, body) == (200, {"status": "ok"})
    assert headers["Cache-Control"] == "no-store"


def test_check_event_satisfies_check_expect(table, app_module, lambda_context):
    event = json.loads((LAMBDA_DIR / "check-event.json").read_text())
    response = app_module.handler(event, lambda_context)
    assert is_subset(CHECK_EXPECT, response), response
    assert json.loads(response["body"]) == {"status": "ok"}


def test_workflow_uses_this_check():
    text = WORKFLOW.read_text()
    expect = re.search(r"^\s+check-expect: '(.+)'$", text, re.M)
    assert expect and json.loads(expect.group(1)) == CHECK_EXPECT
    assert "lambda-catalog/check-event.json" in text
    # The action deploys the zip the pipeline built once, not a rebuild.
    assert re.search(r"^\s+source: build/lambda-catalog\.zip$", text, re.M)
    assert "sha256sum -c lambda-catalog.zip.sha256" in text
    # Powertools is bundled into src/ before the package job zips it.
    pipeline = PIPELINE.read_text()
    assert "--target lambda-catalog/src -r lambda-catalog/requirements.txt" in pipeline
    assert 'cd lambda-catalog/src && python3 -m zipfile -c "$RUNNER_TEMP/lambda-catalog.zip" .' in pipeline
    # Pull requests run the tests; prod gets the same zip after dev.
    assert "pull_request:" in pipeline
    assert pipeline.count("sha256: ${{ needs.package.outputs.sha256 }}") == 2
    assert "needs: [package, deploy-dev]" in pipeline


def test_health_is_503_when_table_is_missing(app_module, get):
    from moto import mock_aws

    with mock_aws():  # no table created
        status, body, _ = get("/health")
    assert (status, body) == (503, {"status": "unavailable"})


def test_check_event_fails_check_when_misconfigured(app_module, lambda_context, monkeypatch):
    monkeypatch.delenv("CATALOG_TABLE")
    event = json.loads((LAMBDA_DIR / "check-event.json").read_text())
    response = app_module.handler(event, lambda_context)
    assert not is_subset(CHECK_EXPECT, response)
    assert response["statusCode"] == 503


def test_listing_without_table_config_is_500(app_module, get, monkeypatch):
    monkeypatch.delenv("CATALOG_TABLE")
    status, body, _ = get("/catalog")
    assert status == 500
    assert body["message"] == "Service misconfigured"


def test_dynamodb_failure_is_502(app_module, get):
    from moto import mock_aws

    with mock_aws():  # table does not exist -> ResourceNotFoundException
        status, body, _ = get("/catalog/p-001")
    assert status == 502
    assert body["message"] == "Catalog unavailable"

