"""The test proxy's strict mode, shown happening against moto.

Run under the local AWS: scripts/with-local-aws.sh pytest -q tests/integration/support/test_aws_proxy.py
Each test starts aws_proxy.py exactly as the Rust tests do
(aws_proxy.py UPSTREAM_URL PORT_FILE RULES_FILE LOG_FILE) and talks to it with boto3,
retries off, so every strict answer is seen as AWS would send it.
"""
import http.client
import io
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.parse
import uuid
import zipfile

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

HERE = os.path.dirname(os.path.abspath(__file__))
REGION = "us-east-1"
NO_RETRY = Config(retries={"max_attempts": 1, "mode": "standard"})


def moto():
    url = os.environ.get("AWS_ENDPOINT_URL")
    if not url:
        pytest.fail("these tests need the local AWS: run them under scripts/with-local-aws.sh")
    return url


class Proxy:
    def __init__(self, env=None):
        self.dir = tempfile.TemporaryDirectory()
        d = self.dir.name
        self.port_file, self.rules_file, self.log_file = (os.path.join(d, n) for n in ("port", "rules.json", "calls.log"))
        self.rules([])
        open(self.log_file, "w").close()
        self.proc = subprocess.Popen(
            [sys.executable, os.path.join(HERE, "aws_proxy.py"), moto(), self.port_file, self.rules_file, self.log_file],
            env=dict(os.environ, **(env or {})), stdout=subprocess.DEVNULL)
        start = time.time()
        while not os.path.exists(self.port_file):
            assert time.time() - start < 20, "proxy did not start"
            assert self.proc.poll() is None, "proxy exited"
            time.sleep(0.05)
        self.url = "http://127.0.0.1:%s" % open(self.port_file).read().strip()

    def rules(self, rules):
        with open(self.rules_file, "w") as f:
            json.dump(rules, f)

    def log(self):
        return [json.loads(line) for line in open(self.log_file) if line.strip()]

    def strict(self):
        return [name for e in self.log() for name in e.get("strict", [])]

    def client(self, service):
        return boto3.client(service, endpoint_url=self.url, region_name=REGION, config=NO_RETRY)

    def close(self):
        self.proc.kill()
        self.proc.wait()
        self.dir.cleanup()


@pytest.fixture
def proxy():
    p = Proxy()
    yield p
    p.close()


def direct(service):
    return boto3.client(service, endpoint_url=moto(), region_name=REGION)


def code(text):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("app.py", text)
    return buf.getvalue()


def function():
    """A function in moto, made behind the proxy's back, with one published version."""
    iam, lam = direct("iam"), direct("lambda")
    trust = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}
    try:
        role = iam.create_role(RoleName="proxy-test", AssumeRolePolicyDocument=json.dumps(trust))["Role"]["Arn"]
    except iam.exceptions.EntityAlreadyExistsException:
        role = iam.get_role(RoleName="proxy-test")["Role"]["Arn"]
    name = "fn-" + uuid.uuid4().hex[:8]
    lam.create_function(FunctionName=name, Runtime="python3.12", Role=role, Handler="app.handler",
                        Code={"ZipFile": code("x = 1\n")})
    return name


def error(exc_info):
    e = exc_info.value.response
    return e["ResponseMetadata"]["HTTPStatusCode"], e["Error"]["Code"], e["Error"]["Message"]


def wait_successful(lam, name):
    for _ in range(10):
        c = lam.get_function_configuration(FunctionName=name)
        if c["LastUpdateStatus"] == "Successful":
            return c
    raise AssertionError("never Successful")


# ------------------------------------------------------------------ Lambda

