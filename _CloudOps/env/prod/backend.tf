# Remote state in S3 with S3-native locking (no DynamoDB table). The bucket
# and its region are not written here: the workflow passes them with
#   tofu init -backend-config=bucket=<TF_STATE_BUCKET> -backend-config=region=<AWS_REGION>
# (see .github/workflows/terraform-infra.yml and _CloudOps/README.md).
terraform {
  backend "s3" {
    key          = "ecom/prod/terraform.tfstate"
    use_lockfile = true
    encrypt      = true
  }
}
