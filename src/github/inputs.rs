//! Action inputs, read the way GitHub hands them to a container action
//! (`INPUT_<NAME>`, uppercased, hyphens kept) or from `--name value` flags.
//! Both feed the same map, so a shell run takes the same code path as a
//! workflow run. An empty value means "not given", as GitHub passes every
//! declared input, given or not.

use std::collections::BTreeMap;

use crate::error::{DeployError, Result};

/// Every input the action declares, with its default. `action.yml` must match
/// this table (a test checks it).
pub const INPUTS: &[(&str, &str)] = &[
    ("mode", ""),
    ("aws-region", ""),
    ("role-to-assume", ""),
    ("role-duration-seconds", "3600"),
    ("audience", "sts.amazonaws.com"),
    ("github-token", ""),
    ("environment", ""),
    ("environment-url", ""),
    ("production-environment", "false"),
    ("function-name", ""),
    ("source", ""),
    ("exclude", ""),
    ("alias", "live"),
    ("check-payload", ""),
    ("check-expect", ""),
    ("task-definition", ""),
    ("container-name", ""),
    ("image", ""),
    ("cluster", ""),
    ("service", ""),
    ("desired-count", ""),
    ("subnets", ""),
    ("security-groups", ""),
    ("assign-public-ip", ""),
    ("vpc-id", ""),
    ("listener-arn", ""),
    ("path-pattern", ""),
    ("host-header", ""),
    ("priority", ""),
    ("container-port", ""),
    ("health-check-path", ""),
    ("infra-parameters", ""),
    ("wait-timeout-minutes", "15"),
];

#[derive(Debug, Clone, Default)]
pub struct Inputs {
    values: BTreeMap<String, String>,
}

impl Inputs {
    /// Read `INPUT_*` variables from `env`, then apply `--name value` flags from `args`.
    pub fn load<I, K, V>(env: I, args: &[String]) -> Result<Self>
    where
        I: IntoIterator<Item = (K, V)>,
        K: AsRef<str>,
        V: AsRef<str>,
    {
        let env: BTreeMap<String, String> = env
            .into_iter()
            .map(|(k, v)| (k.as_ref().to_string(), v.as_ref().to_string()))
            .collect();
        let mut values = BTreeMap::new();
        for (name, _) in INPUTS {
            let key = format!("INPUT_{}", name.to_uppercase());
            if let Some(v) = env.get(&key) {
                values.insert(name.to_string(), v.clone());
            }
        }
        let mut it = args.iter();
        while let Some(arg) = it.next() {
            let Some(flag) = arg.strip_prefix("--") else {
                return Err(DeployError::input(
                    arg,
                    "unexpected argument",
                    "pass inputs as --name value (see --help)",
                ));
            };
            let (name, value) = match flag.split_once('=') {
                Some((n, v)) => (n.to_string(), v.to_string()),
                None => {
                    let v = it.next().ok_or_else(|| {
                        DeployError::input(
                            flag,
                            "flag has no value",
                            format!("pass --{flag} VALUE"),
                        )
                    })?;
                    (flag.to_string(), v.clone())
                }
            };
            if !INPUTS.iter().any(|(n, _)| *n == name) {
                return Err(DeployError::input(
                    &name,
                    "unknown input",
                    format!("use one of: {}", names().join(", ")),
                ));
            }
            values.insert(name, value);
        }
        Ok(Inputs { values })
    }

