//! Waiting for an ECS deployment: brisk polls of the service until the
//! deployment we started completes, or until it is clear why it will not:
//! the circuit breaker rolled it back, another deploy replaced it, or the
//! wait timed out while ECS goes on rolling out.

use std::time::{Duration, Instant};

use aws_sdk_ecs::types::{Deployment, DeploymentRolloutState, DesiredStatus, Service};

use crate::error::{DeployError, Result};
use crate::github::runtime::Runtime;

const POLL: Duration = Duration::from_secs(3);

/// How a wait ended, judged from one DescribeServices answer.
#[derive(Debug, PartialEq)]
pub enum Verdict {
    Running(String),
    Completed,
    /// Our deployment FAILED; ECS started `to` (the previous revision) as the new primary.
    RolledBack {
        reason: String,
        to: String,
    },
    /// Our deployment failed and ECS did not roll back.
    Failed(String),
    /// Another deployment (another run, or a console change) is primary now.
    Replaced {
        by: String,
        task_definition: String,
    },
}

/// Read the service's deployments the way ECS reports a circuit-breaker
/// rollback: the failed deployment stays with rolloutState FAILED, and a new
/// PRIMARY deployment runs the last completed revision ("Amazon ECS
/// deployment circuit breaker", ECS developer guide).
pub fn judge(svc: &Service, ours: &str) -> Verdict {
    let deployments = svc.deployments();
    let mine = deployments.iter().find(|d| d.id() == Some(ours));
    let primary = deployments.iter().find(|d| d.status() == Some("PRIMARY"));
    match (mine, primary) {
        (Some(m), Some(p)) if m.id() == p.id() => match m.rollout_state() {
            Some(DeploymentRolloutState::Completed) => Verdict::Completed,
            Some(DeploymentRolloutState::Failed) => Verdict::Failed(reason(m)),
            _ => Verdict::Running(progress(m)),
        },
        (mine, Some(p)) => {
            let failed =
                mine.is_some_and(|m| m.rollout_state() == Some(&DeploymentRolloutState::Failed));
            let td = p
                .task_definition()
                .unwrap_or("an unknown revision")
                .to_string();
            if failed {
                Verdict::RolledBack {
                    reason: mine.map(reason).unwrap_or_default(),
                    to: td,
                }
            } else {
                Verdict::Replaced {
                    by: p.id().unwrap_or("?").to_string(),
                    task_definition: td,
                }
            }
        }
        (Some(m), None) if m.rollout_state() == Some(&DeploymentRolloutState::Failed) => {
            Verdict::Failed(reason(m))
        }
        _ => Verdict::Failed("the service has no primary deployment".into()),
    }
}

fn reason(d: &Deployment) -> String {
    d.rollout_state_reason()
        .unwrap_or("no reason given")
        .to_string()
}

fn progress(d: &Deployment) -> String {
    format!(
        "rollout {}: {} running, {} pending of {} desired",
        d.rollout_state()
            .map(|s| s.as_str())
            .unwrap_or("IN_PROGRESS"),
        d.running_count(),
        d.pending_count(),
        d.desired_count()
    )
}

pub async fn rollout(
    ecs: &aws_sdk_ecs::Client,
    rt: &Runtime,
    cluster: &str,
    service: &str,
    deployment_id: &str,
    task_definition: &str,
    timeout: Duration,
) -> Result<()> {
    let start = Instant::now();
    let mut last = String::new();
    loop {
        let svc = super::ecs::find_service(ecs, cluster, service)
            .await?
            .ok_or_else(|| DeployError::Rollout {
                service: service.into(),
                reason: "the service disappeared while waiting".into(),
            })?;
        let reason = match judge(&svc, deployment_id) {
            Verdict::Completed => {
                rt.info(format!("deployment {deployment_id} completed"));
                return Ok(());
            }
            Verdict::Running(line) => {
                if line != last {
                    rt.info(&line);
                    last = line;
                }
                if start.elapsed() < timeout {
                    tokio::time::sleep(POLL).await;
                    continue;
                }
                format!(
                    "deployment {deployment_id} of {task_definition} is still rolling out after {} minutes ({last}). \
                     ECS goes on with it (and the circuit breaker rolls it back if tasks keep failing); \
                     watch the service in the console, or re-run with a larger `wait-timeout-minutes`",
                    timeout.as_secs() / 60
                )
            }
            Verdict::RolledBack { reason, to } => format!(
                "the circuit breaker rolled back deployment {deployment_id} ({reason}); ECS is returning the service to {to}"
            ),
            Verdict::Failed(reason) => format!("deployment {deployment_id} FAILED: {reason}"),
            Verdict::Replaced {
                by,
                task_definition: other,
            } => format!(
                "deployment {deployment_id} was replaced by deployment {by} ({other}), started by another deploy or by hand; \
                 this run's revision {task_definition} is no longer rolling out. Re-run the job once the other deploy has finished"
            ),
        };
        return Err(failure(ecs, &svc, cluster, deployment_id, reason).await);
    }
}

