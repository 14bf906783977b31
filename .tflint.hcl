# tflint configuration for every module and environment (scripts/tflint.sh).
# The AWS ruleset (tflint-ruleset-aws) is not served by the Go module proxy
# that this project builds from, so only the bundled terraform ruleset runs;
# see README ("Herramientas").
config {
  call_module_type = "local"
}

plugin "terraform" {
  enabled = true
  preset  = "all"
}