def test_update_code_reports_in_progress_then_successful_with_a_new_revision(proxy):
    lam, name = proxy.client("lambda"), function()
    before = lam.get_function(FunctionName=name)["Configuration"]
    assert before["LastUpdateStatus"] == "Successful"
    up = lam.update_function_code(FunctionName=name, ZipFile=code("x = 2\n"))
    assert up["LastUpdateStatus"] == "InProgress"
    assert up["RevisionId"] != before["RevisionId"]
    polls = [lam.get_function_configuration(FunctionName=name), lam.get_function(FunctionName=name)["Configuration"],
             lam.get_function_configuration(FunctionName=name), lam.get_function_configuration(FunctionName=name)]
    assert [p["LastUpdateStatus"] for p in polls] == ["InProgress", "InProgress", "Successful", "Successful"]
    assert polls[0]["RevisionId"] == polls[1]["RevisionId"] == up["RevisionId"]
    assert polls[2]["RevisionId"] != up["RevisionId"], "completion must give a new RevisionId (aws/aws-sdk#377)"
    assert polls[3]["RevisionId"] == polls[2]["RevisionId"]
    assert "lambda.update_in_progress" in proxy.strict()


def test_publish_with_the_revision_update_code_returned_is_412(proxy):
    lam, name = proxy.client("lambda"), function()
    up = lam.update_function_code(FunctionName=name, ZipFile=code("x = 2\n"))
    done = wait_successful(lam, name)
    with pytest.raises(ClientError) as e:
        lam.publish_version(FunctionName=name, RevisionId=up["RevisionId"])
    status, err, msg = error(e)
    assert (status, err) == (412, "PreconditionFailedException")
    assert "does not match the latest Revision Id" in msg
    assert proxy.log()[-1]["strict"] == ["lambda.revision_ids"]
    v = lam.publish_version(FunctionName=name, RevisionId=done["RevisionId"])
    assert v["Version"] == "1"


def test_publish_while_the_update_is_in_progress_is_409(proxy):
    lam, name = proxy.client("lambda"), function()
    lam.update_function_code(FunctionName=name, ZipFile=code("x = 2\n"))
    with pytest.raises(ClientError) as e:
        lam.publish_version(FunctionName=name)
    status, err, msg = error(e)
    assert (status, err) == (409, "ResourceConflictException")
    assert msg == ("The operation cannot be performed at this time. An update is in progress for resource: "
                   "arn:aws:lambda:us-east-1:123456789012:function:%s" % name)
    assert proxy.log()[-1]["strict"] == ["lambda.in_progress_conflict"]
    with pytest.raises(ClientError) as e:
        lam.update_function_configuration(FunctionName=name, Description="again")
    assert error(e)[:2] == (409, "ResourceConflictException")


def test_a_new_version_is_pending_then_active_and_a_pending_version_cannot_be_invoked(proxy):
    lam, name = proxy.client("lambda"), function()
    # The invocation itself is faked (moto needs Docker to invoke): strict's 409 comes first.
    proxy.rules([{"op": "POST /2015-03-31/functions/%s/invocations" % name, "action": "respond",
                  "status": 200, "headers": {"Content-Type": "application/json"}, "body": {"ok": True}}])
    v = lam.publish_version(FunctionName=name)
    assert v["State"] == "Pending"
    with pytest.raises(ClientError) as e:
        lam.invoke(FunctionName=name, Qualifier=v["Version"], Payload=b"{}")
    status, err, msg = error(e)
    assert (status, err) == (409, "ResourceConflictException")
    assert "currently in the following state: Pending" in msg
    assert proxy.log()[-1]["strict"] == ["lambda.version_pending"]
    lam.create_alias(FunctionName=name, Name="live", FunctionVersion=v["Version"])
    with pytest.raises(ClientError) as e:  # through an alias too
        lam.invoke(FunctionName=name, Qualifier="live", Payload=b"{}")
    assert error(e)[:2] == (409, "ResourceConflictException")
    states = [lam.get_function_configuration(FunctionName=name, Qualifier=v["Version"])["State"],
              lam.get_function(FunctionName=name, Qualifier=v["Version"])["Configuration"]["State"]]
    assert states == ["Pending", "Active"]
    assert json.load(lam.invoke(FunctionName=name, Qualifier=v["Version"], Payload=b"{}")["Payload"]) == {"ok": True}
    assert lam.get_function(FunctionName=name)["Configuration"]["State"] == "Active"


