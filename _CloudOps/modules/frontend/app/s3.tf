# ---------------------------------------------------------------------------
# Static-site bucket: private, SSE-KMS, versioned, served only through the
# CloudFront distribution's Origin Access Control.
# ---------------------------------------------------------------------------

resource "aws_s3_bucket" "static" {
  #checkov:skip=CKV_AWS_144:Cross-region replication not needed: the content is rebuilt from CI artifacts on every deploy and versioning covers accidental deletes/overwrites.
  #checkov:skip=CKV2_AWS_62:No consumer for object events; deploys are driven by the deploy action, not by S3 notifications.
  bucket        = local.static_bucket_name
  force_destroy = var.force_destroy
  tags          = var.tags
}

resource "aws_s3_bucket_public_access_block" "static" {
  bucket                  = aws_s3_bucket.static.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_ownership_controls" "static" {
  bucket = aws_s3_bucket.static.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_versioning" "static" {
  bucket = aws_s3_bucket.static.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "static" {
  bucket = aws_s3_bucket.static.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.static.arn
    }
    # S3 Bucket Keys cut the KMS requests (and cost) of CloudFront cache misses.
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_logging" "static" {
  bucket        = aws_s3_bucket.static.id
  target_bucket = aws_s3_bucket.logs.id
  target_prefix = local.s3_access_log_prefix

  depends_on = [aws_s3_bucket_policy.logs]
}

resource "aws_s3_bucket_lifecycle_configuration" "static" {
  bucket = aws_s3_bucket.static.id

  rule {
    id     = "expire-noncurrent-versions"
    status = "Enabled"
    filter {}
    noncurrent_version_expiration {
      noncurrent_days = var.static_noncurrent_version_days
    }
    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
  }

  depends_on = [aws_s3_bucket_versioning.static]
}

locals {
  deny_insecure_transport = {
    Sid       = "DenyInsecureTransport"
    Effect    = "Deny"
    Principal = "*"
    Action    = "s3:*"
    Resource  = null # set per bucket below
    Condition = { Bool = { "aws:SecureTransport" = "false" } }
  }

  static_bucket_policy = {
    Version = "2012-10-17"
    Statement = concat(
      [merge(local.deny_insecure_transport, { Resource = [local.static_bucket_arn, "${local.static_bucket_arn}/*"] })],
      var.cloudfront_distribution_arn == null ? [] : [{
        Sid       = "AllowCloudFrontOACRead"
        Effect    = "Allow"
        Principal = { Service = "cloudfront.amazonaws.com" }
        Action    = "s3:GetObject"
        Resource  = "${local.static_bucket_arn}/*"
        Condition = { StringEquals = { "AWS:SourceArn" = var.cloudfront_distribution_arn } }
      }]
    )
  }
}

# A separate resource from the bucket: bucket -> distribution -> bucket policy,
# so wiring cdn.distribution_arn back into this module makes no cycle.
resource "aws_s3_bucket_policy" "static" {
  bucket = aws_s3_bucket.static.id
  policy = jsonencode(local.static_bucket_policy)

  depends_on = [aws_s3_bucket_public_access_block.static]
}

# ---------------------------------------------------------------------------
# Log bucket: ALB access logs (prefix alb/) and the static bucket's S3 server
# access logs (prefix s3-access/).
# ---------------------------------------------------------------------------

data "aws_elb_service_account" "current" {}

resource "aws_s3_bucket" "logs" {
  #checkov:skip=CKV_AWS_144:Operational logs with a retention window; no disaster-recovery requirement justifies a replica.
  #checkov:skip=CKV_AWS_145:ALB access logs can only be delivered to buckets encrypted with SSE-S3 (SSE-KMS is not supported by ELB log delivery); the bucket uses SSE-S3 (AES256).
  #checkov:skip=CKV2_AWS_62:No consumer for log-object events.
  bucket        = local.logs_bucket_name
  force_destroy = var.force_destroy
  tags          = var.tags
}

resource "aws_s3_bucket_public_access_block" "logs" {
  bucket                  = aws_s3_bucket.logs.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_ownership_controls" "logs" {
  bucket = aws_s3_bucket.logs.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_versioning" "logs" {
  bucket = aws_s3_bucket.logs.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id

  rule {
    id     = "expire-logs"
    status = "Enabled"
    filter {}
    expiration {
      days = var.log_retention_days
    }
    noncurrent_version_expiration {
      noncurrent_days = 7
    }
    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
  }

  depends_on = [aws_s3_bucket_versioning.logs]
}

locals {
  alb_log_objects = "${local.logs_bucket_arn}/${local.alb_log_prefix}/AWSLogs/${local.account_id}/*"

  logs_bucket_policy = {
    Version = "2012-10-17"
    # Statement order carries no meaning in IAM. The S3 server access log
    # statement comes first for moto 5.2.5 (local runs), whose PutBucketLogging
    # reads the target bucket's statements in order, stops at the first that
    # grants logging.s3.amazonaws.com, and fails with HTTP 500 on one whose
    # Principal is the string "*" (it expects a map), so an apply would retry
    # until it times out (moto/s3/models.py, _log_permissions_enabled_policy).
    Statement = [
      {
        # Only under the static bucket's own prefix (the form of the AWS
        # example in "Enabling Amazon S3 server access logging").
        Sid       = "AllowS3ServerAccessLogs"
        Effect    = "Allow"
        Principal = { Service = "logging.s3.amazonaws.com" }
        Action    = "s3:PutObject"
        Resource  = "${local.logs_bucket_arn}/${local.s3_access_log_prefix}*"
        Condition = {
          ArnLike      = { "aws:SourceArn" = local.static_bucket_arn }
          StringEquals = { "aws:SourceAccount" = local.account_id }
        }
      },
      merge(local.deny_insecure_transport, { Resource = [local.logs_bucket_arn, "${local.logs_bucket_arn}/*"] }),
      {
        # Regions launched before August 2022 deliver ALB logs as the regional
        # Elastic Load Balancing account.
        Sid       = "AllowELBAccountLogDelivery"
        Effect    = "Allow"
        Principal = { AWS = data.aws_elb_service_account.current.arn }
        Action    = "s3:PutObject"
        Resource  = local.alb_log_objects
      },
      {
        # Newer regions deliver through the log delivery service principal.
        Sid       = "AllowELBServiceLogDelivery"
        Effect    = "Allow"
        Principal = { Service = "logdelivery.elasticloadbalancing.amazonaws.com" }
        Action    = "s3:PutObject"
        Resource  = local.alb_log_objects
      },
    ]
  }
}

resource "aws_s3_bucket_policy" "logs" {
  bucket = aws_s3_bucket.logs.id
  policy = jsonencode(local.logs_bucket_policy)

  depends_on = [aws_s3_bucket_public_access_block.logs]
}
