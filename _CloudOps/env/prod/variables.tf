# No inputs: the values of this environment are written in main.tf (the
# arguments of module "shop"); their types, descriptions and validations
# are in _CloudOps/stack/variables.tf. The workflow passes no -var.