def test_update_alias_with_a_stale_revision_is_412(proxy):
    lam, name = proxy.client("lambda"), function()
    v1 = lam.publish_version(FunctionName=name)["Version"]
    direct("lambda").update_function_configuration(FunctionName=name, Description="v2")
    v2 = direct("lambda").publish_version(FunctionName=name)["Version"]
    a0 = lam.create_alias(FunctionName=name, Name="live", FunctionVersion=v1)["RevisionId"]
    assert lam.get_alias(FunctionName=name, Name="live")["RevisionId"] == a0
    a1 = lam.update_alias(FunctionName=name, Name="live", FunctionVersion=v2, RevisionId=a0)["RevisionId"]
    assert a1 != a0, "every UpdateAlias gives a new RevisionId"
    with pytest.raises(ClientError) as e:
        lam.update_alias(FunctionName=name, Name="live", FunctionVersion=v1, RevisionId=a0)
    assert error(e)[:2] == (412, "PreconditionFailedException")
    # Another actor moves the alias behind the proxy's back: the revision we read is stale too.
    direct("lambda").update_alias(FunctionName=name, Name="live", FunctionVersion=v1)
    with pytest.raises(ClientError) as e:
        lam.update_alias(FunctionName=name, Name="live", FunctionVersion=v2, RevisionId=a1)
    assert error(e)[:2] == (412, "PreconditionFailedException")
    fresh = lam.get_alias(FunctionName=name, Name="live")
    assert fresh["FunctionVersion"] == v1 and fresh["RevisionId"] not in (a0, a1)
    assert lam.update_alias(FunctionName=name, Name="live", FunctionVersion=v2, RevisionId=fresh["RevisionId"])["FunctionVersion"] == v2


def test_an_alias_moved_by_a_pre_actor_makes_our_update_alias_412(proxy):
    lam, name = proxy.client("lambda"), function()
    v1 = direct("lambda").publish_version(FunctionName=name)["Version"]
    direct("lambda").update_function_configuration(FunctionName=name, Description="v2")
    v2 = direct("lambda").publish_version(FunctionName=name)["Version"]
    direct("lambda").create_alias(FunctionName=name, Name="live", FunctionVersion=v1)
    seen = lam.get_alias(FunctionName=name, Name="live")
    # Another deploy moves the alias just before ours arrives: our RevisionId is stale.
    path = "/2015-03-31/functions/%s/aliases/live" % name
    proxy.rules([{"op": "PUT " + path, "action": "pre", "times": 1,
                  "pre": {"method": "PUT", "path": path, "body": {"FunctionVersion": v2}}}])
    with pytest.raises(ClientError) as e:
        lam.update_alias(FunctionName=name, Name="live", FunctionVersion=v2, RevisionId=seen["RevisionId"])
    assert error(e)[:2] == (412, "PreconditionFailedException")
    assert lam.get_alias(FunctionName=name, Name="live")["FunctionVersion"] == v2


# ------------------------------------------------------------------ ECS

def container(**extra):
    return dict({"name": "app", "image": "nginx", "essential": True, "memory": 256}, **extra)


@pytest.mark.parametrize("cpu,memory,want", [
    ("1 vCPU", "2 GB", ("1024", "2048")), ("0.5 vCPU", "1GB", ("512", "1024")),
    ("2 vcpu", "512 MB", ("2048", "512")), ("256", "512", ("256", "512")),
])
def test_task_definitions_are_stored_with_ecs_defaults(proxy, cpu, memory, want):
    ecs = proxy.client("ecs")
    family = "td-" + uuid.uuid4().hex[:8]
    td = ecs.register_task_definition(
        family=family, cpu=cpu, memory=memory, networkMode="awsvpc", requiresCompatibilities=["FARGATE"],
        containerDefinitions=[container(healthCheck={"command": ["CMD-SHELL", "true"]}),
                              container(name="side", healthCheck={"command": ["CMD", "true"], "interval": 10, "startPeriod": 5})],
    )["taskDefinition"]
    stored = direct("ecs").describe_task_definition(taskDefinition=family)["taskDefinition"]
    for t in (td, stored):  # normalized before moto stored it, not only in the answer
        assert (t["cpu"], t["memory"]) == want
        assert t["containerDefinitions"][0]["healthCheck"] == {"command": ["CMD-SHELL", "true"], "interval": 30, "timeout": 5, "retries": 3}
        assert t["containerDefinitions"][1]["healthCheck"] == {"command": ["CMD", "true"], "interval": 10, "timeout": 5, "retries": 3, "startPeriod": 5}
    assert "ecs.task_definition_defaults" in proxy.strict()


