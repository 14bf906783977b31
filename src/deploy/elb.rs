//! The service's place on the load balancer: an ip-type target group with a
//! deterministic name, and a listener rule at a deterministic priority.
//! Rules that forward elsewhere (other services') are never touched.

use aws_sdk_elasticloadbalancingv2 as elbv2;
use elbv2::types::{
    Action, ActionTypeEnum, HostHeaderConditionConfig, Matcher, PathPatternConditionConfig,
    ProtocolEnum, Rule, RuleCondition, TargetTypeEnum,
};
use sha2::{Digest, Sha256};

use crate::error::{aws, aws_code, DeployError, Result};
use crate::github::runtime::Runtime;

pub struct Placement {
    pub target_group_arn: String,
    pub rule_arn: String,
    pub changed: bool,
}

pub struct Want<'a> {
    pub cluster: &'a str,
    pub service: &'a str,
    pub listener_arn: &'a str,
    pub vpc_id: Option<&'a str>,
    pub port: i32,
    pub health_check_path: &'a str,
    pub path_patterns: &'a [String],
    pub host_headers: &'a [String],
}

/// `<service>-<hash of cluster/service>`: at most 32 characters, stable across runs.
pub fn target_group_name(cluster: &str, service: &str) -> String {
    let hash = hex8(&format!("{cluster}/{service}"));
    let clean: String = service
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let head: String = clean.trim_matches('-').chars().take(32 - 9).collect();
    format!("{}-{hash}", head.trim_end_matches('-'))
}

/// The first priority tried for a service: spread over 1..=40000 by its name.
pub fn preferred_priority(cluster: &str, service: &str) -> i32 {
    let h = Sha256::digest(format!("{cluster}/{service}").as_bytes());
    1 + (u32::from_be_bytes([h[0], h[1], h[2], h[3]]) % 40_000) as i32
}

fn hex8(s: &str) -> String {
    Sha256::digest(s.as_bytes())
        .iter()
        .take(4)
        .map(|b| format!("{b:02x}"))
        .collect()
}

pub async fn place(client: &elbv2::Client, rt: &Runtime, w: &Want<'_>) -> Result<Placement> {
    let vpc_id = match w.vpc_id {
        Some(v) => v.to_string(),
        None => listener_vpc(client, w.listener_arn).await?,
    };
    let (tg, tg_changed) = ensure_target_group(client, rt, w, &vpc_id).await?;
    let (rule, rule_changed) = ensure_rule(client, rt, w, &tg).await?;
    Ok(Placement {
        target_group_arn: tg,
        rule_arn: rule,
        changed: tg_changed || rule_changed,
    })
}

async fn listener_vpc(client: &elbv2::Client, listener: &str) -> Result<String> {
    let l = client
        .describe_listeners()
        .listener_arns(listener)
        .send()
        .await
        .map_err(|e| {
            if aws_code(&e) == Some("ListenerNotFound") || aws_code(&e) == Some("ValidationError") {
                DeployError::input(
                    "listener-arn",
                    format!("listener `{listener}` does not exist"),
                    "use the listener ARN the infrastructure publishes (parameter listener-arn)",
                )
            } else {
                aws("ELB DescribeListeners", e)
            }
        })?;
    let lb = l
        .listeners()
        .first()
        .and_then(|l| l.load_balancer_arn())
        .ok_or_else(|| {
            DeployError::input(
                "listener-arn",
                format!("listener `{listener}` does not exist"),
                "check the ARN",
            )
        })?;
    let out = client
        .describe_load_balancers()
        .load_balancer_arns(lb)
        .send()
        .await
        .map_err(|e| aws("ELB DescribeLoadBalancers", e))?;
    out.load_balancers()
        .first()
        .and_then(|l| l.vpc_id())
        .map(String::from)
        .ok_or_else(|| DeployError::Other(format!("load balancer {lb} has no VPC")))
}

