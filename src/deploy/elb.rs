//! The service's place on the load balancer: an ip-type target group with a
//! deterministic name, and a listener rule whose priority follows path
//! specificity (more specific paths are evaluated first). Rules that forward
//! elsewhere (other services') are never touched, and a rule that would
//! shadow one of them, or be shadowed by one, is refused.
//!
//! A new rule starts "warming up": it forwards only requests carrying a
//! header no client sends, which attaches the target group to the load
//! balancer (ECS refuses a target group without one) while no traffic
//! reaches tasks that are not healthy yet. `open` gives it its real
//! conditions once the rollout completed.

use aws_sdk_elasticloadbalancingv2 as elbv2;
use elbv2::types::{
    Action, ActionTypeEnum, HostHeaderConditionConfig, HttpHeaderConditionConfig, Matcher,
    PathPatternConditionConfig, ProtocolEnum, Rule, RuleCondition, TargetTypeEnum,
};
use sha2::{Digest, Sha256};

use crate::error::{aws, aws_code, DeployError, Result};
use crate::github::runtime::Runtime;

pub struct Placement {
    pub target_group_arn: String,
    pub rule_arn: String,
    pub changed: bool,
    /// The rule still has its warm-up condition: `open` it after the rollout.
    pub pending: bool,
    /// What this run created (removed again if the new service fails).
    pub created_target_group: bool,
    pub created_rule: bool,
}

/// The header a warming-up rule matches on.
pub const WARMUP_HEADER: &str = "X-Ecom-Deploy-Warmup";

/// ALB quotas: 5 condition values and 5 wildcards per rule
/// (Quotas for your Application Load Balancers, "Rules").
const MAX_CONDITION_VALUES: usize = 5;
const MAX_WILDCARDS: usize = 5;

pub struct Want<'a> {
    pub cluster: &'a str,
    pub service: &'a str,
    pub listener_arn: &'a str,
    pub vpc_id: Option<&'a str>,
    pub port: i32,
    /// `None`: /health for a new target group, the current path otherwise.
    pub health_check_path: Option<&'a str>,
    pub path_patterns: &'a [String],
    pub host_headers: &'a [String],
    /// Given by the user; `None` picks one by path specificity.
    pub priority: Option<i32>,
}

