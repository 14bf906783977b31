"""../web-ssr/taskdef.yaml (the frontend cluster's template) takes its roles,
log group, family and region from what Terraform publishes, never literals."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

yaml = pytest.importorskip("yaml")

FRONTEND_REPO = Path(__file__).resolve().parents[2]
TASKDEF = FRONTEND_REPO / "web-ssr" / "taskdef.yaml"
CONTRACT = FRONTEND_REPO.parent / "contract" / "infra-parameters.yaml"
REFERENCE = re.compile(r"\$\{([^}]*)\}")


def test_references_instead_of_account_role_and_region():
    taskdef = yaml.safe_load(TASKDEF.read_text())
    (web,) = taskdef["containerDefinitions"]
    assert taskdef["family"] == "${infra.family-prefix}storefront-web"
    assert taskdef["executionRoleArn"] == "${infra.execution-role-arn}"
    assert taskdef["taskRoleArn"] == "${infra.task-role-arn-prefix}storefront-web"
    options = web["logConfiguration"]["options"]
    assert options["awslogs-group"] == "${infra.log-group-prefix}storefront-web"
    assert options["awslogs-region"] == "${aws.region}"


def test_no_literal_account_region_or_environment():
    text = TASKDEF.read_text()
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    assert not re.search(r"\b[0-9]{12}\b", body)
    assert not re.search(r"\b[a-z]{2}-[a-z]+-[0-9]\b", body)
    assert "ecom-dev" not in body and "ecom-prod" not in body
    assert not any(REFERENCE.search(line) for line in text.splitlines() if line.lstrip().startswith("#"))


def test_every_infra_reference_is_in_the_contract():
    if not CONTRACT.exists():
        pytest.skip("contract/infra-parameters.yaml is not in this checkout")
    names = {p["name"] for p in yaml.safe_load(CONTRACT.read_text())["parameters"]}
    refs = set(REFERENCE.findall(TASKDEF.read_text()))
    infra = {r.split(".", 1)[1] for r in refs if r.startswith("infra.")}
    assert infra and infra <= names, sorted(infra - names)
    assert refs - {f"infra.{n}" for n in infra} <= {"aws.region", "aws.account-id"}
