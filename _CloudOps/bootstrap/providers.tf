provider "aws" {
  region = var.aws_region

  default_tags {
    tags = {
      Project   = "ecom"
      ManagedBy = "terraform"
      Component = "bootstrap"
    }
  }
}
