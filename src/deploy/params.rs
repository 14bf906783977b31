//! Infra discovery: values the infrastructure publishes in SSM Parameter
//! Store under a prefix (input `infra-parameters`), as written down in
//! contract/infra-parameters.yaml. An input given in the workflow wins.

use aws_config::SdkConfig;
use serde::Deserialize;

use super::ecs::Plan;
use crate::error::{aws, DeployError, Result};
use crate::github::{inputs::Inputs, runtime::Runtime};

const CONTRACT: &str = include_str!("../../contract/infra-parameters.yaml");

#[derive(Debug, Deserialize)]
pub struct Contract {
    pub parameters: Vec<Parameter>,
}

#[derive(Debug, Deserialize)]
pub struct Parameter {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub description: String,
    pub writer: String,
    pub reader: String,
}

pub fn contract() -> Contract {
    serde_saphyr::from_str(CONTRACT)
        .expect("contract/infra-parameters.yaml is valid (checked by tests)")
}

/// Validate the prefix: absolute, ending in `/`.
pub fn validate_prefix(p: &str) -> Result<()> {
    let ok = p.starts_with('/')
        && p.ends_with('/')
        && p.len() > 2
        && !p.contains("//")
        && p.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"/_.-".contains(&b));
    if ok {
        Ok(())
    } else {
        Err(DeployError::input(
            "infra-parameters",
            format!("`{p}` is not an SSM path prefix"),
            "use the prefix the environment publishes, e.g. /ecom/dev/backend/ (leading and trailing /)",
        ))
    }
}

/// Fill unset inputs from SSM, then finish the plan's checks.
pub async fn resolve(
    config: &SdkConfig,
    rt: &Runtime,
    inputs: &Inputs,
    mut plan: Plan,
) -> Result<Plan> {
    if let Some(prefix) = inputs.get("infra-parameters") {
        let ssm = aws_sdk_ssm::Client::new(config);
        let mut found = Vec::new();
        let mut token = None;
        loop {
            let out = ssm
                .get_parameters_by_path()
                .path(prefix.trim_end_matches('/'))
                .recursive(false)
                .with_decryption(false)
                .set_next_token(token)
                .send()
                .await
                .map_err(|e| aws(format!("SSM GetParametersByPath {prefix}"), e))?;
            for p in out.parameters() {
                if let (Some(name), Some(value)) = (p.name(), p.value()) {
                    found.push((
                        name.rsplit('/').next().unwrap_or(name).to_string(),
                        value.to_string(),
                    ));
                }
            }
            token = out.next_token().map(String::from);
            if token.is_none() {
                break;
            }
        }
        if found.is_empty() {
            return Err(DeployError::input(
                "infra-parameters",
                format!("no parameters exist under `{prefix}`"),
                "check the prefix and that the environment's Terraform has been applied (it publishes them)",
            ));
        }
        let mut from_ssm = inputs.clone();
        for p in contract().parameters {
            if inputs.given(&p.name) {
                continue;
            }
            if let Some((_, v)) = found.iter().find(|(n, _)| *n == p.name) {
                rt.info(format!("{} from {prefix}{}", p.name, p.name));
                from_ssm.set(&p.name, v.clone());
            }
        }
        plan.apply_infra(&from_ssm)?;
    }
    plan.check_infra()?;
    Ok(plan)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::github::inputs::INPUTS;

    #[test]
    fn every_contract_name_is_an_action_input() {
        let c = contract();
        assert!(c.parameters.len() >= 5);
        for p in &c.parameters {
            assert!(
                INPUTS.iter().any(|(n, _)| *n == p.name),
                "{} is not an input",
                p.name
            );
            assert!(p.kind == "String" || p.kind == "StringList", "{}", p.kind);
            assert!(!p.description.is_empty() && !p.writer.is_empty() && !p.reader.is_empty());
        }
    }

    #[test]
    fn prefix_is_validated() {
        assert!(validate_prefix("/ecom/dev/backend/").is_ok());
        for bad in ["ecom/dev/", "/ecom/dev", "/", "/a b/"] {
            assert!(validate_prefix(bad)
                .unwrap_err()
                .to_string()
                .starts_with("input `infra-parameters`"));
        }
    }
}
