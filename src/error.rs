//! Typed errors. Every error that reaches the user names what to fix.

use std::fmt;

/// An error the deploy can end with. `Display` gives the one line the user sees.
#[derive(Debug, thiserror::Error)]
pub enum DeployError {
    /// A wrong or missing input: names the input and the fix.
    #[error("input `{input}`: {problem}. Fix: {fix}")]
    Input {
        input: String,
        problem: String,
        fix: String,
    },

    /// A template or manifest file is wrong: names the file and the field.
    #[error("{file}: field `{field}`: {problem}. Fix: {fix}")]
    Manifest {
        file: String,
        field: String,
        problem: String,
        fix: String,
    },

    /// Credentials could not be obtained.
    #[error("credentials: {0}")]
    Credentials(String),

    /// An AWS call failed.
    #[error("{context}: {detail}")]
    Aws { context: String, detail: String },

    /// The Lambda alias was moved by someone else while this deploy ran.
    #[error("alias `{alias}` of {function} moved from version {expected} to {found} while this deploy ran; the alias was left as the other deploy set it. Fix: re-run the job once the other deploy has finished")]
    AliasMoved {
        function: String,
        alias: String,
        expected: String,
        found: String,
    },

    /// The check of the new version failed; `alias_state` says where the alias is now.
    #[error(
        "check on {function} version {version} failed: {reason}; alias `{alias}` {alias_state}"
    )]
    CheckFailed {
        function: String,
        version: String,
        alias: String,
        alias_state: String,
        reason: String,
    },

    /// An ECS rollout failed or timed out.
    #[error("ECS service {service}: {reason}")]
    Rollout { service: String, reason: String },

    /// The job was cancelled (the runner stops the container with SIGTERM).
    #[error("cancelled by {0} (the job was cancelled or timed out); the deploy stopped where it was. Fix: re-run the job; an ECS rollout already started goes on in ECS")]
    Cancelled(&'static str),

    /// Anything else, with context.
    #[error("{0}")]
    Other(String),
}

impl DeployError {
    pub fn input(input: &str, problem: impl fmt::Display, fix: impl fmt::Display) -> Self {
        DeployError::Input {
            input: input.to_string(),
            problem: problem.to_string(),
            fix: fix.to_string(),
        }
    }

    pub fn manifest(
        file: &str,
        field: &str,
        problem: impl fmt::Display,
        fix: impl fmt::Display,
    ) -> Self {
        DeployError::Manifest {
            file: file.to_string(),
            field: field.to_string(),
            problem: problem.to_string(),
            fix: fix.to_string(),
        }
    }

    /// Title for the `::error title=…::` annotation.
    pub fn title(&self) -> &'static str {
        match self {
            DeployError::Input { .. } => "Invalid input",
            DeployError::Manifest { .. } => "Invalid task definition template",
            DeployError::Credentials(_) => "AWS credentials",
            DeployError::Aws { .. } => "AWS call failed",
            DeployError::AliasMoved { .. } => "Concurrent deploy",
            DeployError::CheckFailed { .. } => "Post-deploy check failed",
            DeployError::Rollout { .. } => "ECS rollout failed",
            DeployError::Cancelled(_) => "Deploy cancelled",
            DeployError::Other(_) => "Deploy failed",
        }
    }
}

pub type Result<T, E = DeployError> = std::result::Result<T, E>;

/// Turn an AWS SDK error into a `DeployError::Aws` with the service's code and message.
pub fn aws<E>(context: impl Into<String>, err: E) -> DeployError
where
    E: aws_sdk_lambda::error::ProvideErrorMetadata + std::error::Error + 'static,
{
    let detail = match (err.code(), err.message()) {
        (Some(code), Some(msg)) => format!("{code}: {msg}"),
        (Some(code), None) => code.to_string(),
        _ => aws_sdk_lambda::error::DisplayErrorContext(&err).to_string(),
    };
    DeployError::Aws {
        context: context.into(),
        detail,
    }
}

/// A field AWS documents as always present in `what`'s answer: its absence
/// is an error, never an empty string standing in for it.
pub fn required(v: Option<&str>, what: &str, field: &str) -> Result<String> {
    v.map(String::from)
        .ok_or_else(|| DeployError::Other(format!("{what} returned no {field}")))
}

/// The AWS error code of an SDK error, if the service sent one.
pub fn aws_code<E: aws_sdk_lambda::error::ProvideErrorMetadata>(err: &E) -> Option<&str> {
    err.code()
}
