"""The app side of a local environment, shared by the lifecycle test
(tests/lifecycle) and `make demo`: how the Backend-repo workflows call the
deploy action, run the way actions/runner runs it
(tests/integration/support/runner.py), against local AWS and a fake GitHub
(scripts/fake_github.py).
"""
import json
import os
import re
import shutil
import sys
import time

import boto3

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "integration", "support"))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
from fake_github import REQUEST_TOKEN  # noqa: E402
from runner import run_action  # noqa: E402

BINARY = os.path.join(os.environ.get("CARGO_TARGET_DIR") or os.path.expanduser("~/.cache/ecom-deploy/cargo-target"),
                      "release", "ecom-deploy")


# The app repository the local environment's deploy roles trust: the test
# value scripts/tf-local-workdir.sh writes for the variable the committed
# terraform.tfvars leaves to the adopter.
LOCAL_BACKEND_REPOSITORY = "env-plan-test/backend"


def env_setting(env, name):
    """A literal of _CloudOps/env/<env>/main.tf (`name = "value"`), else the stack's default; None if neither."""
    with open(os.path.join(ROOT, "_CloudOps", "env", env, "main.tf")) as f:
        m = re.search(r'^\s*%s\s*=\s*"([^"]+)"' % re.escape(name), f.read(), re.M)
    if m:
        return m.group(1)
    with open(os.path.join(ROOT, "_CloudOps", "stack", "variables.tf")) as f:
        var = re.search(r'variable "%s" \{.*?\n\}' % re.escape(name), f.read(), re.S)
    m = var and re.search(r'^\s*default\s*=\s*"([^"]+)"', var.group(0), re.M)
    return m.group(1) if m else None


def backend_workspace(parent):
    """What actions/checkout leaves in the workspace of a Backend-repo job."""
    ws = os.path.join(parent, "Backend-repo")
    shutil.copytree(os.path.join(ROOT, "Backend-repo"), ws, ignore=shutil.ignore_patterns("__pycache__", ".pytest_cache"))
    return ws


def push_image(region, repo, tag):
    """Stands in for the app workflow's `docker push` (app CI, not infrastructure):
    an image manifest in the ECR repository Terraform created. Returns (image, digest)."""
    ecr = boto3.client("ecr", region_name=region)
    manifest = {"schemaVersion": 2, "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
                "config": {"mediaType": "application/vnd.docker.container.image.v1+json", "size": 1, "digest": "sha256:" + "0" * 64},
                "layers": [{"mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip", "size": 1, "digest": "sha256:" + "1" * 64}]}
    ecr.put_image(repositoryName=repo, imageManifest=json.dumps(manifest), imageTag=tag)
    uri = ecr.describe_repositories(repositoryNames=[repo])["repositories"][0]["repositoryUri"]
    digest = ecr.describe_images(repositoryName=repo, imageIds=[{"imageTag": tag}])["imageDetails"][0]["imageDigest"]
    return "%s:%s" % (uri, tag), digest


def lambda_inputs(env, region, role_arn):
    # As in Backend-repo/.github/workflows/deploy-lambda-catalog.yml, without
    # check-payload: invoking a function in moto needs Docker.
    return {"mode": "lambda", "role-to-assume": role_arn, "aws-region": region, "environment": env,
            "function-name": "ecom-%s-lambda-catalog" % env, "source": "lambda-catalog/src",
            "exclude": "**/__pycache__/**", "alias": "live"}


def ecs_inputs(env, region, role_arn, image):
    # As in Backend-repo/.github/workflows/deploy-orders-service.yml.
    return {"mode": "ecs", "role-to-assume": role_arn, "aws-region": region, "environment": env,
            "infra-parameters": "/ecom/%s/backend/" % env, "task-definition": "orders-service/taskdef.yaml",
            "container-name": "orders", "image": image, "service": "orders", "desired-count": "2",
            "container-port": "8080", "path-pattern": "/orders,/orders/*", "health-check-path": "/health",
            "wait-timeout-minutes": "15", "role-duration-seconds": "3600"}


def deploy(ws, inputs, github_url, repo, env):
    """One step of a Backend-repo job in GitHub environment `env`: the action with
    GitHub's OIDC token service and API faked at github_url. Returns (result, seconds)."""
    step_env = {
        "AWS_ENDPOINT_URL": os.environ["AWS_ENDPOINT_URL"],
        "AWS_EC2_METADATA_DISABLED": "true",
        "ACTIONS_ID_TOKEN_REQUEST_URL": "%s/token/%s/%s?api-version=2.0" % (github_url, repo, env),
        "ACTIONS_ID_TOKEN_REQUEST_TOKEN": REQUEST_TOKEN,
        "GITHUB_API_URL": github_url,
        "GITHUB_REPOSITORY": repo,
    }
    t0 = time.time()
    r = run_action(BINARY, ws, inputs, step_env, timeout=600)
    return r, time.time() - t0
