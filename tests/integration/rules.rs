//! Listener rules: a `priority` input wins, automatic priorities follow path
//! specificity, shadowing is refused naming both rules, and condition limits
//! are checked before any AWS call.

use aws_sdk_elasticloadbalancingv2 as elbv2;
use elbv2::types::{Action, ActionTypeEnum, FixedResponseActionConfig, RuleCondition};
use serde_json::Value;

use crate::support::*;

const TEMPLATE: &str = "family: FAMILY\nnetworkMode: awsvpc\nrequiresCompatibilities: [FARGATE]\ncpu: \"256\"\nmemory: \"512\"\ncontainerDefinitions:\n  - name: app\n    image: x\n    portMappings:\n      - containerPort: 8080\n";

struct Listener {
    seeded: Value,
    ws: tempfile::TempDir,
}

fn listener() -> Listener {
    let prefix = unique("rules");
    let seeded = seed(&["ecs", &prefix]);
    let ws = tempfile::tempdir().unwrap();
    std::fs::write(
        ws.path().join("taskdef.yaml"),
        TEMPLATE.replace("FAMILY", &format!("{prefix}-app")),
    )
    .unwrap();
    Listener { seeded, ws }
}

impl Listener {
    fn s(&self, k: &str) -> String {
        self.seeded[k].as_str().unwrap().to_string()
    }

    fn deploy(&self, endpoint: &str, service: &str, paths: &str, extra: &[(&str, &str)]) -> Run {
        let subnets: Vec<&str> = self.seeded["subnets"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        let (image, cluster, sg, listener) = (
            format!("{}:v1", self.s("repo")),
            self.s("cluster"),
            self.s("security_group"),
            self.s("listener_arn"),
        );
        let subnets = subnets.join(",");
        let mut inputs = vec![
            ("mode", "ecs"),
            ("task-definition", "taskdef.yaml"),
            ("container-name", "app"),
            ("image", image.as_str()),
            ("cluster", cluster.as_str()),
            ("service", service),
            ("subnets", subnets.as_str()),
            ("security-groups", sg.as_str()),
            ("listener-arn", listener.as_str()),
            ("path-pattern", paths),
            ("wait-timeout-minutes", "2"),
        ];
        inputs.extend_from_slice(extra);
        run_action(endpoint, self.ws.path(), &inputs, &[])
    }

    async fn priority_of(&self, rule_arn: &str) -> i32 {
        let elb = elbv2::Client::new(&sdk().await);
        let out = elb
            .describe_rules()
            .rule_arns(rule_arn)
            .send()
            .await
            .unwrap();
        out.rules()[0].priority().unwrap().parse().unwrap()
    }
}

#[tokio::test]
async fn automatic_priorities_put_the_specific_path_first_whatever_the_order() {
    let l = listener();
    let proxy = Proxy::start();
    // Names whose hash alone (a priority by name) would put /api/* first, so
    // only ordering by specificity passes.
    let by_name = |svc: &str| {
        use sha2::Digest;
        let h = sha2::Sha256::digest(format!("{}/{svc}", l.s("cluster")).as_bytes());
        u32::from_be_bytes([h[0], h[1], h[2], h[3]]) % 40_000
    };
    let specific_name = (0..100)
        .map(|i| format!("orders{i}"))
        .find(|n| by_name(n) > by_name("api"))
        .unwrap();
    let general = l.deploy(&proxy.url, "api", "/api/*", &[]);
    assert_eq!(general.code, 0, "{general:?}");
    let specific = l.deploy(&proxy.url, &specific_name, "/api/orders/*", &[]);
    assert_eq!(specific.code, 0, "{specific:?}");
    let (g, s) = (
        l.priority_of(general.out("listener-rule-arn")).await,
        l.priority_of(specific.out("listener-rule-arn")).await,
    );
    assert!(
        s < g,
        "/api/orders/* ({s}) must be evaluated before /api/* ({g})"
    );
}

#[tokio::test]
async fn a_priority_input_wins() {
    let l = listener();
    let proxy = Proxy::start();
    let run = l.deploy(&proxy.url, "orders", "/orders/*", &[("priority", "321")]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(l.priority_of(run.out("listener-rule-arn")).await, 321);
    // Changing it moves the existing rule.
    let again = l.deploy(&proxy.url, "orders", "/orders/*", &[("priority", "322")]);
    assert_eq!(again.code, 0, "{again:?}");
    assert_eq!(again.out("listener-rule-arn"), run.out("listener-rule-arn"));
    assert_eq!(l.priority_of(run.out("listener-rule-arn")).await, 322);
}

#[tokio::test]
async fn a_rule_that_would_be_shadowed_is_refused_naming_both() {
    let l = listener();
    // The infrastructure's own catch-all for /api/* sits early.
    let elb = elbv2::Client::new(&sdk().await);
    let theirs = elb
        .create_rule()
        .listener_arn(l.s("listener_arn"))
        .priority(10)
        .conditions(
            RuleCondition::builder()
                .field("path-pattern")
                .values("/api/*")
                .build(),
        )
        .actions(
            Action::builder()
                .r#type(ActionTypeEnum::FixedResponse)
                .fixed_response_config(
                    FixedResponseActionConfig::builder()
                        .status_code("418")
                        .build(),
                )
                .build(),
        )
        .send()
        .await
        .unwrap();
    let theirs = theirs.rules()[0].rule_arn().unwrap().to_string();
    let proxy = Proxy::start();
    let run = l.deploy(&proxy.url, "orders", "/api/orders/*", &[]);
    assert_eq!(run.code, 1, "{run:?}");
    let e = run.errors();
    assert_eq!(e.len(), 1, "{run:?}");
    assert!(e[0].contains("would be shadowed by"), "{}", e[0]);
    assert!(
        e[0].contains(&theirs) && e[0].contains("/api/orders/*"),
        "{}",
        e[0]
    );
    let calls = proxy.calls();
    for op in [
        "CreateRule",
        "CreateService",
        "CreateTargetGroup",
        "RegisterTaskDefinition",
    ] {
        assert!(
            !calls.iter().any(|c| c == op)
                || (op == "CreateTargetGroup" && calls.iter().any(|c| c == "DeleteTargetGroup")),
            "{op} left behind: {calls:?}"
        );
    }
}

#[test]
fn too_many_condition_values_are_refused_before_any_aws_call() {
    let l = listener();
    let proxy = Proxy::start();
    let run = l.deploy(&proxy.url, "orders", "/a,/b,/c,/d,/e,/f", &[]);
    assert_eq!(run.code, 1, "{run:?}");
    let e = run.errors();
    assert_eq!(e.len(), 1, "{run:?}");
    assert!(
        e[0].contains("input `path-pattern`") && e[0].contains("at most 5"),
        "{}",
        e[0]
    );
    assert!(proxy.calls().is_empty(), "{:?}", proxy.calls());
}
