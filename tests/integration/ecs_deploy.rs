//! ECS mode end to end against moto (run with MOTO_ECS_SERVICE_RUNNING >= the
//! desired count, set by scripts/with-local-aws.sh), through the proxy.

use crate::support::*;
use serde_json::{json, Value};

const TEMPLATE: &str = r#"
family: FAMILY
networkMode: awsvpc
requiresCompatibilities: [FARGATE]
cpu: "256"
memory: "512"
containerDefinitions:
  - name: orders
    image: replaced-by-the-action
    essential: true
    portMappings:
      - containerPort: 8080
    environment:
      - {name: PORT, value: "8080"}
"#;

struct Infra {
    seeded: Value,
    ws: tempfile::TempDir,
}

fn infra() -> Infra {
    let prefix = unique("shop");
    let seeded = seed(&["ecs", &prefix]);
    let ws = tempfile::tempdir().unwrap();
    std::fs::write(
        ws.path().join("taskdef.yaml"),
        TEMPLATE.replace("FAMILY", &format!("{prefix}-orders")),
    )
    .unwrap();
    Infra { seeded, ws }
}

impl Infra {
    fn s(&self, k: &str) -> String {
        self.seeded[k].as_str().unwrap().to_string()
    }

    fn inputs(&self, service: &str, tag: &str, path: &str) -> Vec<(String, String)> {
        let subnets: Vec<&str> = self.seeded["subnets"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        vec![
            ("mode", "ecs".to_string()),
            ("task-definition", "taskdef.yaml".into()),
            ("container-name", "orders".into()),
            ("image", format!("{}:{tag}", self.s("repo"))),
            ("cluster", self.s("cluster")),
            ("service", service.into()),
            ("desired-count", "2".into()),
            ("subnets", subnets.join(",")),
            ("security-groups", self.s("security_group")),
            ("listener-arn", self.s("listener_arn")),
            ("path-pattern", path.into()),
            ("wait-timeout-minutes", "2".into()),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect()
    }

    fn run(&self, endpoint: &str, inputs: &[(String, String)]) -> Run {
        let pairs: Vec<(&str, &str)> = inputs
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        run_action(endpoint, self.ws.path(), &pairs, &[])
    }
}

fn set(inputs: &mut [(String, String)], key: &str, value: &str) {
    inputs.iter_mut().find(|(k, _)| k == key).unwrap().1 = value.to_string();
}

async fn rule_priorities(listener: &str) -> Vec<String> {
    let elb = aws_sdk_elasticloadbalancingv2::Client::new(&sdk().await);
    let out = elb
        .describe_rules()
        .listener_arn(listener)
        .send()
        .await
        .unwrap();
    out.rules()
        .iter()
        .filter(|r| !r.is_default().unwrap_or(false))
        .map(|r| r.priority().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn first_deploy_creates_everything_and_an_identical_one_changes_nothing() {
    let infra = infra();
    let proxy = Proxy::start();
    let inputs = infra.inputs("orders", "v1", "/orders,/orders/*");

    let first = infra.run(&proxy.url, &inputs);
    assert_eq!(first.code, 0, "{first:?}");
    assert_eq!(first.out("changed"), "true");
    assert_eq!(first.out("image-digest"), infra.s("digest_v1"));
    assert!(
        first
            .out("task-definition-arn")
            .contains(":task-definition/"),
        "{first:?}"
    );
    assert!(
        first
            .out("target-group-arn")
            .contains(":targetgroup/orders-"),
        "{first:?}"
    );
    assert!(
        first.out("listener-rule-arn").contains(":listener-rule/"),
        "{first:?}"
    );
    let ops = proxy.calls();
    for op in [
        "RegisterTaskDefinition",
        "CreateTargetGroup",
        "CreateRule",
        "CreateService",
        "ModifyRule",
    ] {
        assert!(ops.iter().any(|o| o == op), "{op} missing from {ops:?}");
    }
    // The new rule takes traffic only after the rollout completed: it is
    // created with the warm-up header condition, and opened afterwards.
    let create_rule = &proxy.requests("CreateRule")[0];
    assert_eq!(
        create_rule["Conditions.member.1.Field"], "http-header",
        "{create_rule}"
    );
    let pos = |op: &str| ops.iter().rposition(|o| o == op).unwrap();
    assert!(pos("DescribeServices") < pos("ModifyRule"), "{ops:?}");
    let modify = &proxy.requests("ModifyRule")[0];
    assert_eq!(
        modify["Conditions.member.1.Field"], "path-pattern",
        "{modify}"
    );

    let ecs = aws_sdk_ecs::Client::new(&sdk().await);
    let svc = ecs
        .describe_services()
        .cluster(infra.s("cluster"))
        .services("orders")
        .send()
        .await
        .unwrap();
    let svc = &svc.services()[0];
    assert_eq!(
        svc.task_definition(),
        Some(first.out("task-definition-arn"))
    );
    assert_eq!(
        svc.load_balancers()[0].target_group_arn(),
        Some(first.out("target-group-arn"))
    );
    // moto does not keep deploymentConfiguration: check what the binary asked for.
    let create = &proxy.requests("CreateService")[0];
    let cb = &create["deploymentConfiguration"]["deploymentCircuitBreaker"];
    assert_eq!(
        (cb["enable"].as_bool(), cb["rollback"].as_bool()),
        (Some(true), Some(true)),
        "{create}"
    );
    assert_eq!(create["launchType"], "FARGATE");
    assert_eq!(create["desiredCount"], 2);
    let td = ecs
        .describe_task_definition()
        .task_definition(first.out("task-definition-arn"))
        .send()
        .await
        .unwrap();
    let image = td.task_definition().unwrap().container_definitions()[0]
        .image()
        .unwrap()
        .to_string();
    assert_eq!(
        image,
        format!("{}@{}", infra.s("repo_uri"), infra.s("digest_v1")),
        "the digest is deployed, not the tag"
    );

    proxy.clear();
    let again = infra.run(&proxy.url, &inputs);
    assert_eq!(again.code, 0, "{again:?}");
    assert_eq!(again.out("changed"), "false");
    for k in [
        "task-definition-arn",
        "target-group-arn",
        "listener-rule-arn",
        "service-arn",
    ] {
        assert_eq!(again.out(k), first.out(k), "{k}");
    }
    assert_eq!(
        mutating(&proxy.calls()),
        Vec::<String>::new(),
        "an identical deploy must only read"
    );
    assert_eq!(rule_priorities(&infra.s("listener_arn")).await.len(), 1);
}

#[tokio::test]
async fn new_image_registers_a_revision_and_updates_the_service() {
    let infra = infra();
    let mut inputs = infra.inputs("orders", "v1", "/orders,/orders/*");
    let warm = Proxy::start();
    let first = infra.run(&warm.url, &inputs);
    assert_eq!(first.code, 0, "{first:?}");
    let v2 = seed(&["image", &infra.s("repo"), "v2", &"2".repeat(64)]);

    set(&mut inputs, "image", &format!("{}:v2", infra.s("repo")));
    let proxy = Proxy::start();
    let second = infra.run(&proxy.url, &inputs);
    assert_eq!(second.code, 0, "{second:?}");
    assert_eq!(second.out("changed"), "true");
    assert_eq!(second.out("image-digest"), v2["digest"].as_str().unwrap());
    assert_ne!(
        second.out("task-definition-arn"),
        first.out("task-definition-arn")
    );
    let m = mutating(&proxy.calls());
    assert_eq!(
        m,
        vec![
            "RegisterTaskDefinition".to_string(),
            "UpdateService".to_string()
        ]
    );
}

#[tokio::test]
async fn a_taken_priority_is_skipped_within_the_band() {
    let infra = infra();
    let proxy = Proxy::start();
    let paths = vec!["/carts/*".to_string()];
    let wanted =
        ecom_deploy::deploy::elb::preferred_priority(&infra.s("cluster"), "carts", &paths, &[]);
    // Another team's rule already holds exactly the priority carts would pick.
    let elb = aws_sdk_elasticloadbalancingv2::Client::new(&sdk().await);
    elb.create_rule()
        .listener_arn(infra.s("listener_arn"))
        .priority(wanted)
        .conditions(
            aws_sdk_elasticloadbalancingv2::types::RuleCondition::builder()
                .field("path-pattern")
                .values("/wishlist/*")
                .build(),
        )
        .actions(
            aws_sdk_elasticloadbalancingv2::types::Action::builder()
                .r#type(aws_sdk_elasticloadbalancingv2::types::ActionTypeEnum::FixedResponse)
                .fixed_response_config(
                    aws_sdk_elasticloadbalancingv2::types::FixedResponseActionConfig::builder()
                        .status_code("200")
                        .build(),
                )
                .build(),
        )
        .send()
        .await
        .unwrap();
    let b = infra.run(&proxy.url, &infra.inputs("carts", "v1", "/carts/*"));
    assert_eq!(b.code, 0, "{b:?}");
    let p = rule_priorities(&infra.s("listener_arn")).await;
    assert_eq!(p.len(), 2, "{p:?}");
    let ours: i32 = proxy.requests("CreateRule")[0]["Priority"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    assert_ne!(ours, wanted);
    assert_eq!(
        (ours - 1) / 1000,
        (wanted - 1) / 1000,
        "same specificity band"
    );
}

#[tokio::test]
async fn infra_values_come_from_ssm_parameters() {
    let infra = infra();
    let prefix = format!("/{}/backend/", unique("ecom"));
    let subnets: Vec<&str> = infra.seeded["subnets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let params = json!({
        "cluster": infra.s("cluster"), "listener-arn": infra.s("listener_arn"), "vpc-id": infra.s("vpc_id"),
        "subnets": subnets.join(","), "security-groups": infra.s("security_group"),
    });
    seed(&["params", &prefix, &params.to_string()]);
    let inputs: Vec<(String, String)> = infra
        .inputs("orders", "v1", "/orders/*")
        .into_iter()
        .filter(|(k, _)| {
            !["cluster", "listener-arn", "subnets", "security-groups"].contains(&k.as_str())
        })
        .chain([("infra-parameters".to_string(), prefix.clone())])
        .collect();
    let proxy = Proxy::start();
    let run = infra.run(&proxy.url, &inputs);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout
            .contains(&format!("cluster from {prefix}cluster")),
        "{run:?}"
    );
    // listener-arn from SSM: the rule is on that listener.
    let elb = aws_sdk_elasticloadbalancingv2::Client::new(&sdk().await);
    let rules = elb
        .describe_rules()
        .listener_arn(infra.s("listener_arn"))
        .send()
        .await
        .unwrap();
    assert!(
        rules
            .rules()
            .iter()
            .any(|r| r.rule_arn() == Some(run.out("listener-rule-arn"))),
        "the rule must be on the SSM listener"
    );
    // vpc-id from SSM: the target group is created there, without asking the
    // listener's load balancer for its VPC.
    let tg = &proxy.requests("CreateTargetGroup")[0];
    assert_eq!(tg["VpcId"], infra.s("vpc_id"), "{tg}");
    let calls = proxy.calls();
    assert!(
        !calls.iter().any(|c| c == "DescribeLoadBalancers"),
        "{calls:?}"
    );
    // subnets and security groups from SSM reach the service.
    let create = &proxy.requests("CreateService")[0];
    assert_eq!(
        create["networkConfiguration"]["awsvpcConfiguration"]["securityGroups"][0],
        infra.s("security_group")
    );
}

#[test]
fn missing_ecr_tag_is_a_clear_error() {
    let infra = infra();
    let proxy = Proxy::start();
    let run = infra.run(&proxy.url, &infra.inputs("orders", "nope", "/orders/*"));
    assert_eq!(run.code, 1, "{run:?}");
    let e = run.errors();
    assert_eq!(e.len(), 1, "{run:?}");
    assert!(
        e[0].contains("input `image`: tag `nope` does not exist")
            && e[0].contains("tags there: v1"),
        "{}",
        e[0]
    );
    assert_eq!(mutating(&proxy.calls()), Vec::<String>::new());
}

#[test]
fn bad_templates_name_the_file_and_the_field() {
    let infra = infra();
    let proxy = Proxy::start();
    let cases = [
        (
            TEMPLATE.replace("essential: true", "essential: true\n    memroy: 512"),
            "containerDefinitions[0].memroy",
            "unknown field",
        ),
        (
            TEMPLATE.replace("- name: orders", "- name: web"),
            "containerDefinitions",
            "no container named `orders`",
        ),
        (
            TEMPLATE.replace(
                "containerDefinitions:\n",
                "containerDefinitions:\n  - name: sidecar\n",
            ),
            "containerDefinitions[0].image",
            "has no image",
        ),
    ];
    for (text, field, problem) in cases {
        std::fs::write(infra.ws.path().join("taskdef.yaml"), text).unwrap();
        let run = infra.run(
            &proxy.url,
            &infra.inputs("orders", "v1", "/orders,/orders/*"),
        );
        assert_eq!(run.code, 1, "{run:?}");
        let e = run.errors();
        assert_eq!(e.len(), 1, "{run:?}");
        assert!(
            e[0].contains(&format!("taskdef.yaml: field `{field}`")) && e[0].contains(problem),
            "{}",
            e[0]
        );
    }
    assert!(proxy.calls().is_empty(), "{:?}", proxy.calls());
}

#[test]
fn failed_rollout_fails_the_step_and_shows_events() {
    let infra = infra();
    let proxy = Proxy::start();
    // moto does not emulate a failed rollout: the proxy reports one, as ECS would.
    proxy.rules(json!([{
        "op": "DescribeServices", "action": "patch",
        "patch": {
            "services.0.deployments.0.rolloutState": "FAILED",
            "services.0.deployments.0.rolloutStateReason": "ECS deployment circuit breaker: tasks failed to start.",
            "services.0.events": [{"id": "1", "message": "(service orders) has started 2 tasks: (task 1) (task 2)."},
                                   {"id": "2", "message": "(service orders) deployment failed: tasks failed ELB health checks."}]
        }
    }]));
    let run = infra.run(
        &proxy.url,
        &infra.inputs("orders", "v1", "/orders,/orders/*"),
    );
    assert_eq!(run.code, 1, "{run:?}");
    let e = run.errors();
    assert_eq!(e.len(), 1, "{run:?}");
    assert!(e[0].contains("title=ECS rollout failed"), "{}", e[0]);
    assert!(e[0].contains("circuit breaker"), "{}", e[0]);
    assert!(e[0].contains("tasks failed ELB health checks"), "{}", e[0]);
    assert!(
        run.summary.contains("tasks failed ELB health checks"),
        "{}",
        run.summary
    );
}

#[tokio::test]
async fn a_priority_taken_meanwhile_is_retried() {
    let infra = infra();
    let proxy = Proxy::start();
    // Another deploy takes the chosen priority between our read and our create.
    proxy.rules(json!([{
        "op": "CreateRule", "action": "respond", "status": 400, "times": 1,
        "headers": {"Content-Type": "text/xml"},
        "body": "<ErrorResponse><Error><Type>Sender</Type><Code>PriorityInUse</Code><Message>Priority '1' is currently in use</Message></Error><RequestId>1</RequestId></ErrorResponse>"
    }]));
    let run = infra.run(
        &proxy.url,
        &infra.inputs("orders", "v1", "/orders,/orders/*"),
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout.contains("was taken meanwhile; retrying"),
        "{run:?}"
    );
    let creates = proxy.requests("CreateRule");
    assert_eq!(creates.len(), 2, "{:?}", proxy.calls());
    assert_ne!(
        creates[0]["Priority"], creates[1]["Priority"],
        "the retry must take another priority"
    );
    assert_eq!(rule_priorities(&infra.s("listener_arn")).await.len(), 1);
}

#[tokio::test]
async fn template_references_resolve_from_the_contract_the_identity_and_the_runner() {
    let infra = infra();
    let prefix = format!("/{}/backend/", unique("ecom"));
    let subnets: Vec<&str> = infra.seeded["subnets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let params = json!({
        "cluster": infra.s("cluster"), "subnets": subnets.join(","), "security-groups": infra.s("security_group"),
        "execution-role-arn": "arn:aws:iam::123456789012:role/ecom-dev-ecs-task-execution",
        "log-group-prefix": "/ecs/ecom-dev/", "family-prefix": format!("{}-", infra.s("cluster")),
    });
    seed(&["params", &prefix, &params.to_string()]);
    std::fs::write(
        infra.ws.path().join("taskdef.yaml"),
        "family: ${infra.family-prefix}orders\nnetworkMode: awsvpc\nrequiresCompatibilities: [FARGATE]\ncpu: \"256\"\nmemory: \"512\"\n\
         executionRoleArn: ${infra.execution-role-arn}\ncontainerDefinitions:\n  - name: orders\n    image: x\n\
         \x20   environment:\n      - {name: RELEASE, value: \"${GITHUB_SHA}\"}\n      - {name: ACCOUNT, value: \"${aws.account-id}\"}\n\
         \x20   logConfiguration:\n      logDriver: awslogs\n      options:\n        awslogs-group: ${infra.log-group-prefix}orders\n        awslogs-region: ${aws.region}\n",
    )
    .unwrap();
    let proxy = Proxy::start();
    let base = [
        ("mode", "ecs"),
        ("task-definition", "taskdef.yaml"),
        ("container-name", "orders"),
        ("service", "orders"),
        ("infra-parameters", prefix.as_str()),
    ];
    let image = format!("{}:v1", infra.s("repo"));
    let mut inputs: Vec<(&str, &str)> = base.to_vec();
    inputs.push(("image", &image));
    let run = run_action(&proxy.url, infra.ws.path(), &inputs, &[]);
    assert_eq!(run.code, 0, "{run:?}");
    let td = &proxy.requests("RegisterTaskDefinition")[0];
    assert_eq!(
        td["family"],
        format!("{}-orders", infra.s("cluster")),
        "{td}"
    );
    assert_eq!(
        td["executionRoleArn"],
        "arn:aws:iam::123456789012:role/ecom-dev-ecs-task-execution"
    );
    let c = &td["containerDefinitions"][0];
    assert_eq!(
        c["logConfiguration"]["options"]["awslogs-group"],
        "/ecs/ecom-dev/orders"
    );
    assert_eq!(
        c["logConfiguration"]["options"]["awslogs-region"],
        "us-east-1"
    );
    assert_eq!(
        c["environment"],
        json!([
            {"name": "RELEASE", "value": "0123456789abcdef0123456789abcdef01234567"},
            {"name": "ACCOUNT", "value": "123456789012"}
        ])
    );

    // An undefined reference stops the deploy before anything is changed.
    let text = std::fs::read_to_string(infra.ws.path().join("taskdef.yaml")).unwrap();
    std::fs::write(
        infra.ws.path().join("taskdef.yaml"),
        text.replace("${infra.log-group-prefix}", "${infra.log-groups}"),
    )
    .unwrap();
    proxy.clear();
    let run = run_action(&proxy.url, infra.ws.path(), &inputs, &[]);
    assert_eq!(run.code, 1, "{run:?}");
    let e = run.errors();
    assert_eq!(e.len(), 1, "{run:?}");
    assert!(
        e[0].contains("${infra.log-groups}")
            && e[0].contains(&format!("is not published under {prefix}")),
        "{}",
        e[0]
    );
    assert_eq!(mutating(&proxy.calls()), Vec::<String>::new());
}
