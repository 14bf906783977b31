"""taskdef.yaml must stay consistent with the service and the deploy workflow."""

from __future__ import annotations

from pathlib import Path

import pytest

yaml = pytest.importorskip("yaml")

SERVICE_DIR = Path(__file__).resolve().parent.parent
WORKFLOW = SERVICE_DIR.parent / ".github" / "workflows" / "deploy-orders-service.yml"


@pytest.fixture(scope="module")
def taskdef():
    return yaml.safe_load((SERVICE_DIR / "taskdef.yaml").read_text())


@pytest.fixture(scope="module")
def container(taskdef):
    (orders,) = [c for c in taskdef["containerDefinitions"] if c["name"] == "orders"]
    return orders


def test_fargate_awsvpc_shape(taskdef):
    assert taskdef["networkMode"] == "awsvpc"
    assert taskdef["requiresCompatibilities"] == ["FARGATE"]
    # RegisterTaskDefinition takes cpu/memory as strings.
    assert (taskdef["cpu"], taskdef["memory"]) == ("256", "512")
    assert taskdef["executionRoleArn"].startswith("arn:aws:iam::")


def test_container_matches_workflow_inputs(container):
    # container-name: orders, container-port: 8080 in deploy-orders-service.yml
    assert container["image"] == "orders"
    assert container["portMappings"][0]["containerPort"] == 8080
    env = {e["name"]: e["value"] for e in container["environment"]}
    assert env["PORT"] == "8080"


def test_logs_and_health_check(container):
    assert container["logConfiguration"]["logDriver"] == "awslogs"
    assert set(container["logConfiguration"]["options"]) >= {
        "awslogs-group",
        "awslogs-region",
        "awslogs-stream-prefix",
    }
    health = container["healthCheck"]
    assert health["command"][0] == "CMD"
    assert "http://127.0.0.1:8080/health" in health["command"][-1]


def test_keys_are_camel_case(taskdef):
    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                # awslogs options are free-form driver options, not API keys.
                if key != "options":
                    assert "-" not in key and "_" not in key and key[0].islower(), key
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(taskdef)


def test_health_check_command_really_probes_the_server(server, container):
    """Run the container health check's Python snippet against the live server."""
    import subprocess
    import sys

    port = server.server_address[1]
    snippet = container["healthCheck"]["command"][-1].replace("8080", str(port))
    assert subprocess.run([sys.executable, "-c", snippet], timeout=10).returncode == 0


def test_workflow_inputs_match_taskdef(taskdef, container):
    steps = [
        step
        for job in yaml.safe_load(WORKFLOW.read_text())["jobs"].values()
        for step in job["steps"]
        if step.get("uses", "").startswith("org/ecom-deploy@")
    ]
    (deploy,) = steps
    inputs = deploy["with"]
    assert inputs["mode"] == "ecs"
    assert inputs["container-name"] == container["name"]
    assert int(inputs["container-port"]) == container["portMappings"][0]["containerPort"]
    assert inputs["health-check-path"] == "/health"
    # dev uses taskdef.yaml as is; the render step rewrites "ecom-dev" for others.
    assert "ecom-dev" in taskdef["executionRoleArn"]
    assert "ecom-dev" in container["logConfiguration"]["options"]["awslogs-group"]


def test_names_match_what_terraform_creates_in_dev(taskdef, container):
    # _CloudOps module backend with name_prefix "ecom-dev": execution role
    # <name_prefix>-ecs-task-execution, log group /ecs/<name_prefix>/<service>,
    # in the environments' region (eu-west-1). Keep in step with the module.
    assert taskdef["executionRoleArn"].endswith(":role/ecom-dev-ecs-task-execution")
    options = container["logConfiguration"]["options"]
    assert options["awslogs-group"] == "/ecs/ecom-dev/orders"
    assert options["awslogs-region"] == "eu-west-1"
    assert taskdef["family"] == "ecom-dev-orders"
