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
use crate::error::{aws, aws_code, required, DeployError, Result};
use crate::github::{inputs::Inputs, runtime::Runtime};

#[derive(Debug, Clone)]
pub struct Plan {
    pub template: String,
    /// The template's text, with its references (`template.rs`) unresolved.
    pub template_text: String,
    /// The template as parsed; its `${infra.*}`/`${aws.*}` references are
    /// resolved by `params::resolve` once AWS is reachable.
    pub taskdef: TaskDef,
    pub container: String,
    pub image: ImageRef,
    pub service: String,
    pub desired: Option<i32>,
    pub cluster: Option<String>,
    pub subnets: Vec<String>,
    pub security_groups: Vec<String>,
    /// `None`: DISABLED for a new service, the service's own setting on update.
    pub assign_public_ip: Option<bool>,
    pub vpc_id: Option<String>,
    pub listener_arn: Option<String>,
    pub path_patterns: Vec<String>,
    pub host_headers: Vec<String>,
    /// The listener rule's priority; `None` picks one by path specificity.
    pub priority: Option<i32>,
    pub container_port: Option<i32>,
    /// `None`: /health for a new target group, the current path on update.
    pub health_check_path: Option<String>,
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
    let template_text = taskdef::read(&workspace.join(&template), &template)?;
    // Environment references resolve now; infra and aws ones need AWS, so the
    // template is checked here with a stand-in value for them.
    let env = super::template::Values {
        env: std::env::vars().collect(),
        ..Default::default()
    };
    let has_prefix = inputs.get("infra-parameters").is_some();
    let checked = super::template::render(&template_text, &template, |r| match r {
        super::template::Ref::Env(_) => env.lookup(r),
        super::template::Ref::Infra(_) if !has_prefix => env.lookup(r),
        _ => Ok("ecom-deploy-reference".into()),
    })?;
    let taskdef = taskdef::parse(&checked, &template)?;
    // Render once now, so a missing container or image fails before any AWS call.
    taskdef.render(&template, &container, "validation")?;
    let desired = if inputs.given("desired-count") {
        inputs.int("desired-count", 0, 1000)?.map(|n| n as i32)
    } else {
        None
    };
    let assign_public_ip = inputs.bool("assign-public-ip", Some(("ENABLED", "DISABLED")))?;
    let container_port = match inputs.int("container-port", 1, 65535)? {
        Some(p) => Some(p as i32),
        None => taskdef.container_port(&container),
    };
    let health_check_path = inputs.get("health-check-path").map(String::from);
    if let Some(p) = health_check_path.as_deref().filter(|p| !p.starts_with('/')) {
        return Err(DeployError::input(
            "health-check-path",
            format!("`{p}` does not start with /"),
            "use a path such as /health",
        ));
    }
    let priority = inputs.int("priority", 1, 50_000)?.map(|p| p as i32);
    let path_patterns = inputs.list("path-pattern");
    let host_headers = inputs.list("host-header");
    super::elb::check_conditions(&path_patterns, &host_headers)?;
    let minutes = inputs.int("wait-timeout-minutes", 1, 360)?.unwrap_or(15) as u64;
    if let Some(p) = inputs.get("infra-parameters") {
        super::params::validate_prefix(p)?;
    }
    let mut plan = Plan {
        template,
        template_text,
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
        path_patterns,
        host_headers,
        priority,
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
    let cluster_ref = plan
        .cluster
        .as_deref()
        .ok_or_else(|| DeployError::input("cluster", "required in mode ecs", "set `cluster`"))?;
    let cluster = check_cluster(&ecs, cluster_ref).await?;

    // Everything that can refuse the deploy happens before anything is registered.
    let existing = find_service(&ecs, cluster_ref, &plan.service).await?;
    if let Some(svc) = &existing {
        refuse_foreign_controller(svc, &plan.service)?;
    }

    let (image_uri, digest) = image::resolve(config, &plan.image).await?;
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

    let elb_client = aws_sdk_elasticloadbalancingv2::Client::new(config);
    let want = plan.listener_arn.as_deref().map(|listener| Want {
        cluster: &cluster.name,
        service: &plan.service,
        listener_arn: listener,
        vpc_id: plan.vpc_id.as_deref(),
        port: plan.container_port.unwrap_or(80),
        health_check_path: plan.health_check_path.as_deref(),
        path_patterns: &plan.path_patterns,
        host_headers: &plan.host_headers,
        priority: plan.priority,
    });
    let placement = match &want {
        Some(w) => Some(elb::place(&elb_client, rt, w).await?),
        None => None,
    };
    // After the placement: a refused rule (shadowing, a taken priority)
    // leaves no new revision behind.
    let current = match &existing {
        Some(s) => s.task_definition().map(String::from),
        None => Some(rendered.family.clone()),
    };
    let (td_arn, registered) = ensure_revision(&ecs, rt, &rendered, current.as_deref()).await?;
    let lb = placement.as_ref().map(|p| {
        LoadBalancer::builder()
            .target_group_arn(&p.target_group_arn)
            .container_name(&plan.container)
            .container_port(plan.container_port.unwrap_or(80))
            .build()
    });

    let created = existing.is_none();
    let (service, deployment) = match existing {
        None => create_service(&ecs, rt, plan, &cluster, &td_arn, lb).await?,
        Some(svc) => update_service(&ecs, rt, plan, cluster_ref, &svc, &td_arn, lb).await?,
    };
    let service_arn = required(service.service_arn(), "ECS service", "serviceArn")?;
    let service_changed = deployment.is_some();
    if let Some(id) = &deployment {
        rt.info(format!(
            "waiting for deployment {id} (timeout {} min)",
            plan.wait_timeout.as_secs() / 60
        ));
        let waited = wait::rollout(
            &ecs,
            rt,
            cluster_ref,
            &plan.service,
            id,
            &td_arn,
            plan.wait_timeout,
        )
        .await;
        if let Err(e) = waited {
            return Err(if created {
                remove_failed_service(
                    &ecs,
                    &elb_client,
                    rt,
                    cluster_ref,
                    &plan.service,
                    placement.as_ref(),
                    e,
                )
                .await
            } else {
                e
            });
        }
    } else {
        rt.info("service already runs this revision; nothing to roll out");
    }

    // Traffic reaches the service only now that its tasks passed the target
    // group's health checks (a new rule waits with a condition no request has).
    let mut opened = false;
    if let (Some(w), Some(p)) = (&want, &placement) {
        if p.pending {
            elb::open(&elb_client, rt, w, &p.rule_arn).await?;
            opened = true;
        }
    }
    Ok(Outcome {
        changed: registered
            || service_changed
            || opened
            || placement.as_ref().is_some_and(|p| p.changed),
        task_definition_arn: td_arn,
        service_arn,
        target_group_arn: placement
            .as_ref()
            .map(|p| p.target_group_arn.clone())
            .unwrap_or_default(),
        listener_rule_arn: placement.map(|p| p.rule_arn).unwrap_or_default(),
        image_digest: digest,
    })
}

/// The cluster as the deploy needs it.
pub struct Cluster {
    /// The cluster's name, also when the input is an ARN (names of target
    /// groups and rule priorities derive from it).
    pub name: String,
    /// The cluster has a default capacity provider strategy (e.g. Fargate
    /// Spot): a new service uses it, and gets no launch type.
    pub default_capacity_providers: bool,
}

async fn check_cluster(ecs: &aws_sdk_ecs::Client, cluster: &str) -> Result<Cluster> {
    let out = ecs
        .describe_clusters()
        .clusters(cluster)
        .send()
        .await
        .map_err(|e| aws("ECS DescribeClusters", e))?;
    if let Some(c) = out.clusters().iter().find(|c| c.status() == Some("ACTIVE")) {
        return Ok(Cluster {
            name: required(c.cluster_name(), "ECS cluster", "clusterName")?,
            default_capacity_providers: !c.default_capacity_provider_strategy().is_empty(),
        });
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

/// Only the ECS (rolling) controller takes UpdateService with a task
/// definition; CODE_DEPLOY and EXTERNAL services are deployed elsewhere.
fn refuse_foreign_controller(svc: &Service, name: &str) -> Result<()> {
    let kind = svc
        .deployment_controller()
        .map(|c| c.r#type().as_str().to_string())
        .unwrap_or_else(|| "ECS".into());
    if kind == "ECS" {
        return Ok(());
    }
    Err(DeployError::input(
        "service",
        format!("service `{name}` uses the {kind} deployment controller; ecom-deploy rolls out only services with the ECS controller, and nothing was registered"),
        "deploy it through its controller (CodeDeploy: an AppSpec and CreateDeployment), or have the infrastructure set deployment_controller type ECS",
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
                        let arn = required(
                            td.task_definition_arn(),
                            "task definition",
                            "taskDefinitionArn",
                        )?;
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

/// The deployment configuration of a service this action creates; an
/// existing service keeps the one the infrastructure gave it.
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

fn network(subnets: &[String], groups: &[String], public: bool) -> Result<NetworkConfiguration> {
    Ok(NetworkConfiguration::builder()
        .awsvpc_configuration(
            AwsVpcConfiguration::builder()
                .set_subnets(Some(subnets.to_vec()))
                .set_security_groups(Some(groups.to_vec()))
                .assign_public_ip(if public {
                    AssignPublicIp::Enabled
                } else {
                    AssignPublicIp::Disabled
                })
                .build()
                .map_err(|e| DeployError::Other(format!("network configuration: {e}")))?,
        )
        .build())
}

async fn create_service(
    ecs: &aws_sdk_ecs::Client,
    rt: &Runtime,
    plan: &Plan,
    cluster: &Cluster,
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
    let net = network(
        &plan.subnets,
        &plan.security_groups,
        plan.assign_public_ip.unwrap_or(false),
    )?;
    let has_lb = lb.is_some();
    // Neither a launch type nor a strategy: ECS uses the cluster's default
    // capacity provider strategy (CreateService API reference).
    let launch_type = (!cluster.default_capacity_providers).then_some(LaunchType::Fargate);
    let out = ecs
        .create_service()
        .cluster(&cluster.name)
        .service_name(&plan.service)
        .task_definition(td_arn)
        .desired_count(plan.desired.unwrap_or(1))
        .set_launch_type(launch_type)
        .network_configuration(net)
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
    rt.info(format!(
        "created service {} in {}{}",
        plan.service,
        cluster.name,
        if cluster.default_capacity_providers {
            " (the cluster's default capacity provider strategy)"
        } else {
            " (launch type FARGATE)"
        }
    ));
    let id = primary_id(&svc)?;
    Ok((svc, Some(id)))
}

/// What UpdateService must change; everything else stays as the service has it.
#[derive(Debug, Default, PartialEq)]
pub struct ServiceChanges {
    pub task_definition: bool,
    pub desired_count: Option<i32>,
    /// The full list to send: the service's own load balancers plus ours.
    pub load_balancers: Option<Vec<LoadBalancer>>,
    pub network: Option<NetworkConfiguration>,
}

impl ServiceChanges {
    fn any(&self) -> bool {
        self.task_definition
            || self.desired_count.is_some()
            || self.load_balancers.is_some()
            || self.network.is_some()
    }
}

/// Compare the service with the plan.
pub fn service_changes(
    plan: &Plan,
    svc: &Service,
    td_arn: &str,
    lb: Option<LoadBalancer>,
) -> Result<ServiceChanges> {
    let mut c = ServiceChanges {
        task_definition: svc.task_definition() != Some(td_arn),
        desired_count: plan.desired.filter(|d| *d != svc.desired_count()),
        ..Default::default()
    };
    if let Some(l) = lb {
        let have = svc.load_balancers();
        if !have
            .iter()
            .any(|x| x.target_group_arn() == l.target_group_arn())
        {
            let mut all = have.to_vec();
            all.push(l);
            c.load_balancers = Some(all);
        }
    }
    let current = svc
        .network_configuration()
        .and_then(|n| n.awsvpc_configuration());
    let sorted = |v: &[String]| {
        let mut v = v.to_vec();
        v.sort();
        v
    };
    let have_subnets = current.map(|a| sorted(a.subnets())).unwrap_or_default();
    let have_groups = current
        .map(|a| sorted(a.security_groups()))
        .unwrap_or_default();
    let have_public = current.and_then(|a| a.assign_public_ip()) == Some(&AssignPublicIp::Enabled);
    let subnets = if plan.subnets.is_empty() {
        have_subnets.clone()
    } else {
        sorted(&plan.subnets)
    };
    let groups = if plan.security_groups.is_empty() {
        have_groups.clone()
    } else {
        sorted(&plan.security_groups)
    };
    let public = plan.assign_public_ip.unwrap_or(have_public);
    if (subnets != have_subnets || groups != have_groups || public != have_public)
        && !subnets.is_empty()
    {
        c.network = Some(network(&subnets, &groups, public)?);
    }
    Ok(c)
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
    let changes = service_changes(plan, svc, td_arn, lb)?;
    if !changes.any() {
        return Ok((svc.clone(), None));
    }
    let what: Vec<&str> = [
        (changes.task_definition, "new revision"),
        (changes.desired_count.is_some(), "desired count"),
        (changes.load_balancers.is_some(), "load balancer added"),
        (changes.network.is_some(), "network configuration"),
    ]
    .iter()
    .filter(|(on, _)| *on)
    .map(|(_, w)| *w)
    .collect();
    let out = ecs
        .update_service()
        .cluster(cluster)
        .service(&plan.service)
        .task_definition(td_arn)
        .set_desired_count(changes.desired_count)
        .set_load_balancers(changes.load_balancers)
        .set_network_configuration(changes.network)
        .send()
        .await
        .map_err(|e| aws(format!("ECS UpdateService {}", plan.service), e))?;
    let svc = out
        .service()
        .cloned()
        .ok_or_else(|| DeployError::Other("UpdateService returned no service".into()))?;
    rt.info(format!(
        "updated service {}: {}",
        plan.service,
        what.join(", ")
    ));
    let id = primary_id(&svc)?;
    Ok((svc, Some(id)))
}

fn primary_id(svc: &Service) -> Result<String> {
    svc.deployments()
        .iter()
        .find(|d| d.status() == Some("PRIMARY"))
        .and_then(|d| d.id())
        .map(String::from)
        .ok_or_else(|| DeployError::Other("the service answer has no PRIMARY deployment".into()))
}

/// A service this run created failed to roll out: remove it, its rule and
/// its target group, so nothing half-deployed stays behind. What cannot be
/// removed is listed in the error.
async fn remove_failed_service(
    ecs: &aws_sdk_ecs::Client,
    elb_client: &aws_sdk_elasticloadbalancingv2::Client,
    rt: &Runtime,
    cluster: &str,
    service: &str,
    placement: Option<&elb::Placement>,
    cause: DeployError,
) -> DeployError {
    let mut left = Vec::new();
    if let Err(e) = ecs
        .delete_service()
        .cluster(cluster)
        .service(service)
        .force(true)
        .send()
        .await
    {
        left.push(format!("service {service} ({})", aws("DeleteService", e)));
    }
    if let Some(p) = placement {
        if let Some(l) = elb::remove(elb_client, p).await.err() {
            left.push(l);
        }
    }
    let note = if left.is_empty() {
        rt.info(format!(
            "removed the new service {service} and what this run created for it"
        ));
        "; the new service, its listener rule and target group were removed".to_string()
    } else {
        format!("; left behind (remove by hand): {}", left.join("; "))
    };
    match cause {
        DeployError::Rollout { service, reason } => DeployError::Rollout {
            service,
            reason: format!("{reason}{note}"),
        },
        other => DeployError::Other(format!("{other}{note}")),
    }
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
        assert_eq!(
            p.assign_public_ip, None,
            "unset keeps the service's setting"
        );
        assert_eq!(
            p.health_check_path, None,
            "unset keeps the target group's path"
        );
        let p = plan_with(&[("assign-public-ip", "true"), ("priority", "120")]).unwrap();
        assert_eq!((p.assign_public_ip, p.priority), (Some(true), Some(120)));
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
            ("priority", "50001"),
            ("path-pattern", "/a,/b,/c,/d,/e,/f"),
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
    fn an_update_adds_our_load_balancer_and_keeps_the_others() {
        let p = plan_with(&[]).unwrap();
        let infra_lb = LoadBalancer::builder()
            .target_group_arn("arn:tg/infra")
            .container_name("orders")
            .container_port(8080)
            .build();
        let svc = Service::builder()
            .task_definition("arn:td:1")
            .desired_count(3)
            .load_balancers(infra_lb.clone())
            .network_configuration(network(&["subnet-a".into()], &["sg-1".into()], false).unwrap())
            .build();
        let ours = LoadBalancer::builder()
            .target_group_arn("arn:tg/ours")
            .build();
        let c = service_changes(&p, &svc, "arn:td:2", Some(ours.clone())).unwrap();
        assert_eq!(c.load_balancers, Some(vec![infra_lb.clone(), ours.clone()]));
        assert_eq!(c.desired_count, None, "an unset desired-count keeps 3");
        assert_eq!(c.network, None, "no network input: the service's stays");
        assert!(c.task_definition);
        // Already attached: nothing to send.
        let svc2 = Service::builder()
            .task_definition("arn:td:1")
            .load_balancers(infra_lb)
            .load_balancers(ours.clone())
            .build();
        let c = service_changes(&p, &svc2, "arn:td:1", Some(ours)).unwrap();
        assert!(!c.any(), "{c:?}");
    }

    #[test]
    fn a_listener_needs_a_rule_condition() {
        let arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/shop/1/2";
        let e = plan_with(&[("listener-arn", arn)]).unwrap_err().to_string();
        assert!(e.starts_with("input `path-pattern`"), "{e}");
        assert!(plan_with(&[("listener-arn", arn), ("path-pattern", "/orders/*")]).is_ok());
    }
}
