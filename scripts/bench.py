"""Deploy benchmarks against moto (run by `make bench` under with-local-aws.sh).

Prints figures; asserts nothing about speed. Each deploy goes through the
recording proxy (tests/integration/support/aws_proxy.py), which counts the AWS API calls
and stamps the first one.
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target")), "release/ecom-deploy")
SUPPORT = os.path.join(ROOT, "tests/integration/support")
RUNS = int(os.environ.get("BENCH_RUNS", "5"))


def seed(*args):
    return json.loads(subprocess.check_output([sys.executable, os.path.join(SUPPORT, "seed.py"), *args]))


class Proxy:
    def __init__(self):
        self.dir = tempfile.mkdtemp()
        self.log = os.path.join(self.dir, "calls.log")
        port_file = os.path.join(self.dir, "port")
        open(self.log, "w").close()
        with open(os.path.join(self.dir, "rules.json"), "w") as f:
            f.write("[]")
        self.proc = subprocess.Popen([sys.executable, os.path.join(SUPPORT, "aws_proxy.py"), os.environ["AWS_ENDPOINT_URL"],
                                      port_file, os.path.join(self.dir, "rules.json"), self.log])
        while not os.path.exists(port_file):
            time.sleep(0.05)
        self.url = "http://127.0.0.1:" + open(port_file).read().strip()

    def calls(self):
        return [json.loads(line) for line in open(self.log)]

    def clear(self):
        open(self.log, "w").close()

    def stop(self):
        self.proc.kill()
        self.proc.wait()


def run(proxy, workspace, inputs):
    env = {k: v for k, v in os.environ.items() if k.startswith("AWS_") or k in ("PATH", "HOME")}
    env.update({"AWS_ENDPOINT_URL": proxy.url, "GITHUB_WORKSPACE": workspace})
    env.update({"INPUT_" + k.upper(): v for k, v in inputs.items()})
    proxy.clear()
    t0 = time.time()
    out = subprocess.run([BIN], env=env, capture_output=True, text=True)
    wall = time.time() - t0
    if out.returncode != 0:
        sys.exit("deploy failed:\n" + out.stdout + out.stderr)
    calls = proxy.calls()
    first = calls[0]["t"] - t0 if calls else float("nan")
    return wall, len(calls), first, out.stdout


def median(xs):
    xs = sorted(xs)
    return xs[len(xs) // 2]


def bench_lambda(proxy):
    ws = tempfile.mkdtemp()
    src = os.path.join(ROOT, "Backend-repo/lambda-catalog/src")
    rows = []
    firsts, unchanged_walls, unchanged_calls, full_walls, full_calls = [], [], [], [], []
    for i in range(RUNS):
        name = "bench-catalog-%d-%d" % (os.getpid(), i)
        seed("lambda", name)
        inputs = {"mode": "lambda", "function-name": name, "source": src, "exclude": "**/__pycache__/**"}
        wall, n, first, _ = run(proxy, ws, inputs)
        full_walls.append(wall), full_calls.append(n), firsts.append(first)
        wall, n, first, _ = run(proxy, ws, inputs)
        unchanged_walls.append(wall), unchanged_calls.append(n), firsts.append(first)
    rows.append(("lambda: first deploy", median(full_walls), median(full_calls)))
    rows.append(("lambda: unchanged re-deploy", median(unchanged_walls), median(unchanged_calls)))
    return rows, median(firsts)


def bench_ecs(proxy):
    rows = []
    walls, calls, waits, uwalls, ucalls = [], [], [], [], []
    for i in range(RUNS):
        infra = seed("ecs", "bench%d-%d" % (os.getpid() % 10000, i))
        ws = tempfile.mkdtemp()
        with open(os.path.join(ws, "taskdef.yaml"), "w") as f:
            f.write(open(os.path.join(ROOT, "Backend-repo/orders-service/taskdef.yaml")).read())
        inputs = {"mode": "ecs", "task-definition": "taskdef.yaml", "container-name": "orders",
                  "image": infra["repo"] + ":v1", "cluster": infra["cluster"], "service": "orders",
                  "desired-count": "2", "subnets": ",".join(infra["subnets"]), "security-groups": infra["security_group"],
                  "listener-arn": infra["listener_arn"], "path-pattern": "/orders,/orders/*"}
        wall, n, _, out = run(proxy, ws, inputs)
        waits.append(wait_seconds(out))
        walls.append(wall), calls.append(n)
        wall, n, _, _ = run(proxy, ws, inputs)
        uwalls.append(wall), ucalls.append(n)
    rows.append(("ecs: first deploy (overhead, excl. wait)", median([w - s for w, s in zip(walls, waits)]), median(calls)))
    rows.append(("ecs: unchanged re-deploy", median(uwalls), median(ucalls)))
    return rows


def wait_seconds(stdout):
    """Seconds between 'waiting for deployment' and the end, from the log stamps."""
    stamps = [(float(m.group(1)), line) for line in stdout.splitlines() for m in [re.match(r"\[\s*([0-9.]+)s\] ", line)] if m]
    start = next((t for t, line in stamps if "waiting for deployment" in line), None)
    return (stamps[-1][0] - start) if start is not None and stamps else 0.0


def main():
    size = os.path.getsize(BIN)
    proxy = Proxy()
    try:
        lrows, first = bench_lambda(proxy)
        erows = bench_ecs(proxy)
    finally:
        proxy.stop()
    print("release binary: %.1f MB (%s)" % (size / 1048576, BIN))
    print("start to first AWS call: %.0f ms (median of %d runs)" % (first * 1000, 2 * RUNS))
    print("%-44s %10s %10s" % ("deploy (moto, median of %d)" % RUNS, "wall s", "AWS calls"))
    for name, wall, n in lrows + erows:
        print("%-44s %10.3f %10d" % (name, wall, n))


if __name__ == "__main__":
    main()