async fn ensure_target_group(
    client: &elbv2::Client,
    rt: &Runtime,
    w: &Want<'_>,
    vpc_id: &str,
) -> Result<(String, bool)> {
    let name = target_group_name(w.cluster, w.service);
    match client.describe_target_groups().names(&name).send().await {
        Ok(out) => {
            let tg = out
                .target_groups()
                .first()
                .ok_or_else(|| DeployError::Other(format!("target group {name} vanished")))?;
            let arn = tg.target_group_arn().unwrap_or_default().to_string();
            if tg.health_check_path() != Some(w.health_check_path) {
                client
                    .modify_target_group()
                    .target_group_arn(&arn)
                    .health_check_path(w.health_check_path)
                    .send()
                    .await
                    .map_err(|e| aws(format!("ELB ModifyTargetGroup {name}"), e))?;
                rt.info(format!(
                    "target group {name}: health check path set to {}",
                    w.health_check_path
                ));
                return Ok((arn, true));
            }
            rt.info(format!("target group {name} exists"));
            Ok((arn, false))
        }
        Err(e) if aws_code(&e) == Some("TargetGroupNotFound") => {
            let out = client
                .create_target_group()
                .name(&name)
                .protocol(ProtocolEnum::Http)
                .port(w.port)
                .vpc_id(vpc_id)
                .target_type(TargetTypeEnum::Ip)
                .health_check_protocol(ProtocolEnum::Http)
                .health_check_path(w.health_check_path)
                .matcher(Matcher::builder().http_code("200-399").build())
                .tags(
                    elbv2::types::Tag::builder()
                        .key("ecom-deploy:service")
                        .value(format!("{}/{}", w.cluster, w.service))
                        .build(),
                )
                .send()
                .await
                .map_err(|e| aws(format!("ELB CreateTargetGroup {name}"), e))?;
            let arn = out
                .target_groups()
                .first()
                .and_then(|t| t.target_group_arn())
                .ok_or_else(|| DeployError::Other("CreateTargetGroup returned no ARN".into()))?;
            rt.info(format!("created target group {name}"));
            Ok((arn.to_string(), true))
        }
        Err(e) => Err(aws(format!("ELB DescribeTargetGroups {name}"), e)),
    }
}

fn conditions(w: &Want<'_>) -> Vec<RuleCondition> {
    // The legacy `Values` field takes a single path pattern; the typed
    // configs take up to five values each.
    let mut c = Vec::new();
    if !w.path_patterns.is_empty() {
        c.push(
            RuleCondition::builder()
                .field("path-pattern")
                .path_pattern_config(
                    PathPatternConditionConfig::builder()
                        .set_values(Some(w.path_patterns.to_vec()))
                        .build(),
                )
                .build(),
        );
    }
    if !w.host_headers.is_empty() {
        c.push(
            RuleCondition::builder()
                .field("host-header")
                .host_header_config(
                    HostHeaderConditionConfig::builder()
                        .set_values(Some(w.host_headers.to_vec()))
                        .build(),
                )
                .build(),
        );
    }
    c
}

/// (field, sorted values) pairs, comparable across what we send and what ELB returns.
fn condition_key(c: &[RuleCondition]) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = c
        .iter()
        .map(|c| {
            // ELB may answer with the typed config, the legacy Values, or both.
            let mut v: Vec<String> = c
                .path_pattern_config()
                .map(|p| p.values().to_vec())
                .unwrap_or_default();
            v.extend(
                c.host_header_config()
                    .map(|h| h.values().to_vec())
                    .unwrap_or_default(),
            );
            if v.is_empty() {
                v = c.values().to_vec();
            }
            v.sort();
            (c.field().unwrap_or_default().to_string(), v)
        })
        .collect();
    out.sort();
    out
}

fn forwards_to(rule: &Rule, tg: &str) -> bool {
    rule.actions().iter().any(|a| {
        a.target_group_arn() == Some(tg)
            || a.forward_config().is_some_and(|f| {
                f.target_groups()
                    .iter()
                    .any(|t| t.target_group_arn() == Some(tg))
            })
    })
}

async fn rules(client: &elbv2::Client, listener: &str) -> Result<Vec<Rule>> {
    let mut all = Vec::new();
    let mut marker = None;
    loop {
        let out = client
            .describe_rules()
            .listener_arn(listener)
            .set_marker(marker)
            .send()
            .await
            .map_err(|e| aws("ELB DescribeRules", e))?;
        all.extend(out.rules().iter().cloned());
        marker = out.next_marker().map(String::from);
        if marker.is_none() {
            return Ok(all);
        }
    }
}

