//! ECS deploys: render the task definition with the image digest, register a
//! revision only when it differs, place the service behind the ALB, create or
//! update the service, and wait for the rollout.

use std::path::Path;
use std::time::Duration;

use aws_config::SdkConfig;
use aws_sdk_ecs::types::{
    AssignPublicIp, AwsVpcConfiguration, DeploymentCircuitBreaker, DeploymentConfiguration,
    LaunchType, LoadBalancer, NetworkConfiguration, Service,
};

use super::elb::{self, Want};
use super::image::{self, ImageRef};
use super::taskdef::{self, TaskDef};
use super::wait;
use crate::error::{aws, aws_code, DeployError, Result};
use crate::github::{inputs::Inputs, runtime::Runtime};

#[derive(Debug, Clone)]
pub struct Plan {
    pub template: String,
    pub taskdef: TaskDef,
    pub container: String,
    pub image: ImageRef,
    pub service: String,
    pub desired: Option<i32>,
    pub cluster: Option<String>,
    pub subnets: Vec<String>,
    pub security_groups: Vec<String>,
    pub assign_public_ip: bool,
    pub vpc_id: Option<String>,
    pub listener_arn: Option<String>,
    pub path_patterns: Vec<String>,
    pub host_headers: Vec<String>,
    pub container_port: Option<i32>,
    pub health_check_path: String,
    pub wait_timeout: Duration,
}

#[derive(Debug, Default)]
pub struct Outcome {
    pub changed: bool,
    pub task_definition_arn: String,
    pub service_arn: String,
    pub target_group_arn: String,
    pub listener_rule_arn: String,
    pub image_digest: String,
}

impl Outcome {
    pub fn outputs(&self) -> Vec<(&'static str, String)> {
        vec![
            ("changed", self.changed.to_string()),
            ("task-definition-arn", self.task_definition_arn.clone()),
            ("service-arn", self.service_arn.clone()),
            ("target-group-arn", self.target_group_arn.clone()),
            ("listener-rule-arn", self.listener_rule_arn.clone()),
            ("image-digest", self.image_digest.clone()),
        ]
    }
}

/// Validate inputs and the template. No AWS call happens here.
pub fn plan(inputs: &Inputs, workspace: &Path) -> Result<Plan> {
    let template = inputs
        .require(
            "task-definition",
            "in mode ecs (path of the task definition template)",
        )?
        .to_string();
    let container = inputs
        .require(
            "container-name",
            "in mode ecs (the container that gets `image`)",
        )?
        .to_string();
    let image = image::parse(inputs.require("image", "in mode ecs")?)?;
    let service = inputs.require("service", "in mode ecs")?.to_string();
    if service.len() > 255
        || !service
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return Err(DeployError::input(
            "service",
            format!("`{service}` is not a valid ECS service name"),
            "use letters, digits, - and _",
        ));
    }
    let taskdef = taskdef::load(&workspace.join(&template), &template)?;
    // Render once now, so a missing container or image fails before any AWS call.
    taskdef.render(&template, &container, "validation")?;
    let desired = if inputs.given("desired-count") {
        inputs.int("desired-count", 0, 1000)?.map(|n| n as i32)
    } else {
        None
    };
    let assign_public_ip = match inputs.get("assign-public-ip").unwrap_or("DISABLED") {
        "ENABLED" => true,
        "DISABLED" => false,
        other => {
            return Err(DeployError::input(
                "assign-public-ip",
                format!("`{other}` is not ENABLED or DISABLED"),
                "use ENABLED or DISABLED",
            ))
        }
    };
    let container_port = match inputs.int("container-port", 1, 65535)? {
        Some(p) => Some(p as i32),
        None => taskdef.container_port(&container),
    };
    let health_check_path = inputs
        .get("health-check-path")
        .unwrap_or("/health")
        .to_string();
    if !health_check_path.starts_with('/') {
        return Err(DeployError::input(
            "health-check-path",
            format!("`{health_check_path}` does not start with /"),
            "use a path such as /health",
        ));
    }
    let minutes = inputs.int("wait-timeout-minutes", 1, 360)?.unwrap_or(15) as u64;
    if let Some(p) = inputs.get("infra-parameters") {
        super::params::validate_prefix(p)?;
    }
    let mut plan = Plan {
        template,
        taskdef,
        container,
        image,
        service,
        desired,
        cluster: None,
        subnets: vec![],
        security_groups: vec![],
        assign_public_ip,
        vpc_id: None,
        listener_arn: None,
        path_patterns: inputs.list("path-pattern"),
        host_headers: inputs.list("host-header"),
        container_port,
        health_check_path,
        wait_timeout: Duration::from_secs(minutes * 60),
    };
    plan.apply_infra(inputs)?;
    if inputs.get("infra-parameters").is_none() {
        plan.check_infra()?;
    }
    Ok(plan)
}

