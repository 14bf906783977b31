"""Strict AWS: real-AWS behaviours that moto lacks, modelled in the test proxy.

aws_proxy.py calls `before()` for every request (it may answer the request
itself, as AWS would, or rewrite the body sent on to moto) and `after()` for
every answer moto gives (it may rewrite the answer). Every behaviour is ON by
default and cites its source next to its code.

Behaviours (the names are the knobs):

  lambda.update_in_progress    After UpdateFunctionCode/UpdateFunctionConfiguration,
                               GetFunction/GetFunctionConfiguration of $LATEST report
                               LastUpdateStatus InProgress for N polls (default 2), then
                               Successful, and the completion gives $LATEST a NEW RevisionId.
  lambda.in_progress_conflict  PublishVersion, UpdateFunctionCode or UpdateFunctionConfiguration
                               while that update is InProgress: 409 ResourceConflictException.
  lambda.revision_ids          The proxy owns RevisionIds of functions, versions and aliases
                               (every answer is rewritten to the proxy's value; each
                               UpdateAlias gives a new one) and a stale RevisionId on
                               PublishVersion, UpdateAlias, UpdateFunctionCode or
                               UpdateFunctionConfiguration is 412 PreconditionFailedException.
  lambda.version_pending       A newly published version is State Pending for N polls
                               (default 1) of GetFunction/GetFunctionConfiguration with that
                               version, then Active; Invoke of a Pending version (by its
                               number, or by an alias last seen pointing at it) is 409.
  ecs.task_definition_defaults RegisterTaskDefinition is normalized before moto stores it, and
                               RegisterTaskDefinition/DescribeTaskDefinition answers too:
                               healthCheck interval/timeout/retries 30/5/3 when omitted,
                               task cpu "1 vCPU" -> "1024", memory "2 GB"/"2GB" -> "2048",
                               "512 MB" -> "512".
  ecs.rolling_deployments      UpdateService with a task definition (or forceNewDeployment)
                               starts a NEW PRIMARY deployment (new id) and the old one turns
                               ACTIVE; DescribeServices shows the new one IN_PROGRESS for N
                               polls (default 1), then moto's rolloutState, old one gone.
  ecs.deployment_configuration moto drops deploymentConfiguration; the proxy keeps it for services
                               created (ECS defaults: maximumPercent 200, minimumHealthyPercent
                               100, circuit breaker off, merged with the request) or updated
                               (top-level keys given replace) through this proxy process, and
                               adds it to CreateService/UpdateService/DescribeServices answers.
                               Services it never saw are answered as moto has them (without it).
  ecs.deployment_controller    UpdateService changing the task definition, network
                               configuration, platform version or load balancers of a service
                               whose deploymentController is CODE_DEPLOY or EXTERNAL:
                               400 InvalidParameterException.
  ecs.target_group_load_balancer
                               CreateService/UpdateService whose loadBalancers name a target group
                               that no load balancer (listener rule or default action) uses:
                               400 InvalidParameterException "The target group with
                               targetGroupArn … does not have an associated load balancer."
  sts.transient_invalid_identity_token
                               The first AssumeRoleWithWebIdentity for each distinct token
                               (per proxy process) is 400 InvalidIdentityToken "Couldn't
                               retrieve verification key from your identity provider";
                               retries with the same token pass through.

Turning a behaviour off is explicit and per name, either with a rules entry
    {"strict_off": ["lambda.update_in_progress", "sts.transient_invalid_identity_token"]}
or with the environment variable AWS_PROXY_STRICT_OFF (comma separated names).
An unknown name makes the proxy answer every request with 500, so a typo is loud.
Poll counts can be changed with a rules entry
    {"strict_polls": {"lambda.update_in_progress": 2, "lambda.version_pending": 1,
                      "ecs.rolling_deployments": 1}}

Test-requested ECS scenarios (rules on UpdateService, which still goes to moto):
    {"op": "UpdateService", "action": "circuit_breaker_rollback", "after_polls": 1}
        Our tasks fail to start. After `after_polls` DescribeServices polls showing our
        deployment IN_PROGRESS, what happens follows the service's
        deploymentConfiguration.deploymentCircuitBreaker, as on ECS:
        enable+rollback: moto's service goes back to the previous task definition, our
            deployment is ACTIVE/FAILED with rolloutStateReason "ECS deployment circuit
            breaker: tasks failed to start.", and a NEW PRIMARY deployment with the previous
            task definition is IN_PROGRESS for one poll, then COMPLETED (ours then gone);
        enable only: ours stays PRIMARY, FAILED with that reason, nothing rolls back;
        off: ours stays PRIMARY IN_PROGRESS for ever, failedTasks growing.
        A service whose deploymentConfiguration the proxy never saw (ecs.deployment_configuration)
        is taken to have enable+rollback.
    {"op": "UpdateService", "action": "replaced_by_other_deploy", "after_polls": 1,
     "task_definition": "family:rev"}
        After `after_polls` polls another deploy updates the service to `task_definition`
        (default: a new revision registered from ours): a NEW PRIMARY deployment with that
        task definition, ours ACTIVE (still IN_PROGRESS), then the other COMPLETED.

Each intervention is recorded in the call log entry as "strict": [names...], with the
behaviour names above and, when a scenario changes an answer, "ecs.circuit_breaker_rollback",
"ecs.circuit_breaker_failed", "ecs.circuit_breaker_off" or "ecs.replaced_by_other_deploy".
"""
import copy
import json
import math
import os
import random
import re
import threading
import time
import urllib.parse
import uuid

