"""Catalog API: serves the shop's products from DynamoDB.

Runs behind an API Gateway HTTP API (payload format 2.0). Routes:

    GET /health                   -> {"status": "ok"} after a cheap DynamoDB probe
    GET /catalog                  -> paginated Scan of the whole catalog
    GET /catalog?category=<c>     -> paginated Query on the "by-category" GSI
    GET /catalog/{product_id}     -> one product, 404 when it does not exist

The same routes also answer under /api (e.g. /api/catalog), the prefix the
storefront uses when CloudFront forwards /api/* to the API unchanged.

Configuration (environment variables):
    CATALOG_TABLE        name of the DynamoDB table (required)
    CATALOG_INDEX        name of the category GSI (default "by-category")
    POWERTOOLS_SERVICE_NAME, POWERTOOLS_LOG_LEVEL  read by Powertools

Dependencies: boto3 from the Lambda runtime; Powertools (validation extra)
bundled into this folder by the deploy workflow (see ../requirements.txt).
"""

from __future__ import annotations

import base64
import binascii
import functools
import json
import os
import re
from decimal import Decimal
from typing import Any

import boto3
from aws_lambda_powertools import Logger
from aws_lambda_powertools.event_handler import APIGatewayHttpResolver, Response, content_types
from aws_lambda_powertools.event_handler.exceptions import BadRequestError, NotFoundError
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.validation import SchemaValidationError, validate
from boto3.dynamodb.conditions import Key
from botocore.exceptions import BotoCoreError, ClientError

SERVICE = os.environ.get("POWERTOOLS_SERVICE_NAME", "lambda-catalog")
CATEGORY_INDEX = os.environ.get("CATALOG_INDEX", "by-category")
DEFAULT_LIMIT = 20
MAX_LIMIT = 100
MAX_TOKEN_LENGTH = 1024
# Browsers and CloudFront may cache catalog reads briefly; health never.
CATALOG_CACHE_CONTROL = "public, max-age=60"

# No Powertools Tracer: it needs aws-xray-sdk (and botocore) in the package.
# X-Ray still shows the invocations, since the function has active tracing.
logger = Logger(service=SERVICE)
app = APIGatewayHttpResolver(strip_prefixes=["/api"])

ID_PATTERN = "^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$"
ID_RE = re.compile(ID_PATTERN.strip("^$"))

# Query string parameters of GET /catalog. API Gateway delivers every value as
# a string; `limit` is converted to int first when it looks like one, so the
# schema reports "must be integer" for "abc" and a range error for "500".
LIST_QUERY_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "category": {"type": "string", "pattern": ID_PATTERN},
        "limit": {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT},
        "next_token": {"type": "string", "minLength": 1, "maxLength": MAX_TOKEN_LENGTH},
    },
    "additionalProperties": False,
}
PATH_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"product_id": {"type": "string", "pattern": ID_PATTERN}},
    "required": ["product_id"],
}


class ConfigurationError(RuntimeError):
    """The function is deployed without the settings it needs."""


@functools.lru_cache(maxsize=1)
def _table():
    """The catalog table, created on first use so tests can mock AWS first."""
    name = os.environ.get("CATALOG_TABLE", "").strip()
    if not name:
        raise ConfigurationError("environment variable CATALOG_TABLE is not set")
    return boto3.resource("dynamodb").Table(name)


