# Public entry point of the backend: one HTTP API.
#   catalog_routes -> lambda-catalog `live` alias (public, read-only)
#   service routes -> VPC link -> internal ALB listener -> ECS services (JWT)
# Unmatched paths get API Gateway's 404; there is no $default route. Service
# routes never use ANY/OPTIONS, so API Gateway answers CORS preflights itself
# instead of sending them to the JWT authorizer.

locals {
  service_routes = toset(flatten([
    for p in var.service_route_prefixes : [
      for m in var.service_route_methods : ["${m} ${p}", "${m} ${p}/{proxy+}"]
    ]
  ]))
}

resource "aws_apigatewayv2_api" "this" {
  name          = "${var.name_prefix}-http-api"
  description   = "${var.name_prefix} shop backend: catalog (Lambda) and services (ECS via VPC link)"
  protocol_type = "HTTP"

  # With a custom domain (CloudFront's origin), the public
  # <id>.execute-api.<region>.amazonaws.com endpoint is turned off, so nobody
  # reaches the API around CloudFront and its WAF.
  disable_execute_api_endpoint = var.disable_execute_api_endpoint

  # API Gateway answers the browser's preflight itself, for the storefront
  # origins only; tokens travel in the Authorization header, not cookies.
  cors_configuration {
    allow_origins     = var.cors_allowed_origins
    allow_methods     = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]
    allow_headers     = ["authorization", "content-type"]
    allow_credentials = false
    max_age           = 3600
  }

  tags = var.tags

  lifecycle {
    precondition {
      condition     = length(setintersection(toset(var.catalog_routes), local.service_routes)) == 0
      error_message = "catalog_routes and the routes built from service_route_prefixes x service_route_methods must not share a route key; a route is either public (catalog) or JWT-protected (services)."
    }
    precondition {
      condition     = !var.disable_execute_api_endpoint || var.custom_domain_name != null
      error_message = "disable_execute_api_endpoint = true needs custom_domain_name (and custom_domain_certificate_arn): without the default endpoint the API is reachable only through a custom domain."
    }
  }
}

resource "aws_apigatewayv2_authorizer" "cognito" {
  api_id           = aws_apigatewayv2_api.this.id
  name             = "cognito"
  authorizer_type  = "JWT"
  identity_sources = ["$request.header.Authorization"]

  jwt_configuration {
    issuer   = "https://cognito-idp.${local.region}.amazonaws.com/${aws_cognito_user_pool.this.id}"
    audience = [aws_cognito_user_pool_client.spa.id]
  }
}

# --- catalog: Lambda proxy to the `live` alias ------------------------------

resource "aws_apigatewayv2_integration" "catalog" {
  api_id                 = aws_apigatewayv2_api.this.id
  description            = "lambda-catalog through its live alias"
  integration_type       = "AWS_PROXY"
  integration_method     = "POST"
  integration_uri        = aws_lambda_alias.live.arn
  payload_format_version = "2.0"
}

resource "aws_apigatewayv2_route" "catalog" {
  #checkov:skip=CKV_AWS_309:Catalog routes are public read-only product listings by design (validated to GET/HEAD); every other route uses the Cognito JWT authorizer.
  for_each           = toset(var.catalog_routes)
  api_id             = aws_apigatewayv2_api.this.id
  route_key          = each.value
  authorization_type = "NONE"
  target             = "integrations/${aws_apigatewayv2_integration.catalog.id}"
}

# One permission per route, scoped to that method and path on this API, for
# the alias only (qualifier): the unqualified function cannot be invoked.
resource "aws_lambda_permission" "catalog" {
  for_each      = toset(var.catalog_routes)
  statement_id  = "AllowHttpApi-${replace(each.value, "/[^A-Za-z0-9_-]+/", "-")}"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.catalog.function_name
  qualifier     = aws_lambda_alias.live.name
  principal     = "apigateway.amazonaws.com"
  source_arn = format("%s/*/%s%s",
    aws_apigatewayv2_api.this.execution_arn,
    split(" ", each.value)[0],
    replace(split(" ", each.value)[1], "/\\{[^}]+\\}/", "*"),
  )
}

# --- services: private integration to the internal ALB ----------------------

resource "aws_security_group" "vpc_link" {
  name        = "${var.name_prefix}-api-vpc-link"
  description = "API Gateway VPC link: no inbound, only to the internal ALB listener"
  vpc_id      = var.vpc_id
  tags        = merge(var.tags, { Name = "${var.name_prefix}-api-vpc-link" })
}