KNOBS = (
    "lambda.update_in_progress",
    "lambda.in_progress_conflict",
    "lambda.revision_ids",
    "lambda.version_pending",
    "ecs.task_definition_defaults",
    "ecs.rolling_deployments",
    "ecs.deployment_configuration",
    "ecs.deployment_controller",
    "ecs.target_group_load_balancer",
    "sts.transient_invalid_identity_token",
)
SCENARIOS = ("circuit_breaker_rollback", "replaced_by_other_deploy")
DEFAULT_POLLS = {"lambda.update_in_progress": 2, "lambda.version_pending": 1, "ecs.rolling_deployments": 1}

LOCK = threading.RLock()
FUNCTIONS = {}  # function name -> state, see _fn()
SERVICES = {}  # service ARN -> deployment timeline, see _track_update()
CONFIGS = {}  # service ARN -> deploymentConfiguration, see _keep_deployment_configuration()
TOKENS = set()  # web identity tokens already answered with the transient error

ECS_TARGET = "AmazonEC2ContainerServiceV20141113."
LAMBDA_PATH = re.compile(r"^/2015-03-31/functions/(?P<fn>[^/]+)(?P<rest>/.*)?$")


class Config:
    """What the rules file and the environment say about strict mode."""

    def __init__(self, rules):
        off = [n.strip() for n in os.environ.get("AWS_PROXY_STRICT_OFF", "").split(",") if n.strip()]
        self.polls = dict(DEFAULT_POLLS)
        for r in rules if isinstance(rules, list) else []:
            if isinstance(r, dict):
                off += r.get("strict_off", [])
                self.polls.update(r.get("strict_polls", {}))
        self.off = set(off)
        self.unknown = sorted(self.off - set(KNOBS) | set(self.polls) - set(KNOBS))

    def on(self, name):
        return name not in self.off


class Call:
    """One request as strict mode sees it, and what it did to it."""

    def __init__(self, cfg, upstream, method, path, headers, body, op, log):
        self.cfg, self.upstream, self.method, self.path = cfg, upstream, method, path
        self.body, self.op, self.log = body, op, log
        # Header names in any case: the Rust SDK (hyper) sends them lower-case, boto3 capitalized.
        h = {k.lower(): v for k, v in headers.items()}
        split = urllib.parse.urlsplit(path)
        self.route = split.path
        self.query = {k: v[-1] for k, v in urllib.parse.parse_qs(split.query).items()}
        self.auth = h.get("authorization", "")
        self.target = h.get("x-amz-target", "")
        self.ecs = self.target[len(ECS_TARGET):] if self.target.startswith(ECS_TARGET) else None
        self.json = None
        self.previous = None  # ECS: the service before UpdateService, read by before()
        if body and "json" in h.get("content-type", ""):
            try:
                self.json = json.loads(body)
            except ValueError:
                pass
        self.scenario = None  # a test-requested ECS scenario rule, set by aws_proxy.py

    def mark(self, name):
        self.log.setdefault("strict", [])
        if name not in self.log["strict"]:
            self.log["strict"].append(name)

    def up_json(self, method, path, doc=None, target=None):
        headers = {"Authorization": self.auth, "Content-Type": "application/json"}
        if target:
            headers.update({"Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": ECS_TARGET + target})
        body = json.dumps(doc).encode() if doc is not None else None
        status, _, data = self.upstream(method, path, headers, body)
        try:
            return status, json.loads(data) if data else {}
        except ValueError:
            return status, {}


def lambda_error(status, code, message):
    # Lambda's REST errors: JSON {"Type": "User", "message": ...} and the code in the
    # X-Amzn-Errortype header, which the Rust SDK reads first (aws-sdk-lambda
    # src/json_errors.rs parse_error_metadata: `x-amzn-errortype`, then `code`/`__type`).
    # Real answers: https://github.com/aws/aws-cli/issues/6718 (409), https://github.com/aws/aws-sdk/issues/377 (412).
    headers = [("Content-Type", "application/json"), ("X-Amzn-Errortype", code), ("x-amzn-RequestId", str(uuid.uuid4()))]
    return status, headers, json.dumps({"Type": "User", "message": message}).encode()


def json11_error(code, message):
    # awsJson1_1 errors (ECS): {"__type": code, "message": ...}.
    headers = [("Content-Type", "application/x-amz-json-1.1"), ("x-amzn-RequestId", str(uuid.uuid4()))]
    return 400, headers, json.dumps({"__type": code, "message": message}).encode()


def ok(status):
    return 200 <= status < 300  # moto answers 201 to some reads (GetAlias), AWS to PublishVersion/CreateAlias


