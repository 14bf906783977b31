"""A recording, fault-injecting HTTP proxy in front of moto, for tests.

Every request is logged (one JSON line: op, method, path) so tests can count
AWS API calls. Rules (a JSON file, re-read per request) can answer a call
without moto ("respond"), patch moto's JSON answer ("patch"), or send another
request to moto first ("pre") to simulate a concurrent actor.

Strict mode (strict_aws.py, ON by default) models real-AWS behaviours that moto
lacks: Lambda update/version states and RevisionIds, ECS task definition
defaults, deployments, circuit-breaker rollbacks and deployment controllers, and
STS's transient InvalidIdentityToken. It sees the world after a rule's "pre"
request, answers before a "respond" rule, and a "patch" applies on top of its
rewritten answers. Each
intervention adds "strict": [names] to the call's log line. See strict_aws.py
for the behaviour names, the {"strict_off": [...]} rules entry and
AWS_PROXY_STRICT_OFF, and the ECS scenario rule actions
("circuit_breaker_rollback", "replaced_by_other_deploy").

usage: aws_proxy.py UPSTREAM_URL PORT_FILE RULES_FILE LOG_FILE
"""
import http.client
import json
import os
import re
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import strict_aws  # noqa: E402

UPSTREAM, PORT_FILE, RULES_FILE, LOG_FILE = sys.argv[1:5]
up = urllib.parse.urlparse(UPSTREAM)
LOCK = threading.Lock()
USED = {}
HOP = {"transfer-encoding", "content-length", "connection", "keep-alive"}


def operation(method, path, headers, body):
    target = headers.get("X-Amz-Target")
    if target:
        return target.split(".")[-1]
    ctype = headers.get("Content-Type", "")
    if "x-www-form-urlencoded" in ctype:
        action = urllib.parse.parse_qs(body.decode("utf-8", "replace")).get("Action")
        if action:
            return action[0]
    return "%s %s" % (method, urllib.parse.urlparse(path).path)


def set_path(doc, dotted, value):
    keys = dotted.split(".")
    cur = doc
    for k in keys[:-1]:
        cur = cur[int(k)] if isinstance(cur, list) else cur[k]
    last = keys[-1]
    if isinstance(cur, list):
        cur[int(last)] = value
    else:
        cur[last] = value


def used(rule):
    """The rule, counted as used. "after": N skips the first N matching calls,
    and "times": N then applies it to the next N only (None otherwise)."""
    if "times" in rule or "after" in rule:
        key = json.dumps(rule, sort_keys=True)
        with LOCK:
            USED[key] = USED.get(key, 0) + 1
            seen = USED[key] - rule.get("after", 0)
            if seen < 1 or seen > rule.get("times", seen):
                return None
    return rule


def upstream(method, path, headers, body):
    conn = http.client.HTTPConnection(up.hostname, up.port, timeout=60)
    conn.request(method, path, body=body, headers=headers)
    resp = conn.getresponse()
    data = resp.read()
    out = (resp.status, [(k, v) for k, v in resp.getheaders() if k.lower() not in HOP], data)
    conn.close()
    return out


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def handle_any(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP}
        op = operation(self.command, self.path, self.headers, body)
        entry = {"op": op, "method": self.command, "path": self.path, "t": time.time()}
        # The access key that signed the call (SigV4 "Credential=AKID/date/…"),
        # so tests can tell which credentials the binary used.
        m = re.search(r"Credential=([^/,\s]+)/", self.headers.get("Authorization", ""))
        if m:
            entry["access_key"] = m.group(1)
        ctype = self.headers.get("Content-Type", "")
        if 0 < len(body) < 65536 and "json" in ctype:
            try:
                entry["body"] = json.loads(body)
            except ValueError:
                pass
        elif 0 < len(body) < 65536 and "x-www-form-urlencoded" in ctype:
            entry["body"] = {k: v[0] for k, v in urllib.parse.parse_qs(body.decode("utf-8", "replace")).items()}
        try:
            status, rheaders, data = self.answer(op, headers, body, entry)
        finally:  # logged before the reply, so a test that got its answer sees the line
            with open(LOG_FILE, "a") as f:
                f.write(json.dumps(entry) + "\n")
        self.reply(status, rheaders, data)

    def answer(self, op, headers, body, entry):
        try:
            rules = json.load(open(RULES_FILE))
        except (OSError, ValueError):
            rules = []
        cfg = strict_aws.Config(rules)
        if cfg.unknown:
            msg = "aws_proxy: unknown strict behaviour(s) %s; known: %s" % (cfg.unknown, list(strict_aws.KNOBS))
            return 500, [("Content-Type", "text/plain")], msg.encode()
        rules = [r for r in rules if isinstance(r, dict)]
        rule = next((r for r in rules if r.get("op") == op and r.get("path_contains", "") in self.path), None)
        if rule and rule.get("action") == "pre":
            rule = used(rule)
        if rule and rule.get("action") == "pre":
            p = rule["pre"]
            # moto routes by the signature's service name: reuse the caller's Authorization.
            pre_headers = {"Content-Type": "application/json", "Authorization": self.headers.get("Authorization", "")}
            status, _, data = upstream(p["method"], p["path"], pre_headers, json.dumps(p.get("body", {})).encode())
            if status >= 300:  # make a broken test setup visible in the call log
                with open(LOG_FILE, "a") as f:
                    f.write(json.dumps({"op": "PRE-FAILED %d %s" % (status, data[:200].decode("utf-8", "replace"))}) + "\n")
        # Strict mode sees the world after a "pre" actor (as AWS would: that actor came first) and
        # answers before a "respond" rule (AWS refuses before the function, faked by the rule, runs).
        call = strict_aws.Call(cfg, upstream, self.command, self.path, headers, body, op, entry)
        early = strict_aws.before(call)
        if early and early[0] == "answer":
            return early[1:]
        if early and early[0] == "forward":
            body = early[1]
        if rule and rule.get("action") != "pre":  # a call strict mode answered did not use the rule
            rule = used(rule)
        if rule and rule.get("action") == "respond":
            data = json.dumps(rule.get("body", {})).encode() if not isinstance(rule.get("body"), str) else rule["body"].encode()
            return rule.get("status", 200), list(rule.get("headers", {}).items()), data
        if rule and rule.get("action") in strict_aws.SCENARIOS:
            call.scenario = rule
        status, rheaders, data = upstream(self.command, self.path, headers, body)
        data = strict_aws.after(call, status, data)
        if rule and rule.get("action") == "patch" and status == 200:
            doc = json.loads(data)
            try:
                for k, v in rule["patch"].items():
                    set_path(doc, k, v)
                data = json.dumps(doc).encode()
            except (KeyError, IndexError, TypeError):
                pass  # nothing to patch in this answer (e.g. no service yet)
        return status, rheaders, data

    def reply(self, status, headers, data):
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = handle_any


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(PORT_FILE + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
os.rename(PORT_FILE + ".tmp", PORT_FILE)
server.serve_forever()
