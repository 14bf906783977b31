"""Local servers of `make demo`, on 127.0.0.1 (moto cannot invoke a Lambda
function without Docker, so the catalog handler runs in-process here).

usage: demo_serve.py storefront PORT_FILE FUNCTION
    The storefront's static files (Frontend-repo/storefront/public) at /, and
    /api/* through the catalog handler, as CloudFront and the HTTP API route
    them: each request becomes an API Gateway HTTP API (payload 2.0) event.
    The handler runs with the function's configuration in local AWS (its
    handler and environment variables, as Terraform set them), the code of
    Backend-repo/lambda-catalog/src that the action deployed, and boto3
    pointed at local AWS (AWS_ENDPOINT_URL; region AWS_REGION).
usage: demo_serve.py orders PORT_FILE
    Backend-repo/orders-service's own HTTP server.
Both write the port they listen on to PORT_FILE and serve until SIGTERM.
"""
import base64
import importlib
import os
import signal
import sys
import threading
import time
import urllib.parse
import uuid
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import boto3

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
PUBLIC = os.path.join(ROOT, "Frontend-repo", "storefront", "public")
CATALOG_SRC = os.path.join(ROOT, "Backend-repo", "lambda-catalog", "src")
ORDERS_SRC = os.path.join(ROOT, "Backend-repo", "orders-service", "src")


class Context:
    """The parts of the Lambda context object Powertools reads."""

    def __init__(self, conf):
        self.function_name = conf["FunctionName"]
        self.function_version = "$LATEST"
        self.invoked_function_arn = ":".join(conf["FunctionArn"].split(":")[:7]) + ":live"
        self.memory_limit_in_mb = conf.get("MemorySize", 128)
        self.aws_request_id = str(uuid.uuid4())
        self.log_group_name = "/aws/lambda/" + conf["FunctionName"]
        self.log_stream_name = "local"

    def get_remaining_time_in_millis(self):
        return 30000


def load_handler(function):
    # As in the Lambda runtime, both variables name the function's region.
    os.environ["AWS_DEFAULT_REGION"] = os.environ["AWS_REGION"]
    conf = boto3.client("lambda").get_function_configuration(FunctionName=function, Qualifier="live")
    os.environ.update(conf.get("Environment", {}).get("Variables", {}))
    module, name = conf["Handler"].rsplit(".", 1)
    sys.path.insert(0, CATALOG_SRC)
    return getattr(importlib.import_module(module), name), conf


def http_event(method, target, headers, body):
    url = urllib.parse.urlsplit(target)
    query = urllib.parse.parse_qs(url.query)
    now = time.time()
    return {
        "version": "2.0",
        "routeKey": "$default",
        "rawPath": url.path,
        "rawQueryString": url.query,
        "headers": {k.lower(): v for k, v in headers.items()},
        "queryStringParameters": {k: ",".join(v) for k, v in query.items()} or None,
        "requestContext": {
            "accountId": "123456789012", "apiId": "local", "domainName": headers.get("Host", "127.0.0.1"),
            "http": {"method": method, "path": url.path, "protocol": "HTTP/1.1", "sourceIp": "127.0.0.1",
                     "userAgent": headers.get("User-Agent", "")},
            "requestId": str(uuid.uuid4()), "routeKey": "$default", "stage": "$default",
            "time": time.strftime("%d/%b/%Y:%H:%M:%S +0000", time.gmtime(now)), "timeEpoch": int(now * 1000),
        },
        "body": base64.b64encode(body).decode() if body else None,
        "isBase64Encoded": bool(body),
    }


def storefront(port_file, function):
    handler, conf = load_handler(function)

    class Handler(SimpleHTTPRequestHandler):
        def __init__(self, *a, **kw):
            super().__init__(*a, directory=PUBLIC, **kw)

        def log_message(self, fmt, *args):
            sys.stderr.write("storefront: %s\n" % (fmt % args))

        def do_GET(self):
            if self.path == "/api" or self.path.startswith("/api/"):
                return self.api()
            return super().do_GET()

        def api(self):
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            res = handler(http_event(self.command, self.path, dict(self.headers), body), Context(conf))
            data = res.get("body") or ""
            data = base64.b64decode(data) if res.get("isBase64Encoded") else data.encode()
            self.send_response(res.get("statusCode", 200))
            for k, v in (res.get("headers") or {}).items():
                self.send_header(k, v)
            for cookie in res.get("cookies") or []:
                self.send_header("Set-Cookie", cookie)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    serve(ThreadingHTTPServer(("127.0.0.1", 0), Handler), port_file)


def orders(port_file):
    sys.path.insert(0, ORDERS_SRC)
    server = importlib.import_module("server")
    server.configure_logging("INFO")
    serve(server.make_server(0, host="127.0.0.1"), port_file)


def serve(httpd, port_file):
    signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=httpd.shutdown, daemon=True).start())
    with open(port_file + ".tmp", "w") as f:
        f.write(str(httpd.server_address[1]))
    os.rename(port_file + ".tmp", port_file)
    httpd.serve_forever()
    httpd.server_close()


if __name__ == "__main__":
    if sys.argv[1:2] == ["storefront"] and len(sys.argv) == 4:
        storefront(sys.argv[2], sys.argv[3])
    elif sys.argv[1:2] == ["orders"] and len(sys.argv) == 3:
        orders(sys.argv[2])
    else:
        sys.exit(__doc__)