def new_rev():
    return str(uuid.uuid4())


# ---------------------------------------------------------------- entry points

def before(call):
    """None (forward as is), ("answer", status, headers, data) or ("forward", new_body)."""
    if call.route.startswith("/2015-03-31/functions/"):
        return _lambda_before(call)
    if call.ecs:
        return _ecs_before(call)
    if call.op == "AssumeRoleWithWebIdentity":
        return _sts_before(call)
    return None


def after(call, status, data):
    """moto's answer, possibly rewritten."""
    if not ok(status) or not data:
        return data
    try:
        doc = json.loads(data)
    except ValueError:
        return data
    with LOCK:
        if call.route.startswith("/2015-03-31/functions/"):
            doc = _lambda_after(call, doc)
        elif call.ecs:
            doc = _ecs_after(call, doc)
        else:
            return data
    return json.dumps(doc).encode()


# ---------------------------------------------------------------- Lambda

def _parse_fn(call):
    m = LAMBDA_PATH.match(call.route)
    if not m:
        return None, None, None
    ident = urllib.parse.unquote(m.group("fn"))
    qualifier = call.query.get("Qualifier")
    if ":function:" in ident:  # full or partial ARN, maybe with a qualifier
        parts = ident.split(":function:", 1)[1].split(":")
    else:
        parts = ident.split(":")
    if len(parts) > 1:
        qualifier = parts[1]
    rest = m.group("rest") or ""
    kinds = {
        ("GET", ""): "GetFunction", ("GET", "/configuration"): "GetFunctionConfiguration",
        ("PUT", "/code"): "UpdateFunctionCode", ("PUT", "/configuration"): "UpdateFunctionConfiguration",
        ("POST", "/versions"): "PublishVersion", ("GET", "/versions"): "ListVersionsByFunction",
        ("POST", "/aliases"): "CreateAlias", ("GET", "/aliases"): "ListAliases",
        ("POST", "/invocations"): "Invoke",
    }
    kind = kinds.get((call.method, rest))
    if kind is None and rest.startswith("/aliases/"):
        kind = {"GET": "GetAlias", "PUT": "UpdateAlias"}.get(call.method)
        qualifier = urllib.parse.unquote(rest[len("/aliases/"):])
    return parts[0], qualifier, kind


def _fn(name):
    return FUNCTIONS.setdefault(name, {
        "rev": None, "fp": None,  # $LATEST: the proxy's RevisionId and moto's state it stands for
        "polls": 0, "bump": False,  # InProgress reads left; a new RevisionId due when they are done
        "versions": {},  # version -> {"rev", "pending"}
        "aliases": {},  # alias -> {"rev", "fp"}
    })


FP_KEYS = ("CodeSha256", "CodeSize", "Handler", "Runtime", "MemorySize", "Timeout", "Description", "Role",
           "Environment", "Layers", "VpcConfig", "TracingConfig", "EphemeralStorage", "ImageConfigResponse",
           "Architectures", "RevisionId")


def _latest(st, cfg):
    """Sync the proxy's $LATEST RevisionId with moto's state: a change made behind the
    proxy's back (seeding, a "pre" rule) gives a new RevisionId, as AWS would."""
    fp = json.dumps({k: cfg.get(k) for k in FP_KEYS}, sort_keys=True)
    if st["fp"] != fp or st["rev"] is None:
        st["fp"], st["rev"] = fp, new_rev()
    _settle(st)


def _settle(st):
    if st["polls"] == 0 and st["bump"]:
        st["rev"], st["bump"] = new_rev(), False


def _alias_state(st, alias, doc):
    fp = json.dumps([doc.get(k) for k in ("FunctionVersion", "RoutingConfig", "Description", "RevisionId")])
    a = st["aliases"].setdefault(alias, {"rev": None, "fp": None})
    if a["fp"] != fp or a["rev"] is None:
        a["fp"], a["rev"] = fp, new_rev()
    a["version"] = str(doc.get("FunctionVersion") or "")
    return a


def _sync_latest(call, name, st):
    status, cfg = call.up_json("GET", "/2015-03-31/functions/%s/configuration" % urllib.parse.quote(name))
    if ok(status):
        _latest(st, cfg)
    return status


