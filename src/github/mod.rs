//! Everything that talks to GitHub: the Actions runtime, inputs, the OIDC
//! token and deployment records.

pub mod deployments;
pub mod inputs;
pub mod oidc;
pub mod runtime;
