# Secure defaults of the backend module, checked on a plan with a mocked AWS
# provider (no credentials, no API calls). The lifecycle ignore_changes on the
# function and the alias cannot be observed in a plan and are not tested here.

mock_provider "aws" {
  mock_data "aws_region" {
    defaults = {
      name   = "us-east-1"
      region = "us-east-1"
    }
  }
  mock_data "aws_caller_identity" {
    defaults = { account_id = "123456789012" }
  }
  mock_data "aws_partition" {
    defaults = { partition = "aws" }
  }
  mock_data "aws_elb_service_account" {
    defaults = { arn = "arn:aws:iam::127311923021:root" }
  }
  # Computed ARNs that other resources' arguments validate as ARNs.
  mock_resource "aws_lb" {
    defaults = { arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/ecom-test-alb/0123456789abcdef" }
  }
  mock_resource "aws_cloudwatch_log_group" {
    defaults = { arn = "arn:aws:logs:us-east-1:123456789012:log-group:mock" }
  }
  mock_resource "aws_iam_role" {
    defaults = { arn = "arn:aws:iam::123456789012:role/mock" }
  }
  mock_resource "aws_lambda_function" {
    defaults = {
      arn     = "arn:aws:lambda:us-east-1:123456789012:function:ecom-test-lambda-catalog"
      version = "1"
    }
  }
  mock_resource "aws_s3_bucket" {
    defaults = { arn = "arn:aws:s3:::ecom-test-alb-logs-123456789012-us-east-1" }
  }
  mock_resource "aws_security_group" {
    defaults = { arn = "arn:aws:ec2:us-east-1:123456789012:security-group/sg-0123456789abcdef0" }
  }
  mock_resource "aws_secretsmanager_secret" {
    defaults = { arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:mock-AbCdEf" }
  }
  mock_resource "aws_cognito_user_pool" {
    defaults = { id = "us-east-1_TestPool" }
  }
  mock_resource "aws_cognito_user_pool_client" {
    defaults = { id = "testclientid0123456789" }
  }
  mock_resource "aws_lambda_alias" {
    defaults = { arn = "arn:aws:lambda:us-east-1:123456789012:function:ecom-test-lambda-catalog:live" }
  }
  mock_resource "aws_apigatewayv2_api" {
    defaults = { execution_arn = "arn:aws:execute-api:us-east-1:123456789012:abc123" }
  }
  mock_resource "aws_kms_key" {
    defaults = { arn = "arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555" }
  }
}

# Distinct ARNs for the two keys and the two listeners, so that assertions can
# tell which one a resource points at.
override_resource {
  target = aws_kms_key.secrets
  values = { arn = "arn:aws:kms:us-east-1:123456789012:key/99999999-8888-7777-6666-555555555555" }
}

override_resource {
  target = aws_lb_listener.http
  values = { arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/ecom-test-alb/abc/http" }
}

variables {
  name_prefix            = "ecom-test"
  vpc_id                 = "vpc-0123456789abcdef0"
  vpc_cidr_block         = "10.20.0.0/16"
  private_app_subnet_ids = ["subnet-0aaaaaaaaaaaaaaa1", "subnet-0bbbbbbbbbbbbbbb2"]
  cors_allowed_origins   = ["https://shop.example.com"]
  callback_urls          = ["https://shop.example.com/auth/callback"]
  logout_urls            = ["https://shop.example.com/"]
  catalog_table_arn      = "arn:aws:dynamodb:us-east-1:123456789012:table/ecom-test-catalog"
  lambda_package_path    = "build/lambda-placeholder.zip"
  app_secrets = {
    "payment-api-key" = "API key of the payment provider"
    "mail-api-key"    = "API key of the transactional mail provider"
  }
}

run "api_gateway" {
  command = plan

  assert {
    condition     = aws_apigatewayv2_api.this.protocol_type == "HTTP"
    error_message = "The API must be an HTTP API."
  }
  assert {
    condition     = aws_apigatewayv2_authorizer.cognito.authorizer_type == "JWT"
    error_message = "The authorizer must be a JWT authorizer."
  }
  assert {
    condition     = aws_apigatewayv2_authorizer.cognito.jwt_configuration[0].issuer == "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_TestPool"
    error_message = "The JWT issuer must be the user pool's cognito-idp URL."
  }
  assert {
    condition     = toset(aws_apigatewayv2_authorizer.cognito.jwt_configuration[0].audience) == toset(["testclientid0123456789"])
    error_message = "The JWT audience must be exactly the SPA client id."
  }
  assert {
    condition     = toset(aws_apigatewayv2_authorizer.cognito.identity_sources) == toset(["$request.header.Authorization"])
    error_message = "The token must come from the Authorization header."
  }
  assert {
    condition     = toset(aws_apigatewayv2_api.this.cors_configuration[0].allow_origins) == toset(["https://shop.example.com"])
    error_message = "CORS must allow exactly the storefront origins given."
  }
  assert {
    condition     = aws_apigatewayv2_api.this.cors_configuration[0].allow_credentials == false
    error_message = "CORS must not allow credentials (tokens travel in the Authorization header)."
  }
  assert {
    condition     = aws_apigatewayv2_stage.default.name == "$default" && aws_apigatewayv2_stage.default.auto_deploy
    error_message = "The API must have an auto-deployed $default stage."
  }
  assert {
    condition     = aws_apigatewayv2_stage.default.default_route_settings[0].throttling_burst_limit == 200 && aws_apigatewayv2_stage.default.default_route_settings[0].throttling_rate_limit == 100
    error_message = "Default route throttling must use the burst/rate defaults."
  }
  assert {
    condition     = aws_apigatewayv2_stage.default.access_log_settings[0].destination_arn == aws_cloudwatch_log_group.api.arn
    error_message = "Access logs must go to the module's API log group."
  }
  assert {
    condition     = can(jsondecode(aws_apigatewayv2_stage.default.access_log_settings[0].format).requestId)
    error_message = "The access log format must be JSON with a requestId."
  }
}

run "catalog_routes_are_public_and_target_the_alias" {
  command = plan

  assert {
    condition     = aws_apigatewayv2_integration.catalog.integration_type == "AWS_PROXY" && aws_apigatewayv2_integration.catalog.payload_format_version == "2.0"
    error_message = "The catalog integration must be a Lambda proxy with payload 2.0."
  }
  assert {
    condition     = aws_apigatewayv2_integration.catalog.integration_uri == aws_lambda_alias.live.arn
    error_message = "The catalog integration must target the live alias, not the function."
  }
  assert {
    condition     = aws_lambda_alias.live.name == "live"
    error_message = "The alias must be called live."
  }
  assert {
    condition     = toset(keys(aws_apigatewayv2_route.catalog)) == toset(["GET /catalog", "GET /catalog/{id}", "GET /api/catalog", "GET /api/catalog/{id}"])
    error_message = "The default catalog routes must be GET /catalog and GET /catalog/{id}, with and without the /api prefix."
  }
  assert {
    condition     = alltrue([for r in aws_apigatewayv2_route.catalog : r.authorization_type == "NONE"])
    error_message = "Catalog reads must be public."
  }
  assert {
    condition     = alltrue([for p in aws_lambda_permission.catalog : p.qualifier == "live" && p.principal == "apigateway.amazonaws.com"])
    error_message = "API Gateway may only invoke the live alias."
  }
  assert {
    condition     = aws_lambda_permission.catalog["GET /catalog/{id}"].source_arn == "arn:aws:execute-api:us-east-1:123456789012:abc123/*/GET/catalog/*"
    error_message = "Each permission must be scoped to its route's method and path on this API."
  }
  assert {
    condition     = aws_lambda_permission.catalog["GET /catalog"].source_arn == "arn:aws:execute-api:us-east-1:123456789012:abc123/*/GET/catalog"
    error_message = "The GET /catalog permission must be scoped to exactly that path."
  }
  assert {
    condition     = aws_lambda_permission.catalog["GET /api/catalog/{id}"].source_arn == "arn:aws:execute-api:us-east-1:123456789012:abc123/*/GET/api/catalog/*" && length(aws_lambda_permission.catalog) == 4
    error_message = "Every catalog route, /api ones included, needs its own scoped permission."
  }
}

run "service_routes_need_a_jwt_and_use_the_vpc_link" {
  command = plan

  assert {
    condition     = length(aws_apigatewayv2_route.services) == 20 && alltrue([for r in aws_apigatewayv2_route.services : r.authorization_type == "JWT" && r.authorizer_id == aws_apigatewayv2_authorizer.cognito.id])
    error_message = "Every service route (2 prefixes x 5 methods x 2 paths) must use the Cognito JWT authorizer."
  }
  assert {
    condition     = contains(keys(aws_apigatewayv2_route.services), "GET /orders") && contains(keys(aws_apigatewayv2_route.services), "DELETE /cart/{proxy+}")
    error_message = "Each prefix must get its own path and its {proxy+} subpaths."
  }
  assert {
    condition     = !anytrue([for k in keys(aws_apigatewayv2_route.services) : startswith(k, "ANY ") || startswith(k, "OPTIONS ")])
    error_message = "No ANY/OPTIONS service route: the CORS preflight must not reach the JWT authorizer."
  }
  assert {
    condition     = aws_apigatewayv2_integration.services.integration_type == "HTTP_PROXY" && aws_apigatewayv2_integration.services.connection_type == "VPC_LINK"
    error_message = "Services must be reached through an HTTP_PROXY private integration."
  }
  assert {
    condition     = aws_apigatewayv2_integration.services.connection_id == aws_apigatewayv2_vpc_link.this.id
    error_message = "The services integration must use the module's VPC link."
  }
  assert {
    condition     = aws_apigatewayv2_integration.services.integration_uri == "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/ecom-test-alb/abc/http"
    error_message = "Without a certificate the integration must target the HTTP listener."
  }
  assert {
    condition     = length(aws_apigatewayv2_integration.services.tls_config) == 0
    error_message = "No TLS config without a certificate."
  }
  assert {
    condition     = toset(aws_apigatewayv2_vpc_link.this.subnet_ids) == toset(["subnet-0aaaaaaaaaaaaaaa1", "subnet-0bbbbbbbbbbbbbbb2"])
    error_message = "The VPC link must sit in the private app subnets."
  }
}

run "cognito" {
  command = plan

  assert {
    condition     = toset(aws_cognito_user_pool.this.username_attributes) == toset(["email"]) && toset(aws_cognito_user_pool.this.auto_verified_attributes) == toset(["email"])
    error_message = "Users sign in with their email, which is auto-verified."
  }
  assert {
    condition = (
      aws_cognito_user_pool.this.password_policy[0].minimum_length == 12 &&
      aws_cognito_user_pool.this.password_policy[0].require_lowercase &&
      aws_cognito_user_pool.this.password_policy[0].require_uppercase &&
      aws_cognito_user_pool.this.password_policy[0].require_numbers &&
      aws_cognito_user_pool.this.password_policy[0].require_symbols
    )
    error_message = "Passwords need at least 12 characters of every class."
  }
  assert {
    condition     = aws_cognito_user_pool.this.mfa_configuration == "OPTIONAL" && aws_cognito_user_pool.this.software_token_mfa_configuration[0].enabled
    error_message = "MFA defaults to OPTIONAL with TOTP apps."
  }
  assert {
    condition     = aws_cognito_user_pool.this.deletion_protection == "ACTIVE"
    error_message = "Deletion protection must be on by default."
  }
  assert {
    condition     = aws_cognito_user_pool.this.user_pool_add_ons[0].advanced_security_mode == "ENFORCED" && aws_cognito_user_pool.this.user_pool_tier == "PLUS"
    error_message = "Threat protection defaults to ENFORCED on the PLUS plan."
  }
  assert {
    condition     = aws_cognito_user_pool.this.email_configuration[0].email_sending_account == "COGNITO_DEFAULT"
    error_message = "Without an SES identity Cognito's own sender is used."
  }
  assert {
    condition     = aws_cognito_user_pool_client.spa.generate_secret == false
    error_message = "The SPA client must not have a secret."
  }
  assert {
    condition     = toset(aws_cognito_user_pool_client.spa.allowed_oauth_flows) == toset(["code"]) && aws_cognito_user_pool_client.spa.allowed_oauth_flows_user_pool_client
    error_message = "The SPA client must use the authorization code flow (PKCE) only."
  }
  assert {
    condition     = length(setintersection(toset(aws_cognito_user_pool_client.spa.explicit_auth_flows), toset(["ALLOW_USER_PASSWORD_AUTH", "ALLOW_ADMIN_USER_PASSWORD_AUTH"]))) == 0
    error_message = "No plain-password auth flows."
  }
  assert {
    condition     = aws_cognito_user_pool_client.spa.prevent_user_existence_errors == "ENABLED" && aws_cognito_user_pool_client.spa.enable_token_revocation
    error_message = "User existence errors must be hidden and tokens revocable."
  }
  assert {
    condition     = toset(aws_cognito_user_pool_client.spa.callback_urls) == toset(["https://shop.example.com/auth/callback"])
    error_message = "Callback URLs must be passed through unchanged."
  }
  assert {
    condition     = length(aws_cognito_user_pool_domain.this) == 0 && output.user_pool_domain == null
    error_message = "No hosted domain unless cognito_domain_prefix is set."
  }
}

run "lambda_catalog" {
  command = plan

  assert {
    condition     = aws_lambda_function.catalog.function_name == "ecom-test-lambda-catalog" && aws_lambda_function.catalog.runtime == "python3.12" && aws_lambda_function.catalog.handler == "app.handler"
    error_message = "The function must be ecom-test-lambda-catalog on python3.12 with handler app.handler."
  }
  assert {
    condition     = aws_lambda_function.catalog.filename == "build/lambda-placeholder.zip" && aws_lambda_function.catalog.publish
    error_message = "The function starts from the placeholder package and publishes a version for the alias."
  }
  assert {
    condition     = aws_lambda_function.catalog.tracing_config[0].mode == "Active"
    error_message = "X-Ray tracing must be Active."
  }
  assert {
    condition     = aws_lambda_function.catalog.environment[0].variables["CATALOG_TABLE"] == "ecom-test-catalog"
    error_message = "CATALOG_TABLE must be the table name taken from catalog_table_arn."
  }
  assert {
    condition = (
      aws_lambda_function.catalog.environment[0].variables["CATALOG_INDEX"] == "by-category" &&
      aws_lambda_function.catalog.environment[0].variables["POWERTOOLS_SERVICE_NAME"] == "lambda-catalog" &&
      aws_lambda_function.catalog.environment[0].variables["POWERTOOLS_LOG_LEVEL"] == "INFO"
    )
    error_message = "The function gets CATALOG_INDEX and the Powertools settings the app reads."
  }
  assert {
    condition     = length(aws_lambda_function.catalog.layers) == 0
    error_message = "No layer unless powertools_layer_version is set."
  }
  assert {
    condition     = aws_lambda_function.catalog.reserved_concurrent_executions == 50
    error_message = "Reserved concurrency must default to 50."
  }
  assert {
    condition     = aws_lambda_function.catalog.logging_config[0].log_format == "JSON" && aws_lambda_function.catalog.logging_config[0].log_group == "/aws/lambda/ecom-test-lambda-catalog"
    error_message = "The function must log JSON to its own log group."
  }
  assert {
    condition     = length(aws_lambda_function.catalog.vpc_config) == 1 && toset(aws_lambda_function.catalog.vpc_config[0].subnet_ids) == toset(var.private_app_subnet_ids)
    error_message = "By default the function runs in the private app subnets."
  }
  assert {
    condition     = length(aws_security_group.lambda) == 1 && aws_vpc_security_group_egress_rule.lambda_https[0].from_port == 443
    error_message = "The function gets its own security group with HTTPS egress only."
  }
  assert {
    condition     = output.lambda_security_group_id == aws_security_group.lambda[0].id && output.lambda_security_group_id != null
    error_message = "lambda_security_group_id must be the function's security group when it runs in the VPC."
  }
  assert {
    condition     = aws_cloudwatch_log_group.lambda.name == "/aws/lambda/ecom-test-lambda-catalog"
    error_message = "The module must own the function's log group."
  }
}

run "lambda_role_is_least_privilege" {
  command = plan

  assert {
    condition = toset(flatten([
      for s in jsondecode(aws_iam_role_policy.lambda.policy).Statement : s.Resource if anytrue([for a in s.Action : startswith(a, "dynamodb:")])
      ])) == toset([
      "arn:aws:dynamodb:us-east-1:123456789012:table/ecom-test-catalog",
      "arn:aws:dynamodb:us-east-1:123456789012:table/ecom-test-catalog/index/*",
    ])
    error_message = "DynamoDB permissions must list only the catalog table and its indexes."
  }
  assert {
    condition = toset(flatten([
      for s in jsondecode(aws_iam_role_policy.lambda.policy).Statement : s.Action if anytrue([for a in s.Action : startswith(a, "dynamodb:")])
    ])) == toset(["dynamodb:BatchGetItem", "dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan"])
    error_message = "DynamoDB permissions must be read-only."
  }
  assert {
    condition = toset(flatten([
      for s in jsondecode(aws_iam_role_policy.lambda.policy).Statement : s.Resource if anytrue([for a in s.Action : startswith(a, "logs:")])
    ])) == toset(["arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/ecom-test-lambda-catalog:*"])
    error_message = "Log permissions must cover only the function's own log group."
  }
  assert {
    condition     = contains(flatten([for s in jsondecode(aws_iam_role_policy.lambda.policy).Statement : s.Action]), "xray:PutTraceSegments")
    error_message = "The role must be able to send X-Ray segments."
  }
  assert {
    condition     = !contains(flatten([for s in jsondecode(aws_iam_role_policy.lambda.policy).Statement : s.Action]), "*") && !anytrue([for a in flatten([for s in jsondecode(aws_iam_role_policy.lambda.policy).Statement : s.Action]) : endswith(a, ":*")])
    error_message = "No wildcard actions in the function's role."
  }
  assert {
    condition     = !contains(flatten([for s in jsondecode(aws_iam_role_policy.lambda.policy).Statement : s.Action]), "kms:Decrypt")
    error_message = "No KMS permission unless catalog_table_kms_key_arn is set."
  }
}

run "logs_and_encryption" {
  command = plan

  assert {
    condition = alltrue([
      for g in concat([aws_cloudwatch_log_group.api, aws_cloudwatch_log_group.lambda, aws_cloudwatch_log_group.exec], values(aws_cloudwatch_log_group.services)) :
      g.retention_in_days == 365 && g.kms_key_id == "arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555"
    ])
    error_message = "Every log group must keep logs 365 days and be encrypted with the logs key."
  }
  assert {
    condition     = aws_kms_key.logs.enable_key_rotation && aws_kms_key.secrets.enable_key_rotation
    error_message = "Both KMS keys must rotate."
  }
  assert {
    condition     = aws_kms_key.logs.deletion_window_in_days == 30 && aws_kms_key.secrets.deletion_window_in_days == 30
    error_message = "KMS keys default to a 30-day deletion window."
  }
  assert {
    condition = toset(jsondecode(aws_kms_key.logs.policy).Statement[1].Condition.ArnEquals["kms:EncryptionContext:aws:logs:arn"]) == toset([
      "arn:aws:logs:us-east-1:123456789012:log-group:/aws/apigateway/ecom-test-http-api",
      "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/ecom-test-lambda-catalog",
      "arn:aws:logs:us-east-1:123456789012:log-group:/aws/ecs/ecom-test-backend/exec",
      "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/ecom-test/orders",
    ])
    error_message = "The logs key may be used by CloudWatch Logs for the module's own log groups only."
  }
  assert {
    condition     = length(aws_secretsmanager_secret.app) == 2 && alltrue([for s in aws_secretsmanager_secret.app : s.kms_key_id == "arn:aws:kms:us-east-1:123456789012:key/99999999-8888-7777-6666-555555555555" && s.recovery_window_in_days == 30])
    error_message = "Secrets must use the secrets key and a 30-day recovery window."
  }
  assert {
    condition     = aws_secretsmanager_secret.app["payment-api-key"].name == "ecom-test/payment-api-key"
    error_message = "Secret names must be <name_prefix>/<name>."
  }
  assert {
    condition     = toset(keys(output.secret_arns)) == toset(["payment-api-key", "mail-api-key"])
    error_message = "secret_arns must be keyed by the app_secrets names."
  }
}

run "internal_alb" {
  command = plan

  assert {
    condition     = aws_lb.internal.internal && aws_lb.internal.load_balancer_type == "application"
    error_message = "The ALB must be an internal application load balancer."
  }
  assert {
    condition     = aws_lb.internal.drop_invalid_header_fields && aws_lb.internal.enable_deletion_protection
    error_message = "The ALB must drop invalid headers and be protected from deletion."
  }
  assert {
    condition     = aws_lb.internal.access_logs[0].enabled && aws_lb.internal.access_logs[0].bucket == "ecom-test-alb-logs-123456789012-us-east-1"
    error_message = "Access logs must go to the module's bucket."
  }
  assert {
    condition     = aws_s3_bucket_public_access_block.alb_logs[0].block_public_acls && aws_s3_bucket_public_access_block.alb_logs[0].restrict_public_buckets
    error_message = "The log bucket must block public access."
  }
  assert {
    condition     = aws_lb_listener.http.default_action[0].type == "fixed-response" && aws_lb_listener.http.default_action[0].fixed_response[0].status_code == "404"
    error_message = "The listener's default action must be a fixed 404."
  }
  assert {
    condition     = length(aws_lb_listener.https) == 0 && output.alb_listener_arn == aws_lb_listener.http.arn
    error_message = "With enable_alb_https = false (default) only the HTTP listener exists and is the output listener."
  }
  assert {
    condition     = aws_vpc_security_group_ingress_rule.alb_from_vpc_link["80"].referenced_security_group_id == aws_security_group.vpc_link.id && aws_vpc_security_group_ingress_rule.alb_from_vpc["80"].cidr_ipv4 == "10.20.0.0/16"
    error_message = "The ALB admits only the VPC link security group and the VPC CIDR."
  }
  assert {
    condition     = length(aws_vpc_security_group_ingress_rule.alb_from_vpc_link) == 1 && length(aws_vpc_security_group_ingress_rule.alb_from_vpc) == 1
    error_message = "Only port 80 is open with enable_alb_https = false."
  }
}

run "ecs" {
  command = plan

  assert {
    condition     = one([for s in aws_ecs_cluster.this.setting : s.value if s.name == "containerInsights"]) == "enabled"
    error_message = "Container Insights must be enabled."
  }
  assert {
    condition     = toset(aws_ecs_cluster_capacity_providers.this.capacity_providers) == toset(["FARGATE", "FARGATE_SPOT"])
    error_message = "The cluster must offer FARGATE and FARGATE_SPOT."
  }
  assert {
    condition     = length(aws_ecs_cluster_capacity_providers.this.default_capacity_provider_strategy) == 1
    error_message = "By default everything runs on on-demand Fargate."
  }
  assert {
    condition     = aws_ecs_cluster.this.configuration[0].execute_command_configuration[0].logging == "OVERRIDE" && aws_ecs_cluster.this.configuration[0].execute_command_configuration[0].log_configuration[0].cloud_watch_encryption_enabled
    error_message = "ECS Exec sessions must be logged to the encrypted log group."
  }
  assert {
    condition     = aws_vpc_security_group_ingress_rule.services_from_alb.referenced_security_group_id == aws_security_group.alb.id && aws_vpc_security_group_ingress_rule.services_from_alb.from_port == 8080
    error_message = "The services admit only the internal ALB on the service ports."
  }
  assert {
    condition     = aws_iam_role_policy_attachment.task_execution.policy_arn == "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
    error_message = "The task execution role must have AmazonECSTaskExecutionRolePolicy."
  }
  assert {
    condition     = length(jsondecode(aws_iam_role_policy.task_execution_secrets[0].policy).Statement[0].Resource) == 2
    error_message = "The task execution role may read exactly the module's secrets."
  }
  assert {
    condition     = output.ecs_cluster_name == "ecom-test-backend"
    error_message = "The cluster must be called <name_prefix>-backend."
  }
  assert {
    condition     = aws_iam_role.task_execution.name == "ecom-test-ecs-task-execution"
    error_message = "The execution role must have the name the task definitions use."
  }
  assert {
    condition     = aws_ecr_repository.services["orders"].name == "ecom-test-orders" && aws_ecr_repository.services["orders"].image_tag_mutability == "IMMUTABLE" && aws_ecr_repository.services["orders"].image_scanning_configuration[0].scan_on_push
    error_message = "Each service gets an immutable, scanned ECR repository <name_prefix>-<service>."
  }
  assert {
    condition     = aws_ecr_repository.services["orders"].encryption_configuration[0].encryption_type == "KMS"
    error_message = "ECR repositories must be KMS-encrypted."
  }
  assert {
    condition     = aws_cloudwatch_log_group.services["orders"].name == "/ecs/ecom-test/orders" && output.service_log_group_names["orders"] == "/ecs/ecom-test/orders"
    error_message = "Each service gets the log group /ecs/<name_prefix>/<service>."
  }
}