def test_header_names_in_any_case(proxy):
    # The Rust SDK sends lower-case header names; strict mode must see its requests too.
    u = urllib.parse.urlparse(proxy.url)
    conn = http.client.HTTPConnection(u.hostname, u.port)
    family = "td-" + uuid.uuid4().hex[:8]
    body = {"family": family, "cpu": "1 vCPU", "memory": "2 GB", "containerDefinitions": [container()]}
    conn.request("POST", "/", body=json.dumps(body), headers={
        "content-type": "application/x-amz-json-1.1",
        "x-amz-target": "AmazonEC2ContainerServiceV20141113.RegisterTaskDefinition",
        "authorization": "AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/ecs/aws4_request, SignedHeaders=host, Signature=0"})
    td = json.loads(conn.getresponse().read())["taskDefinition"]
    assert (td["cpu"], td["memory"]) == ("1024", "2048")
    assert proxy.log()[-1]["strict"] == ["ecs.task_definition_defaults"]


BREAKER = {"enable": True, "rollback": True}


def ecs_service(controller="ECS", breaker=BREAKER, via=None):
    """A service with two task definitions, made in moto directly or `via` a proxy's client."""
    ecs = via or direct("ecs")
    cluster = ecs.create_cluster(clusterName="c-" + uuid.uuid4().hex[:8])["cluster"]["clusterName"]
    family = "svc-" + uuid.uuid4().hex[:8]
    tds = [ecs.register_task_definition(family=family, containerDefinitions=[container(environment=[{"name": "N", "value": str(i)}])])
           ["taskDefinition"]["taskDefinitionArn"] for i in (1, 2)]
    kw = {"deploymentController": {"type": controller}}
    if breaker is not None:
        kw["deploymentConfiguration"] = {"deploymentCircuitBreaker": breaker}
    if controller != "EXTERNAL":
        kw["taskDefinition"] = tds[0]
    svc = ecs.create_service(cluster=cluster, serviceName="orders", desiredCount=1, **kw)["service"]
    return cluster, svc, tds


def describe(ecs, cluster):
    return ecs.describe_services(cluster=cluster, services=["orders"])["services"][0]


def test_update_service_starts_a_new_primary_deployment(proxy):
    cluster, svc, (td1, td2) = ecs_service()
    ecs = proxy.client("ecs")
    up = ecs.update_service(cluster=cluster, service="orders", taskDefinition=td2)["service"]
    ours = up["deployments"][0]
    assert (ours["status"], ours["rolloutState"], ours["taskDefinition"]) == ("PRIMARY", "IN_PROGRESS", td2)
    assert ours["id"] != svc["deployments"][0]["id"]
    assert [(d["status"], d["taskDefinition"]) for d in up["deployments"][1:]] == [("ACTIVE", td1)]
    first, second = describe(ecs, cluster), describe(ecs, cluster)
    assert [(d["id"], d["rolloutState"]) for d in first["deployments"]][0] == (ours["id"], "IN_PROGRESS")
    assert [(d["id"], d["status"], d["rolloutState"]) for d in second["deployments"]] == [(ours["id"], "PRIMARY", "COMPLETED")]
    assert "ecs.rolling_deployments" in proxy.strict()


def deploy_with(proxy, action, breaker=BREAKER, via_proxy=True):
    """UpdateService to the second task definition, with a scenario rule; our deployment."""
    ecs = proxy.client("ecs")
    cluster, svc, tds = ecs_service(breaker=breaker, via=ecs if via_proxy else None)
    proxy.rules([{"op": "UpdateService", "action": action}])
    ours = ecs.update_service(cluster=cluster, service="orders", taskDefinition=tds[1])["service"]["deployments"][0]
    return ecs, cluster, svc, tds, ours


