#!/usr/bin/env bash
# Builds OpenTofu, the hashicorp/aws provider, tflint and actionlint from their
# Go modules into $CACHE (once per machine and version) and links them into
# .tools/bin. The provider is installed as a filesystem mirror for tofu.
source "$(dirname "$0")/lib.sh"

tofu_dir="$CACHE/tofu-$TOFU_VERSION"
if [ ! -x "$tofu_dir/tofu" ]; then
  go_build_module github.com/opentofu/opentofu "v$TOFU_VERSION" ./cmd/tofu "$tofu_dir/tofu.tmp" \
    "-s -w -X github.com/opentofu/opentofu/version.dev=no"
  mv "$tofu_dir/tofu.tmp" "$tofu_dir/tofu"
fi
ln -sf "$tofu_dir/tofu" "$TOOLS_BIN/tofu"
log "tofu: $("$TOOLS_BIN/tofu" version | head -1)"

mirror="$CACHE/tf-mirror"
pdir="$mirror/registry.opentofu.org/hashicorp/aws/$AWS_PROVIDER_VERSION/linux_amd64"
pbin="$pdir/terraform-provider-aws_v${AWS_PROVIDER_VERSION}_x5"
if [ ! -x "$pbin" ]; then
  log "hashicorp/aws $AWS_PROVIDER_VERSION: first build takes 20-40 min and ~10 GB RAM"
  go_build_module github.com/hashicorp/terraform-provider-aws "$AWS_PROVIDER_MODULE_VERSION" . "$pbin.tmp" \
    "-s -w -X github.com/hashicorp/terraform-provider-aws/version.ProviderVersion=$AWS_PROVIDER_VERSION"
  mv "$pbin.tmp" "$pbin"
fi
log "hashicorp/aws $AWS_PROVIDER_VERSION: $(du -h "$pbin" | cut -f1) in $mirror"

# Only hashicorp/aws is ever resolved, and only from the local mirror.
cat > "$TF_CLI_CONFIG_FILE" <<TFRC
provider_installation {
  filesystem_mirror {
    path    = "$mirror"
    include = ["registry.opentofu.org/hashicorp/aws", "registry.terraform.io/hashicorp/aws"]
  }
}
TFRC

tflint_dir="$CACHE/tflint-$TFLINT_VERSION"
if [ ! -x "$tflint_dir/tflint" ]; then
  go_build_module github.com/terraform-linters/tflint "v$TFLINT_VERSION" . "$tflint_dir/tflint" "-s -w"
fi
ln -sf "$tflint_dir/tflint" "$TOOLS_BIN/tflint"

al_dir="$CACHE/actionlint-$ACTIONLINT_VERSION"
if [ ! -x "$al_dir/actionlint" ]; then
  go_build_module github.com/rhysd/actionlint "v$ACTIONLINT_VERSION" ./cmd/actionlint "$al_dir/actionlint" \
    "-s -w -X github.com/rhysd/actionlint.version=$ACTIONLINT_VERSION"
fi
ln -sf "$al_dir/actionlint" "$TOOLS_BIN/actionlint"
# terraform-config-inspect reads a module's variables and outputs for the
# generated tables in the module READMEs (scripts/tf-docs.sh).
ci_dir="$CACHE/terraform-config-inspect-$TF_CONFIG_INSPECT_VERSION"
if [ ! -x "$ci_dir/terraform-config-inspect" ]; then
  go_build_module github.com/hashicorp/terraform-config-inspect "$TF_CONFIG_INSPECT_VERSION" . \
    "$ci_dir/terraform-config-inspect" "-s -w"
fi
ln -sf "$ci_dir/terraform-config-inspect" "$TOOLS_BIN/terraform-config-inspect"
log "terraform tools ready"