impl Plan {
    /// Take the infrastructure values (from inputs or SSM) that are not set yet.
    pub fn apply_infra(&mut self, inputs: &Inputs) -> Result<()> {
        let one = |n: &str| inputs.get(n).map(String::from);
        self.cluster = self.cluster.take().or_else(|| one("cluster"));
        self.vpc_id = self.vpc_id.take().or_else(|| one("vpc-id"));
        self.listener_arn = self.listener_arn.take().or_else(|| one("listener-arn"));
        if self.subnets.is_empty() {
            self.subnets = inputs.list("subnets");
        }
        if self.security_groups.is_empty() {
            self.security_groups = inputs.list("security-groups");
        }
        Ok(())
    }

    /// Checks that need the infrastructure values.
    pub fn check_infra(&self) -> Result<()> {
        if self.cluster.is_none() {
            return Err(DeployError::input(
                "cluster",
                "required in mode ecs",
                "set `cluster`, or `infra-parameters` to the prefix that publishes it",
            ));
        }
        if let Some(s) = self.subnets.iter().find(|s| !s.starts_with("subnet-")) {
            return Err(DeployError::input(
                "subnets",
                format!("`{s}` is not a subnet ID"),
                "list subnet-… IDs, comma-separated",
            ));
        }
        if let Some(s) = self.security_groups.iter().find(|s| !s.starts_with("sg-")) {
            return Err(DeployError::input(
                "security-groups",
                format!("`{s}` is not a security group ID"),
                "list sg-… IDs, comma-separated",
            ));
        }
        if let Some(v) = &self.vpc_id {
            if !v.starts_with("vpc-") {
                return Err(DeployError::input(
                    "vpc-id",
                    format!("`{v}` is not a VPC ID"),
                    "use a vpc-… ID",
                ));
            }
        }
        if let Some(l) = &self.listener_arn {
            if !(l.starts_with("arn:aws")
                && l.contains(":elasticloadbalancing:")
                && l.contains(":listener/"))
            {
                return Err(DeployError::input(
                    "listener-arn",
                    format!("`{l}` is not an ALB listener ARN"),
                    "use arn:aws:elasticloadbalancing:<region>:<account>:listener/app/…",
                ));
            }
            if self.path_patterns.is_empty() && self.host_headers.is_empty() {
                return Err(DeployError::input(
                    "path-pattern",
                    "a listener rule needs `path-pattern` or `host-header`",
                    "set `path-pattern` (e.g. /orders/*) and/or `host-header`",
                ));
            }
            if self.container_port.is_none() {
                return Err(DeployError::input(
                    "container-port",
                    "is needed for the load balancer and the template has no portMappings",
                    "set `container-port`",
                ));
            }
        }
        Ok(())
    }
}

