locals {
  # Every resource of the environment carries these tags (provider
  # default_tags); modules only add their own extras and Name.
  default_tags = {
    Project     = "ecom"
    Environment = local.environment
    ManagedBy   = "terraform"
    Repository  = local.repository
  }
}

provider "aws" {
  region = local.aws_region

  default_tags {
    tags = local.default_tags
  }
}

# CloudFront only takes ACM certificates and CLOUDFRONT-scope WAFv2 web ACLs
# from us-east-1 (module frontend/cdn, provider alias aws.us_east_1).
provider "aws" {
  alias  = "us_east_1"
  region = "us-east-1"

  default_tags {
    tags = local.default_tags
  }
}
