"""Seeds moto (AWS_ENDPOINT_URL) with what the infrastructure would have
created, for the action's integration tests. Prints the IDs as JSON.

usage: seed.py lambda NAME | seed.py ecs PREFIX | seed.py image REPO TAG DIGESTHEX
       | seed.py params PREFIX JSON | seed.py sg VPC NAME
       | seed.py repo-in REGION NAME TAG DIGESTHEX
"""
import io
import json
import sys
import zipfile

import boto3

REGION = "us-east-1"


def client(name):
    return boto3.client(name, region_name=REGION)


def role(name):
    iam = client("iam")
    trust = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}
    # Tests seed in parallel: whoever creates the role first wins, the rest read it.
    try:
        return iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(trust))["Role"]["Arn"]
    except iam.exceptions.EntityAlreadyExistsException:
        return iam.get_role(RoleName=name)["Role"]["Arn"]


def placeholder_zip():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("app.py", "def handler(event, context):\n    return {'statusCode': 503}\n")
    return buf.getvalue()


def seed_lambda(name):
    lam = client("lambda")
    fn = lam.create_function(FunctionName=name, Runtime="python3.12", Role=role("ecom-test-lambda"),
                             Handler="app.handler", Code={"ZipFile": placeholder_zip()}, Publish=True)
    version = fn.get("Version") if fn.get("Version", "$LATEST") != "$LATEST" else lam.publish_version(FunctionName=name)["Version"]
    lam.update_function_configuration(FunctionName=name, Description="another published version")
    other = lam.publish_version(FunctionName=name)["Version"]
    lam.create_alias(FunctionName=name, Name="live", FunctionVersion=version)
    return {"function_arn": fn["FunctionArn"], "version": version, "other_version": other}


def push_image(repo, tag, content, region=REGION):
    ecr = boto3.client("ecr", region_name=region)
    manifest = {"schemaVersion": 2, "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
                "config": {"mediaType": "application/vnd.docker.container.image.v1+json", "size": 1, "digest": "sha256:" + "0" * 64},
                "layers": [{"mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip", "size": len(content), "digest": "sha256:" + content}]}
    ecr.put_image(repositoryName=repo, imageManifest=json.dumps(manifest), imageTag=tag)
    return ecr.describe_images(repositoryName=repo, imageIds=[{"imageTag": tag}])["imageDetails"][0]["imageDigest"]


def seed_ecs(prefix):
    ec2, elb, ecs, ecr = client("ec2"), client("elbv2"), client("ecs"), client("ecr")
    vpc = ec2.create_vpc(CidrBlock="10.20.0.0/16")["Vpc"]["VpcId"]
    subnets = [ec2.create_subnet(VpcId=vpc, CidrBlock="10.20.%d.0/24" % i, AvailabilityZone=REGION + az)["Subnet"]["SubnetId"]
               for i, az in ((1, "a"), (2, "b"))]
    sg = ec2.create_security_group(GroupName=prefix + "-svc", Description="svc", VpcId=vpc)["GroupId"]
    lb = elb.create_load_balancer(Name=prefix + "-alb", Subnets=subnets, SecurityGroups=[sg], Scheme="internal")["LoadBalancers"][0]["LoadBalancerArn"]
    listener = elb.create_listener(LoadBalancerArn=lb, Protocol="HTTP", Port=80,
                                   DefaultActions=[{"Type": "fixed-response", "FixedResponseConfig": {"StatusCode": "404", "ContentType": "text/plain", "MessageBody": "not found"}}])["Listeners"][0]["ListenerArn"]
    cluster = ecs.create_cluster(clusterName=prefix + "-cluster")["cluster"]["clusterName"]
    repo = ecr.create_repository(repositoryName=prefix + "-orders")["repository"]
    digest = push_image(repo["repositoryName"], "v1", "1" * 64)
    return {"vpc_id": vpc, "subnets": subnets, "security_group": sg, "listener_arn": listener, "cluster": cluster,
            "repo": repo["repositoryName"], "repo_uri": repo["repositoryUri"], "digest_v1": digest}


def seed_params(prefix, values):
    ssm = client("ssm")
    for name, value in values.items():
        kind = "StringList" if "," in value else "String"
        ssm.put_parameter(Name=prefix + name, Value=value, Type=kind, Overwrite=True)
    return {"prefix": prefix}


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "lambda":
        out = seed_lambda(sys.argv[2])
    elif cmd == "ecs":
        out = seed_ecs(sys.argv[2])
    elif cmd == "image":
        out = {"digest": push_image(sys.argv[2], sys.argv[3], sys.argv[4])}
    elif cmd == "repo-in":
        region, name = sys.argv[2], sys.argv[3]
        repo = boto3.client("ecr", region_name=region).create_repository(repositoryName=name)["repository"]
        out = {"repo_uri": repo["repositoryUri"], "digest": push_image(name, sys.argv[4], sys.argv[5], region)}
    elif cmd == "sg":
        out = {"group_id": client("ec2").create_security_group(GroupName=sys.argv[3], Description="test", VpcId=sys.argv[2])["GroupId"]}
    elif cmd == "params":
        out = seed_params(sys.argv[2], json.loads(sys.argv[3]))
    else:
        sys.exit("unknown command " + cmd)
    print(json.dumps(out))
