"""The app steps of `make demo` (scripts/demo.sh), against local AWS.

usage: demo_apps.py seed ENV TABLE
    Puts the sample products into the catalog table Terraform created.
usage: demo_apps.py deploy ENV ROLE_ARN SUMMARY_FILE
    Deploys lambda-catalog and orders-service with the action, twice, as the
    Backend-repo workflows call it (scripts/local_shop.py), with GitHub's OIDC
    token service and API faked on loopback (scripts/fake_github.py). Round 2
    must report changed=false for both. Writes the summary to SUMMARY_FILE.
"""
import os
import sys
import tempfile
from decimal import Decimal

import boto3

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fake_github import FakeGitHub  # noqa: E402
from local_shop import BINARY, LOCAL_BACKEND_REPOSITORY, backend_workspace, deploy, ecs_inputs, env_setting, lambda_inputs, push_image  # noqa: E402

PRODUCTS = [
    {"product_id": "p-001", "category": "books", "name": "Rust in Action", "price": 3999,
     "description": "Programación de sistemas con Rust."},
    {"product_id": "p-002", "category": "books", "name": "Serverless Patterns", "price": 2950,
     "description": "Arquitecturas sin servidores en AWS."},
    {"product_id": "p-003", "category": "books", "name": "Terraform Up & Running", "price": 4500,
     "description": "Infraestructura como código."},
    {"product_id": "p-004", "category": "games", "name": "Juego de mesa", "price": 2499,
     "description": "Para toda la familia."},
    {"product_id": "p-005", "category": "music", "name": "Vinilo", "price": 1999,
     "description": "Edición limitada."},
]


def seed(env, table):
    t = boto3.resource("dynamodb", region_name=env_setting(env, "aws_region")).Table(table)
    with t.batch_writer() as w:
        for p in PRODUCTS:
            w.put_item(Item={k: Decimal(v) if isinstance(v, int) else v for k, v in p.items()})
    print("seeded %d products into %s" % (len(PRODUCTS), table))


def deploy_all(env, role_arn, summary_file):
    if not os.access(BINARY, os.X_OK):
        sys.exit("the action's release binary %s is missing: run `cargo build --release`" % BINARY)
    region = env_setting(env, "aws_region")
    repo = LOCAL_BACKEND_REPOSITORY
    gh = FakeGitHub()
    gh.start()
    ws = backend_workspace(tempfile.mkdtemp(prefix="demo-ws-"))
    image, _ = push_image(region, "ecom-%s-orders" % env, "0123456789abcdef0123456789abcdef01234567")
    print("pushed %s (stands in for the app workflow's docker push)" % image, flush=True)
    rows = []
    for rnd in (1, 2):
        for app, inputs in (("lambda-catalog", lambda_inputs(env, region, role_arn)),
                            ("orders-service", ecs_inputs(env, region, role_arn, image))):
            print("round %d: deploying %s with the action..." % (rnd, app), flush=True)
            r, secs = deploy(ws, inputs, gh.url, repo, env)
            if r["code"] != 0:
                sys.exit("deploy of %s failed:\n%s\n%s" % (app, r["stdout"][-4000:], r["stderr"][-2000:]))
            o = r["outputs"]
            what = ("version %s (was %s)" % (o.get("version"), o.get("previous-version")) if app == "lambda-catalog"
                    else "%s, %s" % (o.get("task-definition-arn", "").rsplit("/", 1)[-1], o.get("image-digest", "")[:19]))
            rows.append("round %d  %-15s changed=%-5s %5.1fs  %s" % (rnd, app, o.get("changed"), secs, what))
            print("  " + rows[-1], flush=True)
            if rnd == 2 and o.get("changed") != "false":
                sys.exit("round 2 of %s changed something: %s" % (app, o))
    deployments = [d for d in gh.recorded if "id" in d]
    rows.append("GitHub deployments recorded (fake API): %d, environment %s" % (len(deployments), env))
    gh.stop()
    with open(summary_file, "w") as f:
        f.write("\n".join(rows) + "\n")


if __name__ == "__main__":
    if sys.argv[1:2] == ["seed"] and len(sys.argv) == 4:
        seed(sys.argv[2], sys.argv[3])
    elif sys.argv[1:2] == ["deploy"] and len(sys.argv) == 5:
        deploy_all(*sys.argv[2:5])
    else:
        sys.exit(__doc__)
