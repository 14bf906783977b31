//! Image references, and ECR tags resolved to the digest that is deployed.

use aws_sdk_ecr::types::ImageIdentifier;

use crate::error::{aws, aws_code, DeployError, Result};

#[derive(Debug, Clone, PartialEq)]
pub enum ImageRef {
    /// An ECR image by tag; `registry` is `<account>.dkr.ecr.<region>.amazonaws.com`, or
    /// `None` for a repository in the caller's own account.
    Ecr {
        registry: Option<String>,
        account: Option<String>,
        /// The registry's region, from the URI (`None`: the deploy's region).
        region: Option<String>,
        repo: String,
        tag: String,
    },
    /// Already pinned: `name@sha256:…`.
    Digest(String),
    /// Another registry: deployed as given.
    Other(String),
}

pub fn parse(image: &str) -> Result<ImageRef> {
    let bad = |why: &str| {
        DeployError::input(
            "image",
            format!("`{image}` {why}"),
            "use <repository>:<tag>, <account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag>, or <name>@sha256:<digest>",
        )
    };
    if image.is_empty() || image.chars().any(char::is_whitespace) {
        return Err(bad("is not an image reference"));
    }
    if let Some((_, digest)) = image.split_once("@sha256:") {
        if digest.len() == 64 && digest.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Ok(ImageRef::Digest(image.to_string()));
        }
        return Err(bad("has a malformed sha256 digest"));
    }
    let (registry, rest) = match image.split_once('/') {
        Some((first, rest))
            if first.contains('.') || first.contains(':') || first == "localhost" =>
        {
            (Some(first), rest)
        }
        _ => (None, image),
    };
    let Some((repo, tag)) = rest.rsplit_once(':') else {
        return Err(bad("has no tag"));
    };
    if repo.is_empty() || tag.is_empty() {
        return Err(bad("has an empty repository or tag"));
    }
    match registry {
        None => Ok(ImageRef::Ecr {
            registry: None,
            account: None,
            region: None,
            repo: repo.into(),
            tag: tag.into(),
        }),
        Some(r) if r.contains(".dkr.ecr.") && r.contains(".amazonaws.com") => {
            // <account>.dkr.ecr.<region>.amazonaws.com[.cn]
            let parts: Vec<&str> = r.split('.').collect();
            let (account, region) = match parts.as_slice() {
                [a, "dkr", "ecr", region, "amazonaws", "com", ..] => (*a, *region),
                _ => return Err(bad("has a malformed ECR registry host")),
            };
            if !crate::aws::is_account_id(account) {
                return Err(bad("has an ECR registry without a 12-digit account"));
            }
            Ok(ImageRef::Ecr {
                registry: Some(r.into()),
                account: Some(account.into()),
                region: Some(region.into()),
                repo: repo.into(),
                tag: tag.into(),
            })
        }
        Some(_) => Ok(ImageRef::Other(image.to_string())),
    }
}

