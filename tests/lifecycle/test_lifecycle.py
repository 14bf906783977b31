"""The whole lifecycle of an environment on local AWS (moto), in order:

1. `tofu apply` of _CloudOps/env/dev with the local overrides
   (scripts/local-env.sh; switches in _CloudOps/local/shop.tfoverride);
2. independent boto3 checks of what it built (not Terraform outputs);
3. the action's release binary, run as actions/runner runs it
   (tests/integration/support/runner.py), deploys lambda-catalog and
   orders-service onto it, reading only the SSM contract Terraform published;
   a second round changes nothing;
4. a second `tofu plan -detailed-exitcode` shows no changes;
5. the teardown a user runs: scripts/app-teardown.sh, then `tofu destroy`;
   then nothing of the environment is left in moto.

Run by scripts/test.sh (integration) through scripts/with-local-aws.sh, which
starts the moto server. Tests depend on the ones before them (pytest runs a
module's tests in file order). With LIFECYCLE_TIMES=FILE the step durations
and the resource count are written there as JSON (scripts/bench.sh).
"""
import fnmatch
import json
import os
import subprocess
import sys
import time

import boto3
import pytest
import yaml

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
from fake_github import FakeGitHub  # noqa: E402
from local_shop import BINARY, LOCAL_BACKEND_REPOSITORY, backend_workspace, deploy, ecs_inputs, env_setting, lambda_inputs, push_image  # noqa: E402

ENV = "dev"
OIDC_HOST = "token.actions.githubusercontent.com"
CONTRACT = yaml.safe_load(open(os.path.join(ROOT, "contract", "infra-parameters.yaml")))["parameters"]
STACKS = ("frontend", "backend")
TIMES = {}
STATE = {}


def setting(name):
    value = env_setting(ENV, name)
    if value is None:
        pytest.fail("cannot find %s in _CloudOps/env/%s/main.tf nor a default in _CloudOps/stack/variables.tf" % (name, ENV))
    return value


REGION = setting("aws_region")
CF_REGION = "us-east-1"  # CloudFront, its WAF and its logs (provider aws.us_east_1)


def client(name, region=REGION):
    return boto3.client(name, region_name=region)


def sh(*cmd, env=None):
    t0 = time.time()
    p = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    if p.returncode != 0:
        pytest.fail("%s failed (%d):\n%s%s" % (" ".join(cmd), p.returncode, p.stdout[-4000:], p.stderr[-4000:]))
    return p.stdout, time.time() - t0


@pytest.fixture(scope="module")
def shop(tmp_path_factory):
    if not os.access(BINARY, os.X_OK):
        pytest.fail("the action's release binary %s is missing: build it first (cargo build --release)" % BINARY)
    work = str(tmp_path_factory.mktemp("local-env"))
    env = dict(os.environ, LOCAL_ENV_DIR=work)
    _, TIMES["apply_s"] = sh("scripts/local-env.sh", "apply", ENV, env=env)
    out, _ = sh("scripts/local-env.sh", "output", ENV, env=env)
    state, _ = sh("tofu", "-chdir=%s/_CloudOps/env/%s" % (work, ENV), "state", "list", env=env)
    TIMES["resources"] = len([line for line in state.splitlines() if line.strip() and ".data." not in line and not line.startswith("data.")])
    STATE.update(env=env, work=work, outputs={k: v["value"] for k, v in json.loads(out).items()})
    fake = FakeGitHub()
    fake.start()
    STATE["github"] = fake
    yield STATE
    fake.stop()
    if os.environ.get("LIFECYCLE_TIMES"):
        with open(os.environ["LIFECYCLE_TIMES"], "w") as f:
            json.dump(TIMES, f, indent=2)


# ---------------------------------------------------------------- 2. verify


def all_buckets():
    return [b["Name"] for b in client("s3").list_buckets()["Buckets"] if b["Name"].startswith("ecom-%s-" % ENV)]


