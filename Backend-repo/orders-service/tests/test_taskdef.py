"""taskdef.yaml must stay consistent with the service and the deploy workflow."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

yaml = pytest.importorskip("yaml")

SERVICE_DIR = Path(__file__).resolve().parent.parent
WORKFLOWS = SERVICE_DIR.parent / ".github" / "workflows"
# The deploy job (the action step) is in the reusable workflow the pipeline
# calls for dev and then prod.
WORKFLOW = WORKFLOWS / "promote-orders-service.yml"
PIPELINE = WORKFLOWS / "deploy-orders-service.yml"
# In this monorepo the infrastructure sits next to the app repos; a split-out
# Backend-repo skips the checks that read it.
REPO_ROOT = SERVICE_DIR.parent.parent
CONTRACT = REPO_ROOT / "contract" / "infra-parameters.yaml"
SSM_TF = REPO_ROOT / "_CloudOps" / "stack" / "ssm.tf"
BACKEND_MODULE = REPO_ROOT / "_CloudOps" / "modules" / "backend"
# The action's template references: ${infra.NAME} and ${aws.account-id|region}.
REFERENCE = re.compile(r"\$\{([^}]*)\}")


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
    # One template for every environment: the action resolves the references.
    assert inputs["task-definition"] == "orders-service/taskdef.yaml"
    assert inputs["infra-parameters"].startswith("/ecom/") and inputs["infra-parameters"].endswith("/backend/")


def test_roles_logs_family_and_region_come_from_terraform(taskdef, container):
    # Exactly the contract parameters Terraform publishes for the backend stack
    # (_CloudOps/stack/ssm.tf) and the caller's region; nothing hand-edited.
    assert taskdef["family"] == "${infra.family-prefix}orders"
    assert taskdef["executionRoleArn"] == "${infra.execution-role-arn}"
    assert taskdef["taskRoleArn"] == "${infra.task-role-arn-prefix}orders"
    options = container["logConfiguration"]["options"]
    assert options["awslogs-group"] == "${infra.log-group-prefix}orders"
    assert options["awslogs-region"] == "${aws.region}"


def test_no_account_region_or_environment_is_written_in():
    text = (SERVICE_DIR / "taskdef.yaml").read_text()
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    assert not re.search(r"\b[0-9]{12}\b", body), "an account ID is written in taskdef.yaml"
    assert not re.search(r"\b[a-z]{2}-[a-z]+-[0-9]\b", body), "a region is written in taskdef.yaml"
    assert "ecom-dev" not in body and "ecom-prod" not in body
    # References in comments would be resolved too if the action templated raw text.
    assert not any(REFERENCE.search(line) for line in text.splitlines() if line.lstrip().startswith("#"))


def test_every_reference_is_published():
    if not CONTRACT.exists():
        pytest.skip("contract/infra-parameters.yaml is not in this checkout")
    contract = {p["name"] for p in yaml.safe_load(CONTRACT.read_text())["parameters"]}
    refs = set(REFERENCE.findall((SERVICE_DIR / "taskdef.yaml").read_text()))
    infra = {r.split(".", 1)[1] for r in refs if r.startswith("infra.")}
    assert infra and infra <= contract, f"not in the contract: {sorted(infra - contract)}"
    assert refs - {f"infra.{n}" for n in infra} <= {"aws.region", "aws.account-id"}
    # ssm.tf publishes each of them for the backend stack.
    ssm = SSM_TF.read_text()
    backend = ssm[ssm.index("    backend = {") :]
    backend = backend[: backend.index("\n    }")]
    for name in infra:
        assert f'"{name}"' in backend, f"{name} is not published for the backend stack in ssm.tf"


def test_resolved_names_match_what_terraform_creates():
    """With the values Terraform publishes for an environment, the references
    give the names the backend module creates (log group, task role)."""
    if not BACKEND_MODULE.exists():
        pytest.skip("_CloudOps is not in this checkout")
    main = (BACKEND_MODULE / "main.tf").read_text()
    ecs = (BACKEND_MODULE / "ecs.tf").read_text()
    outputs = (BACKEND_MODULE / "outputs.tf").read_text()
    # log groups: /ecs/${var.name_prefix}/<service>; prefix output /ecs/${var.name_prefix}/
    assert 'n => "/ecs/${var.name_prefix}/${n}"' in main
    assert 'value       = "/ecs/${var.name_prefix}/"' in outputs
    # task roles: <cluster>-task-<service>; prefix output ends in role/<cluster>-task-
    assert 'name        = "${local.task_role_name_prefix}${each.value}"' in ecs
    assert 'task_role_name_prefix = "${local.ecs_cluster_name}-task-"' in ecs
    assert ":role/${local.task_role_name_prefix}\"" in ecs


def test_pipeline_tests_prs_and_promotes_one_image():
    """Pull requests run the tests; prod deploys the digest dev deployed."""
    pipeline = yaml.safe_load(PIPELINE.read_text())
    on = pipeline[True] if True in pipeline else pipeline["on"]  # YAML 1.1 reads `on` as True
    assert "pull_request" in on and "push" in on
    jobs = pipeline["jobs"]
    assert "if" not in jobs["test"], "tests must run on pull requests too"
    assert jobs["build"]["if"] == "github.event_name != 'pull_request'"
    dev, prod = jobs["deploy-dev"], jobs["deploy-prod"]
    for job, env in ((dev, "dev"), (prod, "prod")):
        assert job["uses"] == "./.github/workflows/promote-orders-service.yml"
        assert job["with"]["environment"] == env
        assert job["with"]["digest"] == "${{ needs.build.outputs.digest }}"
        assert job["with"]["sha256"] == "${{ needs.build.outputs.sha256 }}"
    assert "deploy-dev" in prod["needs"] and prod["if"] == "github.ref == 'refs/heads/main'"
    # Nothing rebuilds after the build job: no build step in the deploy workflow.
    promote = yaml.safe_load(WORKFLOW.read_text())
    steps = promote["jobs"]["deploy"]["steps"]
    assert not any("build-push-action" in s.get("uses", "") for s in steps)
    (deploy,) = [s for s in steps if s.get("uses", "").startswith("org/ecom-deploy@")]
    assert deploy["with"]["image"] == "${{ steps.image.outputs.image }}"
    copy = next(s for s in steps if s.get("id") == "image")
    assert "--preserve-digests" in copy["run"] and '@${DIGEST}' in copy["run"]
    assert promote["jobs"]["deploy"]["environment"] == "${{ inputs.environment }}"
