//! The deploy modes. Each mode first checks its inputs without touching AWS
//! (`plan`), then runs (`deploy`), so bad input never leaves anything half done.

pub mod console;
pub mod ecs;
pub mod elb;
pub mod image;
pub mod lambda;
pub mod package;
pub mod params;
pub mod taskdef;
pub mod template;
pub mod wait;

use std::path::Path;

use crate::error::{DeployError, Result};
use crate::github::inputs::Inputs;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Lambda,
    Ecs,
}

impl Mode {
    pub fn from_inputs(inputs: &Inputs) -> Result<Self> {
        match inputs.require("mode", "(lambda or ecs)")? {
            "lambda" => Ok(Mode::Lambda),
            "ecs" => Ok(Mode::Ecs),
            other => Err(DeployError::input(
                "mode",
                format!("`{other}` is not a mode"),
                "use `lambda` or `ecs`",
            )),
        }
    }
}

/// The workspace that relative paths resolve against.
pub fn workspace() -> std::path::PathBuf {
    std::env::var_os("GITHUB_WORKSPACE")
        .filter(|v| !v.is_empty())
        .map(Into::into)
        .unwrap_or_else(|| std::env::current_dir().unwrap_or_else(|_| Path::new(".").into()))
}

/// A Markdown table of outputs for the step summary.
pub fn summary_table(title: &str, rows: &[(&str, String)]) -> String {
    let mut s = format!("### {title}\n\n| | |\n|---|---|\n");
    for (k, v) in rows {
        s.push_str(&format!("| {k} | `{}` |\n", v.replace('|', "\\|")));
    }
    s.push('\n');
    s
}