def _lambda_before(call):
    name, qualifier, kind = _parse_fn(call)
    if kind is None:
        return None
    body = call.json if isinstance(call.json, dict) else {}
    with LOCK:
        st = _fn(name)
        if kind in ("PublishVersion", "UpdateFunctionCode", "UpdateFunctionConfiguration"):
            if not ok(_sync_latest(call, name, st)):
                return None  # moto answers the missing function
            arn = "arn:aws:lambda:%s:%s:function:%s" % _region_account(call, name)
            if st["polls"] > 0 and call.cfg.on("lambda.in_progress_conflict"):
                # https://docs.aws.amazon.com/lambda/latest/dg/functions-states.html ("Function states
                # during updates"): while LastUpdateStatus is InProgress, operations on the function
                # fail; the real answer: https://github.com/aws/aws-cli/issues/6718
                call.mark("lambda.in_progress_conflict")
                return ("answer",) + lambda_error(
                    409, "ResourceConflictException",
                    "The operation cannot be performed at this time. An update is in progress for resource: %s" % arn)
            if "RevisionId" in body and call.cfg.on("lambda.revision_ids"):
                if body["RevisionId"] != st["rev"]:
                    # https://docs.aws.amazon.com/lambda/latest/api/API_PublishVersion.html (RevisionId:
                    # "Only update the function if the revision ID matches the ID that's specified"),
                    # https://github.com/aws/aws-sdk/issues/377 (the id changes when the update completes)
                    call.mark("lambda.revision_ids")
                    return ("answer",) + _precondition_failed()
                body = dict(body)
                body.pop("RevisionId")  # moto keeps no function RevisionIds: the proxy checked it
                return ("forward", json.dumps(body).encode())
        if kind == "UpdateAlias" and "RevisionId" in body and call.cfg.on("lambda.revision_ids"):
            status, doc = call.up_json("GET", call.route)
            if not ok(status):
                return None
            a = _alias_state(st, qualifier, doc)
            if body["RevisionId"] != a["rev"]:
                # https://docs.aws.amazon.com/lambda/latest/api/API_UpdateAlias.html (RevisionId:
                # "Only update the alias if the revision ID matches the ID that's specified")
                call.mark("lambda.revision_ids")
                return ("answer",) + _precondition_failed()
            body = dict(body)
            body["RevisionId"] = doc.get("RevisionId")
            return ("forward", json.dumps(body).encode())
        if kind == "Invoke" and qualifier and call.cfg.on("lambda.version_pending"):
            if not qualifier.isdigit():  # an alias: the version it points at, as last seen
                qualifier = st["aliases"].get(qualifier, {}).get("version") or ""
            v = st["versions"].get(qualifier)
            if v and v["pending"] > 0:
                # https://docs.aws.amazon.com/lambda/latest/dg/functions-states.html: "Lambda does not
                # invoke a function during pending state. Any invocations or other API actions that
                # operate on the function will fail."
                call.mark("lambda.version_pending")
                return ("answer",) + lambda_error(
                    409, "ResourceConflictException",
                    "The operation cannot be performed at this time. The function is currently in the following state: Pending")
    return None


def _precondition_failed():
    return lambda_error(
        412, "PreconditionFailedException",
        "The Revision Id provided does not match the latest Revision Id. "
        "Call the GetFunction/GetAlias API to retrieve the latest Revision Id")


def _region_account(call, name):
    m = re.search(r"Credential=[^/]*/\d+/([^/]+)/", call.auth)
    return (m.group(1) if m else "us-east-1", "123456789012", name)


def _lambda_after(call, doc):
    name, qualifier, kind = _parse_fn(call)
    if kind is None:
        return doc
    st = _fn(name)
    cfg = doc.get("Configuration") if kind == "GetFunction" else doc
    if kind in ("GetFunction", "GetFunctionConfiguration") and isinstance(cfg, dict):
        _config(call, st, cfg, read=True)
    elif kind in ("UpdateFunctionCode", "UpdateFunctionConfiguration"):
        _latest(st, doc)
        if call.cfg.on("lambda.update_in_progress"):
            # https://docs.aws.amazon.com/lambda/latest/dg/functions-states.html: an update sets
            # LastUpdateStatus InProgress until it completes; the answer's RevisionId is the one
            # before completion, which assigns a new one: https://github.com/aws/aws-sdk/issues/377
            st["rev"] = new_rev()
            st["polls"], st["bump"] = max(0, int(call.cfg.polls["lambda.update_in_progress"])), True
            call.mark("lambda.update_in_progress")
        _config(call, st, doc, read=False)
    elif kind == "PublishVersion":
        ver = str(doc.get("Version"))
        pending = max(0, int(call.cfg.polls["lambda.version_pending"])) if call.cfg.on("lambda.version_pending") else 0
        st["versions"][ver] = {"rev": new_rev(), "pending": pending}
        _config(call, st, doc, read=False)
    elif kind == "ListVersionsByFunction":
        for c in doc.get("Versions", []):
            _config(call, st, c, read=False)
    elif kind in ("GetAlias", "CreateAlias", "UpdateAlias"):
        _alias(call, st, doc.get("Name") or qualifier, doc, updated=kind == "UpdateAlias")
    elif kind == "ListAliases":
        for a in doc.get("Aliases", []):
            _alias(call, st, a.get("Name"), a, updated=False)
    return doc