def _to_json_value(value: Any) -> Any:
    """DynamoDB numbers come back as Decimal; make them plain JSON numbers."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return {k: _to_json_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_to_json_value(v) for v in value]
    if isinstance(value, set):
        return sorted(_to_json_value(v) for v in value)
    return value


def _json_response(status: int, body: dict[str, Any], cache_control: str = "no-store") -> Response:
    return Response(
        status_code=status,
        content_type=content_types.APPLICATION_JSON,
        body=json.dumps(body, separators=(",", ":")),
        headers={"Cache-Control": cache_control},
    )


def _check(data: dict[str, Any], schema: dict[str, Any], what: str) -> None:
    """Validate with Powertools (fastjsonschema); raise a 400 with a clear message."""
    try:
        validate(event=data, schema=schema)
    except SchemaValidationError as exc:
        field = (exc.name or "data").removeprefix("data").lstrip(".") or what
        detail = (exc.validation_message or "is invalid").removeprefix(exc.name or "").strip()
        if exc.rule == "additionalProperties":
            known = schema.get("properties", {})
            unknown = ", ".join(sorted(k for k in data if k not in known))
            raise BadRequestError(
                f"Unknown {what} '{unknown}'; allowed: {', '.join(sorted(known))}"
            ) from None
        if exc.rule == "pattern":
            detail = "must be 1-64 characters: letters, digits, '-' or '_'"
        raise BadRequestError(f"Invalid {what} '{field}': {detail}") from None


def _encode_token(last_key: dict[str, Any]) -> str:
    raw = json.dumps(_to_json_value(last_key), separators=(",", ":"), sort_keys=True)
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def _decode_token(token: str, expected_keys: set[str]) -> dict[str, str]:
    """Turn a next_token back into an ExclusiveStartKey, refusing anything else."""
    try:
        padded = token + "=" * (-len(token) % 4)
        key = json.loads(base64.urlsafe_b64decode(padded.encode()).decode())
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise BadRequestError("Invalid query parameter 'next_token': not a token from this API") from None
    if (
        not isinstance(key, dict)
        or set(key) != expected_keys
        or not all(isinstance(v, str) and ID_RE.fullmatch(v) for v in key.values())
    ):
        raise BadRequestError(
            "Invalid query parameter 'next_token': it belongs to another listing or is malformed"
        )
    return key


def _list_query_params() -> dict[str, Any]:
    params: dict[str, Any] = dict(app.current_event.query_string_parameters or {})
    limit = params.get("limit")
    if isinstance(limit, str) and re.fullmatch(r"-?\d{1,6}", limit.strip()):
        params["limit"] = int(limit)
    _check(params, LIST_QUERY_SCHEMA, "query parameter")
    return params


@app.get("/health")
def health() -> Response:
    """Used by the deploy action's post-deploy check: proves the new version
    has its configuration and can read its table (a GetItem on a key that
    never exists costs one read unit at most)."""
    try:
        _table().get_item(Key={"product_id": "__health__"}, ProjectionExpression="product_id")
    except (ConfigurationError, ClientError, BotoCoreError) as exc:
        logger.error("health check failed", extra={"error": str(exc)})
        return _json_response(503, {"status": "unavailable"})
    return _json_response(200, {"status": "ok"})


@app.get("/catalog")
def list_catalog() -> Response:
    params = _list_query_params()
    limit = params.get("limit", DEFAULT_LIMIT)
    category = params.get("category")
    token = params.get("next_token")

    if category:
        kwargs: dict[str, Any] = {
            "IndexName": CATEGORY_INDEX,
            "KeyConditionExpression": Key("category").eq(category),
            "Limit": limit,
        }
        if token:
            start = _decode_token(token, {"category", "product_id"})
            if start["category"] != category:
                raise BadRequestError(
                    "Invalid query parameter 'next_token': it belongs to another category"
                )
            kwargs["ExclusiveStartKey"] = start
        result = _table().query(**kwargs)
    else:
        kwargs = {"Limit": limit}
        if token:
            kwargs["ExclusiveStartKey"] = _decode_token(token, {"product_id"})
        result = _table().scan(**kwargs)

    items = [_to_json_value(item) for item in result.get("Items", [])]
    last_key = result.get("LastEvaluatedKey")
    logger.info(
        "catalog listed",
        extra={"category": category, "limit": limit, "count": len(items), "more": bool(last_key)},
    )
    body = {
        "items": items,
        "count": len(items),
        "next_token": _encode_token(last_key) if last_key else None,
    }
    return _json_response(200, body, CATALOG_CACHE_CONTROL)


@app.get("/catalog/<product_id>")
def get_product(product_id: str) -> Response:
    _check({"product_id": product_id}, PATH_SCHEMA, "path parameter")
    item = _table().get_item(Key={"product_id": product_id}).get("Item")
    if item is None:
        raise NotFoundError(f"Product '{product_id}' not found")
    return _json_response(200, _to_json_value(item), CATALOG_CACHE_CONTROL)


@app.exception_handler(ConfigurationError)
def handle_configuration_error(exc: ConfigurationError) -> Response:
    logger.error("misconfigured function", extra={"error": str(exc)})
    return _json_response(500, {"statusCode": 500, "message": "Service misconfigured"})


@app.exception_handler(ClientError)
def handle_dynamodb_error(exc: ClientError) -> Response:
    code = exc.response.get("Error", {}).get("Code", "Unknown")
    logger.exception("DynamoDB call failed", extra={"error_code": code})
    if code in ("ProvisionedThroughputExceededException", "ThrottlingException", "RequestLimitExceeded"):
        return _json_response(503, {"statusCode": 503, "message": "Catalog busy, retry later"})
    return _json_response(502, {"statusCode": 502, "message": "Catalog unavailable"})


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_HTTP)
def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return app.resolve(event, context)