def test_buckets_block_public_access_are_encrypted_and_tls_only(shop):
    buckets = all_buckets()
    assert len(buckets) >= 3, buckets  # static site, frontend logs, CloudFront logs, backend ALB logs
    for name in buckets:
        s3 = client("s3", client("s3").get_bucket_location(Bucket=name)["LocationConstraint"] or "us-east-1")
        pab = s3.get_public_access_block(Bucket=name)["PublicAccessBlockConfiguration"]
        assert all(pab[k] for k in ("BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets")), (name, pab)
        rules = s3.get_bucket_encryption(Bucket=name)["ServerSideEncryptionConfiguration"]["Rules"]
        assert rules[0]["ApplyServerSideEncryptionByDefault"]["SSEAlgorithm"] in ("aws:kms", "AES256"), (name, rules)
        policy = json.loads(s3.get_bucket_policy(Bucket=name)["Policy"])
        deny = [s for s in policy["Statement"] if s["Effect"] == "Deny"
                and s.get("Condition", {}).get("Bool", {}).get("aws:SecureTransport") in ("false", False)]
        assert deny, "bucket %s has no TLS-only statement: %s" % (name, policy)
        resources = deny[0]["Resource"] if isinstance(deny[0]["Resource"], list) else [deny[0]["Resource"]]
        assert {"arn:aws:s3:::%s" % name, "arn:aws:s3:::%s/*" % name} <= set(resources), (name, deny)
        assert deny[0]["Action"] in ("s3:*", ["s3:*"]) and deny[0]["Principal"] in ("*", {"AWS": "*"}), (name, deny)


def distribution():
    cf = client("cloudfront", CF_REGION)
    items = cf.list_distributions()["DistributionList"].get("Items", [])
    assert len(items) == 1, [d["Id"] for d in items]
    return cf.get_distribution(Id=items[0]["Id"])["Distribution"]


def test_static_bucket_is_read_only_through_the_cloudfront_oac(shop):
    dist = distribution()
    cf = client("cloudfront", CF_REGION)
    s3_origins = [o for o in dist["DistributionConfig"]["Origins"]["Items"] if ".s3." in o["DomainName"]]
    assert len(s3_origins) == 1, dist["DistributionConfig"]["Origins"]
    origin = s3_origins[0]
    oac = cf.get_origin_access_control(Id=origin["OriginAccessControlId"])["OriginAccessControl"]["OriginAccessControlConfig"]
    assert (oac["OriginAccessControlOriginType"], oac["SigningBehavior"], oac["SigningProtocol"]) == ("s3", "always", "sigv4")
    bucket = origin["DomainName"].split(".s3.")[0]
    policy = json.loads(client("s3").get_bucket_policy(Bucket=bucket)["Policy"])
    allow = [s for s in policy["Statement"] if s["Effect"] == "Allow"]
    assert len(allow) == 1, policy
    assert allow[0]["Principal"] == {"Service": "cloudfront.amazonaws.com"}
    assert allow[0]["Action"] in ("s3:GetObject", ["s3:GetObject"])
    assert allow[0]["Condition"] == {"StringEquals": {"AWS:SourceArn": dist["ARN"]}}


def test_waf_is_attached_to_the_distribution(shop):
    dist = distribution()
    acl_arn = dist["DistributionConfig"]["WebACLId"]
    waf = client("wafv2", CF_REGION)
    acls = waf.list_web_acls(Scope="CLOUDFRONT")["WebACLs"]
    assert acl_arn in [a["ARN"] for a in acls], (acl_arn, acls)
    acl = next(a for a in acls if a["ARN"] == acl_arn)
    rules = waf.get_web_acl(Name=acl["Name"], Scope="CLOUDFRONT", Id=acl["Id"])["WebACL"]["Rules"]
    assert any("RateBasedStatement" in r["Statement"] for r in rules), [r["Name"] for r in rules]


def sg_by_name(name):
    groups = client("ec2").describe_security_groups(Filters=[{"Name": "group-name", "Values": [name]}])["SecurityGroups"]
    assert len(groups) == 1, (name, groups)
    return groups[0]


def ingress(group):
    """(protocol, from, to, source) per ingress permission of a security group."""
    out = set()
    for p in group["IpPermissions"]:
        key = (p["IpProtocol"], p.get("FromPort"), p.get("ToPort"))
        out |= {key + ("cidr:" + r["CidrIp"],) for r in p.get("IpRanges", [])}
        out |= {key + ("cidr6:" + r["CidrIpv6"],) for r in p.get("Ipv6Ranges", [])}
        out |= {key + ("pl:" + r["PrefixListId"],) for r in p.get("PrefixListIds", [])}
        out |= {key + ("sg:" + r["GroupId"],) for r in p.get("UserIdGroupPairs", [])}
    return out