    /// The trimmed value, or the declared default; `None` when both are empty.
    pub fn get(&self, name: &str) -> Option<&str> {
        debug_assert!(
            INPUTS.iter().any(|(n, _)| *n == name),
            "undeclared input {name}"
        );
        let given = self
            .values
            .get(name)
            .map(|v| v.trim())
            .filter(|v| !v.is_empty());
        given.or_else(|| {
            INPUTS
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, d)| *d)
                .filter(|d| !d.is_empty())
        })
    }

    /// Whether the user gave a value (defaults do not count).
    pub fn given(&self, name: &str) -> bool {
        self.values.get(name).is_some_and(|v| !v.trim().is_empty())
    }

    pub fn set(&mut self, name: &str, value: impl Into<String>) {
        self.values.insert(name.to_string(), value.into());
    }

    /// The value, or an error naming the input and `why` it is needed.
    pub fn require(&self, name: &str, why: &str) -> Result<&str> {
        self.get(name).ok_or_else(|| {
            DeployError::input(
                name,
                format!("required {why}"),
                format!("set `{name}` in the step's `with:`"),
            )
        })
    }

    /// A comma- or newline-separated list.
    pub fn list(&self, name: &str) -> Vec<String> {
        self.get(name)
            .map(|v| {
                v.split([',', '\n'])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(String::from)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// A boolean: `true`/`false` (any case), or the words in `also` (true, false).
    pub fn bool(&self, name: &str, also: Option<(&str, &str)>) -> Result<Option<bool>> {
        let Some(v) = self.get(name) else {
            return Ok(None);
        };
        if v.eq_ignore_ascii_case("true") || also.is_some_and(|(t, _)| v == t) {
            return Ok(Some(true));
        }
        if v.eq_ignore_ascii_case("false") || also.is_some_and(|(_, f)| v == f) {
            return Ok(Some(false));
        }
        let words = match also {
            Some((t, f)) => format!("true, false, {t} or {f}"),
            None => "true or false".into(),
        };
        Err(DeployError::input(
            name,
            format!("`{v}` is not {words}"),
            format!("set `{name}` to {words}"),
        ))
    }

    /// An integer within `min..=max`.
    pub fn int(&self, name: &str, min: i64, max: i64) -> Result<Option<i64>> {
        let Some(v) = self.get(name) else {
            return Ok(None);
        };
        match v.parse::<i64>() {
            Ok(n) if (min..=max).contains(&n) => Ok(Some(n)),
            _ => Err(DeployError::input(
                name,
                format!("`{v}` is not a whole number from {min} to {max}"),
                format!("set `{name}` to a number from {min} to {max}"),
            )),
        }
    }
}

pub fn names() -> Vec<&'static str> {
    INPUTS.iter().map(|(n, _)| *n).collect()
}

pub fn help() -> String {
    let mut s = String::from(
        "ecom-deploy: deploy application code to AWS Lambda or ECS.\n\n\
         In GitHub Actions inputs come from INPUT_<NAME> variables; from a shell pass\n\
         them as flags. Both take the same path.\n\nUsage: ecom-deploy --mode lambda|ecs [--input value]...\n\nInputs:\n",
    );
    for (n, d) in INPUTS {
        if d.is_empty() {
            s.push_str(&format!("  --{n}\n"));
        } else {
            s.push_str(&format!("  --{n} (default: {d})\n"));
        }
    }
    s.push_str("\nSee README.md for what each input does.\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(env: &[(&str, &str)], args: &[&str]) -> Result<Inputs> {
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        Inputs::load(env.iter().copied(), &args)
    }

    #[test]
    fn reads_github_style_env_with_hyphens() {
        let i = load(
            &[
                ("INPUT_FUNCTION-NAME", " catalog "),
                ("INPUT_MODE", "lambda"),
            ],
            &[],
        )
        .unwrap();
        assert_eq!(i.get("function-name"), Some("catalog"));
        assert_eq!(i.get("mode"), Some("lambda"));
    }

    #[test]
    fn empty_env_value_falls_back_to_default() {
        let i = load(&[("INPUT_ALIAS", "")], &[]).unwrap();
        assert_eq!(i.get("alias"), Some("live"));
        assert!(!i.given("alias"));
        assert_eq!(i.get("function-name"), None);
    }

    #[test]
    fn flags_override_env_in_both_forms() {
        let i = load(&[("INPUT_ALIAS", "a")], &["--alias", "b", "--mode=ecs"]).unwrap();
        assert_eq!(i.get("alias"), Some("b"));
        assert_eq!(i.get("mode"), Some("ecs"));
    }

    #[test]
    fn unknown_flag_names_the_input() {
        let e = load(&[], &["--functon-name", "x"]).unwrap_err().to_string();
        assert!(
            e.contains("`functon-name`") && e.contains("unknown input"),
            "{e}"
        );
    }

    #[test]
    fn flag_without_value_is_an_error() {
        assert!(load(&[], &["--mode"]).is_err());
    }

    #[test]
    fn lists_split_on_commas_and_newlines() {
        let i = load(&[("INPUT_SUBNETS", "subnet-a, subnet-b\nsubnet-c,")], &[]).unwrap();
        assert_eq!(i.list("subnets"), vec!["subnet-a", "subnet-b", "subnet-c"]);
    }

    #[test]
    fn int_checks_range_and_names_input() {
        let i = load(&[("INPUT_DESIRED-COUNT", "0")], &[]).unwrap();
        assert_eq!(i.int("desired-count", 0, 100).unwrap(), Some(0));
        let e = i.int("desired-count", 1, 100).unwrap_err().to_string();
        assert!(e.contains("`desired-count`"), "{e}");
        let i = load(&[("INPUT_DESIRED-COUNT", "two")], &[]).unwrap();
        assert!(i.int("desired-count", 0, 100).is_err());
    }

    #[test]
    fn bool_takes_workflow_booleans_and_the_extra_words() {
        let words = Some(("ENABLED", "DISABLED"));
        for (v, want) in [
            ("true", true),
            ("False", false),
            ("ENABLED", true),
            ("DISABLED", false),
        ] {
            let i = load(&[("INPUT_ASSIGN-PUBLIC-IP", v)], &[]).unwrap();
            assert_eq!(
                i.bool("assign-public-ip", words).unwrap(),
                Some(want),
                "{v}"
            );
        }
        let i = load(&[("INPUT_ASSIGN-PUBLIC-IP", "yes")], &[]).unwrap();
        let e = i.bool("assign-public-ip", words).unwrap_err().to_string();
        assert!(
            e.starts_with(
                "input `assign-public-ip`: `yes` is not true, false, ENABLED or DISABLED"
            ),
            "{e}"
        );
        assert_eq!(
            load(&[], &[])
                .unwrap()
                .bool("production-environment", None)
                .unwrap(),
            Some(false)
        );
    }

    #[test]
    fn inputs_whose_absence_keeps_the_current_value_have_no_default() {
        // The runner passes every declared default as INPUT_*, so a default
        // here would always count as given and overwrite what the service has.
        for name in [
            "desired-count",
            "assign-public-ip",
            "health-check-path",
            "priority",
        ] {
            let d = INPUTS.iter().find(|(n, _)| *n == name).unwrap().1;
            assert_eq!(d, "", "{name} must have no default");
        }
    }
}
