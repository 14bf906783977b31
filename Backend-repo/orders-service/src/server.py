"""HTTP entry point of the orders service (Python standard library only).

Environment:
    PORT       port to listen on (default 8080, the task definition's containerPort)
    LOG_LEVEL  DEBUG, INFO (default), WARNING or ERROR

Logs are JSON lines on stdout (the awslogs driver ships them to CloudWatch).
SIGTERM, which ECS sends before stopping a task, drains and exits cleanly.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from orders import READ_METHODS, InMemoryOrderStore, OrderStore, handle

SERVICE = "orders-service"
logger = logging.getLogger(SERVICE)


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "level": record.levelname,
            "service": SERVICE,
            "message": record.getMessage(),
            "timestamp": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
        }
        entry.update(getattr(record, "fields", {}))
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, separators=(",", ":"))


def configure_logging(level: str = "INFO") -> None:
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(JsonFormatter())
    logger.handlers[:] = [handler]
    level = level.upper()
    logger.setLevel(level if level in ("DEBUG", "INFO", "WARNING", "ERROR") else "INFO")
    logger.propagate = False


class OrdersHandler(BaseHTTPRequestHandler):
    server_version = SERVICE
    sys_version = ""
    protocol_version = "HTTP/1.1"
    store: OrderStore = InMemoryOrderStore()

    def _respond(self) -> None:
        started = time.monotonic()
        result = handle(self.command, self.path, self.store)
        body = json.dumps(result.body, separators=(",", ":")).encode()
        self.send_response(result.status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for name, value in result.headers.items():
            self.send_header(name, value)
        if self.command not in READ_METHODS:
            # A request body we did not read would corrupt the next request on
            # a kept-alive connection: close it instead.
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        # Health probes arrive every few seconds; keep them out of INFO logs.
        level = logging.DEBUG if self.path == "/health" else logging.INFO
        logger.log(
            level,
            "request",
            extra={
                "fields": {
                    "method": self.command,
                    "path": self.path,
                    "status": result.status,
                    "duration_ms": round((time.monotonic() - started) * 1000, 2),
                    "trace_id": self.headers.get("X-Amzn-Trace-Id"),
                }
            },
        )

    do_GET = do_HEAD = do_POST = do_PUT = do_PATCH = do_DELETE = _respond

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (stdlib name)
        """Silence the stdlib's stderr access log; _respond logs JSON instead."""


class OrdersServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        """Log request errors as JSON instead of the stdlib's stderr traceback.
        Clients that hang up early (load balancer probes, timeouts) are normal."""
        exc = sys.exc_info()[1]
        if isinstance(exc, (ConnectionResetError, BrokenPipeError, TimeoutError)):
            logger.debug("client disconnected", extra={"fields": {"error": repr(exc)}})
        else:
            logger.exception("request failed", extra={"fields": {"client": client_address[0]}})


def make_server(port: int, store: OrderStore | None = None, host: str = "0.0.0.0") -> OrdersServer:
    handler = type("BoundOrdersHandler", (OrdersHandler,), {"store": store or InMemoryOrderStore()})
    return OrdersServer((host, port), handler)


def main() -> None:
    configure_logging(os.environ.get("LOG_LEVEL", "INFO"))
    port = int(os.environ.get("PORT", "8080"))
    server = make_server(port)

    def stop(signum, _frame) -> None:
        logger.info("stopping", extra={"fields": {"signal": signal.Signals(signum).name}})
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    logger.info("listening", extra={"fields": {"port": port}})
    server.serve_forever()
    server.server_close()
    logger.info("stopped")


if __name__ == "__main__":
    main()