def test_security_group_ingress_is_as_designed(shop):
    ec2 = client("ec2")
    cloudfront_pl = ec2.describe_managed_prefix_lists(
        Filters=[{"Name": "prefix-list-name", "Values": ["com.amazonaws.global.cloudfront.origin-facing"]}])["PrefixLists"][0]["PrefixListId"]
    vpc = client("ssm").get_parameter(Name="/ecom/%s/backend/vpc-id" % ENV)["Parameter"]["Value"]
    cidr = ec2.describe_vpcs(VpcIds=[vpc])["Vpcs"][0]["CidrBlock"]
    fe_alb, fe_svc = sg_by_name("ecom-%s-frontend-alb" % ENV), sg_by_name("ecom-%s-frontend-services" % ENV)
    be_alb, be_svc = sg_by_name("ecom-%s-alb" % ENV), sg_by_name("ecom-%s-backend-services" % ENV)
    # Public ALB: only CloudFront's origin-facing addresses, on HTTP (dev has no domain).
    assert ingress(fe_alb) == {("tcp", 80, 80, "pl:" + cloudfront_pl)}
    assert ingress(fe_svc) == {("tcp", 0, 65535, "sg:" + fe_alb["GroupId"])}
    # Internal ALB (HTTP in dev): its listener port from the API's VPC link and from the VPC.
    vpc_link = sg_by_name("ecom-%s-api-vpc-link" % ENV)
    assert ingress(be_alb) == {("tcp", 80, 80, "cidr:" + cidr), ("tcp", 80, 80, "sg:" + vpc_link["GroupId"])}
    assert ingress(vpc_link) == set()
    assert {s[3] for s in ingress(be_svc)} == {"sg:" + be_alb["GroupId"]}, ingress(be_svc)
    # Nothing else in the environment's VPC admits the internet.
    for g in ec2.describe_security_groups(Filters=[{"Name": "vpc-id", "Values": [vpc]}])["SecurityGroups"]:
        open_to_all = [s for s in ingress(g) if s[3] in ("cidr:0.0.0.0/0", "cidr6:::/0")]
        assert not open_to_all, (g["GroupName"], open_to_all)


def test_ssm_contract_is_complete_with_the_right_types(shop):
    ssm, ecs, elb, ec2 = client("ssm"), client("ecs"), client("elbv2"), client("ec2")
    want = {p["name"]: p["type"] for p in CONTRACT}
    for stack in STACKS:
        prefix = "/ecom/%s/%s/" % (ENV, stack)
        got = {p["Name"][len(prefix):]: p for p in ssm.get_parameters_by_path(Path=prefix)["Parameters"]}
        assert {n: p["Type"] for n, p in got.items()} == want, (stack, got)
        value = {n: p["Value"] for n, p in got.items()}
        assert ecs.describe_clusters(clusters=[value["cluster"]])["clusters"][0]["status"] == "ACTIVE"
        assert elb.describe_listeners(ListenerArns=[value["listener-arn"]])["Listeners"]
        subnets = ec2.describe_subnets(SubnetIds=value["subnets"].split(","))["Subnets"]
        assert {s["VpcId"] for s in subnets} == {value["vpc-id"]} and len(subnets) >= 2
        assert not any(s["MapPublicIpOnLaunch"] for s in subnets), "tasks go in the private app subnets"
        groups = ec2.describe_security_groups(GroupIds=value["security-groups"].split(","))["SecurityGroups"]
        assert {g["VpcId"] for g in groups} == {value["vpc-id"]}
        STATE.setdefault("contract", {})[stack] = value


def condition_accepts(statement, claims):
    """Whether an IAM trust statement's conditions accept a token with these claims."""
    for op, conds in statement.get("Condition", {}).items():
        for key, allowed in conds.items():
            allowed = allowed if isinstance(allowed, list) else [allowed]
            value = claims.get(key.split(":", 1)[1])
            if op == "StringEquals" and value not in allowed:
                return False
            if op == "StringLike" and not any(fnmatch.fnmatchcase(value or "", a) for a in allowed):
                return False
            if op not in ("StringEquals", "StringLike"):
                return False
    return True