pub async fn deploy(config: &SdkConfig, rt: &Runtime, plan: &Plan) -> Result<Outcome> {
    let ecs = aws_sdk_ecs::Client::new(config);
    let cluster = plan.cluster.as_deref().unwrap_or_default();
    check_cluster(&ecs, cluster).await?;

    let (image_uri, digest) =
        image::resolve(&aws_sdk_ecr::Client::new(config), &plan.image).await?;
    if digest.is_empty() {
        rt.warning(format!(
            "image {image_uri} is not in ECR; it is deployed by tag, not pinned to a digest"
        ));
    } else {
        rt.info(format!("image {image_uri}"));
    }
    let rendered = plan
        .taskdef
        .render(&plan.template, &plan.container, &image_uri)?;

    let existing = find_service(&ecs, cluster, &plan.service).await?;
    let current = match &existing {
        Some(s) => s.task_definition().map(String::from),
        None => Some(rendered.family.clone()),
    };
    let (td_arn, registered) = ensure_revision(&ecs, rt, &rendered, current.as_deref()).await?;

    let placement = match &plan.listener_arn {
        Some(listener) => Some(
            elb::place(
                &aws_sdk_elasticloadbalancingv2::Client::new(config),
                rt,
                &Want {
                    cluster,
                    service: &plan.service,
                    listener_arn: listener,
                    vpc_id: plan.vpc_id.as_deref(),
                    port: plan.container_port.unwrap_or(80),
                    health_check_path: &plan.health_check_path,
                    path_patterns: &plan.path_patterns,
                    host_headers: &plan.host_headers,
                },
            )
            .await?,
        ),
        None => None,
    };
    let lb = placement.as_ref().map(|p| {
        LoadBalancer::builder()
            .target_group_arn(&p.target_group_arn)
            .container_name(&plan.container)
            .container_port(plan.container_port.unwrap_or(80))
            .build()
    });

    let (service, deployment) = match existing {
        None => create_service(&ecs, rt, plan, cluster, &td_arn, lb).await?,
        Some(svc) => update_service(&ecs, rt, plan, cluster, &svc, &td_arn, lb).await?,
    };
    let service_changed = deployment.is_some();
    if let Some(id) = deployment {
        rt.info(format!(
            "waiting for deployment {id} (timeout {} min)",
            plan.wait_timeout.as_secs() / 60
        ));
        wait::rollout(&ecs, rt, cluster, &plan.service, &id, plan.wait_timeout).await?;
    } else {
        rt.info("service already runs this revision; nothing to roll out");
    }
    Ok(Outcome {
        changed: registered || service_changed || placement.as_ref().is_some_and(|p| p.changed),
        task_definition_arn: td_arn,
        service_arn: service.service_arn().unwrap_or_default().to_string(),
        target_group_arn: placement
            .as_ref()
            .map(|p| p.target_group_arn.clone())
            .unwrap_or_default(),
        listener_rule_arn: placement.map(|p| p.rule_arn).unwrap_or_default(),
        image_digest: digest,
    })
}

async fn check_cluster(ecs: &aws_sdk_ecs::Client, cluster: &str) -> Result<()> {
    let out = ecs
        .describe_clusters()
        .clusters(cluster)
        .send()
        .await
        .map_err(|e| aws("ECS DescribeClusters", e))?;
    let active = out.clusters().iter().any(|c| c.status() == Some("ACTIVE"));
    if active {
        return Ok(());
    }
    let names: Vec<String> = match ecs.list_clusters().send().await {
        Ok(l) => l
            .cluster_arns()
            .iter()
            .map(|a| a.rsplit('/').next().unwrap_or(a).to_string())
            .collect(),
        Err(_) => vec![],
    };
    Err(DeployError::input(
        "cluster",
        format!(
            "cluster `{cluster}` does not exist here (clusters: {})",
            if names.is_empty() {
                "none".into()
            } else {
                names.join(", ")
            }
        ),
        "use a cluster the infrastructure created, and check `aws-region`",
    ))
}

/// The ACTIVE service of that name, if any.
pub(crate) async fn find_service(
    ecs: &aws_sdk_ecs::Client,
    cluster: &str,
    service: &str,
) -> Result<Option<Service>> {
    let out = ecs
        .describe_services()
        .cluster(cluster)
        .services(service)
        .send()
        .await
        .map_err(|e| aws("ECS DescribeServices", e))?;
    Ok(out
        .services()
        .iter()
        .find(|s| s.status() == Some("ACTIVE"))
        .cloned())
}

