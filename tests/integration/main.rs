//! Integration tests: one binary (one link) that drives the release build of
//! `ecom-deploy` as GitHub would, against moto. Run with `make integration`.

mod support;

mod action_yml;
mod bad_input;
mod deployments;
mod ecs_deploy;
mod ecs_ownership;
mod lambda_deploy;
mod oidc;
mod rules;
