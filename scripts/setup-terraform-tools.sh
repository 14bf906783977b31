#!/usr/bin/env bash
# Builds OpenTofu, the hashicorp/aws provider, tflint, actionlint and
# terraform-config-inspect from their Go modules into $CACHE (once per machine
# and version) and links them into .tools/bin. The provider is installed as a
# filesystem mirror that TF_CLI_CONFIG_FILE points tofu at.
source "$(dirname "$0")/lib.sh"

mirror="$CACHE/tf-mirror"
# Only hashicorp/aws is ever resolved, and only from the local mirror.
cat > "$TF_CLI_CONFIG_FILE" <<TFRC
provider_installation {
  filesystem_mirror {
    path    = "$mirror"
    include = ["registry.opentofu.org/hashicorp/aws", "registry.terraform.io/hashicorp/aws"]
  }
}
TFRC

# build_once NAME VERSION MODULE MODVERSION PKG BINARY LDFLAGS: build unless cached, link into .tools/bin.
build_once() {
  local name=$1 ver=$2 mod=$3 modver=$4 pkg=$5 bin=$6 ldflags=$7
  local dir="$CACHE/$name-$ver"
  if [ ! -x "$dir/$bin" ]; then
    go_build_module "$mod" "$modver" "$pkg" "$dir/$bin.tmp" "$ldflags"
    mv "$dir/$bin.tmp" "$dir/$bin"
  fi
  ln -sf "$dir/$bin" "$TOOLS_BIN/$bin"
}

build_once tofu "$TOFU_VERSION" github.com/opentofu/opentofu "v$TOFU_VERSION" ./cmd/tofu tofu \
  "-s -w -X github.com/opentofu/opentofu/version.dev=no"
log "tofu: $(tofu version | head -1)"

pdir="$mirror/registry.opentofu.org/hashicorp/aws/$AWS_PROVIDER_VERSION/linux_amd64"
pbin="$pdir/terraform-provider-aws_v${AWS_PROVIDER_VERSION}_x5"
if [ ! -x "$pbin" ]; then
  log "hashicorp/aws $AWS_PROVIDER_VERSION: the first build takes 30-45 min on 2 cores and ~10 GB RAM"
  go_build_module github.com/hashicorp/terraform-provider-aws "$AWS_PROVIDER_MODULE_VERSION" . "$pbin.tmp" \
    "-s -w -X github.com/hashicorp/terraform-provider-aws/version.ProviderVersion=$AWS_PROVIDER_VERSION"
  mv "$pbin.tmp" "$pbin"
fi
log "hashicorp/aws $AWS_PROVIDER_VERSION: $(du -h "$pbin" | cut -f1) in $mirror"

build_once tflint "$TFLINT_VERSION" github.com/terraform-linters/tflint "v$TFLINT_VERSION" . tflint "-s -w"
build_once actionlint "$ACTIONLINT_VERSION" github.com/rhysd/actionlint "v$ACTIONLINT_VERSION" ./cmd/actionlint actionlint \
  "-s -w -X github.com/rhysd/actionlint.version=$ACTIONLINT_VERSION"
# terraform-config-inspect reads a module's variables and outputs for the
# generated tables in the module READMEs (scripts/tf-docs.sh).
build_once terraform-config-inspect "$TF_CONFIG_INSPECT_VERSION" github.com/hashicorp/terraform-config-inspect \
  "$TF_CONFIG_INSPECT_VERSION" . terraform-config-inspect "-s -w"
log "terraform tools ready: tofu $TOFU_VERSION, hashicorp/aws $AWS_PROVIDER_VERSION, tflint $TFLINT_VERSION, actionlint $ACTIONLINT_VERSION"
