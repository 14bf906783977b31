//! ECS deploys never overwrite what the infrastructure owns, and tell apart
//! how a rollout ends. Every run goes through the runner-faithful harness, so
//! each action.yml default arrives as INPUT_*.

use serde_json::{json, Value};

use crate::support::*;

const TEMPLATE: &str = r#"
family: FAMILY
networkMode: awsvpc
requiresCompatibilities: [FARGATE]
cpu: 1 vCPU
memory: 2 GB
containerDefinitions:
  - name: orders
    image: replaced-by-the-action
    portMappings:
      - containerPort: 8080
    healthCheck:
      command: [CMD-SHELL, "curl -f http://localhost:8080/health || exit 1"]
"#;

struct Shop {
    seeded: Value,
    ws: tempfile::TempDir,
}

fn shop() -> Shop {
    let prefix = unique("own");
    let seeded = seed(&["ecs", &prefix]);
    let ws = tempfile::tempdir().unwrap();
    std::fs::write(
        ws.path().join("taskdef.yaml"),
        TEMPLATE.replace("FAMILY", &format!("{prefix}-orders")),
    )
    .unwrap();
    Shop { seeded, ws }
}

impl Shop {
    fn s(&self, k: &str) -> String {
        self.seeded[k].as_str().unwrap().to_string()
    }