def test_deployment_configuration_is_kept_as_ecs_keeps_it(proxy):
    ecs = proxy.client("ecs")
    cluster, svc, (td1, td2) = ecs_service(via=ecs)
    assert svc["deploymentConfiguration"]["deploymentCircuitBreaker"] == BREAKER
    ecs.update_service(cluster=cluster, service="orders", deploymentConfiguration={"maximumPercent": 150})
    ecs.update_service(cluster=cluster, service="orders", desiredCount=2)
    assert describe(ecs, cluster)["deploymentConfiguration"] == {
        "deploymentCircuitBreaker": BREAKER, "maximumPercent": 150, "minimumHealthyPercent": 100}
    assert "ecs.deployment_configuration" in proxy.strict()


def test_circuit_breaker_rollback_starts_a_primary_with_the_previous_task_definition(proxy):
    # Made behind the proxy's back: its deploymentConfiguration is unknown, taken as enable+rollback.
    ecs, cluster, svc, (td1, td2), ours = deploy_with(proxy, "circuit_breaker_rollback", via_proxy=False)
    running = describe(ecs, cluster)
    assert (running["deployments"][0]["id"], running["deployments"][0]["rolloutState"]) == (ours["id"], "IN_PROGRESS")
    failed = describe(ecs, cluster)
    primary, ours_now = failed["deployments"]
    assert primary["id"] not in (ours["id"], svc["deployments"][0]["id"])
    assert (primary["status"], primary["taskDefinition"], primary["rolloutState"]) == ("PRIMARY", td1, "IN_PROGRESS")
    assert (ours_now["id"], ours_now["status"], ours_now["rolloutState"]) == (ours["id"], "ACTIVE", "FAILED")
    assert ours_now["rolloutStateReason"] == "ECS deployment circuit breaker: tasks failed to start."
    assert (ours_now["runningCount"], ours_now["failedTasks"]) == (0, 3)
    assert failed["taskDefinition"] == td1
    assert any("deployment failed: tasks failed to start" in e["message"] for e in failed["events"])
    assert direct("ecs").describe_services(cluster=cluster, services=["orders"])["services"][0]["taskDefinition"] == td1
    done = describe(ecs, cluster)
    assert [(d["id"], d["status"], d["rolloutState"]) for d in done["deployments"]] == [(primary["id"], "PRIMARY", "COMPLETED")]
    assert "ecs.circuit_breaker_rollback" in proxy.strict()


@pytest.mark.parametrize("breaker,state,mark", [
    ({"enable": True, "rollback": False}, "FAILED", "ecs.circuit_breaker_failed"),
    (None, "IN_PROGRESS", "ecs.circuit_breaker_off"),
])
def test_without_rollback_the_failed_deployment_stays_primary(proxy, breaker, state, mark):
    ecs, cluster, svc, (td1, td2), ours = deploy_with(proxy, "circuit_breaker_rollback", breaker)
    for _ in range(3):
        now = describe(ecs, cluster)
    assert [(d["id"], d["status"], d["rolloutState"]) for d in now["deployments"]][0] == (ours["id"], "PRIMARY", state)
    assert now["taskDefinition"] == td2 and now["deployments"][0]["runningCount"] == 0
    want = breaker or {"enable": False, "rollback": False}  # ECS's default: off
    assert now["deploymentConfiguration"] == {"deploymentCircuitBreaker": want, "maximumPercent": 200, "minimumHealthyPercent": 100}
    assert mark in proxy.strict() and "ecs.circuit_breaker_rollback" not in proxy.strict()


def test_another_deploy_replacing_ours_is_a_new_primary_with_another_task_definition(proxy):
    ecs, cluster, svc, (td1, td2), ours = deploy_with(proxy, "replaced_by_other_deploy")
    describe(ecs, cluster)
    replaced = describe(ecs, cluster)
    primary, ours_now = replaced["deployments"]
    assert primary["status"] == "PRIMARY" and primary["id"] != ours["id"]
    assert primary["taskDefinition"] not in (td1, td2)
    assert (ours_now["id"], ours_now["status"]) == (ours["id"], "ACTIVE")
    assert direct("ecs").describe_services(cluster=cluster, services=["orders"])["services"][0]["taskDefinition"] == primary["taskDefinition"]
    assert "ecs.replaced_by_other_deploy" in proxy.strict()