def test_deploy_roles_trust_only_their_repository_in_this_environment(shop):
    iam = client("iam")
    provider = "arn:aws:iam::%s:oidc-provider/%s" % (client("sts").get_caller_identity()["Account"], OIDC_HOST)
    assert "sts.amazonaws.com" in iam.get_open_id_connect_provider(OpenIDConnectProviderArn=provider)["ClientIDList"]
    for stack in STACKS:
        repo = setting("%s_repository" % stack)
        role = iam.get_role(RoleName="ecom-%s-deploy-%s" % (ENV, stack))["Role"]
        assert role["Arn"] == shop["outputs"]["%s_deploy_role_arn" % stack]
        trust = role["AssumeRolePolicyDocument"]
        trust = json.loads(trust) if isinstance(trust, str) else trust
        [st] = trust["Statement"]
        assert (st["Effect"], st["Action"], st["Principal"]) == ("Allow", "sts:AssumeRoleWithWebIdentity", {"Federated": provider})
        ok = {"aud": "sts.amazonaws.com", "sub": "repo:%s:environment:%s" % (repo, ENV)}
        assert condition_accepts(st, ok), (stack, st)
        for bad in ({"sub": "repo:%s:environment:prod" % repo}, {"sub": "repo:%s:ref:refs/heads/main" % repo},
                    {"sub": "repo:%s-fork:environment:%s" % (repo, ENV)}, {"sub": "repo:other/app:environment:%s" % ENV},
                    {"aud": "https://github.com/%s" % repo.split("/")[0]}):
            assert not condition_accepts(st, dict(ok, **bad)), (stack, bad, st)


# ---------------------------------------------------------------- 3. deploy


def run_deploy(inputs):
    r, seconds = deploy(STATE["ws"], inputs, STATE["github"].url, LOCAL_BACKEND_REPOSITORY, ENV)
    assert r["code"] == 0, "deploy failed:\n%s\n%s" % (r["stdout"][-6000:], r["stderr"][-3000:])
    return r, seconds


def role():
    return STATE["outputs"]["backend_deploy_role_arn"]


def test_action_deploys_lambda_catalog(shop, tmp_path_factory):
    lam = client("lambda")
    fn = "ecom-%s-lambda-catalog" % ENV
    before = lam.get_alias(FunctionName=fn, Name="live")["FunctionVersion"]
    STATE["ws"] = backend_workspace(str(tmp_path_factory.mktemp("workspace")))
    r, TIMES["lambda_deploy_s"] = run_deploy(lambda_inputs(ENV, REGION, role()))
    out = r["outputs"]
    assert out["changed"] == "true" and out["previous-version"] == before and out["version"] != before, out
    assert "via GitHub OIDC" in r["stdout"], r["stdout"]
    assert lam.get_alias(FunctionName=fn, Name="live")["FunctionVersion"] == out["version"]
    conf = lam.get_function(FunctionName=fn, Qualifier=out["version"])["Configuration"]
    assert conf["CodeSha256"] == out["code-sha256"]
    # Code only: the configuration stays Terraform's.
    assert conf["Role"] == client("iam").get_role(RoleName=conf["Role"].rsplit("/", 1)[1])["Role"]["Arn"]
    assert conf["Environment"]["Variables"]["CATALOG_TABLE"] == shop["outputs"]["catalog_table_name"]
    recorded = STATE["github"].recorded
    assert any(d.get("body", {}).get("environment") == ENV for d in recorded), recorded
    assert recorded[-1]["body"].get("state") == "success", recorded[-1]