resource "aws_vpc_security_group_egress_rule" "vpc_link_to_alb" {
  security_group_id            = aws_security_group.vpc_link.id
  description                  = "To the internal ALB listener"
  ip_protocol                  = "tcp"
  from_port                    = local.alb_listen_port
  to_port                      = local.alb_listen_port
  referenced_security_group_id = aws_security_group.alb.id
}

resource "aws_apigatewayv2_vpc_link" "this" {
  name               = "${var.name_prefix}-backend"
  security_group_ids = [aws_security_group.vpc_link.id]
  subnet_ids         = var.private_app_subnet_ids
  tags               = var.tags
}

resource "aws_apigatewayv2_integration" "services" {
  api_id                 = aws_apigatewayv2_api.this.id
  description            = "ECS services behind the internal ALB"
  integration_type       = "HTTP_PROXY"
  integration_method     = "ANY"
  connection_type        = "VPC_LINK"
  connection_id          = aws_apigatewayv2_vpc_link.this.id
  integration_uri        = local.alb_https ? aws_lb_listener.https[0].arn : aws_lb_listener.http.arn
  payload_format_version = "1.0"

  dynamic "tls_config" {
    for_each = local.alb_https ? [1] : []
    content {
      server_name_to_verify = var.alb_tls_server_name
    }
  }

  lifecycle {
    precondition {
      condition     = !local.alb_https || var.alb_tls_server_name != null
      error_message = "alb_tls_server_name is required when enable_alb_https is true: API Gateway verifies the ALB certificate against it."
    }
  }
}

resource "aws_apigatewayv2_route" "services" {
  for_each           = local.service_routes
  api_id             = aws_apigatewayv2_api.this.id
  route_key          = each.value
  authorization_type = "JWT"
  authorizer_id      = aws_apigatewayv2_authorizer.cognito.id
  target             = "integrations/${aws_apigatewayv2_integration.services.id}"
}

# --- stage -------------------------------------------------------------------

resource "aws_cloudwatch_log_group" "api" {
  name              = local.api_log_group_name
  retention_in_days = var.log_retention_days
  kms_key_id        = aws_kms_key.logs.arn
  tags              = var.tags
}

resource "aws_apigatewayv2_stage" "default" {
  api_id      = aws_apigatewayv2_api.this.id
  name        = "$default"
  auto_deploy = true

  default_route_settings {
    throttling_burst_limit = var.throttling_burst_limit
    throttling_rate_limit  = var.throttling_rate_limit
  }

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api.arn
    format = jsonencode({
      requestId          = "$context.requestId"
      requestTime        = "$context.requestTime"
      sourceIp           = "$context.identity.sourceIp"
      userAgent          = "$context.identity.userAgent"
      httpMethod         = "$context.httpMethod"
      path               = "$context.path"
      routeKey           = "$context.routeKey"
      protocol           = "$context.protocol"
      status             = "$context.status"
      responseLength     = "$context.responseLength"
      responseLatency    = "$context.responseLatency"
      integrationStatus  = "$context.integrationStatus"
      integrationLatency = "$context.integrationLatency"
      integrationError   = "$context.integrationErrorMessage"
      authorizerError    = "$context.authorizer.error"
      principalId        = "$context.authorizer.claims.sub"
      errorMessage       = "$context.error.message"
    })
  }

  tags = var.tags
}

# --- custom domain (CloudFront's origin when the shop has a domain) -----------

resource "aws_apigatewayv2_domain_name" "this" {
  count = var.custom_domain_name == null ? 0 : 1

  domain_name = var.custom_domain_name

  domain_name_configuration {
    certificate_arn = var.custom_domain_certificate_arn
    endpoint_type   = "REGIONAL"
    security_policy = "TLS_1_2"
  }

  tags = var.tags

  lifecycle {
    precondition {
      condition     = var.custom_domain_certificate_arn != null
      error_message = "custom_domain_certificate_arn is required with custom_domain_name: an ACM certificate in the API's region that covers that name."
    }
  }
}

resource "aws_apigatewayv2_api_mapping" "this" {
  count = var.custom_domain_name == null ? 0 : 1

  api_id      = aws_apigatewayv2_api.this.id
  domain_name = aws_apigatewayv2_domain_name.this[0].id
  stage       = aws_apigatewayv2_stage.default.id
}
