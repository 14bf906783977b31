# ---------------------------------------------------------------------------
# Route 53 zone (optional), ACM certificate in us-east-1 with DNS validation,
# and alias records to the distribution.
# ---------------------------------------------------------------------------

resource "aws_route53_zone" "this" {
  #checkov:skip=CKV2_AWS_38:DNSSEC needs an asymmetric KMS key and a DS record at the parent zone/registrar, which this module does not control; enabling signing without the chain of trust adds outage risk without protection. Tracked as a follow-up at the domain level.
  #checkov:skip=CKV2_AWS_39:Query logging needs an account-wide CloudWatch resource policy in us-east-1 (quota of 10 per region) and would log every public resolver query; viewer traffic is already logged by CloudFront and WAF.
  count = local.create_zone ? 1 : 0

  name          = var.domain_name
  comment       = "${var.name}: public zone of the shop"
  force_destroy = var.force_destroy
  tags          = var.tags

  depends_on = [terraform_data.input_checks]
}

resource "aws_acm_certificate" "this" {
  count    = local.use_certificate ? 1 : 0
  provider = aws.us_east_1

  domain_name               = var.domain_name
  subject_alternative_names = var.alternative_names
  validation_method         = "DNS"
  key_algorithm             = "RSA_2048"
  tags                      = var.tags

  options {
    certificate_transparency_logging_preference = "ENABLED"
  }

  lifecycle {
    create_before_destroy = true
  }

  depends_on = [terraform_data.input_checks]
}

locals {
  # domain_validation_options is only known after the certificate request;
  # the records are keyed by the hostnames (known at plan) instead.
  certificate_validation = {
    for o in flatten(aws_acm_certificate.this[*].domain_validation_options) : o.domain_name => o
  }
}

resource "aws_route53_record" "certificate_validation" {
  for_each = toset(local.site_domains)

  zone_id         = local.zone_id
  name            = local.certificate_validation[each.key].resource_record_name
  type            = local.certificate_validation[each.key].resource_record_type
  records         = [local.certificate_validation[each.key].resource_record_value]
  ttl             = 300
  allow_overwrite = true
}

resource "aws_acm_certificate_validation" "this" {
  count    = local.use_certificate ? 1 : 0
  provider = aws.us_east_1

  certificate_arn         = aws_acm_certificate.this[0].arn
  validation_record_fqdns = [for r in aws_route53_record.certificate_validation : r.fqdn]
}

resource "aws_route53_record" "alias" {
  for_each = {
    for pair in setproduct(local.site_domains, ["A", "AAAA"]) : "${pair[0]}/${pair[1]}" => {
      name = pair[0]
      type = pair[1]
    }
  }

  zone_id = local.zone_id
  name    = each.value.name
  type    = each.value.type

  alias {
    name                   = aws_cloudfront_distribution.this.domain_name
    zone_id                = aws_cloudfront_distribution.this.hosted_zone_id
    evaluate_target_health = false
  }
}