def test_action_deploys_orders_service(shop):
    image, digest = push_image(REGION, "ecom-%s-orders" % ENV, "0123456789abcdef0123456789abcdef01234567")
    STATE["image"] = image
    r, TIMES["ecs_deploy_s"] = run_deploy(ecs_inputs(ENV, REGION, role(), image))
    out = r["outputs"]
    assert out["changed"] == "true" and out["image-digest"] == digest, out
    c = STATE["contract"]["backend"]
    ecs, elb, iam, logs = client("ecs"), client("elbv2"), client("iam"), client("logs")
    [svc] = ecs.describe_services(cluster=c["cluster"], services=["orders"])["services"]
    net = svc["networkConfiguration"]["awsvpcConfiguration"]
    assert set(net["subnets"]) == set(c["subnets"].split(",")) and set(net["securityGroups"]) == set(c["security-groups"].split(","))
    assert net["assignPublicIp"] == "DISABLED" and svc["runningCount"] == 2
    td = ecs.describe_task_definition(taskDefinition=svc["taskDefinition"])["taskDefinition"]
    execution = iam.get_role(RoleName="ecom-%s-ecs-task-execution" % ENV)["Role"]
    assert td["executionRoleArn"] == execution["Arn"] == shop["outputs"]["backend_task_execution_role_arn"]
    [container] = td["containerDefinitions"]
    assert container["image"].endswith("@" + digest)
    group = container["logConfiguration"]["options"]["awslogs-group"]
    assert group == shop["outputs"]["backend_service_log_group_names"]["orders"]
    [lg] = [g for g in logs.describe_log_groups(logGroupNamePrefix=group)["logGroups"] if g["logGroupName"] == group]
    assert lg.get("kmsKeyId"), lg
    assert container["logConfiguration"]["options"]["awslogs-region"] == REGION
    [tg] = elb.describe_target_groups(TargetGroupArns=[out["target-group-arn"]])["TargetGroups"]
    assert tg["VpcId"] == c["vpc-id"] and tg["TargetType"] == "ip" and tg["Port"] == 8080
    tags = {t["Key"]: t["Value"] for t in elb.describe_tags(ResourceArns=[tg["TargetGroupArn"]])["TagDescriptions"][0]["Tags"]}
    assert tags.get("ecom-deploy:service") == "%s/orders" % c["cluster"]
    rules = [x for x in elb.describe_rules(ListenerArn=c["listener-arn"])["Rules"] if x["RuleArn"] == out["listener-rule-arn"]]
    assert rules and rules[0]["Actions"][0]["TargetGroupArn"] == tg["TargetGroupArn"]


def test_second_round_changes_nothing(shop):
    r, _ = run_deploy(lambda_inputs(ENV, REGION, role()))
    assert r["outputs"]["changed"] == "false", r["outputs"]
    r, _ = run_deploy(ecs_inputs(ENV, REGION, role(), STATE["image"]))
    assert r["outputs"]["changed"] == "false", r["outputs"]


# ---------------------------------------------------------------- 4. re-plan


def test_plan_after_the_deploys_has_no_changes(shop):
    _, TIMES["replan_s"] = sh("scripts/local-env.sh", "plan", ENV, env=shop["env"])


# ---------------------------------------------------------------- 5. teardown


def test_app_teardown_then_destroy_leaves_nothing(shop):
    ecs, elb = client("ecs"), client("elbv2")
    c = STATE["contract"]
    # What would make `tofu destroy` fail on AWS (ClusterContainsServicesException)
    # or leave orphans: the action's services, rules and target groups.
    assert ecs.list_services(cluster=c["backend"]["cluster"])["serviceArns"]
    _, TIMES["app_teardown_s"] = sh("scripts/app-teardown.sh", ENV, env=dict(shop["env"], AWS_REGION=REGION))
    for stack in STACKS:
        arns = ecs.list_services(cluster=c[stack]["cluster"])["serviceArns"]
        active = [s for s in (ecs.describe_services(cluster=c[stack]["cluster"], services=arns)["services"] if arns else [])
                  if s["status"] != "INACTIVE"]
        assert not active, active
        assert [r for r in elb.describe_rules(ListenerArn=c[stack]["listener-arn"])["Rules"] if not r["IsDefault"]] == []
    assert elb.describe_target_groups()["TargetGroups"] == []
    _, TIMES["destroy_s"] = sh("scripts/local-env.sh", "destroy", ENV, env=shop["env"])
    left = {}
    for region in sorted({REGION, CF_REGION}):
        left.update({"%s %s" % (region, k): v for k, v in leftovers(region).items() if v})
    assert not left, "left in moto after destroy: %s" % json.dumps(left, indent=1, default=str)