/// A rollout error carrying the service's recent events and the stop
/// reasons of this deployment's tasks only (a service task's `startedBy` is
/// the ID of the deployment that started it: DescribeTasks API reference).
async fn failure(
    ecs: &aws_sdk_ecs::Client,
    svc: &Service,
    cluster: &str,
    deployment_id: &str,
    reason: String,
) -> DeployError {
    let name = svc.service_name().unwrap_or("the service").to_string();
    let mut detail = vec![reason];
    detail.extend(
        svc.events()
            .iter()
            .take(8)
            .filter_map(|e| e.message().map(|m| format!("  event: {m}"))),
    );
    if let Ok(tasks) = ecs
        .list_tasks()
        .cluster(cluster)
        .service_name(&name)
        .desired_status(DesiredStatus::Stopped)
        .send()
        .await
    {
        if !tasks.task_arns().is_empty() {
            if let Ok(d) = ecs
                .describe_tasks()
                .cluster(cluster)
                .set_tasks(Some(tasks.task_arns().to_vec()))
                .send()
                .await
            {
                for t in d
                    .tasks()
                    .iter()
                    .filter(|t| t.started_by() == Some(deployment_id))
                    .take(5)
                {
                    detail.push(format!(
                        "  stopped task {}: {}",
                        t.task_arn()
                            .and_then(|a| a.rsplit('/').next())
                            .unwrap_or("?"),
                        t.stopped_reason().unwrap_or("no reason given")
                    ));
                }
            }
        }
    }
    DeployError::Rollout {
        service: name,
        reason: detail.join("\n"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aws_sdk_ecs::types::Deployment;

    fn dep(id: &str, status: &str, state: DeploymentRolloutState, td: &str) -> Deployment {
        Deployment::builder()
            .id(id)
            .status(status)
            .rollout_state(state)
            .rollout_state_reason("tasks failed to start")
            .task_definition(td)
            .build()
    }

    fn svc(d: Vec<Deployment>) -> Service {
        Service::builder().set_deployments(Some(d)).build()
    }

    #[test]
    fn tells_the_outcomes_apart() {
        use DeploymentRolloutState::*;
        let running = svc(vec![dep("ours", "PRIMARY", InProgress, "td:2")]);
        assert!(matches!(judge(&running, "ours"), Verdict::Running(_)));
        let done = svc(vec![dep("ours", "PRIMARY", Completed, "td:2")]);
        assert_eq!(judge(&done, "ours"), Verdict::Completed);
        let rolled = svc(vec![
            dep("back", "PRIMARY", InProgress, "td:1"),
            dep("ours", "ACTIVE", Failed, "td:2"),
        ]);
        assert_eq!(
            judge(&rolled, "ours"),
            Verdict::RolledBack {
                reason: "tasks failed to start".into(),
                to: "td:1".into()
            }
        );
        let replaced = svc(vec![
            dep("other", "PRIMARY", InProgress, "td:3"),
            dep("ours", "ACTIVE", InProgress, "td:2"),
        ]);
        assert_eq!(
            judge(&replaced, "ours"),
            Verdict::Replaced {
                by: "other".into(),
                task_definition: "td:3".into()
            }
        );
        let gone = svc(vec![dep("other", "PRIMARY", Completed, "td:3")]);
        assert!(matches!(judge(&gone, "ours"), Verdict::Replaced { .. }));
    }
}
