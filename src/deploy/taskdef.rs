//! Task definition templates: parsed from YAML or JSON in the
//! RegisterTaskDefinition shape, validated field by field (unknown fields are
//! errors with their path), rendered with the image digest, and normalized so
//! that a template and a registered revision compare by meaning, not text.

use std::collections::BTreeMap;
use std::path::Path;

use aws_sdk_ecs::types as ecs;
use serde::{Deserialize, Deserializer, Serialize};

use crate::error::{DeployError, Result};

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TaskDef {
    pub family: String,
    #[serde(default)]
    pub task_role_arn: Option<String>,
    #[serde(default)]
    pub execution_role_arn: Option<String>,
    #[serde(default)]
    pub network_mode: Option<String>,
    #[serde(default)]
    pub requires_compatibilities: Vec<String>,
    #[serde(default, deserialize_with = "str_or_num")]
    pub cpu: Option<String>,
    #[serde(default, deserialize_with = "str_or_num")]
    pub memory: Option<String>,
    #[serde(default)]
    pub runtime_platform: Option<RuntimePlatform>,
    #[serde(default)]
    pub ephemeral_storage: Option<EphemeralStorage>,
    pub container_definitions: Vec<Container>,
    #[serde(default)]
    pub tags: Vec<Tag>,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RuntimePlatform {
    #[serde(default)]
    pub cpu_architecture: Option<String>,
    #[serde(default)]
    pub operating_system_family: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct EphemeralStorage {
    #[serde(rename = "sizeInGiB")]
    pub size_in_gib: i32,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Tag {
    pub key: String,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Container {
    pub name: String,
    #[serde(default)]
    pub image: Option<String>,
    #[serde(default)]
    pub essential: Option<bool>,
    #[serde(default)]
    pub cpu: Option<i32>,
    #[serde(default)]
    pub memory: Option<i32>,
    #[serde(default)]
    pub memory_reservation: Option<i32>,
    #[serde(default)]
    pub port_mappings: Vec<PortMapping>,
    #[serde(default)]
    pub environment: Vec<KeyValue>,
    #[serde(default)]
    pub secrets: Vec<Secret>,
    #[serde(default)]
    pub command: Vec<String>,
    #[serde(default)]
    pub entry_point: Vec<String>,
    #[serde(default)]
    pub working_directory: Option<String>,
    #[serde(default)]
    pub user: Option<String>,
    #[serde(default)]
    pub readonly_root_filesystem: Option<bool>,
    #[serde(default)]
    pub stop_timeout: Option<i32>,
    #[serde(default)]
    pub log_configuration: Option<LogConfiguration>,
    #[serde(default)]
    pub health_check: Option<HealthCheck>,
    #[serde(default)]
    pub depends_on: Vec<Dependency>,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PortMapping {
    pub container_port: i32,
    #[serde(default)]
    pub host_port: Option<i32>,
    #[serde(default)]
    pub protocol: Option<String>,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub app_protocol: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct KeyValue {
    pub name: String,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Secret {
    pub name: String,
    pub value_from: String,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LogConfiguration {
    pub log_driver: String,
    #[serde(default)]
    pub options: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HealthCheck {
    pub command: Vec<String>,
    #[serde(default)]
    pub interval: Option<i32>,
    #[serde(default)]
    pub timeout: Option<i32>,
    #[serde(default)]
    pub retries: Option<i32>,
    #[serde(default)]
    pub start_period: Option<i32>,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Dependency {
    pub container_name: String,
    pub condition: String,
}

fn str_or_num<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Option<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum V {
        S(String),
        N(i64),
    }
    Ok(Option::<V>::deserialize(d)?.map(|v| match v {
        V::S(s) => s,
        V::N(n) => n.to_string(),
    }))
}

/// Read a template's text. `shown` is the path as the user wrote it.
pub fn read(path: &Path, shown: &str) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| {
        DeployError::input(
            "task-definition",
            format!("cannot read `{shown}` ({e})"),
            "give the template's path relative to the workspace (GITHUB_WORKSPACE)",
        )
    })
}

pub fn parse(text: &str, shown: &str) -> Result<TaskDef> {
    let is_json = shown.to_ascii_lowercase().ends_with(".json");
    let value: serde_json::Value = if is_json {
        serde_json::from_str(text).map_err(|e| {
            DeployError::manifest(
                shown,
                "(document)",
                format!("is not valid JSON ({e})"),
                "fix the JSON syntax",
            )
        })?
    } else {
        serde_saphyr::from_str(text).map_err(|e| {
            DeployError::manifest(
                shown,
                "(document)",
                format!("is not valid YAML ({e})"),
                "fix the YAML syntax",
            )
        })?
    };
    let td: TaskDef = serde_path_to_error::deserialize(value).map_err(|e| {
        let field = e.path().to_string();
        let inner = e.into_inner().to_string();
        DeployError::manifest(
            shown,
            &field,
            inner,
            "use the RegisterTaskDefinition field names (camelCase) that ecom-deploy supports; see README",
        )
    })?;
    if td.family.trim().is_empty() {
        return Err(DeployError::manifest(
            shown,
            "family",
            "is empty",
            "name the task family, e.g. orders",
        ));
    }
    if td.container_definitions.is_empty() {
        return Err(DeployError::manifest(
            shown,
            "containerDefinitions",
            "is empty",
            "define at least one container",
        ));
    }
    Ok(td)
}

impl TaskDef {
    /// Set `container`'s image to `image`. Fails naming the file when the
    /// container is missing, or when another container has no image.
    pub fn render(&self, shown: &str, container: &str, image: &str) -> Result<TaskDef> {
        let mut td = self.clone();
        let names: Vec<&str> = self
            .container_definitions
            .iter()
            .map(|c| c.name.as_str())
            .collect();
        let Some(target) = td
            .container_definitions
            .iter_mut()
            .find(|c| c.name == container)
        else {
            return Err(DeployError::manifest(
                shown,
                "containerDefinitions",
                format!(
                    "has no container named `{container}` (it has: {})",
                    names.join(", ")
                ),
                "set the input `container-name` to one of them, or rename the container",
            ));
        };
        target.image = Some(image.to_string());
        for (i, c) in td.container_definitions.iter().enumerate() {
            if c.image.as_deref().is_none_or(|s| s.trim().is_empty()) {
                return Err(DeployError::manifest(
                    shown,
                    &format!("containerDefinitions[{i}].image"),
                    format!("container `{}` has no image", c.name),
                    "give every container other than `container-name` an image",
                ));
            }
        }
        Ok(td)
    }

    /// The container port of `container`'s first port mapping.
    pub fn container_port(&self, container: &str) -> Option<i32> {
        self.container_definitions
            .iter()
            .find(|c| c.name == container)
            .and_then(|c| c.port_mappings.first())
            .map(|p| p.container_port)
    }

    /// Fill in what ECS fills in and sort what has no order, so that equal
    /// meaning gives equal values. ECS stores task cpu/memory given with
    /// units ("1 vCPU", "2 GB") as CPU units and MiB ("1024", "2048"), and a
    /// container healthCheck without interval/timeout/retries with 30/5/3
    /// (RegisterTaskDefinition and HealthCheck API references).
    pub fn normalized(&self) -> TaskDef {
        let mut td = self.clone();
        td.cpu = td.cpu.as_deref().map(|v| with_units(v, "vcpu"));
        td.memory = td.memory.as_deref().map(|v| with_units(v, "gb"));
        let awsvpc = td.network_mode.as_deref() == Some("awsvpc");
        if td.network_mode.is_none() {
            td.network_mode = Some("bridge".into());
        }
        td.requires_compatibilities.sort();
        td.tags.sort_by(|a, b| a.key.cmp(&b.key));
        if let Some(rp) = &td.runtime_platform {
            if rp.cpu_architecture.is_none() && rp.operating_system_family.is_none() {
                td.runtime_platform = None;
            }
        }
        for c in &mut td.container_definitions {
            c.essential = Some(c.essential.unwrap_or(true));
            if let Some(h) = &mut c.health_check {
                h.interval = Some(h.interval.unwrap_or(30));
                h.timeout = Some(h.timeout.unwrap_or(5));
                h.retries = Some(h.retries.unwrap_or(3));
            }
            if c.cpu == Some(0) {
                c.cpu = None;
            }
            c.environment.sort();
            c.secrets.sort();
            for p in &mut c.port_mappings {
                p.protocol = Some(p.protocol.clone().unwrap_or_else(|| "tcp".into()));
                if awsvpc && p.host_port.is_none() {
                    p.host_port = Some(p.container_port);
                }
            }
        }
        td.container_definitions.sort_by(|a, b| a.name.cmp(&b.name));
        td
    }

    /// The same view of a registered revision.
    pub fn from_registered(t: &ecs::TaskDefinition, tags: &[ecs::Tag]) -> TaskDef {
        let s = |o: Option<&str>| o.map(String::from);
        TaskDef {
            family: t.family().unwrap_or_default().to_string(),
            task_role_arn: s(t.task_role_arn()),
            execution_role_arn: s(t.execution_role_arn()),
            network_mode: t.network_mode().map(|m| m.as_str().to_string()),
            requires_compatibilities: t
                .requires_compatibilities()
                .iter()
                .map(|c| c.as_str().to_string())
                .collect(),
            cpu: s(t.cpu()),
            memory: s(t.memory()),
            runtime_platform: t.runtime_platform().map(|p| RuntimePlatform {
                cpu_architecture: p.cpu_architecture().map(|a| a.as_str().to_string()),
                operating_system_family: p
                    .operating_system_family()
                    .map(|a| a.as_str().to_string()),
            }),
            ephemeral_storage: t.ephemeral_storage().map(|e| EphemeralStorage {
                size_in_gib: e.size_in_gib(),
            }),
            container_definitions: t
                .container_definitions()
                .iter()
                .map(container_from)
                .collect(),
            tags: tags
                .iter()
                .map(|t| Tag {
                    key: t.key().unwrap_or_default().into(),
                    value: t.value().unwrap_or_default().into(),
                })
                .collect(),
        }
    }
}

fn container_from(c: &ecs::ContainerDefinition) -> Container {
    let s = |o: Option<&str>| o.map(String::from);
    Container {
        name: c.name().unwrap_or_default().to_string(),
        image: s(c.image()),
        essential: c.essential(),
        cpu: Some(c.cpu()).filter(|v| *v != 0),
        memory: c.memory(),
        memory_reservation: c.memory_reservation(),
        port_mappings: c
            .port_mappings()
            .iter()
            .map(|p| PortMapping {
                container_port: p.container_port().unwrap_or_default(),
                host_port: p.host_port(),
                protocol: p.protocol().map(|x| x.as_str().to_string()),
                name: s(p.name()),
                app_protocol: p.app_protocol().map(|x| x.as_str().to_string()),
            })
            .collect(),
        environment: c
            .environment()
            .iter()
            .map(|kv| KeyValue {
                name: kv.name().unwrap_or_default().into(),
                value: kv.value().unwrap_or_default().into(),
            })
            .collect(),
        secrets: c
            .secrets()
            .iter()
            .map(|x| Secret {
                name: x.name().into(),
                value_from: x.value_from().into(),
            })
            .collect(),
        command: c.command().to_vec(),
        entry_point: c.entry_point().to_vec(),
        working_directory: s(c.working_directory()),
        user: s(c.user()),
        readonly_root_filesystem: c.readonly_root_filesystem(),
        stop_timeout: c.stop_timeout(),
        log_configuration: c.log_configuration().map(|l| LogConfiguration {
            log_driver: l.log_driver().as_str().to_string(),
            options: l
                .options()
                .map(|o| o.clone().into_iter().collect())
                .unwrap_or_default(),
        }),
        health_check: c.health_check().map(|h| HealthCheck {
            command: h.command().to_vec(),
            interval: h.interval(),
            timeout: h.timeout(),
            retries: h.retries(),
            start_period: h.start_period(),
        }),
        depends_on: c
            .depends_on()
            .iter()
            .map(|d| Dependency {
                container_name: d.container_name().into(),
                condition: d.condition().as_str().into(),
            })
            .collect(),
    }
}

/// "1 vCPU" → "1024", "0.5 vcpu" → "512", "2 GB" → "2048", "512" stays:
/// `big` is the unit worth 1024 (vcpu for cpu, gb for memory); "MB" and
/// "MiB" count as 1. Anything else is left as written (ECS rejects it).
fn with_units(v: &str, big: &str) -> String {
    let t = v.trim().to_ascii_lowercase();
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let Ok(n) = num.parse::<f64>() else {
        return v.to_string();
    };
    let factor = match unit.trim() {
        "" => 1.0,
        u if u == big || (big == "gb" && u == "gib") => 1024.0,
        "mb" | "mib" if big == "gb" => 1.0,
        _ => return v.to_string(),
    };
    let units = n * factor;
    if units.fract() != 0.0 {
        return v.to_string();
    }
    format!("{}", units as u64)
}

/// Fill a RegisterTaskDefinition request from a template.
pub fn to_request(
    td: &TaskDef,
    b: aws_sdk_ecs::operation::register_task_definition::builders::RegisterTaskDefinitionFluentBuilder,
) -> Result<
    aws_sdk_ecs::operation::register_task_definition::builders::RegisterTaskDefinitionFluentBuilder,
> {
    let bad = |field: &str, e: aws_sdk_ecs::error::BuildError| {
        DeployError::Other(format!("task definition field {field}: {e}"))
    };
    let mut b = b
        .family(&td.family)
        .set_task_role_arn(td.task_role_arn.clone())
        .set_execution_role_arn(td.execution_role_arn.clone())
        .set_network_mode(td.network_mode.as_deref().map(ecs::NetworkMode::from))
        .set_cpu(td.cpu.clone())
        .set_memory(td.memory.clone());
    for c in &td.requires_compatibilities {
        b = b.requires_compatibilities(ecs::Compatibility::from(c.as_str()));
    }
    if let Some(rp) = &td.runtime_platform {
        b = b.runtime_platform(
            ecs::RuntimePlatform::builder()
                .set_cpu_architecture(
                    rp.cpu_architecture
                        .as_deref()
                        .map(ecs::CpuArchitecture::from),
                )
                .set_operating_system_family(
                    rp.operating_system_family
                        .as_deref()
                        .map(ecs::OsFamily::from),
                )
                .build(),
        );
    }
    if let Some(es) = &td.ephemeral_storage {
        b = b.ephemeral_storage(
            ecs::EphemeralStorage::builder()
                .size_in_gib(es.size_in_gib)
                .build(),
        );
    }
    for t in &td.tags {
        b = b.tags(ecs::Tag::builder().key(&t.key).value(&t.value).build());
    }
    for c in &td.container_definitions {
        let mut cb = ecs::ContainerDefinition::builder()
            .name(&c.name)
            .set_image(c.image.clone())
            .set_essential(c.essential)
            .set_cpu(c.cpu)
            .set_memory(c.memory)
            .set_memory_reservation(c.memory_reservation)
            .set_working_directory(c.working_directory.clone())
            .set_user(c.user.clone())
            .set_readonly_root_filesystem(c.readonly_root_filesystem)
            .set_stop_timeout(c.stop_timeout)
            .set_command(Some(c.command.clone()).filter(|v| !v.is_empty()))
            .set_entry_point(Some(c.entry_point.clone()).filter(|v| !v.is_empty()));
        for p in &c.port_mappings {
            cb = cb.port_mappings(
                ecs::PortMapping::builder()
                    .container_port(p.container_port)
                    .set_host_port(p.host_port)
                    .set_protocol(p.protocol.as_deref().map(ecs::TransportProtocol::from))
                    .set_name(p.name.clone())
                    .set_app_protocol(
                        p.app_protocol
                            .as_deref()
                            .map(ecs::ApplicationProtocol::from),
                    )
                    .build(),
            );
        }
        for kv in &c.environment {
            cb = cb.environment(
                ecs::KeyValuePair::builder()
                    .name(&kv.name)
                    .value(&kv.value)
                    .build(),
            );
        }
        for s in &c.secrets {
            cb = cb.secrets(
                ecs::Secret::builder()
                    .name(&s.name)
                    .value_from(&s.value_from)
                    .build()
                    .map_err(|e| bad("secrets", e))?,
            );
        }
        if let Some(l) = &c.log_configuration {
            cb = cb.log_configuration(
                ecs::LogConfiguration::builder()
                    .log_driver(ecs::LogDriver::from(l.log_driver.as_str()))
                    .set_options(
                        Some(l.options.clone().into_iter().collect())
                            .filter(|m: &std::collections::HashMap<_, _>| !m.is_empty()),
                    )
                    .build()
                    .map_err(|e| bad("logConfiguration", e))?,
            );
        }
        if let Some(h) = &c.health_check {
            cb = cb.health_check(
                ecs::HealthCheck::builder()
                    .set_command(Some(h.command.clone()))
                    .set_interval(h.interval)
                    .set_timeout(h.timeout)
                    .set_retries(h.retries)
                    .set_start_period(h.start_period)
                    .build()
                    .map_err(|e| bad("healthCheck", e))?,
            );
        }
        for d in &c.depends_on {
            cb = cb.depends_on(
                ecs::ContainerDependency::builder()
                    .container_name(&d.container_name)
                    .condition(ecs::ContainerCondition::from(d.condition.as_str()))
                    .build()
                    .map_err(|e| bad("dependsOn", e))?,
            );
        }
        b = b.container_definitions(cb.build());
    }
    Ok(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    const YAML: &str = r#"
family: orders
networkMode: awsvpc
requiresCompatibilities: [FARGATE]
cpu: 256
memory: "512"
containerDefinitions:
  - name: orders
    image: placeholder
    portMappings:
      - containerPort: 8080
    environment:
      - {name: B, value: "2"}
      - {name: A, value: "1"}
"#;

    #[test]
    fn parses_yaml_and_numbers_as_strings() {
        let td = parse(YAML, "taskdef.yaml").unwrap();
        assert_eq!(td.cpu.as_deref(), Some("256"));
        assert_eq!(td.memory.as_deref(), Some("512"));
        assert_eq!(td.container_port("orders"), Some(8080));
    }

    #[test]
    fn unknown_field_names_file_and_path() {
        let bad = YAML.replace(
            "containerPort: 8080",
            "containerPort: 8080\n        containerPrt: 1",
        );
        let e = parse(&bad, "svc/taskdef.yaml").unwrap_err().to_string();
        assert!(
            e.starts_with(
                "svc/taskdef.yaml: field `containerDefinitions[0].portMappings[0].containerPrt`"
            ),
            "{e}"
        );
        assert!(e.contains("unknown field"), "{e}");
    }

    #[test]
    fn json_templates_and_syntax_errors() {
        assert!(parse(
            r#"{"family":"x","containerDefinitions":[{"name":"a","image":"i"}]}"#,
            "td.json"
        )
        .is_ok());
        let e = parse("{", "td.json").unwrap_err().to_string();
        assert!(
            e.starts_with("td.json: field `(document)`: is not valid JSON"),
            "{e}"
        );
        let e = parse("family: [", "td.yaml").unwrap_err().to_string();
        assert!(e.contains("is not valid YAML"), "{e}");
    }

    #[test]
    fn render_sets_image_and_checks_containers() {
        let td = parse(YAML, "t.yaml").unwrap();
        let r = td.render("t.yaml", "orders", "repo@sha256:abc").unwrap();
        assert_eq!(
            r.container_definitions[0].image.as_deref(),
            Some("repo@sha256:abc")
        );
        let e = td.render("t.yaml", "web", "x").unwrap_err().to_string();
        assert!(
            e.contains("no container named `web` (it has: orders)"),
            "{e}"
        );
        let two = YAML.replace(
            "containerDefinitions:\n",
            "containerDefinitions:\n  - name: sidecar\n",
        );
        let e = parse(&two, "t.yaml")
            .unwrap()
            .render("t.yaml", "orders", "x")
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("`containerDefinitions[0].image`") && e.contains("`sidecar` has no image"),
            "{e}"
        );
    }

    #[test]
    fn normalization_ignores_order_and_ecs_defaults() {
        let a = parse(YAML, "t.yaml").unwrap();
        let mut b = a.clone();
        b.container_definitions[0].environment.reverse();
        b.container_definitions[0].essential = Some(true);
        b.container_definitions[0].port_mappings[0].protocol = Some("tcp".into());
        b.container_definitions[0].port_mappings[0].host_port = Some(8080);
        assert_ne!(a, b);
        assert_eq!(a.normalized(), b.normalized());
        b.container_definitions[0].image = Some("other".into());
        assert_ne!(a.normalized(), b.normalized());
    }

    #[test]
    fn normalization_fills_in_what_ecs_stores() {
        let a = parse(
            &YAML
                .replace("cpu: 256", "cpu: 1 vCPU")
                .replace("memory: \"512\"", "memory: 2 GB")
                .replace(
                    "    portMappings:",
                    "    healthCheck:\n      command: [CMD, \"true\"]\n    portMappings:",
                ),
            "t.yaml",
        )
        .unwrap();
        let mut stored = a.clone();
        stored.cpu = Some("1024".into());
        stored.memory = Some("2048".into());
        let h = stored.container_definitions[0]
            .health_check
            .as_mut()
            .unwrap();
        (h.interval, h.timeout, h.retries) = (Some(30), Some(5), Some(3));
        assert_ne!(a, stored);
        assert_eq!(a.normalized(), stored.normalized());
        assert_eq!(with_units("0.5 vCPU", "vcpu"), "512");
        assert_eq!(with_units("512 MiB", "gb"), "512");
        assert_eq!(with_units("1GB", "gb"), "1024");
        assert_eq!(with_units("lots", "gb"), "lots");
    }

    #[test]
    fn missing_containers_and_family_are_errors() {
        let e = parse("family: x\ncontainerDefinitions: []\n", "t.yaml")
            .unwrap_err()
            .to_string();
        assert!(e.contains("`containerDefinitions`: is empty"), "{e}");
        let e = parse("containerDefinitions: []\n", "t.yaml")
            .unwrap_err()
            .to_string();
        assert!(e.contains("missing field `family`"), "{e}");
    }
}
