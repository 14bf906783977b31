"""Fixtures for the orders service: the handler logic and a real server on an
ephemeral port, both in-process. No AWS is involved."""

from __future__ import annotations

import http.client
import json
import sys
import threading
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"
sys.path.insert(0, str(SRC))

from orders import InMemoryOrderStore  # noqa: E402
from server import make_server  # noqa: E402


@pytest.fixture
def store():
    return InMemoryOrderStore()


@pytest.fixture
def server(store):
    """The service listening on 127.0.0.1:<free port> in a background thread."""
    srv = make_server(0, store, host="127.0.0.1")
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()
    thread.join(timeout=5)


@pytest.fixture
def request_(server):
    """request_("GET", "/health") -> (status, parsed JSON body or None, headers)."""

    def _request(method: str, path: str, body: bytes | None = None):
        host, port = server.server_address[:2]
        conn = http.client.HTTPConnection(host, port, timeout=5)
        try:
            conn.request(method, path, body=body)
            resp = conn.getresponse()
            raw = resp.read()
            return resp.status, (json.loads(raw) if raw else None), dict(resp.getheaders())
        finally:
            conn.close()

    return _request