@pytest.mark.parametrize("controller", ["CODE_DEPLOY", "EXTERNAL"])
def test_update_service_on_a_code_deploy_or_external_service_fails(proxy, controller):
    cluster, svc, (td1, td2) = ecs_service(controller)
    ecs = proxy.client("ecs")
    with pytest.raises(ClientError) as e:
        ecs.update_service(cluster=cluster, service="orders", taskDefinition=td2)
    status, err, msg = error(e)
    assert (status, err) == (400, "InvalidParameterException")
    assert msg.startswith("Unable to update task definition on services with a %s deployment controller." % controller)
    assert proxy.log()[-1]["strict"] == ["ecs.deployment_controller"]
    # What the API reference allows still works.
    assert ecs.update_service(cluster=cluster, service="orders", desiredCount=2)["service"]["desiredCount"] == 2


# ------------------------------------------------------------------ STS

def assume(sts, token):
    return sts.assume_role_with_web_identity(RoleArn="arn:aws:iam::123456789012:role/deploy", RoleSessionName="deploy",
                                             WebIdentityToken=token)


def test_a_service_on_a_target_group_no_load_balancer_uses_is_refused(proxy):
    ec2, elb = direct("ec2"), direct("elbv2")
    vpc = ec2.create_vpc(CidrBlock="10.30.0.0/16")["Vpc"]["VpcId"]
    subnets = [ec2.create_subnet(VpcId=vpc, CidrBlock="10.30.%d.0/24" % i, AvailabilityZone=REGION + az)["Subnet"]["SubnetId"]
               for i, az in ((1, "a"), (2, "b"))]
    name = uuid.uuid4().hex[:8]
    tg = elb.create_target_group(Name="tg-" + name, Protocol="HTTP", Port=80, VpcId=vpc, TargetType="ip")["TargetGroups"][0]["TargetGroupArn"]
    ecs = proxy.client("ecs")
    cluster = ecs.create_cluster(clusterName="c-" + name)["cluster"]["clusterName"]
    lb = [{"targetGroupArn": tg, "containerName": "app", "containerPort": 80}]
    with pytest.raises(ClientError) as e:
        ecs.create_service(cluster=cluster, serviceName="orders", desiredCount=1, loadBalancers=lb)
    assert error(e)[:2] == (400, "InvalidParameterException")
    assert "does not have an associated load balancer" in error(e)[2]
    # Once a listener rule forwards to it, the same call passes.
    alb = elb.create_load_balancer(Name="alb-" + name, Subnets=subnets)["LoadBalancers"][0]["LoadBalancerArn"]
    listener = elb.create_listener(LoadBalancerArn=alb, Protocol="HTTP", Port=80,
                                   DefaultActions=[{"Type": "fixed-response", "FixedResponseConfig": {"StatusCode": "404"}}])["Listeners"][0]["ListenerArn"]
    elb.create_rule(ListenerArn=listener, Priority=5, Conditions=[{"Field": "path-pattern", "Values": ["/x/*"]}],
                    Actions=[{"Type": "forward", "TargetGroupArn": tg}])
    ecs.create_service(cluster=cluster, serviceName="orders", desiredCount=1, loadBalancers=lb)
    assert "ecs.target_group_load_balancer" in proxy.strict()


def test_the_first_assume_role_with_web_identity_per_token_fails_transiently(proxy):
    sts = proxy.client("sts")
    for token in ("token-a", "token-b"):
        with pytest.raises(ClientError) as e:
            assume(sts, token)
        status, err, msg = error(e)
        assert (status, err) == (400, "InvalidIdentityToken")
        assert msg.startswith("Couldn't retrieve verification key from your identity provider")
        assert assume(sts, token)["Credentials"]["AccessKeyId"]
    assert proxy.strict() == ["sts.transient_invalid_identity_token"] * 2


