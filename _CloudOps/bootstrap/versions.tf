terraform {
  # The environments' S3 backend locks with use_lockfile, supported from
  # OpenTofu 1.10; the bootstrap uses the same releases.
  required_version = ">= 1.10.0, < 2.0.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 6.0, < 7.0"
    }
  }
}