async fn ensure_rule(
    client: &elbv2::Client,
    rt: &Runtime,
    w: &Want<'_>,
    tg: &str,
) -> Result<(String, bool)> {
    let want = conditions(w);
    let mut priority = preferred_priority(w.cluster, w.service);
    for attempt in 0..20 {
        let existing = rules(client, w.listener_arn).await?;
        if let Some(r) = existing.iter().find(|r| forwards_to(r, tg)) {
            let arn = r.rule_arn().unwrap_or_default().to_string();
            if condition_key(r.conditions()) == condition_key(&want) {
                rt.info(format!(
                    "listener rule exists at priority {}",
                    r.priority().unwrap_or("?")
                ));
                return Ok((arn, false));
            }
            client
                .modify_rule()
                .rule_arn(&arn)
                .set_conditions(Some(want.clone()))
                .send()
                .await
                .map_err(|e| aws("ELB ModifyRule", e))?;
            rt.info("listener rule conditions updated");
            return Ok((arn, true));
        }
        let taken: Vec<i32> = existing
            .iter()
            .filter_map(|r| r.priority()?.parse().ok())
            .collect();
        while taken.contains(&priority) {
            priority = priority % 50_000 + 1;
        }
        let r = client
            .create_rule()
            .listener_arn(w.listener_arn)
            .priority(priority)
            .set_conditions(Some(want.clone()))
            .actions(
                Action::builder()
                    .r#type(ActionTypeEnum::Forward)
                    .target_group_arn(tg)
                    .build(),
            )
            .send()
            .await;
        match r {
            Ok(out) => {
                let arn = out
                    .rules()
                    .first()
                    .and_then(|r| r.rule_arn())
                    .unwrap_or_default()
                    .to_string();
                rt.info(format!("created listener rule at priority {priority}"));
                return Ok((arn, true));
            }
            Err(e) if aws_code(&e) == Some("PriorityInUse") => {
                rt.info(format!(
                    "priority {priority} was taken meanwhile; retrying (attempt {})",
                    attempt + 1
                ));
                priority = priority % 50_000 + 1;
            }
            Err(e) => return Err(aws("ELB CreateRule", e)),
        }
    }
    Err(DeployError::Other(
        "could not find a free listener rule priority after 20 attempts".into(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn target_group_names_are_stable_and_valid() {
        let a = target_group_name("ecom-dev-backend", "orders");
        assert_eq!(a, target_group_name("ecom-dev-backend", "orders"));
        assert_ne!(a, target_group_name("ecom-prod-backend", "orders"));
        let long = target_group_name("c", &"very_long_service_name_".repeat(3));
        assert!(long.len() <= 32, "{long}");
        assert!(long.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
        assert!(!long.starts_with('-') && !long.ends_with('-'));
    }

    #[test]
    fn conditions_compare_across_typed_and_legacy_forms() {
        let paths = vec!["/orders/*".to_string(), "/orders".to_string()];
        let w = Want {
            cluster: "c",
            service: "orders",
            listener_arn: "l",
            vpc_id: None,
            port: 8080,
            health_check_path: "/health",
            path_patterns: &paths,
            host_headers: &[],
        };
        let sent = conditions(&w);
        assert!(
            sent[0].values().is_empty(),
            "multiple patterns need the typed config"
        );
        let legacy = vec![RuleCondition::builder()
            .field("path-pattern")
            .values("/orders")
            .values("/orders/*")
            .build()];
        assert_eq!(condition_key(&sent), condition_key(&legacy));
        let other = vec![RuleCondition::builder()
            .field("path-pattern")
            .values("/carts/*")
            .build()];
        assert_ne!(condition_key(&sent), condition_key(&other));
    }

    #[test]
    fn priorities_are_deterministic_and_in_range() {
        let p = preferred_priority("c", "orders");
        assert_eq!(p, preferred_priority("c", "orders"));
        assert!((1..=40_000).contains(&p));
    }
}
