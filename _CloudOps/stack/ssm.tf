# The contract with the deploy action (contract/infra-parameters.yaml): for
# each stack, one SSM parameter per contract entry under
# /ecom/<environment>/<stack>/<name>, with the contract's type. StringList
# values are joined with ",". The names and types come from the contract file
# itself; the values come from module outputs below. If the contract and this
# map disagree (a name added, renamed or removed on either side), the plan
# fails on the precondition of terraform_data.ssm_contract_check.

locals {
  contract       = yamldecode(file("${path.module}/../../contract/infra-parameters.yaml"))
  contract_types = { for p in local.contract.parameters : p.name => p.type }
  contract_descs = { for p in local.contract.parameters : p.name => p.description }

  # Every value is a list of strings: one element for String, any number for
  # StringList. Keys must equal the contract's names, for every stack.
  contract_values = {
    frontend = {
      "cluster"         = [module.frontend_app.ecs_cluster_name]
      "listener-arn"    = [module.frontend_app.alb_listener_arn]
      "vpc-id"          = [module.network.vpc_id]
      "subnets"         = module.network.private_app_subnet_ids
      "security-groups" = [module.frontend_app.service_security_group_id]
      # Task-definition templates: ${infra.<name>} (names in the contract).
      "execution-role-arn"   = [module.frontend_app.task_execution_role_arn]
      "task-role-arn-prefix" = [module.frontend_app.task_role_arn_prefix]
      "log-group-prefix"     = [module.frontend_app.service_log_group_prefix]
      "family-prefix"        = ["${local.name}-"]
    }
    backend = {
      "cluster"         = [module.backend.ecs_cluster_name]
      "listener-arn"    = [module.backend.alb_listener_arn]
      "vpc-id"          = [module.network.vpc_id]
      "subnets"         = module.network.private_app_subnet_ids
      "security-groups" = [module.backend.service_security_group_id]
      # Task-definition templates: ${infra.<name>} (names in the contract).
      "execution-role-arn"   = [module.backend.task_execution_role_arn]
      "task-role-arn-prefix" = [module.backend.task_role_arn_prefix]
      "log-group-prefix"     = [module.backend.service_log_group_prefix]
      "family-prefix"        = ["${local.name}-"]
    }
  }

  # "<stack>/<name>" => parameter. Keys are known at plan time (for_each).
  contract_parameters = merge([
    for stack, values in local.contract_values : {
      for name, value in values : "${stack}/${name}" => {
        stack  = stack
        name   = name
        values = value
      }
    }
  ]...)

  # Names published per stack that the contract lacks, and contract names a
  # stack does not publish. Both must be empty.
  contract_extra   = { for stack, values in local.contract_values : stack => setsubtract(keys(values), keys(local.contract_types)) }
  contract_missing = { for stack, values in local.contract_values : stack => setsubtract(keys(local.contract_types), keys(values)) }
}

# The contract as a whole: checked once, before any parameter.
resource "terraform_data" "ssm_contract_check" {
  lifecycle {
    precondition {
      condition     = alltrue([for s in values(local.contract_extra) : length(s) == 0]) && alltrue([for s in values(local.contract_missing) : length(s) == 0])
      error_message = "The SSM parameters drift from contract/infra-parameters.yaml. Published but not in the contract: ${jsonencode(local.contract_extra)}. In the contract but not published: ${jsonencode(local.contract_missing)}. Update contract_values in _CloudOps/stack/ssm.tf (or the contract)."
    }
    precondition {
      condition     = alltrue([for t in values(local.contract_types) : contains(["String", "StringList"], t)])
      error_message = "contract/infra-parameters.yaml may only use the types String and StringList (the deploy action reads the parameters without decryption)."
    }
  }
}

resource "aws_ssm_parameter" "contract" {
  #checkov:skip=CKV2_AWS_34:The contract publishes non-secret resource IDs (cluster, listener, VPC, subnets, security groups, role ARNs, name prefixes) as String/StringList, the types the deploy action expects; SecureString would add KMS permissions to every reader for no confidentiality gain.
  for_each = local.contract_parameters

  name        = "/ecom/${var.environment}/${each.value.stack}/${each.value.name}"
  description = lookup(local.contract_descs, each.value.name, "Not in contract/infra-parameters.yaml")
  type        = lookup(local.contract_types, each.value.name, "String")
  value       = join(",", each.value.values)
  tier        = "Standard"

  lifecycle {
    precondition {
      condition     = lookup(local.contract_types, each.value.name, "String") == "StringList" || length(each.value.values) == 1
      error_message = "The contract declares ${each.key} as String, so contract_values in _CloudOps/stack/ssm.tf must give it exactly one value."
    }
  }

  depends_on = [terraform_data.ssm_contract_check]
}