def _config(call, st, cfg, read):
    """Rewrite one function configuration: RevisionId, LastUpdateStatus, State."""
    ver = str(cfg.get("Version", "$LATEST"))
    if ver == "$LATEST":
        if read or st["rev"] is None:
            _latest(st, cfg)
        if call.cfg.on("lambda.update_in_progress") and (st["polls"] > 0 or not read and st["bump"]):
            if read:
                st["polls"] -= 1
            _status(cfg, "LastUpdateStatus", "InProgress", busy=True)
            call.mark("lambda.update_in_progress")
        elif "LastUpdateStatus" in cfg or read:
            _status(cfg, "LastUpdateStatus", "Successful", busy=False)
        rev = st["rev"]
    else:
        v = st["versions"].setdefault(ver, {"rev": new_rev(), "pending": 0})
        if v["pending"] > 0 and call.cfg.on("lambda.version_pending"):
            # A new version can be Pending before Active: botocore's PublishedVersionActive waiter
            # ("should be used after new version is published", waiters-2.json for lambda) and
            # https://docs.aws.amazon.com/lambda/latest/dg/functions-states.html
            if read:
                v["pending"] -= 1
            _status(cfg, "State", "Pending", busy=True)
            call.mark("lambda.version_pending")
        else:
            _status(cfg, "State", "Active", busy=False)
        rev = v["rev"]
    if call.cfg.on("lambda.revision_ids"):
        cfg["RevisionId"] = rev


def _status(cfg, field, value, busy):
    """Set State or LastUpdateStatus with the reason Lambda gives while it is busy."""
    cfg[field] = value
    if busy:  # as in the examples of https://docs.aws.amazon.com/lambda/latest/dg/functions-states.html
        cfg[field + "Reason"], cfg[field + "ReasonCode"] = "The function is being created.", "Creating"
    else:
        cfg.pop(field + "Reason", None)
        cfg.pop(field + "ReasonCode", None)


def _alias(call, st, alias, doc, updated):
    if not call.cfg.on("lambda.revision_ids") or not alias:
        return
    a = _alias_state(st, alias, doc)
    if updated:
        a["rev"] = new_rev()  # every UpdateAlias gives the alias a new RevisionId
    doc["RevisionId"] = a["rev"]


# ---------------------------------------------------------------- ECS

def _ecs_before(call):
    action = call.ecs
    body = call.json if isinstance(call.json, dict) else None
    if body is None:
        return None
    if action == "RegisterTaskDefinition" and call.cfg.on("ecs.task_definition_defaults"):
        new = copy.deepcopy(body)
        if _normalize_taskdef(new):
            call.mark("ecs.task_definition_defaults")
            return ("forward", json.dumps(new).encode())
    if action in ("CreateService", "UpdateService"):
        refused = _target_groups_without_load_balancer(call, body)
        if refused:
            return refused
    if action == "UpdateService":
        return _update_service_before(call, body)
    return None


def _load_balancer_arns(xml):
    """The <member>s of DescribeTargetGroups' LoadBalancerArns (empty: `<LoadBalancerArns/>`)."""
    m = re.search(r"<LoadBalancerArns>(.*?)</LoadBalancerArns>", xml, re.S)
    return re.findall(r"<member>(.*?)</member>", m.group(1), re.S) if m else []


def _target_groups_without_load_balancer(call, body):
    # ECS checks each target group's LoadBalancerArns: one that no listener uses is refused with
    # this message (real answers in https://github.com/hashicorp/terraform/issues/32908,
    # https://github.com/cloudposse/terraform-aws-ecs-web-app/issues/226). moto accepts it.
    if not call.cfg.on("ecs.target_group_load_balancer"):
        return None
    for lb in body.get("loadBalancers") or []:
        arn = lb.get("targetGroupArn")
        if not arn:
            continue
        region = arn.split(":")[3] if arn.count(":") >= 5 else "us-east-1"
        auth = "AWS4-HMAC-SHA256 Credential=testing/20260101/%s/elasticloadbalancing/aws4_request, SignedHeaders=host, Signature=0" % region
        form = urllib.parse.urlencode({"Action": "DescribeTargetGroups", "Version": "2015-12-01", "TargetGroupArns.member.1": arn})
        status, _, data = call.upstream("POST", "/", {"Authorization": auth, "Content-Type": "application/x-www-form-urlencoded"}, form.encode())
        if ok(status) and not _load_balancer_arns(data.decode("utf-8", "replace")):
            call.mark("ecs.target_group_load_balancer")
            return ("answer",) + json11_error(
                "InvalidParameterException",
                "The target group with targetGroupArn %s does not have an associated load balancer." % arn)
    return None


CPU = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*vcpu\s*$", re.I)
MEM_GB = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*gb\s*$", re.I)
MEM_MB = re.compile(r"^\s*(\d+)\s*mb\s*$", re.I)