/// The image URI to deploy (pinned by digest where possible) and the digest.
/// ECR is asked in the registry's own region and account, taken from the URI.
pub async fn resolve(config: &aws_config::SdkConfig, image: &ImageRef) -> Result<(String, String)> {
    let (registry, account, region, repo, tag) = match image {
        ImageRef::Digest(s) => {
            let d = s
                .split_once('@')
                .map(|(_, d)| d.to_string())
                .unwrap_or_default();
            return Ok((s.clone(), d));
        }
        ImageRef::Other(s) => return Ok((s.clone(), String::new())),
        ImageRef::Ecr {
            registry,
            account,
            region,
            repo,
            tag,
        } => (registry, account, region, repo, tag),
    };
    let mut ecr_config = aws_sdk_ecr::config::Builder::from(config);
    if let Some(r) = region {
        ecr_config = ecr_config.region(aws_sdk_ecr::config::Region::new(r.clone()));
    }
    let ecr = &aws_sdk_ecr::Client::from_conf(ecr_config.build());
    let out = ecr
        .describe_images()
        .repository_name(repo)
        .set_registry_id(account.clone())
        .image_ids(ImageIdentifier::builder().image_tag(tag).build())
        .send()
        .await;
    let out = match out {
        Ok(o) => o,
        Err(e) if aws_code(&e) == Some("ImageNotFoundException") => {
            let tags = recent_tags(ecr, repo, account.clone()).await;
            return Err(DeployError::input(
                "image",
                format!(
                    "tag `{tag}` does not exist in ECR repository `{repo}` (tags there: {tags})"
                ),
                "push the image first (the build job), or fix the tag",
            ));
        }
        Err(e) if aws_code(&e) == Some("RepositoryNotFoundException") => {
            let repos = list_repos(ecr).await;
            return Err(DeployError::input(
                "image",
                format!("ECR repository `{repo}` does not exist (repositories: {repos})"),
                "use one of the repositories the infrastructure created",
            ));
        }
        Err(e) => return Err(aws(format!("ECR DescribeImages {repo}:{tag}"), e)),
    };
    let digest = out
        .image_details()
        .first()
        .and_then(|d| d.image_digest())
        .ok_or_else(|| DeployError::Other(format!("ECR returned no digest for {repo}:{tag}")))?
        .to_string();
    let base = match registry {
        Some(r) => format!("{r}/{repo}"),
        None => {
            let r = ecr
                .describe_repositories()
                .repository_names(repo)
                .send()
                .await
                .map_err(|e| aws(format!("ECR DescribeRepositories {repo}"), e))?;
            r.repositories()
                .first()
                .and_then(|r| r.repository_uri())
                .ok_or_else(|| DeployError::Other(format!("ECR returned no URI for {repo}")))?
                .to_string()
        }
    };
    Ok((format!("{base}@{digest}"), digest))
}

async fn recent_tags(ecr: &aws_sdk_ecr::Client, repo: &str, account: Option<String>) -> String {
    match ecr
        .list_images()
        .repository_name(repo)
        .set_registry_id(account)
        .max_results(20)
        .send()
        .await
    {
        Ok(o) => {
            let tags: Vec<&str> = o.image_ids().iter().filter_map(|i| i.image_tag()).collect();
            if tags.is_empty() {
                "none".into()
            } else {
                tags.join(", ")
            }
        }
        Err(_) => "unknown".into(),
    }
}

async fn list_repos(ecr: &aws_sdk_ecr::Client) -> String {
    match ecr.describe_repositories().max_results(50).send().await {
        Ok(o) => {
            let names: Vec<&str> = o
                .repositories()
                .iter()
                .filter_map(|r| r.repository_name())
                .collect();
            if names.is_empty() {
                "none".into()
            } else {
                names.join(", ")
            }
        }
        Err(_) => "unknown".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_forms() {
        assert_eq!(
            parse("orders:abc123").unwrap(),
            ImageRef::Ecr {
                registry: None,
                account: None,
                region: None,
                repo: "orders".into(),
                tag: "abc123".into()
            }
        );
        assert_eq!(
            parse("123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/orders:v1").unwrap(),
            ImageRef::Ecr {
                registry: Some("123456789012.dkr.ecr.eu-west-1.amazonaws.com".into()),
                account: Some("123456789012".into()),
                region: Some("eu-west-1".into()),
                repo: "shop/orders".into(),
                tag: "v1".into()
            }
        );
        let d = format!("orders@sha256:{}", "a".repeat(64));
        assert_eq!(parse(&d).unwrap(), ImageRef::Digest(d.clone()));
        assert!(matches!(
            parse("ghcr.io/shop/web:1").unwrap(),
            ImageRef::Other(_)
        ));
    }

    #[test]
    fn rejects_bad_references() {
        for bad in [
            "",
            "orders",
            "orders:",
            "a b:1",
            "x@sha256:123",
            "123456789012.dkr.ecr.amazonaws.com/orders:v1",
        ] {
            let e = parse(bad).unwrap_err().to_string();
            assert!(e.starts_with("input `image`"), "{bad}: {e}");
        }
    }
}
