"""Delete what the deploy action created in an environment, before `tofu destroy`.

Terraform owns the infrastructure; the ecom-deploy action owns the
applications it deploys onto it, which Terraform does not know about:
- ECS services (a cluster with services cannot be deleted: DeleteCluster
  fails with ClusterContainsServicesException, AWS ECS API reference);
- their listener rules and target groups (the action tags each target group
  `ecom-deploy:service = <cluster>/<service>`, src/deploy/elb.rs); a load
  balancer's deletion leaves its target groups behind;
- the task definition revisions it registered;
- and the images the app workflows pushed to the ECR repositories (a
  repository with images cannot be deleted without force_delete).
Lambda versions the action published need nothing: deleting the function
(Terraform) deletes its versions and aliases.

It finds the clusters and listeners through the SSM contract the
environment published (/ecom/<env>/<stack>/), like the action does. Safe to
run twice. Region: AWS_REGION (the environment's aws_region), as for the
action; else AWS_DEFAULT_REGION.

usage: app_teardown.py ENV
"""
import os
import sys
import time

import boto3

STACKS = ("frontend", "backend")
TAG = "ecom-deploy:service"


def log(msg):
    print("app-teardown: " + msg, flush=True)


def contract(ssm, env, stack):
    prefix = "/ecom/%s/%s/" % (env, stack)
    params = {}
    for page in ssm.get_paginator("get_parameters_by_path").paginate(Path=prefix):
        params.update({p["Name"][len(prefix):]: p["Value"] for p in page["Parameters"]})
    return params


def action_target_groups(elb, cluster):
    """ARNs of the target groups the action created for services of `cluster`."""
    arns = [tg["TargetGroupArn"] for page in elb.get_paginator("describe_target_groups").paginate()
            for tg in page["TargetGroups"]]
    mine = []
    for i in range(0, len(arns), 20):
        for d in elb.describe_tags(ResourceArns=arns[i:i + 20])["TagDescriptions"]:
            tags = {t["Key"]: t["Value"] for t in d.get("Tags", [])}
            if tags.get(TAG, "").startswith(cluster + "/"):
                mine.append(d["ResourceArn"])
    return mine


def delete_services(ecs, cluster):
    arns = [a for page in ecs.get_paginator("list_services").paginate(cluster=cluster) for a in page["serviceArns"]]
    families = set()
    for i in range(0, len(arns), 10):
        for svc in ecs.describe_services(cluster=cluster, services=arns[i:i + 10])["services"]:
            if svc["status"] == "INACTIVE":
                continue
            families.add(svc["taskDefinition"].rsplit("/", 1)[1].rsplit(":", 1)[0])
            for d in svc.get("deployments", []):
                families.add(d["taskDefinition"].rsplit("/", 1)[1].rsplit(":", 1)[0])
            ecs.update_service(cluster=cluster, service=svc["serviceName"], desiredCount=0)
            ecs.delete_service(cluster=cluster, service=svc["serviceName"], force=True)
            log("deleted ECS service %s/%s" % (cluster, svc["serviceName"]))
    if arns:
        ecs.get_waiter("services_inactive").wait(cluster=cluster, services=arns[:10],
                                                 WaiterConfig={"Delay": 5, "MaxAttempts": 120})
    return families


def delete_task_definitions(ecs, families):
    for family in sorted(families):
        revisions = [a for status in ("ACTIVE", "INACTIVE")
                     for page in ecs.get_paginator("list_task_definitions").paginate(familyPrefix=family, status=status)
                     for a in page["taskDefinitionArns"] if a.rsplit("/", 1)[1].rsplit(":", 1)[0] == family]
        for arn in revisions:
            ecs.deregister_task_definition(taskDefinition=arn)
        for i in range(0, len(revisions), 10):
            ecs.delete_task_definitions(taskDefinitions=revisions[i:i + 10])
        if revisions:
            log("deleted %d revision(s) of task definition %s" % (len(revisions), family))


def delete_rules_and_target_groups(elb, listener, cluster):
    groups = set(action_target_groups(elb, cluster))
    if listener:
        for rule in elb.describe_rules(ListenerArn=listener)["Rules"]:
            if rule.get("IsDefault"):
                continue
            forwards = {a.get("TargetGroupArn") for a in rule.get("Actions", [])}
            forwards |= {t["TargetGroupArn"] for a in rule.get("Actions", [])
                         for t in (a.get("ForwardConfig") or {}).get("TargetGroups", [])}
            if forwards & groups:
                elb.delete_rule(RuleArn=rule["RuleArn"])
                log("deleted listener rule %s (priority %s)" % (rule["RuleArn"].rsplit("/", 1)[1], rule["Priority"]))
    for arn in sorted(groups):
        elb.delete_target_group(TargetGroupArn=arn)
        log("deleted target group %s" % arn.split(":targetgroup/")[1].split("/")[0])


def delete_images(ecr, env):
    prefix = "ecom-%s-" % env
    for page in ecr.get_paginator("describe_repositories").paginate():
        for repo in page["repositories"]:
            name = repo["repositoryName"]
            if not name.startswith(prefix):
                continue
            ids = [i for p in ecr.get_paginator("list_images").paginate(repositoryName=name) for i in p["imageIds"]]
            for i in range(0, len(ids), 100):
                ecr.batch_delete_image(repositoryName=name, imageIds=ids[i:i + 100])
            if ids:
                log("deleted %d image(s) from ECR repository %s" % (len(ids), name))


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    env = sys.argv[1]
    session = boto3.session.Session(region_name=os.environ.get("AWS_REGION") or None)
    ssm, ecs, elb, ecr = (session.client(s) for s in ("ssm", "ecs", "elbv2", "ecr"))
    t0 = time.time()
    found = False
    for stack in STACKS:
        params = contract(ssm, env, stack)
        cluster = params.get("cluster")
        if not cluster:
            log("no contract under /ecom/%s/%s/ in %s: nothing of %s to tear down" % (env, stack, session.region_name, stack))
            continue
        found = True
        families = delete_services(ecs, cluster)
        delete_rules_and_target_groups(elb, params.get("listener-arn"), cluster)
        # The services' families, and those named like the environment's
        # (ecom-<env>-<service>) left by an earlier, interrupted teardown.
        families |= {f for page in ecs.get_paginator("list_task_definition_families").paginate(familyPrefix="ecom-%s-" % env)
                     for f in page["families"]}
        delete_task_definitions(ecs, families)
    if not found:
        sys.exit("app-teardown: environment %s has no SSM contract in region %s; set AWS_REGION to the "
                 "environment's aws_region (_CloudOps/env/%s/main.tf)" % (env, session.region_name, env))
    delete_images(ecr, env)
    log("done in %.1fs; now `tofu destroy` can remove the infrastructure" % (time.time() - t0))


if __name__ == "__main__":
    main()