# ------------------------------------------------------------------ the rules, as before

def test_the_rule_actions_work_as_before(proxy):
    ecs, name = proxy.client("ecs"), "c-" + uuid.uuid4().hex[:8]
    direct("ecs").create_cluster(clusterName=name)
    json11 = {"Content-Type": "application/x-amz-json-1.1"}
    proxy.rules([{"op": "ListClusters", "action": "respond", "times": 1, "headers": json11, "body": {"clusterArns": ["arn:fake"]}},
                 {"op": "DescribeClusters", "action": "patch", "patch": {"clusters.0.status": "PATCHED"}}])
    assert ecs.list_clusters()["clusterArns"] == ["arn:fake"]
    assert "arn:fake" not in ecs.list_clusters()["clusterArns"]
    assert ecs.describe_clusters(clusters=[name])["clusters"][0]["status"] == "PATCHED"
    lam, fn = proxy.client("lambda"), function()
    proxy.rules([{"op": "GET /2015-03-31/functions/%s/configuration" % fn, "path_contains": "Qualifier=7",
                  "action": "respond", "status": 200, "headers": {"Content-Type": "application/json"},
                  "body": {"FunctionName": fn, "Version": "7", "Description": "from the rule"}}])
    assert lam.get_function_configuration(FunctionName=fn, Qualifier="7")["Description"] == "from the rule"
    assert lam.get_function_configuration(FunctionName=fn)["Description"] != "from the rule"
    assert [e["op"] for e in proxy.log()][:3] == ["ListClusters", "ListClusters", "DescribeClusters"]


def test_a_call_strict_mode_answers_does_not_use_up_a_times_rule(proxy):
    sts = proxy.client("sts")
    denied = ("<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>no</Message></Error>"
              "<RequestId>1</RequestId></ErrorResponse>")
    proxy.rules([{"op": "AssumeRoleWithWebIdentity", "action": "respond", "status": 403, "times": 1,
                  "headers": {"Content-Type": "text/xml"}, "body": denied}])
    codes = []
    for _ in range(2):
        with pytest.raises(ClientError) as e:
            assume(sts, "token-e")
        codes.append(error(e)[1])
    assert codes == ["InvalidIdentityToken", "AccessDenied"]
    assert assume(sts, "token-e")["Credentials"]["AccessKeyId"]


# ------------------------------------------------------------------ the knob

def test_strict_off_turns_one_behaviour_off_and_leaves_the_others_on(proxy):
    lam, name = proxy.client("lambda"), function()
    proxy.rules([{"strict_off": ["lambda.update_in_progress"]}])
    up = lam.update_function_code(FunctionName=name, ZipFile=code("x = 2\n"))
    assert up["LastUpdateStatus"] == "Successful"
    assert lam.get_function(FunctionName=name)["Configuration"]["LastUpdateStatus"] == "Successful"
    with pytest.raises(ClientError) as e:  # RevisionIds are still the proxy's and enforced
        lam.publish_version(FunctionName=name, RevisionId=str(uuid.uuid4()))
    assert error(e)[:2] == (412, "PreconditionFailedException")
    assert lam.publish_version(FunctionName=name, RevisionId=up["RevisionId"])["State"] == "Pending"
    assert "lambda.update_in_progress" not in proxy.strict()
    with pytest.raises(ClientError) as e:  # and STS still fails first
        assume(proxy.client("sts"), "token-c")
    assert error(e)[1] == "InvalidIdentityToken"


def test_strict_off_from_the_environment_and_unknown_names_are_loud():
    p = Proxy(env={"AWS_PROXY_STRICT_OFF": "sts.transient_invalid_identity_token"})
    try:
        assert assume(p.client("sts"), "token-d")["Credentials"]["AccessKeyId"]
        p.rules([{"strict_off": ["lambda.no_such_thing"]}])
        with pytest.raises(ClientError) as e:
            p.client("lambda").list_functions()
        assert error(e)[0] == 500
    finally:
        p.close()