/// Reuse `current` (a revision ARN or a family) when it equals `rendered`; else register.
async fn ensure_revision(
    ecs: &aws_sdk_ecs::Client,
    rt: &Runtime,
    rendered: &TaskDef,
    current: Option<&str>,
) -> Result<(String, bool)> {
    if let Some(cur) = current {
        match ecs
            .describe_task_definition()
            .task_definition(cur)
            .include(aws_sdk_ecs::types::TaskDefinitionField::Tags)
            .send()
            .await
        {
            Ok(out) => {
                if let Some(td) = out.task_definition() {
                    let have = TaskDef::from_registered(td, out.tags());
                    if have.normalized() == rendered.normalized() {
                        let arn = td.task_definition_arn().unwrap_or_default().to_string();
                        rt.info(format!("task definition unchanged: reusing {arn}"));
                        return Ok((arn, false));
                    }
                }
            }
            Err(e) if aws_code(&e) == Some("ClientException") => {}
            Err(e) => return Err(aws("ECS DescribeTaskDefinition", e)),
        }
    }
    let req = taskdef::to_request(rendered, ecs.register_task_definition())?;
    let out = req
        .send()
        .await
        .map_err(|e| aws(format!("ECS RegisterTaskDefinition {}", rendered.family), e))?;
    let arn = out
        .task_definition()
        .and_then(|t| t.task_definition_arn())
        .ok_or_else(|| DeployError::Other("RegisterTaskDefinition returned no ARN".into()))?
        .to_string();
    rt.info(format!("registered {arn}"));
    Ok((arn, true))
}

fn circuit_breaker() -> DeploymentConfiguration {
    DeploymentConfiguration::builder()
        .deployment_circuit_breaker(
            DeploymentCircuitBreaker::builder()
                .enable(true)
                .rollback(true)
                .build(),
        )
        .maximum_percent(200)
        .minimum_healthy_percent(100)
        .build()
}

async fn create_service(
    ecs: &aws_sdk_ecs::Client,
    rt: &Runtime,
    plan: &Plan,
    cluster: &str,
    td_arn: &str,
    lb: Option<LoadBalancer>,
) -> Result<(Service, Option<String>)> {
    if plan.subnets.is_empty() {
        return Err(DeployError::input(
            "subnets",
            format!(
                "service `{}` does not exist yet and creating it needs subnets",
                plan.service
            ),
            "set `subnets` (or `infra-parameters`)",
        ));
    }
    if plan.security_groups.is_empty() {
        return Err(DeployError::input(
            "security-groups",
            format!(
                "service `{}` does not exist yet and creating it needs security groups",
                plan.service
            ),
            "set `security-groups` (or `infra-parameters`)",
        ));
    }
    let network = NetworkConfiguration::builder()
        .awsvpc_configuration(
            AwsVpcConfiguration::builder()
                .set_subnets(Some(plan.subnets.clone()))
                .set_security_groups(Some(plan.security_groups.clone()))
                .assign_public_ip(if plan.assign_public_ip {
                    AssignPublicIp::Enabled
                } else {
                    AssignPublicIp::Disabled
                })
                .build()
                .map_err(|e| DeployError::Other(format!("network configuration: {e}")))?,
        )
        .build();
    let has_lb = lb.is_some();
    let out = ecs
        .create_service()
        .cluster(cluster)
        .service_name(&plan.service)
        .task_definition(td_arn)
        .desired_count(plan.desired.unwrap_or(1))
        .launch_type(LaunchType::Fargate)
        .network_configuration(network)
        .deployment_configuration(circuit_breaker())
        .set_load_balancers(lb.map(|l| vec![l]))
        .set_health_check_grace_period_seconds(has_lb.then_some(60))
        .enable_ecs_managed_tags(true)
        .propagate_tags(aws_sdk_ecs::types::PropagateTags::Service)
        .tags(
            aws_sdk_ecs::types::Tag::builder()
                .key("managed-by")
                .value("ecom-deploy")
                .build(),
        )
        .send()
        .await
        .map_err(|e| aws(format!("ECS CreateService {}", plan.service), e))?;
    let svc = out
        .service()
        .cloned()
        .ok_or_else(|| DeployError::Other("CreateService returned no service".into()))?;
    rt.info(format!("created service {} in {cluster}", plan.service));
    let id = primary_id(&svc);
    Ok((svc, id))
}

