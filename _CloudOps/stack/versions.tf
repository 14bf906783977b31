terraform {
  # The workflow pins OpenTofu 1.12.6; the stack uses nothing newer than 1.6.
  required_version = ">= 1.6.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 6.0, < 7.0"
      # CloudFront's ACM certificate and WAF (module frontend/cdn) live in
      # us-east-1; each env passes its provider aws.us_east_1.
      configuration_aliases = [aws.us_east_1]
    }
  }
}