def _normalize_taskdef(td):
    """Fill in what ECS fills in when it stores a task definition; True if anything changed."""
    before = json.dumps(td, sort_keys=True)
    # https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html
    # cpu: "expressed as an integer using CPU units (for example, 1024) or as a string using vCPUs
    # (for example, 1 vCPU or 1 vcpu) ... String values are converted to an integer indicating the
    # CPU units when the task definition is registered." memory: likewise with GB ("1GB" or "1 GB")
    # converted to MiB.
    cpu = td.get("cpu")
    if isinstance(cpu, str) and CPU.match(cpu):
        td["cpu"] = str(int(round(float(CPU.match(cpu).group(1)) * 1024)))
    mem = td.get("memory")
    if isinstance(mem, str) and MEM_GB.match(mem):
        td["memory"] = str(int(round(float(MEM_GB.match(mem).group(1)) * 1024)))
    elif isinstance(mem, str) and MEM_MB.match(mem):
        td["memory"] = MEM_MB.match(mem).group(1)
    for c in td.get("containerDefinitions") or []:
        hc = c.get("healthCheck") if isinstance(c, dict) else None
        if isinstance(hc, dict):
            # https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html, in the
            # same words in https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_AwsEcsTaskDefinitionContainerDefinitionsHealthCheckDetails.html:
            # interval "The default value is 30 seconds", timeout "The default value is 5",
            # retries "The default value is 3"; startPeriod has no default.
            hc.setdefault("interval", 30)
            hc.setdefault("timeout", 5)
            hc.setdefault("retries", 3)
    return json.dumps(td, sort_keys=True) != before


def _describe_service(call, cluster, service):
    status, doc = call.up_json("POST", "/", {"cluster": cluster, "services": [service]}, target="DescribeServices")
    services = doc.get("services") or [] if ok(status) else []
    return services[0] if services else None


# What UpdateService may not change per controller, from
# https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateService.html: "For services
# using the blue/green (CODE_DEPLOY) deployment controller, only the desired count, deployment
# configuration, health check grace period, task placement constraints and strategies, enable ECS
# managed tags option, and propagate tags can be updated using this API. If the network
# configuration, platform version, task definition, or load balancer need to be changed, create a
# new CodeDeploy deployment." and for EXTERNAL: "If the launch type, load balancer, network
# configuration, platform version, or task definition need to be changed, create a new task set."
LOCKED = {
    "CODE_DEPLOY": [("taskDefinition", "task definition"), ("networkConfiguration", "network configuration"),
                    ("platformVersion", "platform version"), ("loadBalancers", "load balancers")],
    "EXTERNAL": [("taskDefinition", "task definition"), ("networkConfiguration", "network configuration"),
                 ("platformVersion", "platform version"), ("loadBalancers", "load balancers"),
                 ("launchType", "launch type"), ("capacityProviderStrategy", "capacity provider strategy")],
}


def _update_service_before(call, body):
    svc = _describe_service(call, body.get("cluster", "default"), body.get("service", ""))
    if svc is None:
        return None  # moto answers ServiceNotFoundException
    call.previous = svc  # the service as it was, for the deployment timeline in after()
    ctype = (svc.get("deploymentController") or {}).get("type", "ECS")
    if ctype in LOCKED and call.cfg.on("ecs.deployment_controller"):
        for field, words in LOCKED[ctype]:
            if body.get(field) not in (None, [], ""):
                call.mark("ecs.deployment_controller")
                # The real message for the task definition on CODE_DEPLOY, e.g.
                # https://github.com/boto/boto3/issues/1936 and https://github.com/aws/aws-cdk/issues/23564:
                # "Unable to update task definition on services with a CODE_DEPLOY deployment
                # controller. Use AWS CodeDeploy to trigger a new deployment." The other fields and
                # EXTERNAL use the same shape (their exact wording is not published).
                hint = ("Use AWS CodeDeploy to trigger a new deployment." if ctype == "CODE_DEPLOY"
                        else "Use a new task set to deploy.")
                return ("answer",) + json11_error(
                    "InvalidParameterException",
                    "Unable to update %s on services with a %s deployment controller. %s" % (words, ctype, hint))
    return None


def _deployment_id():
    return "ecs-svc/%d" % random.randint(10 ** 18, 10 ** 19 - 1)


def _ecs_after(call, doc):
    action = call.ecs
    if action in ("RegisterTaskDefinition", "DescribeTaskDefinition") and call.cfg.on("ecs.task_definition_defaults"):
        if isinstance(doc.get("taskDefinition"), dict) and _normalize_taskdef(doc["taskDefinition"]):
            call.mark("ecs.task_definition_defaults")
    elif action in ("CreateService", "UpdateService") and isinstance(doc.get("service"), dict):
        _keep_deployment_configuration(call, doc["service"], created=action == "CreateService")
        if action == "UpdateService":
            _track_update(call, doc["service"])
            if doc["service"].get("serviceArn") in SERVICES:
                _show(call, doc["service"], poll=False)
    elif action == "DescribeServices":
        for s in doc.get("services") or []:
            _keep_deployment_configuration(call, s, created=False)
            if s.get("serviceArn") in SERVICES:
                _show(call, s, poll=True)
    return doc


# https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html:
# "The default value for maximum percent is 200%", minimumHealthyPercent defaults to 100% for a
# REPLICA service; the circuit breaker is used only if turned on (API_DeploymentCircuitBreaker.html).
DEFAULT_DEPLOYMENT_CONFIGURATION = {"deploymentCircuitBreaker": {"enable": False, "rollback": False},
                                    "maximumPercent": 200, "minimumHealthyPercent": 100}


