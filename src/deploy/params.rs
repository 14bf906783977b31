//! Infra discovery: values the infrastructure publishes in SSM Parameter
//! Store under a prefix (input `infra-parameters`), as written down in
//! contract/infra-parameters.yaml. An input given in the workflow wins.

use aws_config::SdkConfig;
use serde::Deserialize;

use super::ecs::Plan;
use super::template::{self, Ref, Values};
use crate::error::{aws, DeployError, Result};
use crate::github::inputs::INPUTS;
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
    let mut published = None;
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
        // Entries that stand for inputs fill the unset ones; the others are
        // read through ${infra.NAME} in the template.
        for p in contract()
            .parameters
            .into_iter()
            .filter(|p| INPUTS.iter().any(|(n, _)| *n == p.name))
        {
            if inputs.given(&p.name) {
                continue;
            }
            if let Some((_, v)) = found.iter().find(|(n, _)| *n == p.name) {
                rt.info(format!("{} from {prefix}{}", p.name, p.name));
                from_ssm.set(&p.name, v.clone());
            }
        }
        plan.apply_infra(&from_ssm)?;
        published = Some((prefix.to_string(), found.into_iter().collect()));
    }
    plan.check_infra()?;
    render_template(config, rt, &mut plan, published).await?;
    Ok(plan)
}

/// Resolve the template's references and parse it again.
async fn render_template(
    config: &SdkConfig,
    rt: &Runtime,
    plan: &mut Plan,
    infra: Option<(String, std::collections::BTreeMap<String, String>)>,
) -> Result<()> {
    let refs = template::refs(&plan.template_text, &plan.template)?;
    if refs.is_empty() {
        return Ok(());
    }
    let account_id = if refs.contains(&Ref::Aws("account-id".into())) {
        let me = aws_sdk_sts::Client::new(config)
            .get_caller_identity()
            .send()
            .await
            .map_err(|e| aws("STS GetCallerIdentity (for ${aws.account-id})", e))?;
        me.account().map(String::from)
    } else {
        None
    };
    let values = Values {
        env: std::env::vars().collect(),
        infra,
        account_id,
        region: config.region().map(|r| r.to_string()),
    };
    let text = template::render(&plan.template_text, &plan.template, |r| values.lookup(r))?;
    plan.taskdef = super::taskdef::parse(&text, &plan.template)?;
    rt.info(format!(
        "{}: resolved {}",
        plan.template,
        refs.iter()
            .map(|r| r.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    ));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_contract_name_is_an_input_or_a_template_reference() {
        let c = contract();
        assert!(c.parameters.len() >= 5);
        for p in &c.parameters {
            let template = format!("${{infra.{}}}", p.name);
            assert!(
                INPUTS.iter().any(|(n, _)| *n == p.name) || p.reader.contains(&template),
                "{} is neither an input nor read as {template} by a template",
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
