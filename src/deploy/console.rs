//! Links to the AWS console pages of what a deploy changed.

/// The function's page. `function` is a name or an ARN.
pub fn lambda(region: &str, function: &str) -> String {
    let name = function.rsplit(':').next().unwrap_or(function);
    format!("https://{region}.console.aws.amazon.com/lambda/home?region={region}#/functions/{name}")
}

/// The service's page. `cluster` is a name or an ARN.
pub fn ecs_service(region: &str, cluster: &str, service: &str) -> String {
    let cluster = cluster.rsplit('/').next().unwrap_or(cluster);
    format!("https://{region}.console.aws.amazon.com/ecs/v2/clusters/{cluster}/services/{service}/health?region={region}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_use_names_even_for_arns() {
        assert_eq!(
            lambda("eu-west-1", "arn:aws:lambda:eu-west-1:111122223333:function:catalog"),
            "https://eu-west-1.console.aws.amazon.com/lambda/home?region=eu-west-1#/functions/catalog"
        );
        assert!(ecs_service(
            "eu-west-1",
            "arn:aws:ecs:eu-west-1:111122223333:cluster/shop",
            "orders"
        )
        .contains("/clusters/shop/services/orders/"));
    }
}