/// The rule's conditions fit ALB's quotas; checked before any AWS call.
pub fn check_conditions(paths: &[String], hosts: &[String]) -> Result<()> {
    let values = paths.len() + hosts.len();
    if values > MAX_CONDITION_VALUES {
        return Err(DeployError::input(
            if paths.len() > hosts.len() { "path-pattern" } else { "host-header" },
            format!("{values} path patterns and host headers, but an ALB rule takes at most {MAX_CONDITION_VALUES} condition values"),
            "merge patterns with a wildcard (e.g. /orders* instead of /orders and /orders/*), or deploy a second service",
        ));
    }
    let wildcards: usize = paths
        .iter()
        .chain(hosts)
        .map(|v| v.matches(['*', '?']).count())
        .sum();
    if wildcards > MAX_WILDCARDS {
        return Err(DeployError::input(
            "path-pattern",
            format!("{wildcards} wildcards, but an ALB rule takes at most {MAX_WILDCARDS}"),
            "use fewer * and ? in `path-pattern` and `host-header`",
        ));
    }
    for p in paths {
        if !p.starts_with('/') || p.len() > 128 {
            return Err(DeployError::input(
                "path-pattern",
                format!("`{p}` is not a path pattern"),
                "start each pattern with / (at most 128 characters), e.g. /orders/*",
            ));
        }
    }
    Ok(())
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

/// How specific a rule is: the literal characters before the first wildcard
/// of its most general path pattern, plus one when it also names hosts.
/// Rules without a path pattern are the least specific.
pub fn specificity(paths: &[String], hosts: &[String]) -> usize {
    let path = paths
        .iter()
        .map(|p| p.find(['*', '?']).unwrap_or(p.len()))
        .min()
        .unwrap_or(0);
    path + usize::from(!hosts.is_empty())
}

const BAND: i32 = 1000;
const BANDS: usize = 50;

/// The first priority tried for a service: a band of 1000 priorities by
/// specificity (more specific: lower numbers, evaluated first), and a place
/// in the band by the service's name, so services spread out.
pub fn preferred_priority(cluster: &str, service: &str, paths: &[String], hosts: &[String]) -> i32 {
    let band = (BANDS - 1 - specificity(paths, hosts).min(BANDS - 1)) as i32;
    let h = Sha256::digest(format!("{cluster}/{service}").as_bytes());
    band * BAND + 1 + (u32::from_be_bytes([h[0], h[1], h[2], h[3]]) % BAND as u32) as i32
}

/// The next priority in the same band.
fn next_in_band(p: i32) -> i32 {
    let band = (p - 1) / BAND;
    band * BAND + 1 + (p - band * BAND) % BAND
}

/// Every path `general` matches is matched by pattern `general`, for the
/// forms this decides safely: equal patterns, or a `prefix*` pattern and a
/// pattern that starts with that prefix. Other wildcards are never called covering.
fn path_covers(general: &str, specific: &str) -> bool {
    if general == specific {
        return true;
    }
    match general.strip_suffix('*') {
        Some(prefix) if !prefix.contains(['*', '?']) => specific.starts_with(prefix),
        _ => false,
    }
}

/// A rule's condition values by field (typed config or legacy Values).
fn values_of(r: &Rule, field: &str) -> Vec<String> {
    condition_key(r.conditions())
        .into_iter()
        .find(|(f, _)| f == field)
        .map(|(_, v)| v)
        .unwrap_or_default()
}

/// Rule `a`, evaluated first, takes some requests meant for `b`: every
/// request one of `b`'s paths matches, `a` matches too (on a common host).
/// Rules with other kinds of conditions (headers, methods…) are not judged.
fn shadows(a_paths: &[String], a_hosts: &[String], b_paths: &[String], b_hosts: &[String]) -> bool {
    let hosts_meet =
        a_hosts.is_empty() || (!b_hosts.is_empty() && b_hosts.iter().all(|h| a_hosts.contains(h)));
    if !hosts_meet {
        return false;
    }
    if a_paths.is_empty() {
        return !a_hosts.is_empty();
    }
    b_paths
        .iter()
        .any(|b| a_paths.iter().any(|a| path_covers(a, b)))
}

/// Refuse a priority at which our rule would shadow another service's rule,
/// or be shadowed by one; the error names both.
fn check_shadowing(existing: &[Rule], tg: &str, w: &Want<'_>, priority: i32) -> Result<()> {
    for r in existing
        .iter()
        .filter(|r| !r.is_default().unwrap_or(false) && !forwards_to(r, tg))
    {
        let Some(theirs) = r.priority().and_then(|p| p.parse::<i32>().ok()) else {
            continue;
        };
        let only_paths_hosts = condition_key(r.conditions())
            .iter()
            .all(|(f, _)| f == "path-pattern" || f == "host-header");
        if !only_paths_hosts {
            continue;
        }
        let (paths, hosts) = (values_of(r, "path-pattern"), values_of(r, "host-header"));
        let name = r.rule_arn().unwrap_or("?");
        let (first, problem) = if theirs < priority {
            (
                shadows(&paths, &hosts, w.path_patterns, w.host_headers),
                "would be shadowed by",
            )
        } else {
            (
                shadows(w.path_patterns, w.host_headers, &paths, &hosts),
                "would shadow",
            )
        };
        if first {
            return Err(DeployError::input(
                if w.priority.is_some() { "priority" } else { "path-pattern" },
                format!(
                    "the rule for {} (paths {:?}, priority {priority}) {problem} rule {name} (paths {paths:?}, hosts {hosts:?}, priority {theirs})",
                    w.service, w.path_patterns
                ),
                "make the patterns disjoint, or set `priority` so the more specific rule comes first",
            ));
        }
    }
    Ok(())
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
    let (tg, tg_created, tg_changed) = ensure_target_group(client, rt, w, &vpc_id).await?;
    let rule = ensure_rule(client, rt, w, &tg).await;
    let (rule_arn, rule_created, rule_changed, pending) = match rule {
        Ok(r) => r,
        Err(e) => {
            // Leave nothing this run created behind a refused rule.
            if tg_created {
                let _ = client
                    .delete_target_group()
                    .target_group_arn(&tg)
                    .send()
                    .await;
            }
            return Err(e);
        }
    };
    Ok(Placement {
        target_group_arn: tg,
        rule_arn,
        changed: tg_changed || rule_changed,
        pending,
        created_target_group: tg_created,
        created_rule: rule_created,
    })
}

/// Give a warming-up rule its real conditions: traffic starts now.
pub async fn open(
    client: &elbv2::Client,
    rt: &Runtime,
    w: &Want<'_>,
    rule_arn: &str,
) -> Result<()> {
    client
        .modify_rule()
        .rule_arn(rule_arn)
        .set_conditions(Some(conditions(w)))
        .send()
        .await
        .map_err(|e| aws("ELB ModifyRule (open the rule to traffic)", e))?;
    rt.info(format!(
        "listener rule opened to traffic: {}",
        w.path_patterns
            .iter()
            .chain(w.host_headers)
            .cloned()
            .collect::<Vec<_>>()
            .join(", ")
    ));
    Ok(())
}

/// Delete what this run created; `Err` lists what is left.
pub async fn remove(client: &elbv2::Client, p: &Placement) -> std::result::Result<(), String> {
    let mut left = Vec::new();
    if p.created_rule {
        if let Err(e) = client.delete_rule().rule_arn(&p.rule_arn).send().await {
            left.push(format!(
                "listener rule {} ({})",
                p.rule_arn,
                aws("DeleteRule", e)
            ));
        }
    }
    if p.created_target_group {
        if let Err(e) = client
            .delete_target_group()
            .target_group_arn(&p.target_group_arn)
            .send()
            .await
        {
            left.push(format!(
                "target group {} ({})",
                p.target_group_arn,
                aws("DeleteTargetGroup", e)
            ));
        }
    }
    if left.is_empty() {
        Ok(())
    } else {
        Err(left.join("; "))
    }
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

/// (arn, created, changed)
async fn ensure_target_group(
    client: &elbv2::Client,
    rt: &Runtime,
    w: &Want<'_>,
    vpc_id: &str,
) -> Result<(String, bool, bool)> {
    let name = target_group_name(w.cluster, w.service);
    match client.describe_target_groups().names(&name).send().await {
        Ok(out) => {
            let tg = out
                .target_groups()
                .first()
                .ok_or_else(|| DeployError::Other(format!("target group {name} vanished")))?;
            let arn = tg
                .target_group_arn()
                .ok_or_else(|| DeployError::Other(format!("target group {name} has no ARN")))?
                .to_string();
            if let Some(path) = w
                .health_check_path
                .filter(|p| tg.health_check_path() != Some(*p))
            {
                client
                    .modify_target_group()
                    .target_group_arn(&arn)
                    .health_check_path(path)
                    .send()
                    .await
                    .map_err(|e| aws(format!("ELB ModifyTargetGroup {name}"), e))?;
                rt.info(format!(
                    "target group {name}: health check path set to {path}"
                ));
                return Ok((arn, false, true));
            }
            rt.info(format!("target group {name} exists"));
            Ok((arn, false, false))
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
                .health_check_path(w.health_check_path.unwrap_or(DEFAULT_HEALTH_CHECK_PATH))
                .matcher(Matcher::builder().http_code("200-399").build())
                .tags(
                    elbv2::types::Tag::builder()
                        .key(SERVICE_TAG)
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
            Ok((arn.to_string(), true, true))
        }
        Err(e) => Err(aws(format!("ELB DescribeTargetGroups {name}"), e)),
    }
}

/// The tag on every target group the action creates: `<cluster>/<service>`.
pub const SERVICE_TAG: &str = "ecom-deploy:service";
const DEFAULT_HEALTH_CHECK_PATH: &str = "/health";

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

/// A condition no client request carries: the rule attaches the target
/// group to the load balancer but forwards nothing yet.
fn warmup_condition(w: &Want<'_>) -> RuleCondition {
    let token = hex8(&format!(
        "{}/{}/{:?}",
        w.cluster,
        w.service,
        std::time::SystemTime::now()
    ));
    RuleCondition::builder()
        .field("http-header")
        .http_header_config(
            HttpHeaderConditionConfig::builder()
                .http_header_name(WARMUP_HEADER)
                .values(format!("{}-{token}", w.service))
                .build(),
        )
        .build()
}

fn is_warming_up(r: &Rule) -> bool {
    r.conditions().iter().any(|c| {
        c.http_header_config()
            .and_then(|h| h.http_header_name())
            .is_some_and(|n| n.eq_ignore_ascii_case(WARMUP_HEADER))
    })
}

/// (rule arn, created, changed, pending)
async fn ensure_rule(
    client: &elbv2::Client,
    rt: &Runtime,
    w: &Want<'_>,
    tg: &str,
) -> Result<(String, bool, bool, bool)> {
    let want = conditions(w);
    let mut priority = w.priority.unwrap_or_else(|| {
        preferred_priority(w.cluster, w.service, w.path_patterns, w.host_headers)
    });
    for attempt in 0..20 {
        let existing = rules(client, w.listener_arn).await?;
        if let Some(r) = existing.iter().find(|r| forwards_to(r, tg)) {
            let arn = r
                .rule_arn()
                .ok_or_else(|| DeployError::Other("a listener rule has no ARN".into()))?
                .to_string();
            let at: Option<i32> = r.priority().and_then(|p| p.parse().ok());
            check_shadowing(&existing, tg, w, w.priority.or(at).unwrap_or(priority))?;
            let mut changed = false;
            if let (Some(want_p), Some(have)) = (w.priority, at) {
                if want_p != have {
                    client
                        .set_rule_priorities()
                        .rule_priorities(
                            elbv2::types::RulePriorityPair::builder()
                                .rule_arn(&arn)
                                .priority(want_p)
                                .build(),
                        )
                        .send()
                        .await
                        .map_err(|e| aws(format!("ELB SetRulePriorities {want_p}"), e))?;
                    rt.info(format!(
                        "listener rule moved from priority {have} to {want_p}"
                    ));
                    changed = true;
                }
            }
            if is_warming_up(r) {
                rt.info("listener rule is still warming up (a previous run did not open it)");
                return Ok((arn, false, changed, true));
            }
            if condition_key(r.conditions()) != condition_key(&want) {
                client
                    .modify_rule()
                    .rule_arn(&arn)
                    .set_conditions(Some(want.clone()))
                    .send()
                    .await
                    .map_err(|e| aws("ELB ModifyRule", e))?;
                rt.info("listener rule conditions updated");
                changed = true;
            } else {
                rt.info(format!(
                    "listener rule exists at priority {}",
                    r.priority().unwrap_or("?")
                ));
            }
            return Ok((arn, false, changed, false));
        }
        let taken: Vec<(i32, &Rule)> = existing
            .iter()
            .filter_map(|r| Some((r.priority()?.parse().ok()?, r)))
            .collect();
        if let Some(p) = w.priority {
            if let Some((_, r)) = taken.iter().find(|(q, _)| *q == p) {
                return Err(DeployError::input(
                    "priority",
                    format!(
                        "priority {p} is taken by rule {} (paths {:?})",
                        r.rule_arn().unwrap_or("?"),
                        values_of(r, "path-pattern")
                    ),
                    "choose a free priority, or leave `priority` empty to pick one by path specificity",
                ));
            }
        } else {
            let start = priority;
            while taken.iter().any(|(q, _)| *q == priority) {
                priority = next_in_band(priority);
                if priority == start {
                    return Err(DeployError::Other(format!(
                        "no free listener rule priority in the band of {start}; set `priority`"
                    )));
                }
            }
        }
        check_shadowing(&existing, tg, w, priority)?;
        let r = client
            .create_rule()
            .listener_arn(w.listener_arn)
            .priority(priority)
            .conditions(warmup_condition(w))
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
                    .ok_or_else(|| DeployError::Other("CreateRule returned no rule ARN".into()))?
                    .to_string();
                rt.info(format!(
                    "created listener rule at priority {priority}; it takes traffic once the tasks are healthy"
                ));
                return Ok((arn, true, true, true));
            }
            Err(e) if aws_code(&e) == Some("PriorityInUse") && w.priority.is_none() => {
                rt.info(format!(
                    "priority {priority} was taken meanwhile; retrying (attempt {})",
                    attempt + 1
                ));
                priority = next_in_band(priority);
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
            health_check_path: None,
            path_patterns: &paths,
            host_headers: &[],
            priority: None,
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

    fn v(s: &[&str]) -> Vec<String> {
        s.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn priorities_follow_path_specificity() {
        let general = preferred_priority("c", "api", &v(&["/api/*"]), &[]);
        let specific = preferred_priority("c", "orders", &v(&["/api/orders/*"]), &[]);
        let host_only = preferred_priority("c", "web", &[], &v(&["shop.example"]));
        assert!(
            specific < general,
            "{specific} must be evaluated before {general}"
        );
        assert!(general < host_only);
        for p in [general, specific, host_only] {
            assert!((1..=50_000).contains(&p), "{p}");
        }
        assert_eq!(
            general,
            preferred_priority("c", "api", &v(&["/api/*"]), &[])
        );
        // Whatever the hash, the band decides the order.
        for svc in ["a", "b", "zz", "orders-v2"] {
            assert!(
                preferred_priority("c", svc, &v(&["/api/orders/*"]), &[])
                    < preferred_priority("c", "x", &v(&["/api/*"]), &[])
            );
        }
        let p = preferred_priority("c", "api", &v(&["/api/*"]), &[]);
        let mut q = p;
        for _ in 0..BAND {
            q = next_in_band(q);
            assert_eq!((q - 1) / BAND, (p - 1) / BAND, "stays in the band");
        }
        assert_eq!(q, p, "probing wraps inside the band");
    }

    #[test]
    fn shadowing_is_detected_both_ways() {
        assert!(shadows(&v(&["/api/*"]), &[], &v(&["/api/orders/*"]), &[]));
        assert!(!shadows(&v(&["/api/orders/*"]), &[], &v(&["/api/*"]), &[]));
        assert!(!shadows(&v(&["/cart/*"]), &[], &v(&["/api/*"]), &[]));
        assert!(shadows(&v(&["/orders"]), &[], &v(&["/orders"]), &[]));
        // Different hosts never meet.
        assert!(!shadows(
            &v(&["/api/*"]),
            &v(&["a.example"]),
            &v(&["/api/x"]),
            &v(&["b.example"])
        ));
        assert!(shadows(
            &[],
            &v(&["a.example"]),
            &v(&["/x"]),
            &v(&["a.example"])
        ));
    }

    #[test]
    fn condition_limits_are_checked_before_aws() {
        assert!(check_conditions(&v(&["/a", "/b", "/c"]), &v(&["x.example", "y.example"])).is_ok());
        let e = check_conditions(&v(&["/a", "/b", "/c", "/d", "/e"]), &v(&["x.example"]))
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("input `path-pattern`: 6 path patterns and host headers"),
            "{e}"
        );
        let e = check_conditions(&v(&["/a*", "/b*", "/c*"]), &v(&["*.x", "*.y*"]))
            .unwrap_err()
            .to_string();
        assert!(e.contains("6 wildcards"), "{e}");
        assert!(check_conditions(&v(&["orders"]), &[]).is_err());
    }
}
