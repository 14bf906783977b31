"""A local stand-in for the two GitHub services the deploy action calls, on
127.0.0.1 (used by `make demo` and the lifecycle test):

- the runner's OIDC token service (ACTIONS_ID_TOKEN_REQUEST_URL):
  GET /token/<owner>/<repo>/<environment>?audience=A returns {"value": JWT}
  whose claims are those GitHub puts in a job of that repository running in
  that GitHub environment (sub repo:<owner>/<repo>:environment:<env>, aud A).
  The JWT is not signed: moto's STS does not verify it (AWS would);
- the REST API's deployments (GITHUB_API_URL):
  POST /repos/<owner>/<repo>/deployments and .../deployments/<id>/statuses,
  recorded and listed by GET /recorded.

Sources: docs.github.com "About security hardening with OpenID Connect"
(token claims) and REST API "Deployments" / "Deployment statuses".

usage: fake_github.py PORT_FILE     (serves until killed; writes its port)
Python: FakeGitHub().start() -> base URL; .recorded; .stop()
"""
import base64
import json
import os
import re
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

REQUEST_TOKEN = "ghs_fakeRequestToken000000000000000000000"


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def id_token(repo, environment, audience):
    now = int(time.time())
    claims = {
        "iss": "https://token.actions.githubusercontent.com",
        "aud": audience,
        "sub": "repo:%s:environment:%s" % (repo, environment),
        "repository": repo,
        "repository_owner": repo.split("/")[0],
        "environment": environment,
        "ref": "refs/heads/main",
        "iat": now,
        "nbf": now,
        "exp": now + 300,
    }
    head = {"alg": "RS256", "typ": "JWT", "kid": "fake"}
    return ".".join([b64url(json.dumps(head).encode()), b64url(json.dumps(claims).encode()), b64url(b"unsigned")])


class FakeGitHub:
    def __init__(self):
        self.recorded = []
        self.lock = threading.Lock()
        self.next_id = 1
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def reply(self, status, doc):
                data = json.dumps(doc).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                url = urllib.parse.urlparse(self.path)
                m = re.fullmatch(r"/token/([^/]+/[^/]+)/([^/]+)", url.path)
                if m:
                    if self.headers.get("Authorization") != "Bearer " + REQUEST_TOKEN:
                        return self.reply(401, {"message": "bad request token"})
                    aud = urllib.parse.parse_qs(url.query).get("audience", ["sts.amazonaws.com"])[0]
                    return self.reply(200, {"value": id_token(m.group(1), m.group(2), aud)})
                if re.fullmatch(r"/repos/[^/]+/[^/]+/deployments(/[0-9]+/statuses)?", url.path):
                    return self.reply(200, [])  # no deployment GitHub made for the job
                if url.path == "/recorded":
                    with fake.lock:
                        return self.reply(200, list(fake.recorded))
                self.reply(404, {"message": "Not Found"})

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                doc = json.loads(body or b"{}")
                path = urllib.parse.urlparse(self.path).path
                with fake.lock:
                    if re.fullmatch(r"/repos/[^/]+/[^/]+/deployments", path):
                        dep_id, fake.next_id = fake.next_id, fake.next_id + 1
                        fake.recorded.append({"path": path, "id": dep_id, "body": doc})
                        return self.reply(201, {"id": dep_id, "environment": doc.get("environment"), "ref": doc.get("ref")})
                    if re.fullmatch(r"/repos/[^/]+/[^/]+/deployments/[0-9]+/statuses", path):
                        fake.recorded.append({"path": path, "body": doc})
                        return self.reply(201, {"state": doc.get("state")})
                self.reply(404, {"message": "Not Found"})

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)

    @property
    def url(self):
        return "http://127.0.0.1:%d" % self.server.server_address[1]

    def start(self):
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self.url

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


def main():
    port_file = sys.argv[1]
    fake = FakeGitHub()
    with open(port_file + ".tmp", "w") as f:
        f.write(str(fake.server.server_address[1]))
    os.rename(port_file + ".tmp", port_file)
    fake.server.serve_forever()


if __name__ == "__main__":
    main()