    fn subnets(&self) -> Vec<String> {
        self.seeded["subnets"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect()
    }

    /// The inputs of a workflow step; `extra` overrides or adds.
    fn inputs(&self, extra: &[(&str, &str)]) -> Vec<(String, String)> {
        let mut v: Vec<(String, String)> = vec![
            ("mode", "ecs".to_string()),
            ("task-definition", "taskdef.yaml".into()),
            ("container-name", "orders".into()),
            ("image", format!("{}:v1", self.s("repo"))),
            ("cluster", self.s("cluster")),
            ("service", "orders".into()),
            ("subnets", self.subnets().join(",")),
            ("security-groups", self.s("security_group")),
            ("wait-timeout-minutes", "2".into()),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
        for (k, val) in extra {
            v.retain(|(n, _)| n != k);
            if !val.is_empty() {
                v.push((k.to_string(), val.to_string()));
            }
        }
        v
    }

    fn run(&self, endpoint: &str, inputs: &[(String, String)]) -> Run {
        let pairs: Vec<(&str, &str)> = inputs
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        run_action(endpoint, self.ws.path(), &pairs, &[])
    }

    async fn service(&self) -> aws_sdk_ecs::types::Service {
        let ecs = aws_sdk_ecs::Client::new(&sdk().await);
        let out = ecs
            .describe_services()
            .cluster(self.s("cluster"))
            .services("orders")
            .send()
            .await
            .unwrap();
        out.services()[0].clone()
    }

    fn new_image(&self, tag: &str, fill: char) {
        seed(&["image", &self.s("repo"), tag, &fill.to_string().repeat(64)]);
    }
}

#[tokio::test]
async fn an_unset_desired_count_keeps_the_services_count() {
    let shop = shop();
    let proxy = Proxy::start();
    let first = shop.run(&proxy.url, &shop.inputs(&[("desired-count", "3")]));
    assert_eq!(first.code, 0, "{first:?}");
    assert_eq!(shop.service().await.desired_count(), 3);

    shop.new_image("v2", '2');
    proxy.clear();
    let run = shop.run(
        &proxy.url,
        &shop.inputs(&[("image", &format!("{}:v2", shop.s("repo")))]),
    );
    assert_eq!(run.code, 0, "{run:?}");
    // The runner passed every action.yml default, and desired-count has none.
    assert_eq!(
        run.inputs.get("INPUT_DESIRED-COUNT").map(String::as_str),
        Some("")
    );
    let update = &proxy.requests("UpdateService")[0];
    assert!(update.get("desiredCount").is_none(), "{update}");
    assert_eq!(
        shop.service().await.desired_count(),
        3,
        "autoscaling's count stays"
    );
}

#[tokio::test]
async fn an_update_keeps_the_deployment_configuration_and_the_network_unless_given() {
    let shop = shop();
    let proxy = Proxy::start();
    assert_eq!(shop.run(&proxy.url, &shop.inputs(&[])).code, 0);
    shop.new_image("v2", '3');
    proxy.clear();
    let v2 = format!("{}:v2", shop.s("repo"));
    let run = shop.run(&proxy.url, &shop.inputs(&[("image", &v2)]));
    assert_eq!(run.code, 0, "{run:?}");
    let update = &proxy.requests("UpdateService")[0];
    assert!(update.get("deploymentConfiguration").is_none(), "{update}");
    assert!(update.get("networkConfiguration").is_none(), "{update}");
    assert!(update.get("loadBalancers").is_none(), "{update}");

    // A security group given in the workflow (or SSM) that differs is applied.
    let sg = seed(&["sg", &shop.s("vpc_id"), &unique("svc2")])["group_id"]
        .as_str()
        .unwrap()
        .to_string();
    proxy.clear();
    let run = shop.run(
        &proxy.url,
        &shop.inputs(&[
            ("image", &v2),
            ("security-groups", &sg),
            ("assign-public-ip", "true"),
        ]),
    );
    assert_eq!(run.code, 0, "{run:?}");
    let update = &proxy.requests("UpdateService")[0];
    let vpc = &update["networkConfiguration"]["awsvpcConfiguration"];
    assert_eq!(vpc["securityGroups"], json!([sg]), "{update}");
    assert_eq!(vpc["assignPublicIp"], "ENABLED", "{update}");
    assert_eq!(
        vpc["subnets"].as_array().map(Vec::len),
        Some(2),
        "subnets are kept: {update}"
    );
}

#[tokio::test]
async fn a_code_deploy_service_is_refused_before_anything_is_registered() {
    let shop = shop();
    let ecs = aws_sdk_ecs::Client::new(&sdk().await);
    ecs.create_service()
        .cluster(shop.s("cluster"))
        .service_name("orders")
        .desired_count(1)
        .deployment_controller(
            aws_sdk_ecs::types::DeploymentController::builder()
                .r#type(aws_sdk_ecs::types::DeploymentControllerType::CodeDeploy)
                .build()
                .unwrap(),
        )
        .send()
        .await
        .unwrap();
    let proxy = Proxy::start();
    let run = shop.run(&proxy.url, &shop.inputs(&[]));
    assert_eq!(run.code, 1, "{run:?}");
    let e = run.errors();
    assert_eq!(e.len(), 1, "{run:?}");
    assert!(
        e[0].contains("input `service`") && e[0].contains("CODE_DEPLOY"),
        "{}",
        e[0]
    );
    assert_eq!(
        mutating(&proxy.calls()),
        Vec::<String>::new(),
        "nothing registered"
    );
}

#[tokio::test]
async fn a_new_service_uses_the_clusters_capacity_providers_and_its_arn_names_nothing() {
    let shop = shop();
    let proxy = Proxy::start();
    // dev's cluster has a default strategy (Fargate Spot).
    proxy.rules(json!([{
        "op": "DescribeClusters", "action": "patch",
        "patch": {"clusters.0.defaultCapacityProviderStrategy": [{"capacityProvider": "FARGATE_SPOT", "weight": 1}]}
    }]));
    let arn = format!(
        "arn:aws:ecs:us-east-1:123456789012:cluster/{}",
        shop.s("cluster")
    );
    let run = shop.run(
        &proxy.url,
        &shop.inputs(&[
            ("cluster", &arn),
            ("listener-arn", &shop.s("listener_arn")),
            ("path-pattern", "/orders/*"),
        ]),
    );
    assert_eq!(run.code, 0, "{run:?}");
    let create = &proxy.requests("CreateService")[0];
    assert!(
        create.get("launchType").is_none(),
        "the cluster's strategy applies: {create}"
    );
    // Names derive from the cluster's name, not from the ARN given.
    let tg = ecom_deploy::deploy::elb::target_group_name(&shop.s("cluster"), "orders");
    assert!(
        run.out("target-group-arn")
            .contains(&format!(":targetgroup/{tg}/")),
        "{run:?}"
    );
}

#[tokio::test]
async fn an_identical_template_with_ecs_defaults_registers_no_new_revision() {
    let shop = shop();
    let proxy = Proxy::start();
    let first = shop.run(&proxy.url, &shop.inputs(&[]));
    assert_eq!(first.code, 0, "{first:?}");
    // The strict proxy stored "1 vCPU"/"2 GB" as 1024/2048 and filled in the
    // healthCheck's 30/5/3, as ECS does.
    proxy.clear();
    let again = shop.run(&proxy.url, &shop.inputs(&[]));
    assert_eq!(again.code, 0, "{again:?}");
    assert_eq!(again.out("changed"), "false");
    assert!(
        !proxy.calls().iter().any(|c| c == "RegisterTaskDefinition"),
        "{:?}",
        proxy.calls()
    );
}

#[tokio::test]
async fn a_new_service_that_fails_is_removed_with_its_rule_and_target_group() {
    let shop = shop();
    let proxy = Proxy::start();
    proxy.rules(json!([{
        "op": "DescribeServices", "action": "patch",
        "patch": {
            "services.0.deployments.0.rolloutState": "FAILED",
            "services.0.deployments.0.rolloutStateReason": "ECS deployment circuit breaker: tasks failed to start."
        }
    }]));
    let run = shop.run(
        &proxy.url,
        &shop.inputs(&[
            ("listener-arn", &shop.s("listener_arn")),
            ("path-pattern", "/orders/*"),
        ]),
    );
    assert_eq!(run.code, 1, "{run:?}");
    let e = run.errors();
    assert_eq!(e.len(), 1, "{run:?}");
    assert!(e[0].contains("were removed"), "{}", e[0]);
    let calls = proxy.calls();
    for op in ["DeleteService", "DeleteRule", "DeleteTargetGroup"] {
        assert!(calls.iter().any(|c| c == op), "{op}: {calls:?}");
    }
    assert!(
        !calls.iter().any(|c| c == "ModifyRule"),
        "the rule never opened: {calls:?}"
    );
    let elb = aws_sdk_elasticloadbalancingv2::Client::new(&sdk().await);
    let rules = elb
        .describe_rules()
        .listener_arn(shop.s("listener_arn"))
        .send()
        .await
        .unwrap();
    assert!(
        rules
            .rules()
            .iter()
            .all(|r| r.is_default().unwrap_or(false)),
        "{rules:?}"
    );
}

#[tokio::test]
async fn stopped_task_reasons_come_only_from_this_deployment() {
    let shop = shop();
    let proxy = Proxy::start();
    assert_eq!(shop.run(&proxy.url, &shop.inputs(&[])).code, 0);
    shop.new_image("v2", '4');
    let task = |id: &str, by: &str, why: &str| {
        json!({"taskArn": format!("arn:aws:ecs:us-east-1:123456789012:task/c/{id}"), "startedBy": by,
               "lastStatus": "STOPPED", "stoppedReason": why})
    };
    // One deployment id for the service's answers, so the failed deployment is ours.
    let ours = "ecs-svc/4242424242424242424";
    proxy.rules(json!([
        {"op": "UpdateService", "action": "patch", "patch": {"service.deployments.0.id": ours}},
        {"op": "DescribeServices", "action": "patch", "patch": {
            "services.0.deployments.0.id": ours,
            "services.0.deployments.0.rolloutState": "FAILED",
            "services.0.deployments.0.rolloutStateReason": "tasks failed to start"}},
        {"op": "ListTasks", "action": "respond", "status": 200, "headers": {"Content-Type": "application/x-amz-json-1.1"},
         "body": {"taskArns": ["arn:aws:ecs:us-east-1:123456789012:task/c/old", "arn:aws:ecs:us-east-1:123456789012:task/c/new"]}},
        {"op": "DescribeTasks", "action": "respond", "status": 200, "headers": {"Content-Type": "application/x-amz-json-1.1"},
         "body": {"tasks": [task("old", "ecs-svc/1111", "Scaling activity initiated by an old deployment"),
                            task("new", ours, "Essential container in task exited")]}}
    ]));
    let v2 = format!("{}:v2", shop.s("repo"));
    let run = shop.run(&proxy.url, &shop.inputs(&[("image", &v2)]));
    assert_eq!(run.code, 1, "{run:?}");
    let e = run.errors();
    assert_eq!(e.len(), 1, "{run:?}");
    assert!(
        e[0].contains("Essential container in task exited"),
        "{}",
        e[0]
    );
    assert!(
        !e[0].contains("old deployment"),
        "another deployment's task leaked in: {}",
        e[0]
    );
}

#[tokio::test]
async fn a_circuit_breaker_rollback_names_the_revision_ecs_returns_to() {
    let shop = shop();
    let proxy = Proxy::start();
    let first = shop.run(&proxy.url, &shop.inputs(&[]));
    assert_eq!(first.code, 0, "{first:?}");
    shop.new_image("v2", '5');
    proxy.rules(
        json!([{"op": "UpdateService", "action": "circuit_breaker_rollback", "after_polls": 1}]),
    );
    let run = shop.run(
        &proxy.url,
        &shop.inputs(&[("image", &format!("{}:v2", shop.s("repo")))]),
    );
    assert_eq!(run.code, 1, "{run:?}");
    let e = run.errors();
    assert_eq!(e.len(), 1, "{run:?}");
    assert!(
        e[0].contains("the circuit breaker rolled back deployment"),
        "{}",
        e[0]
    );
    assert!(
        e[0].contains(&format!(
            "returning the service to {}",
            first.out("task-definition-arn")
        )),
        "{}",
        e[0]
    );
    assert!(proxy
        .log()
        .iter()
        .any(|l| strict_hit(l, "ecs.circuit_breaker_rollback")));
}

#[tokio::test]
async fn another_deploy_replacing_ours_is_told_apart_from_a_rollback() {
    let shop = shop();
    let proxy = Proxy::start();
    assert_eq!(shop.run(&proxy.url, &shop.inputs(&[])).code, 0);
    shop.new_image("v2", '6');
    proxy.rules(
        json!([{"op": "UpdateService", "action": "replaced_by_other_deploy", "after_polls": 1}]),
    );
    let run = shop.run(
        &proxy.url,
        &shop.inputs(&[("image", &format!("{}:v2", shop.s("repo")))]),
    );
    assert_eq!(run.code, 1, "{run:?}");
    let e = run.errors();
    assert_eq!(e.len(), 1, "{run:?}");
    assert!(e[0].contains("was replaced by deployment"), "{}", e[0]);
    assert!(!e[0].contains("circuit breaker"), "{}", e[0]);
}

#[tokio::test]
async fn a_wait_that_times_out_says_the_rollout_goes_on() {
    let shop = shop();
    let proxy = Proxy::start();
    proxy.rules(json!([{
        "op": "DescribeServices", "action": "patch",
        "patch": {"services.0.deployments.0.rolloutState": "IN_PROGRESS"}
    }]));
    let run = shop.run(&proxy.url, &shop.inputs(&[("wait-timeout-minutes", "1")]));
    assert_eq!(run.code, 1, "{run:?}");
    let e = run.errors();
    assert_eq!(e.len(), 1, "{run:?}");
    assert!(
        e[0].contains("is still rolling out after 1 minutes"),
        "{}",
        e[0]
    );
    assert!(
        e[0].contains("ECS goes on with it") && e[0].contains("wait-timeout-minutes"),
        "{}",
        e[0]
    );
}

#[tokio::test]
async fn an_ecr_image_in_another_region_is_resolved_there() {
    let shop = shop();
    let other = seed(&[
        "repo-in",
        "eu-west-1",
        &unique("orders-eu"),
        "v1",
        &"7".repeat(64),
    ]);
    let uri = format!("{}:v1", other["repo_uri"].as_str().unwrap());
    let proxy = Proxy::start();
    let run = shop.run(&proxy.url, &shop.inputs(&[("image", &uri)]));
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.out("image-digest"), other["digest"].as_str().unwrap());
}