def _keep_deployment_configuration(call, svc, created):
    """moto drops deploymentConfiguration; ECS stores it and answers it. The proxy keeps it for
    services created or updated through it (this process); others are answered as moto has them."""
    if not call.cfg.on("ecs.deployment_configuration") or not svc.get("serviceArn"):
        return
    given = (call.json or {}).get("deploymentConfiguration") if call.ecs != "DescribeServices" else None
    arn = svc["serviceArn"]
    if created:
        CONFIGS[arn] = copy.deepcopy(DEFAULT_DEPLOYMENT_CONFIGURATION)
    if isinstance(given, dict):
        CONFIGS.setdefault(arn, copy.deepcopy(DEFAULT_DEPLOYMENT_CONFIGURATION)).update(copy.deepcopy(given))
    if arn in CONFIGS:
        svc["deploymentConfiguration"] = copy.deepcopy(CONFIGS[arn])
        call.mark("ecs.deployment_configuration")


def _track_update(call, svc):
    prev = call.previous
    if prev is None or (prev.get("deploymentController") or {}).get("type", "ECS") != "ECS":
        return
    body = call.json or {}
    new_td = svc.get("taskDefinition")
    started = body.get("forceNewDeployment") or (body.get("taskDefinition") and new_td != prev.get("taskDefinition"))
    scenario = call.scenario
    if not started or not (call.cfg.on("ecs.rolling_deployments") or scenario):
        return
    base = (svc.get("deployments") or prev.get("deployments") or [{}])[0]
    old = SERVICES.get(svc["serviceArn"], {}).get("deployments", [None])[0] or dict(base, taskDefinition=prev.get("taskDefinition"))
    ours = dict(copy.deepcopy(base), id=_deployment_id(), taskDefinition=new_td, status="PRIMARY",
                desiredCount=svc.get("desiredCount", base.get("desiredCount")),
                createdAt=_now(base.get("createdAt")), updatedAt=_now(base.get("updatedAt")))
    SERVICES[svc["serviceArn"]] = {
        "cluster": svc.get("clusterArn"), "name": svc.get("serviceName"),
        "deployments": [ours, dict(old, status="ACTIVE")],
        "ours": ours["id"], "previous_td": prev.get("taskDefinition"),
        "polls": 0, "scenario": scenario, "other": None,
        "in_progress": max(0, int(call.cfg.polls["ecs.rolling_deployments"])),
        "events": [],
    }
    call.mark("ecs.rolling_deployments")


def _now(like):
    return time.time() if not isinstance(like, str) else like


def _show(call, svc, poll):
    """Replace moto's deployments of a tracked service with the timeline's current step."""
    t = SERVICES[svc["serviceArn"]]
    if poll:
        t["polls"] += 1
    n = t["polls"]
    ours, old = t["deployments"][0], t["deployments"][1]
    moto_state = ((svc.get("deployments") or [{}])[0]).get("rolloutState", "COMPLETED")
    scenario = t["scenario"]
    after = int(scenario.get("after_polls", 1)) if scenario else t["in_progress"]
    if n <= after:  # our rollout is still running, the old deployment still has tasks
        deployments = [_state(ours, "PRIMARY", "IN_PROGRESS"), old]
        call.mark("ecs.rolling_deployments")
    elif not scenario:
        deployments = [_state(ours, "PRIMARY", moto_state)]
    elif scenario["action"] == "circuit_breaker_rollback" and not _rolls_back(svc):
        deployments = [_no_rollback(call, svc, ours, n - after), old]
    else:
        if t["other"] is None:
            _start_other(call, t, svc)
        other = t["other"]
        ours_now = dict(ours, status="ACTIVE")
        if scenario["action"] == "circuit_breaker_rollback":
            # https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-circuit-breaker.html:
            # the failed deployment transitions to FAILED and, with rollback on, ECS rolls the
            # service back to the last deployment that completed (a new deployment with the
            # previous task definition); https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentCircuitBreaker.html
            ours_now.update(rolloutState="FAILED", failedTasks=_threshold(ours.get("desiredCount") or 1),
                            runningCount=0, pendingCount=0,
                            rolloutStateReason="ECS deployment circuit breaker: tasks failed to start.")
            call.mark("ecs.circuit_breaker_rollback")
        else:
            # Another UpdateService replaced ours: it is PRIMARY, ours is ACTIVE while it drains
            # (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Deployment.html status).
            ours_now.update(rolloutState="IN_PROGRESS")
            call.mark("ecs.replaced_by_other_deploy")
        if n <= after + 1:
            deployments = [_state(other, "PRIMARY", "IN_PROGRESS"), ours_now]
        else:
            deployments = [_state(other, "PRIMARY", "COMPLETED")]
        svc["taskDefinition"] = other["taskDefinition"]
        svc["events"] = t["events"] + list(svc.get("events") or [])
    svc["deployments"] = deployments


def _rolls_back(svc):
    if "deploymentConfiguration" not in svc:
        return True  # a service the proxy knows nothing about: as the scenario asks
    b = svc["deploymentConfiguration"].get("deploymentCircuitBreaker") or {}
    return bool(b.get("enable") and b.get("rollback"))


