//! The GitHub Actions runtime: outputs, step summary, annotations, log groups
//! and masks. Outside Actions (a shell run) the same calls print plain text.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use crate::error::{DeployError, Result};

#[derive(Debug)]
pub struct Runtime {
    in_actions: bool,
    output_file: Option<PathBuf>,
    summary_file: Option<PathBuf>,
    started: Instant,
}

impl Runtime {
    pub fn from_env() -> Self {
        let path = |k: &str| {
            std::env::var_os(k)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        };
        Runtime {
            in_actions: std::env::var("GITHUB_ACTIONS").is_ok_and(|v| v == "true"),
            output_file: path("GITHUB_OUTPUT"),
            summary_file: path("GITHUB_STEP_SUMMARY"),
            started: Instant::now(),
        }
    }

    /// Seconds since the action started, for progress lines.
    pub fn elapsed(&self) -> f64 {
        self.started.elapsed().as_secs_f64()
    }

    /// Tell the runner never to print `secret`. Must run before anything could print it.
    pub fn mask(&self, secret: &str) {
        if self.in_actions && !secret.is_empty() {
            println!("::add-mask::{}", escape_data(secret));
        }
    }

    pub fn info(&self, msg: impl AsRef<str>) {
        println!("[{:6.1}s] {}", self.elapsed(), msg.as_ref());
    }

    pub fn warning(&self, msg: impl AsRef<str>) {
        if self.in_actions {
            println!("::warning::{}", escape_data(msg.as_ref()));
        } else {
            println!("warning: {}", msg.as_ref());
        }
    }

    pub fn error(&self, title: &str, msg: &str) {
        if self.in_actions {
            println!(
                "::error title={}::{}",
                escape_property(title),
                escape_data(msg)
            );
        } else {
            eprintln!("error: {msg}");
        }
    }

    pub fn group(&self, name: &str) {
        if self.in_actions {
            println!("::group::{}", escape_data(name));
        } else {
            println!("== {name}");
        }
    }

    pub fn end_group(&self) {
        if self.in_actions {
            println!("::endgroup::");
        }
    }

    /// Write `name=value` to `$GITHUB_OUTPUT` (heredoc form for multi-line values),
    /// or print it when there is no output file.
    pub fn set_output(&self, name: &str, value: &str) -> Result<()> {
        let Some(path) = &self.output_file else {
            println!("{name}={value}");
            return Ok(());
        };
        let line = if value.contains('\n') {
            let delim = format!("ecom_deploy_{}", std::process::id());
            format!("{name}<<{delim}\n{value}\n{delim}\n")
        } else {
            format!("{name}={value}\n")
        };
        append(path, &line)
    }

    /// Append Markdown to `$GITHUB_STEP_SUMMARY` (ignored outside Actions).
    pub fn summary(&self, markdown: &str) -> Result<()> {
        match &self.summary_file {
            Some(path) => append(path, markdown),
            None => Ok(()),
        }
    }
}

fn append(path: &PathBuf, text: &str) -> Result<()> {
    OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .and_then(|mut f| f.write_all(text.as_bytes()))
        .map_err(|e| DeployError::Other(format!("cannot write {}: {e}", path.display())))
}

/// Escaping for a workflow command's message (`::cmd::DATA`).
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escaping for a workflow command's property (`title=…`).
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_workflow_command_text() {
        assert_eq!(escape_data("50%\nnext"), "50%25%0Anext");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }

    #[test]
    fn outputs_go_to_the_file_in_both_forms() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("out");
        let rt = Runtime {
            in_actions: true,
            output_file: Some(file.clone()),
            summary_file: None,
            started: Instant::now(),
        };
        rt.set_output("changed", "true").unwrap();
        rt.set_output("events", "a\nb").unwrap();
        let text = std::fs::read_to_string(file).unwrap();
        assert!(
            text.starts_with("changed=true\nevents<<ecom_deploy_"),
            "{text}"
        );
        assert!(text.contains("\na\nb\necom_deploy_"), "{text}");
    }
}
