//! Waiting for an ECS deployment: brisk polls of the service until the
//! deployment we started completes, fails, or is replaced by a rollback.

use std::time::{Duration, Instant};

use aws_sdk_ecs::types::{DeploymentRolloutState, DesiredStatus};

use crate::error::{DeployError, Result};
use crate::github::runtime::Runtime;

const POLL: Duration = Duration::from_secs(3);

pub async fn rollout(
    ecs: &aws_sdk_ecs::Client,
    rt: &Runtime,
    cluster: &str,
    service: &str,
    deployment_id: &str,
    timeout: Duration,
) -> Result<()> {
    let start = Instant::now();
    let mut last = String::new();
    // Without an id from the create/update answer, follow the first primary seen.
    let mut deployment_id = deployment_id.to_string();
    loop {
        let svc = super::ecs::find_service(ecs, cluster, service)
            .await?
            .ok_or_else(|| DeployError::Rollout {
                service: service.into(),
                reason: "the service disappeared while waiting".into(),
            })?;
        let primary = svc
            .deployments()
            .iter()
            .find(|d| d.status() == Some("PRIMARY"));
        let Some(primary) = primary else {
            return Err(failure(
                ecs,
                &svc,
                cluster,
                "the service has no primary deployment".into(),
            )
            .await);
        };
        if deployment_id.is_empty() {
            deployment_id = primary.id().unwrap_or_default().to_string();
        }
        if primary.id() != Some(deployment_id.as_str()) {
            let reason = format!(
                "deployment {deployment_id} was replaced by {} (the circuit breaker rolled back)",
                primary.id().unwrap_or("?")
            );
            return Err(failure(ecs, &svc, cluster, reason).await);
        }
        let state = primary.rollout_state().cloned();
        let line = format!(
            "rollout {}: {} running, {} pending of {} desired",
            state.as_ref().map(|s| s.as_str()).unwrap_or("?"),
            primary.running_count(),
            primary.pending_count(),
            primary.desired_count()
        );
        if line != last {
            rt.info(&line);
            last = line;
        }
        match state {
            Some(DeploymentRolloutState::Completed) => return Ok(()),
            Some(DeploymentRolloutState::Failed) => {
                let reason = format!(
                    "rollout FAILED: {}",
                    primary.rollout_state_reason().unwrap_or("no reason given")
                );
                return Err(failure(ecs, &svc, cluster, reason).await);
            }
            _ => {}
        }
        if start.elapsed() >= timeout {
            let reason = format!(
                "rollout did not finish within {} minutes",
                timeout.as_secs() / 60
            );
            return Err(failure(ecs, &svc, cluster, reason).await);
        }
        tokio::time::sleep(POLL).await;
    }
}

/// A rollout error carrying the service's recent events and stopped-task reasons.
async fn failure(
    ecs: &aws_sdk_ecs::Client,
    svc: &aws_sdk_ecs::types::Service,
    cluster: &str,
    reason: String,
) -> DeployError {
    let name = svc.service_name().unwrap_or_default().to_string();
    let mut detail = vec![reason];
    let events: Vec<String> = svc
        .events()
        .iter()
        .take(8)
        .filter_map(|e| e.message().map(|m| format!("  event: {m}")))
        .collect();
    detail.extend(events);
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
                for t in d.tasks().iter().take(5) {
                    detail.push(format!(
                        "  stopped task: {}",
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
