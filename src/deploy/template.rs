//! References in a task-definition template, resolved when the action
//! deploys, so one template serves every environment and account:
//!
//! - `${NAME}`: a variable of the runner's environment (e.g. `${GITHUB_SHA}`);
//! - `${infra.NAME}`: the SSM parameter NAME under `infra-parameters`, as
//!   Terraform publishes it (contract/infra-parameters.yaml);
//! - `${aws.account-id}`, `${aws.region}`: the caller's identity.
//!
//! `$${` writes a literal `${`. An undefined reference is an error naming it
//! and its line, never an empty string.

use std::collections::BTreeMap;

use crate::error::{DeployError, Result};

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Ref {
    Env(String),
    Infra(String),
    Aws(String),
}

impl std::fmt::Display for Ref {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Ref::Env(n) => write!(f, "${{{n}}}"),
            Ref::Infra(n) => write!(f, "${{infra.{n}}}"),
            Ref::Aws(n) => write!(f, "${{aws.{n}}}"),
        }
    }
}

const AWS_NAMES: &[&str] = &["account-id", "region"];

fn parse_ref(inner: &str) -> Option<Ref> {
    let infra_name = |n: &str| {
        !n.is_empty()
            && n.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
    };
    if let Some(n) = inner.strip_prefix("infra.") {
        return infra_name(n).then(|| Ref::Infra(n.to_string()));
    }
    if let Some(n) = inner.strip_prefix("aws.") {
        return AWS_NAMES.contains(&n).then(|| Ref::Aws(n.to_string()));
    }
    let env = inner.starts_with(|c: char| c.is_ascii_uppercase() || c == '_')
        && inner
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_');
    env.then(|| Ref::Env(inner.to_string()))
}

/// Replace every reference with `lookup`'s value. `shown` names the file in errors.
pub fn render(
    text: &str,
    shown: &str,
    mut lookup: impl FnMut(&Ref) -> std::result::Result<String, String>,
) -> Result<String> {
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let mut rest = line;
        while let Some(at) = rest.find("${") {
            if rest[..at].ends_with('$') {
                out.push_str(&rest[..at - 1]);
                out.push_str("${");
                rest = &rest[at + 2..];
                continue;
            }
            out.push_str(&rest[..at]);
            let after = &rest[at + 2..];
            let Some(end) = after.find('}') else {
                return Err(bad(shown, i, &rest[at..], "is not closed with }"));
            };
            let inner = &after[..end];
            let Some(r) = parse_ref(inner) else {
                return Err(bad(
                    shown,
                    i,
                    &format!("${{{inner}}}"),
                    "is not a reference: use ${NAME} (an environment variable), ${infra.NAME} or ${aws.account-id}/${aws.region}",
                ));
            };
            let value = lookup(&r).map_err(|why| bad(shown, i, &r.to_string(), &why))?;
            out.push_str(&value);
            rest = &after[end + 1..];
        }
        out.push_str(rest);
    }
    Ok(out)
}

/// The distinct references in `text` (checked for syntax).
pub fn refs(text: &str, shown: &str) -> Result<Vec<Ref>> {
    let mut all = Vec::new();
    render(text, shown, |r| {
        all.push(r.clone());
        Ok(String::new())
    })?;
    all.sort();
    all.dedup();
    Ok(all)
}

fn bad(shown: &str, line: usize, what: &str, why: &str) -> DeployError {
    DeployError::manifest(
        shown,
        &format!("line {}: {}", line + 1, what.trim_end()),
        why,
        "see \"Plantilla de task definition\" in the README for the references the template may use",
    )
}

/// The values a deploy resolves references with.
#[derive(Debug, Clone, Default)]
pub struct Values {
    pub env: BTreeMap<String, String>,
    /// SSM parameters under `infra-parameters`, by name; `None`: no prefix given.
    pub infra: Option<(String, BTreeMap<String, String>)>,
    pub account_id: Option<String>,
    pub region: Option<String>,
}

impl Values {
    pub fn lookup(&self, r: &Ref) -> std::result::Result<String, String> {
        match r {
            Ref::Env(n) => self
                .env
                .get(n)
                .filter(|v| !v.is_empty())
                .cloned()
                .ok_or_else(|| {
                    format!("the environment variable {n} is not set (or empty) in this step")
                }),
            Ref::Infra(n) => match &self.infra {
                None => Err(
                    "needs the input `infra-parameters` (the SSM prefix the environment publishes)"
                        .into(),
                ),
                Some((prefix, found)) => found.get(n).cloned().ok_or_else(|| {
                    format!(
                        "is not published under {prefix} (published there: {})",
                        found.keys().cloned().collect::<Vec<_>>().join(", ")
                    )
                }),
            },
            Ref::Aws(n) if n == "region" => self
                .region
                .clone()
                .ok_or_else(|| "no region is known".into()),
            Ref::Aws(_) => self
                .account_id
                .clone()
                .ok_or_else(|| "the caller's account is not known".into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values() -> Values {
        Values {
            env: [("GITHUB_SHA".to_string(), "abc123".to_string())].into(),
            infra: Some((
                "/ecom/dev/backend/".into(),
                [("log-group-prefix".to_string(), "/ecs/ecom-dev/".to_string())].into(),
            )),
            account_id: Some("111122223333".into()),
            region: Some("eu-west-1".into()),
        }
    }

    #[test]
    fn references_resolve_from_env_contract_and_identity() {
        let v = values();
        let out = render(
            "a: ${infra.log-group-prefix}orders\nb: ${aws.region}/${aws.account-id}\nc: ${GITHUB_SHA}\nd: $${literal}\n",
            "t.yaml",
            |r| v.lookup(r),
        )
        .unwrap();
        assert_eq!(
            out,
            "a: /ecs/ecom-dev/orders\nb: eu-west-1/111122223333\nc: abc123\nd: ${literal}\n"
        );
    }

    #[test]
    fn an_undefined_reference_is_an_error_naming_it_and_its_line() {
        let v = values();
        let e = render("x: 1\nfamily: ${infra.nope}x\n", "td.yaml", |r| v.lookup(r))
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with(
                "td.yaml: field `line 2: ${infra.nope}`: is not published under /ecom/dev/backend/"
            ),
            "{e}"
        );
        assert!(e.contains("log-group-prefix"), "{e}");
        let e = render("x: ${MISSING_VAR}\n", "td.yaml", |r| v.lookup(r))
            .unwrap_err()
            .to_string();
        assert!(e.contains("${MISSING_VAR}") && e.contains("not set"), "{e}");
        for bad in [
            "x: ${lower}\n",
            "x: ${aws.partition}\n",
            "x: ${infra.}\n",
            "x: ${OPEN\n",
        ] {
            assert!(render(bad, "td.yaml", |r| v.lookup(r)).is_err(), "{bad}");
        }
        let no_prefix = Values {
            infra: None,
            ..values()
        };
        let e = render("x: ${infra.a}\n", "td.yaml", |r| no_prefix.lookup(r))
            .unwrap_err()
            .to_string();
        assert!(e.contains("infra-parameters"), "{e}");
    }

    #[test]
    fn refs_lists_each_reference_once() {
        let r = refs("a: ${aws.region}\nb: ${aws.region} ${infra.x}\n", "t").unwrap();
        assert_eq!(r, vec![Ref::Infra("x".into()), Ref::Aws("region".into())]);
    }
}
