output "distribution_id" {
  description = "ID of the CloudFront distribution (for cache invalidations by the deploy action)."
  value       = aws_cloudfront_distribution.this.id
}

output "distribution_arn" {
  description = "ARN of the CloudFront distribution (module frontend/app, input cloudfront_distribution_arn)."
  value       = aws_cloudfront_distribution.this.arn
}

output "distribution_domain_name" {
  description = "Domain name of the distribution (*.cloudfront.net); the site URL when zone_mode = \"none\"."
  value       = aws_cloudfront_distribution.this.domain_name
}

output "distribution_hosted_zone_id" {
  description = "Route 53 zone ID for alias records to the distribution (Z2FDTNDATAQYW2)."
  value       = aws_cloudfront_distribution.this.hosted_zone_id
}

output "zone_id" {
  description = "ID of the hosted zone used for the records: the created one, the given existing one, or null when zone_mode = \"none\"."
  value       = local.zone_id
}

output "name_servers" {
  description = "Name servers of the created hosted zone, to delegate the domain to it (empty unless zone_mode = \"create\")."
  value       = local.create_zone ? aws_route53_zone.this[0].name_servers : []
}

output "certificate_arn" {
  description = "ARN of the validated ACM certificate (us-east-1) used by the distribution, or null when zone_mode = \"none\"."
  value       = local.use_certificate ? aws_acm_certificate_validation.this[0].certificate_arn : null
}

output "web_acl_arn" {
  description = "ARN of the WAFv2 web ACL (scope CLOUDFRONT) attached to the distribution."
  value       = aws_wafv2_web_acl.this.arn
}

output "waf_log_group_name" {
  description = "Name of the CloudWatch log group (us-east-1) with the WAF logs."
  value       = aws_cloudwatch_log_group.waf.name
}

output "logs_bucket_name" {
  description = "Name of the bucket with the CloudFront access logs (prefix cloudfront/)."
  value       = aws_s3_bucket.logs.id
}

output "site_url" {
  description = "HTTPS URL of the shop: the custom domain when one is configured, else the CloudFront domain."
  value       = "https://${local.use_certificate ? var.domain_name : aws_cloudfront_distribution.this.domain_name}"
}