def leftovers(region):
    """Every resource of the kinds the environment creates, listed per service."""
    def c(name):
        return client(name, region)
    ec2 = c("ec2")
    default_vpcs = [v["VpcId"] for v in ec2.describe_vpcs(Filters=[{"Name": "is-default", "Values": ["true"]}])["Vpcs"]]
    not_default = [{"Name": "vpc-id", "Values": [v["VpcId"] for v in ec2.describe_vpcs()["Vpcs"] if v["VpcId"] not in default_vpcs] or ["none"]}]
    out = {
        "s3 buckets": [b["Name"] for b in c("s3").list_buckets()["Buckets"]] if region == CF_REGION else [],
        "ec2 vpcs": [v["VpcId"] for v in ec2.describe_vpcs()["Vpcs"] if v["VpcId"] not in default_vpcs],
        "ec2 subnets": [s["SubnetId"] for s in ec2.describe_subnets(Filters=not_default)["Subnets"]],
        "ec2 security groups": [g["GroupId"] for g in ec2.describe_security_groups(Filters=not_default)["SecurityGroups"]],
        "ec2 nat gateways": [n["NatGatewayId"] for n in ec2.describe_nat_gateways()["NatGateways"] if n["State"] not in ("deleted", "deleting")],
        "ec2 elastic ips": [a.get("AllocationId") for a in ec2.describe_addresses()["Addresses"]],
        "ec2 internet gateways": [g["InternetGatewayId"] for g in ec2.describe_internet_gateways()["InternetGateways"]
                                  if not any(a["VpcId"] in default_vpcs for a in g.get("Attachments", []))],
        "ec2 vpc endpoints": [e["VpcEndpointId"] for e in ec2.describe_vpc_endpoints()["VpcEndpoints"] if e["State"].lower() != "deleted"],
        "ec2 flow logs": [f["FlowLogId"] for f in ec2.describe_flow_logs()["FlowLogs"]],
        "ecs clusters": [a for a in c("ecs").list_clusters()["clusterArns"]
                         if c("ecs").describe_clusters(clusters=[a])["clusters"][0]["status"] == "ACTIVE"],
        "ecs task definitions": c("ecs").list_task_definitions(status="ACTIVE")["taskDefinitionArns"],
        "ecr repositories": [r["repositoryName"] for r in c("ecr").describe_repositories()["repositories"]],
        "elbv2 load balancers": [lb["LoadBalancerName"] for lb in c("elbv2").describe_load_balancers()["LoadBalancers"]],
        "elbv2 target groups": [t["TargetGroupName"] for t in c("elbv2").describe_target_groups()["TargetGroups"]],
        "lambda functions": [f["FunctionName"] for f in c("lambda").list_functions()["Functions"]],
        "dynamodb tables": c("dynamodb").list_tables()["TableNames"],
        "ssm parameters": [p["Name"] for p in c("ssm").describe_parameters()["Parameters"]],
        "logs groups": [g["logGroupName"] for g in c("logs").describe_log_groups()["logGroups"]],
        "logs resource policies": [p["policyName"] for p in c("logs").describe_resource_policies()["resourcePolicies"]],
        "kms keys not pending deletion": [k["KeyId"] for k in c("kms").list_keys()["Keys"]
                                          if c("kms").describe_key(KeyId=k["KeyId"])["KeyMetadata"]["KeyState"] != "PendingDeletion"
                                          and c("kms").describe_key(KeyId=k["KeyId"])["KeyMetadata"]["KeyManager"] == "CUSTOMER"],
        "kms aliases": [a["AliasName"] for a in c("kms").list_aliases()["Aliases"] if not a["AliasName"].startswith("alias/aws/")],
        "secretsmanager secrets": [s["Name"] for s in c("secretsmanager").list_secrets()["SecretList"]],
        "cognito user pools": [p["Name"] for p in c("cognito-idp").list_user_pools(MaxResults=60)["UserPools"]],
        "apigatewayv2 apis": [a["Name"] for a in c("apigatewayv2").get_apis()["Items"]],
        "apigatewayv2 vpc links": [v["Name"] for v in c("apigatewayv2").get_vpc_links()["Items"]],
        "wafv2 web acls": [a["Name"] for a in c("wafv2").list_web_acls(Scope="CLOUDFRONT" if region == CF_REGION else "REGIONAL")["WebACLs"]],
    }
    if region == CF_REGION:  # global services
        iam = c("iam")
        out.update({
            "iam roles": [r["RoleName"] for r in iam.list_roles()["Roles"] if not r["Path"].startswith("/aws-service-role/")],
            "iam policies": [p["PolicyName"] for p in iam.list_policies(Scope="Local")["Policies"]],
            "iam oidc providers": [p["Arn"] for p in iam.list_open_id_connect_providers()["OpenIDConnectProviderList"]],
            "cloudfront distributions": [d["Id"] for d in c("cloudfront").list_distributions()["DistributionList"].get("Items", [])],
            "cloudfront origin access controls": [o["Id"] for o in c("cloudfront").list_origin_access_controls()["OriginAccessControlList"].get("Items", [])],
            "route53 zones": [z["Name"] for z in c("route53").list_hosted_zones()["HostedZones"]],
            "acm certificates": [x["CertificateArn"] for x in c("acm").list_certificates()["CertificateSummaryList"]],
        })
    return out