async fn update_service(
    ecs: &aws_sdk_ecs::Client,
    rt: &Runtime,
    plan: &Plan,
    cluster: &str,
    svc: &Service,
    td_arn: &str,
    lb: Option<LoadBalancer>,
) -> Result<(Service, Option<String>)> {
    let new_td = svc.task_definition() != Some(td_arn);
    let new_count = plan.desired.is_some_and(|d| d != svc.desired_count());
    let new_lb = lb.as_ref().is_some_and(|l| {
        !svc.load_balancers()
            .iter()
            .any(|x| x.target_group_arn() == l.target_group_arn())
    });
    if !(new_td || new_count || new_lb) {
        return Ok((svc.clone(), None));
    }
    let out = ecs
        .update_service()
        .cluster(cluster)
        .service(&plan.service)
        .task_definition(td_arn)
        .set_desired_count(plan.desired)
        .set_load_balancers(if new_lb { lb.map(|l| vec![l]) } else { None })
        .deployment_configuration(circuit_breaker())
        .send()
        .await
        .map_err(|e| aws(format!("ECS UpdateService {}", plan.service), e))?;
    let svc = out
        .service()
        .cloned()
        .ok_or_else(|| DeployError::Other("UpdateService returned no service".into()))?;
    rt.info(format!(
        "updated service {}:{}{}{}",
        plan.service,
        if new_td { " new revision" } else { "" },
        if new_count { " desired count" } else { "" },
        if new_lb { " load balancer" } else { "" }
    ));
    let id = primary_id(&svc);
    Ok((svc, id))
}

fn primary_id(svc: &Service) -> Option<String> {
    svc.deployments()
        .iter()
        .find(|d| d.status() == Some("PRIMARY"))
        .and_then(|d| d.id())
        .map(String::from)
        .or_else(|| Some(String::new()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn workspace() -> tempfile::TempDir {
        let d = tempfile::tempdir().unwrap();
        std::fs::write(
            d.path().join("td.yaml"),
            "family: orders\ncontainerDefinitions:\n  - name: orders\n    image: x\n    portMappings:\n      - containerPort: 8080\n",
        )
        .unwrap();
        d
    }

    fn plan_with(extra: &[(&str, &str)]) -> Result<Plan> {
        let ws = workspace();
        let mut pairs = vec![
            ("mode", "ecs"),
            ("task-definition", "td.yaml"),
            ("container-name", "orders"),
            ("image", "orders:v1"),
            ("service", "orders"),
            ("cluster", "shop"),
        ];
        pairs.retain(|(k, _)| !extra.iter().any(|(e, _)| e == k));
        pairs.extend_from_slice(extra);
        let env: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (format!("INPUT_{}", k.to_uppercase()), v.to_string()))
            .collect();
        plan(&Inputs::load(env, &[]).unwrap(), ws.path())
    }

    #[test]
    fn a_valid_plan_takes_the_port_from_the_template() {
        let p = plan_with(&[]).unwrap();
        assert_eq!(p.container_port, Some(8080));
        assert_eq!(
            p.desired, None,
            "an unset desired-count keeps the service's count"
        );
        assert_eq!(p.wait_timeout, Duration::from_secs(15 * 60));
    }

    #[test]
    fn every_bad_value_names_its_input() {
        let cases = [
            ("service", "bad name!"),
            ("desired-count", "-1"),
            ("assign-public-ip", "yes"),
            ("container-port", "70000"),
            ("health-check-path", "health"),
            ("wait-timeout-minutes", "0"),
            ("infra-parameters", "ecom/dev"),
            ("subnets", "net-1"),
            ("security-groups", "default"),
            ("vpc-id", "main"),
            ("listener-arn", "listener-1"),
            ("image", "orders"),
            ("cluster", ""),
            ("task-definition", "missing.yaml"),
        ];
        for (input, value) in cases {
            let e = plan_with(&[(input, value)]).unwrap_err().to_string();
            assert!(
                e.starts_with(&format!("input `{input}`")),
                "{input}={value}: {e}"
            );
            assert!(e.contains("Fix: "), "{e}");
        }
    }

    #[test]
    fn a_listener_needs_a_rule_condition() {
        let arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/shop/1/2";
        let e = plan_with(&[("listener-arn", arn)]).unwrap_err().to_string();
        assert!(e.starts_with("input `path-pattern`"), "{e}");
        assert!(plan_with(&[("listener-arn", arn), ("path-pattern", "/orders/*")]).is_ok());
    }
}
