# The lambda-catalog function. Terraform owns its configuration (role, memory,
# network, logging, env); the deploy action owns its code and the versions the
# `live` alias points to, hence the ignore_changes below.

resource "aws_cloudwatch_log_group" "lambda" {
  name              = local.lambda_log_group_name
  retention_in_days = var.log_retention_days
  kms_key_id        = aws_kms_key.logs.arn
  tags              = var.tags
}

resource "aws_iam_role" "lambda" {
  name        = "${var.name_prefix}-lambda-catalog"
  description = "Execution role of ${local.lambda_function_name}: read the catalog table, write its own logs and traces."
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
  tags = var.tags
}

locals {
  lambda_policy_statements = concat(
    [
      {
        Sid    = "ReadCatalogTable"
        Effect = "Allow"
        Action = [
          "dynamodb:BatchGetItem",
          "dynamodb:GetItem",
          "dynamodb:Query",
          "dynamodb:Scan",
        ]
        Resource = [var.catalog_table_arn, "${var.catalog_table_arn}/index/*"]
      },
      {
        Sid      = "WriteOwnLogs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = ["${local.lambda_log_group_arn}:*"]
      },
      {
        # X-Ray has no resource-level permissions for these actions.
        Sid      = "WriteTraces"
        Effect   = "Allow"
        Action   = ["xray:PutTraceSegments", "xray:PutTelemetryRecords"]
        Resource = ["*"]
      },
    ],
    var.catalog_table_kms_key_arn == null ? [] : [
      {
        Sid       = "DecryptCatalogTableThroughDynamoDB"
        Effect    = "Allow"
        Action    = ["kms:Decrypt"]
        Resource  = [var.catalog_table_kms_key_arn]
        Condition = { StringEquals = { "kms:ViaService" = "dynamodb.${local.region}.amazonaws.com" } }
      },
    ],
    var.enable_lambda_vpc ? [
      {
        # Lambda manages the function's ENIs with the execution role; limited
        # to the app subnets and the function's own security group.
        Sid    = "ManageFunctionEnis"
        Effect = "Allow"
        Action = [
          "ec2:CreateNetworkInterface",
          "ec2:DeleteNetworkInterface",
          "ec2:AssignPrivateIpAddresses",
          "ec2:UnassignPrivateIpAddresses",
        ]
        Resource = concat(
          ["arn:${local.partition}:ec2:${local.region}:${local.account_id}:network-interface/*"],
          [for s in var.private_app_subnet_ids : "arn:${local.partition}:ec2:${local.region}:${local.account_id}:subnet/${s}"],
          [for sg in aws_security_group.lambda : sg.arn],
        )
      },
      {
        # Describe calls cannot be scoped to resources.
        Sid      = "DescribeEnis"
        Effect   = "Allow"
        Action   = ["ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets"]
        Resource = ["*"]
      },
    ] : [],
  )
}

resource "aws_iam_role_policy" "lambda" {
  name   = "least-privilege"
  role   = aws_iam_role.lambda.id
  policy = jsonencode({ Version = "2012-10-17", Statement = local.lambda_policy_statements })
}

resource "aws_security_group" "lambda" {
  count       = var.enable_lambda_vpc ? 1 : 0
  name        = "${var.name_prefix}-lambda-catalog"
  description = "lambda-catalog function: no inbound, HTTPS out (DynamoDB, X-Ray)"
  vpc_id      = var.vpc_id
  tags        = merge(var.tags, { Name = "${var.name_prefix}-lambda-catalog" })
}

resource "aws_vpc_security_group_egress_rule" "lambda_https" {
  count             = var.enable_lambda_vpc ? 1 : 0
  security_group_id = aws_security_group.lambda[0].id
  description       = "HTTPS to AWS APIs (DynamoDB, X-Ray) through VPC endpoints or NAT"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_lambda_function" "catalog" {
  #checkov:skip=CKV_AWS_116:Invoked synchronously by API Gateway only; a DLQ applies to asynchronous invocations and would never receive anything.
  #checkov:skip=CKV_AWS_173:Environment variables hold only non-secret settings (table and index names, log level); Lambda encrypts them at rest with its service key.
  #checkov:skip=CKV_AWS_272:Code is built and published by the ecom-deploy action, which owns packaging; the project has no signing profile, so a code-signing config would reject its unsigned zips.
  function_name = local.lambda_function_name
  description   = "Catalog API (read-only). Code deployed by the ecom-deploy action."
  role          = aws_iam_role.lambda.arn
  runtime       = "python3.12"
  handler       = var.lambda_handler
  architectures = [var.lambda_architecture]
  memory_size   = var.lambda_memory_size
  timeout       = var.lambda_timeout
  package_type  = "Zip"
  filename      = var.lambda_package_path
  publish       = true

  reserved_concurrent_executions = var.lambda_reserved_concurrency

  # Powertools comes from the AWS-managed layer (the deploy action zips only
  # the app's src/ folder).
  layers = var.powertools_layer_version == null ? [] : [
    "arn:${local.partition}:lambda:${local.region}:017000801446:layer:AWSLambdaPowertoolsPythonV3-python312-${var.lambda_architecture}:${var.powertools_layer_version}"
  ]

  environment {
    variables = {
      CATALOG_TABLE           = local.catalog_table_name
      CATALOG_INDEX           = var.catalog_index_name
      POWERTOOLS_SERVICE_NAME = "lambda-catalog"
      POWERTOOLS_LOG_LEVEL    = var.lambda_log_level
    }
  }

  tracing_config {
    mode = "Active"
  }

  logging_config {
    log_format = "JSON"
    log_group  = aws_cloudwatch_log_group.lambda.name
  }

  dynamic "vpc_config" {
    for_each = var.enable_lambda_vpc ? [1] : []
    content {
      subnet_ids         = var.private_app_subnet_ids
      security_group_ids = [aws_security_group.lambda[0].id]
    }
  }

  tags = var.tags

  # The deploy action uploads the code and publishes versions.
  lifecycle {
    ignore_changes = [filename, source_code_hash, s3_bucket, s3_key, s3_object_version, image_uri]
  }

  # The log group (KMS, retention) and the permissions must exist before the
  # function first runs or Lambda would create an unencrypted, unexpiring group.
  depends_on = [aws_cloudwatch_log_group.lambda, aws_iam_role_policy.lambda]
}

resource "aws_lambda_alias" "live" {
  name             = "live"
  description      = "Version served by the API; moved by the ecom-deploy action."
  function_name    = aws_lambda_function.catalog.function_name
  function_version = aws_lambda_function.catalog.version

  lifecycle {
    ignore_changes = [function_version, routing_config]
  }
}
