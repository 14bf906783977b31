"""Fixtures for the catalog Lambda: fake AWS credentials, a moto DynamoDB
table shaped like the real one, API Gateway HTTP API (v2) events and a
Lambda context. Nothing here reaches real AWS."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"
sys.path.insert(0, str(SRC))

TABLE_NAME = "ecom-test-catalog"

# Set before app.py is imported: boto3 and Powertools read these.
os.environ.update(
    {
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_SECURITY_TOKEN": "testing",
        "AWS_SESSION_TOKEN": "testing",
        "CATALOG_TABLE": TABLE_NAME,
        "POWERTOOLS_SERVICE_NAME": "lambda-catalog",
        "POWERTOOLS_LOG_LEVEL": "WARNING",
    }
)
os.environ.pop("AWS_PROFILE", None)

import boto3  # noqa: E402
from moto import mock_aws  # noqa: E402

PRODUCTS = [
    {"product_id": "p-001", "category": "books", "name": "Rust in Action", "price": 3999},
    {"product_id": "p-002", "category": "books", "name": "Serverless Patterns", "price": 2950},
    {"product_id": "p-003", "category": "books", "name": "Terraform Up & Running", "price": 4500},
    {"product_id": "p-004", "category": "games", "name": "Board Game", "price": 2499},
    {"product_id": "p-005", "category": "music", "name": "Vinyl", "price": 1999},
]


@pytest.fixture
def products():
    """The items the `table` fixture seeds (tests import no names from here:
    every app's tests dir has a conftest.py, and they may run in one session)."""
    return [dict(p) for p in PRODUCTS]


@pytest.fixture(autouse=True)
def aws_env(monkeypatch):
    """Dummy credentials for every test, whatever the developer's shell has."""
    for key, value in {
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_SESSION_TOKEN": "testing",
        "CATALOG_TABLE": TABLE_NAME,
    }.items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    monkeypatch.delenv("AWS_ENDPOINT_URL", raising=False)


@pytest.fixture
def app_module():
    import app

    app._table.cache_clear()
    yield app
    app._table.cache_clear()


@pytest.fixture
def table(app_module):
    """A mocked catalog table with the real key schema and GSI, seeded."""
    with mock_aws():
        ddb = boto3.resource("dynamodb", region_name="us-east-1")
        tbl = ddb.create_table(
            TableName=TABLE_NAME,
            BillingMode="PAY_PER_REQUEST",
            AttributeDefinitions=[
                {"AttributeName": "product_id", "AttributeType": "S"},
                {"AttributeName": "category", "AttributeType": "S"},
            ],
            KeySchema=[{"AttributeName": "product_id", "KeyType": "HASH"}],
            GlobalSecondaryIndexes=[
                {
                    "IndexName": "by-category",
                    "KeySchema": [
                        {"AttributeName": "category", "KeyType": "HASH"},
                        {"AttributeName": "product_id", "KeyType": "RANGE"},
                    ],
                    "Projection": {"ProjectionType": "ALL"},
                }
            ],
        )
        with tbl.batch_writer() as batch:
            for item in PRODUCTS:
                batch.put_item(Item=item)
        yield tbl


class FakeContext:
    function_name = "ecom-test-lambda-catalog"
    function_version = "1"
    invoked_function_arn = "arn:aws:lambda:us-east-1:123456789012:function:ecom-test-lambda-catalog:live"
    memory_limit_in_mb = 256
    aws_request_id = "c6af9ac6-7b61-11e6-9a41-93e812345678"
    log_group_name = "/aws/lambda/ecom-test-lambda-catalog"
    log_stream_name = "2026/01/01/[1]abcdef"

    @staticmethod
    def get_remaining_time_in_millis() -> int:
        return 30_000


@pytest.fixture
def lambda_context():
    return FakeContext()


def http_event(
    path: str, query: dict[str, str] | None = None, method: str = "GET"
) -> dict[str, Any]:
    """An API Gateway HTTP API payload v2.0 event for `method path?query`."""
    raw_query = "&".join(f"{k}={v}" for k, v in (query or {}).items())
    event: dict[str, Any] = {
        "version": "2.0",
        "routeKey": "$default",
        "rawPath": path,
        "rawQueryString": raw_query,
        "headers": {"accept": "application/json", "host": "api.example.com"},
        "requestContext": {
            "accountId": "123456789012",
            "apiId": "api1234567",
            "domainName": "api.example.com",
            "domainPrefix": "api",
            "http": {
                "method": method,
                "path": path,
                "protocol": "HTTP/1.1",
                "sourceIp": "192.0.2.10",
                "userAgent": "pytest",
            },
            "requestId": "req-123",
            "routeKey": "$default",
            "stage": "$default",
            "time": "01/Jan/2026:00:00:00 +0000",
            "timeEpoch": 1767225600000,
        },
        "isBase64Encoded": False,
    }
    if query:
        event["queryStringParameters"] = dict(query)
    return event


@pytest.fixture
def invoke(app_module, lambda_context):
    """Call the real handler in-process; return (status, parsed body, headers)."""

    def _invoke(event: dict[str, Any]) -> tuple[int, Any, dict[str, str]]:
        response = app_module.handler(event, lambda_context)
        body = json.loads(response["body"]) if response.get("body") else None
        return response["statusCode"], body, response.get("headers", {})

    return _invoke


@pytest.fixture
def get(invoke):
    """Shortcut: get("/catalog", {"limit": "2"})."""

    def _get(path: str, query: dict[str, str] | None = None):
        return invoke(http_event(path, query))

    return _get
