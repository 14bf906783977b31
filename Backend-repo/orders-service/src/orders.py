"""Request handling of the orders service, free of any HTTP server code so it
can be tested in-process.

Routes (the ALB forwards /orders/* here; /health is for the ALB target group
and the ECS container health check):

    GET /health              -> 200 {"status": "ok"}
    GET /orders/             -> 200 {"items": [...], "count": n}   (also /orders)
    GET /orders/{order_id}   -> 200 order | 404 | 400 on a malformed id

The store is an in-memory stub seeded with sample orders; a real backend
(e.g. DynamoDB) would implement the same two methods of `OrderStore`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Protocol

ORDER_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")
READ_METHODS = ("GET", "HEAD")


class OrderStore(Protocol):
    def get(self, order_id: str) -> dict[str, Any] | None: ...

    def list(self) -> list[dict[str, Any]]: ...


SAMPLE_ORDERS: tuple[dict[str, Any], ...] = (
    {
        "order_id": "o-1001",
        "status": "shipped",
        "currency": "EUR",
        "total_cents": 6949,
        "lines": [
            {"product_id": "p-001", "quantity": 1, "unit_price_cents": 3999},
            {"product_id": "p-002", "quantity": 1, "unit_price_cents": 2950},
        ],
    },
    {
        "order_id": "o-1002",
        "status": "pending",
        "currency": "EUR",
        "total_cents": 2499,
        "lines": [{"product_id": "p-004", "quantity": 1, "unit_price_cents": 2499}],
    },
)


@dataclass
class InMemoryOrderStore:
    orders: dict[str, dict[str, Any]] = field(
        default_factory=lambda: {o["order_id"]: o for o in SAMPLE_ORDERS}
    )

    def get(self, order_id: str) -> dict[str, Any] | None:
        return self.orders.get(order_id)

    def list(self) -> list[dict[str, Any]]:
        return [self.orders[k] for k in sorted(self.orders)]


@dataclass(frozen=True)
class Result:
    status: int
    body: dict[str, Any]
    headers: dict[str, str] = field(default_factory=dict)


def _error(status: int, message: str, **headers: str) -> Result:
    return Result(status, {"statusCode": status, "message": message}, dict(headers))


def handle(method: str, path: str, store: OrderStore) -> Result:
    """Route one request. `path` may carry a query string; it is ignored."""
    path = path.split("?", 1)[0].split("#", 1)[0]
    if method not in READ_METHODS:
        return _error(405, f"Method {method} not allowed", Allow=", ".join(READ_METHODS))

    if path == "/health":
        return Result(200, {"status": "ok"}, {"Cache-Control": "no-store"})

    if path in ("/orders", "/orders/"):
        items = store.list()
        return Result(200, {"items": items, "count": len(items)})

    if path.startswith("/orders/"):
        order_id = path[len("/orders/") :].rstrip("/")
        if not ORDER_ID.fullmatch(order_id):
            return _error(
                400,
                "Invalid path parameter 'order_id': must be 1-64 characters: "
                "letters, digits, '-' or '_'",
            )
        order = store.get(order_id)
        if order is None:
            return _error(404, f"Order '{order_id}' not found")
        return Result(200, order)

    return _error(404, "Not found")