def _no_rollback(call, svc, ours, failures):
    """Our tasks fail to start on a service whose circuit breaker does not roll back.

    https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-circuit-breaker.html:
    with the breaker on, the deployment transitions to FAILED and stops launching tasks; rollback
    happens only if it is also turned on. Without the breaker the scheduler keeps launching tasks
    and the deployment stays IN_PROGRESS."""
    b = (svc.get("deploymentConfiguration") or {}).get("deploymentCircuitBreaker") or {}
    d = dict(ours, status="PRIMARY", runningCount=0, pendingCount=0)
    if b.get("enable"):
        d.update(rolloutState="FAILED", failedTasks=_threshold(ours.get("desiredCount") or 1),
                 rolloutStateReason="ECS deployment circuit breaker: tasks failed to start.")
        call.mark("ecs.circuit_breaker_failed")
    else:
        d = dict(_state(d, "PRIMARY", "IN_PROGRESS"), failedTasks=failures)
        call.mark("ecs.circuit_breaker_off")
    return d


def _state(d, status, rollout):
    reason = "ECS deployment %s %s." % (d["id"], "completed" if rollout == "COMPLETED" else "in progress")
    return dict(d, status=status, rolloutState=rollout, rolloutStateReason=reason)


def _threshold(desired):
    # https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceDeploymentCircuitBreaker.html
    # (threshold): "a minimum threshold of 3 and a maximum threshold of 200 ... 0.5 * desired task count".
    return min(200, max(3, int(math.ceil(desired * 0.5))))


def _start_other(call, t, svc):
    """The deployment ECS (rollback) or another deployer starts: moto's service follows it."""
    scenario = t["scenario"]
    if scenario["action"] == "circuit_breaker_rollback":
        td = t["previous_td"]
    else:
        td = scenario.get("task_definition") or _register_copy(call, t["deployments"][0]["taskDefinition"])
    call.up_json("POST", "/", {"cluster": t["cluster"], "service": t["name"], "taskDefinition": td},
                 target="UpdateService")
    base = t["deployments"][0]
    t["other"] = dict(copy.deepcopy(base), id=_deployment_id(), taskDefinition=td,
                      createdAt=_now(base.get("createdAt")), updatedAt=_now(base.get("updatedAt")))
    now = _now(base.get("createdAt"))
    if scenario["action"] == "circuit_breaker_rollback":
        msgs = ["(service %s) (deployment %s) deployment failed: tasks failed to start." % (t["name"], t["ours"]),
                "(service %s) rolling back to deployment %s." % (t["name"], t["other"]["id"])]
    else:
        msgs = ["(service %s) has started a new deployment %s." % (t["name"], t["other"]["id"])]
    t["events"] = [{"id": str(uuid.uuid4()), "createdAt": now, "message": m} for m in reversed(msgs)]


def _register_copy(call, td_arn):
    """A new revision of our task definition's family, as another deploy would register."""
    status, doc = call.up_json("POST", "/", {"taskDefinition": td_arn}, target="DescribeTaskDefinition")
    td = doc.get("taskDefinition") or {}
    keep = ("family", "containerDefinitions", "taskRoleArn", "executionRoleArn", "networkMode", "volumes",
            "requiresCompatibilities", "cpu", "memory")
    new = {k: td[k] for k in keep if td.get(k) not in (None, [])}
    for c in new.get("containerDefinitions", []):
        c.setdefault("environment", []).append({"name": "OTHER_DEPLOY", "value": "1"})
    status, doc = call.up_json("POST", "/", new, target="RegisterTaskDefinition")
    return (doc.get("taskDefinition") or {}).get("taskDefinitionArn", td_arn)


# ---------------------------------------------------------------- STS

def _sts_before(call):
    if not call.cfg.on("sts.transient_invalid_identity_token"):
        return None
    token = urllib.parse.parse_qs(call.body.decode("utf-8", "replace")).get("WebIdentityToken", [""])[0]
    with LOCK:
        if token in TOKENS:
            return None
        TOKENS.add(token)
    call.mark("sts.transient_invalid_identity_token")
    # STS fails a first try now and then while it fetches the provider's keys: the error is listed in
    # https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html
    # (InvalidIdentityToken), configure-aws-credentials retries it with backoff
    # (https://github.com/aws-actions/configure-aws-credentials/issues/299, fixed by pull 350), and
    # the real XML answer, message with its double space, is in https://github.com/awslabs/aws-sdk-rust/issues/827
    body = ('<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">\n  <Error>\n    <Type>Sender</Type>\n'
            '    <Code>InvalidIdentityToken</Code>\n    <Message>Couldn\'t retrieve verification key from your identity '
            'provider,  please reference AssumeRoleWithWebIdentity documentation for requirements</Message>\n'
            '  </Error>\n  <RequestId>%s</RequestId>\n</ErrorResponse>\n' % uuid.uuid4())
    return ("answer", 400, [("Content-Type", "text/xml"), ("x-amzn-RequestId", str(uuid.uuid4()))], body.encode())
