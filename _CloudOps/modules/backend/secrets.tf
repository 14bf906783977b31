# Application secrets (payment provider keys, etc.). Terraform creates only
# the containers, encrypted with the module's key; values are put out of band
# (`aws secretsmanager put-secret-value`) and never reach the state.

resource "aws_secretsmanager_secret" "app" {
  #checkov:skip=CKV2_AWS_57:Values are third-party credentials set out of band by their owners; there is no rotation Lambda that could renew them automatically.
  for_each                = var.app_secrets
  name                    = "${var.name_prefix}/${each.key}"
  description             = each.value
  kms_key_id              = aws_kms_key.secrets.arn
  recovery_window_in_days = var.secret_recovery_window_days
  tags                    = var.tags
}
