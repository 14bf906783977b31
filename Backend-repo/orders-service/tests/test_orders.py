"""Tests of the orders service: routing logic and the HTTP server in-process."""

from __future__ import annotations

import http.client
import json
import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from orders import SAMPLE_ORDERS, InMemoryOrderStore, handle

SRC = Path(__file__).resolve().parent.parent / "src"

# --- handler logic -------------------------------------------------------------


def test_health():
    result = handle("GET", "/health", InMemoryOrderStore())
    assert (result.status, result.body) == (200, {"status": "ok"})


def test_list_orders_with_and_without_trailing_slash(store):
    for path in ("/orders", "/orders/", "/orders/?page=1"):
        result = handle("GET", path, store)
        assert result.status == 200
        assert result.body["count"] == len(SAMPLE_ORDERS)
        assert [o["order_id"] for o in result.body["items"]] == ["o-1001", "o-1002"]


def test_get_one_order(store):
    result = handle("GET", "/orders/o-1002", store)
    assert result.status == 200
    assert result.body["order_id"] == "o-1002"
    assert result.body["total_cents"] == 2499


def test_missing_order_is_404(store):
    result = handle("GET", "/orders/o-9999", store)
    assert result.status == 404
    assert result.body["message"] == "Order 'o-9999' not found"


@pytest.mark.parametrize("path", ["/orders/bad%20id", "/orders/a/b", "/orders/" + "x" * 65])
def test_malformed_order_id_is_400(store, path):
    result = handle("GET", path, store)
    assert result.status == 400
    assert "'order_id'" in result.body["message"]


def test_unknown_path_is_404(store):
    assert handle("GET", "/catalog", store).status == 404


def test_writes_are_405_with_allow_header(store):
    result = handle("POST", "/orders/", store)
    assert result.status == 405
    assert result.headers["Allow"] == "GET, HEAD"


def test_other_stores_plug_in():
    store = InMemoryOrderStore(orders={"o-1": {"order_id": "o-1", "status": "paid"}})
    assert handle("GET", "/orders/o-1", store).body == {"order_id": "o-1", "status": "paid"}
    assert handle("GET", "/orders/o-1001", store).status == 404


# --- HTTP server (in-process, ephemeral port) ----------------------------------


def test_http_health(request_):
    status, body, headers = request_("GET", "/health")
    assert (status, body) == (200, {"status": "ok"})
    assert headers["Content-Type"] == "application/json"
    assert headers["Cache-Control"] == "no-store"


def test_http_get_order_and_404(request_):
    assert request_("GET", "/orders/o-1001")[0] == 200
    status, body, _ = request_("GET", "/orders/nope")
    assert status == 404 and body["statusCode"] == 404


def test_http_head_has_no_body(request_):
    status, body, headers = request_("HEAD", "/health")
    assert status == 200 and body is None
    assert int(headers["Content-Length"]) > 0


def test_http_post_is_405_and_closes_connection(request_):
    status, _, headers = request_("POST", "/orders/", body=b'{"x":1}')
    assert status == 405
    assert headers["Connection"] == "close"


def test_http_keep_alive_serves_several_requests(server):
    conn = http.client.HTTPConnection(*server.server_address[:2], timeout=5)
    try:
        for path in ("/health", "/orders/", "/orders/o-1002"):
            conn.request("GET", path)
            resp = conn.getresponse()
            assert resp.status == 200
            json.loads(resp.read())
    finally:
        conn.close()


def test_access_log_is_json(request_):
    import server as server_module

    server_module.configure_logging("INFO")
    records = []
    handler = logging.Handler()
    handler.emit = records.append
    server_module.logger.addHandler(handler)
    try:
        request_("GET", "/health")
        request_("GET", "/orders/o-1001")
        # The server thread logs after it has sent the response: wait for it.
        deadline = time.monotonic() + 5
        while not any(r.getMessage() == "request" for r in records) and time.monotonic() < deadline:
            time.sleep(0.01)
    finally:
        server_module.logger.removeHandler(handler)
    # Health probes are logged at DEBUG only, so INFO shows the order request.
    info = [r for r in records if r.levelno >= logging.INFO]
    assert len(info) == 1
    line = json.loads(server_module.JsonFormatter().format(info[0]))
    assert line["path"] == "/orders/o-1001" and line["status"] == 200


def test_request_errors_are_logged_as_json(server):
    """Unexpected request errors become one JSON log line; hang-ups stay quiet."""
    import server as server_module

    records = []
    handler = logging.Handler()
    handler.emit = records.append
    server_module.logger.addHandler(handler)
    try:
        try:
            raise ValueError("boom")
        except ValueError:
            server.handle_error(None, ("192.0.2.1", 1234))
        try:
            raise BrokenPipeError()
        except BrokenPipeError:
            server.handle_error(None, ("192.0.2.1", 1234))
    finally:
        server_module.logger.removeHandler(handler)
    errors = [r for r in records if r.levelno >= logging.ERROR]
    assert len(errors) == 1
    line = json.loads(server_module.JsonFormatter().format(errors[0]))
    assert line["message"] == "request failed" and "ValueError: boom" in line["exception"]


def test_process_starts_on_port_and_stops_on_sigterm():
    """The container's command: `python server.py`, PORT from the environment."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "PORT": str(port), "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, str(Path(SRC) / "server.py")],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                conn.request("GET", "/health")
                assert conn.getresponse().status == 200
                conn.close()
                break
            except (ConnectionRefusedError, OSError):
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=10) == 0
        logs = [json.loads(line) for line in proc.stdout.read().decode().splitlines()]
        assert [entry["message"] for entry in logs][0] == "listening"
        assert logs[-1]["message"] == "stopped"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
