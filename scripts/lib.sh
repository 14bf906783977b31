# Shared helpers for the project's scripts. Source it; do not run it.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${ECOM_CACHE:-$HOME/.cache/ecom-deploy}"
TOOLS_BIN="$ROOT/.tools/bin"
# shellcheck source=versions.env
source "$ROOT/scripts/versions.env"

export GOMODCACHE="$CACHE/gomod"
export GOFLAGS="-modcacherw -buildvcs=false"
export TF_CLI_CONFIG_FILE="$CACHE/tofu.tfrc"
export TFLINT_PLUGIN_DIR="$CACHE/tflint-plugins"
# Cargo's build output lives beside the tool caches, so a fresh clone (CI)
# reuses compiled dependencies instead of building ~300 crates again.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$CACHE/cargo-target}"
export PATH="$TOOLS_BIN:$CACHE/venv/bin:$PATH"
mkdir -p "$CACHE" "$TOOLS_BIN"

_t0=$SECONDS
log() { printf '[%4ds] %s\n' "$((SECONDS - _t0))" "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Copy a downloaded Go module to a writable dir and build a package from it.
# `go install mod@version` refuses modules with replace/godebug lines, so we
# build inside the module as the main module instead.
# usage: go_build_module MODULE VERSION PKG OUT LDFLAGS
go_build_module() {
  local mod=$1 ver=$2 pkg=$3 out=$4 ldflags=$5 dir src
  log "downloading $mod@$ver"
  dir=$(cd /tmp && go mod download -json "$mod@$ver" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')
  [ -n "$dir" ] || die "go mod download $mod@$ver gave no directory"
  src=$(mktemp -d "$CACHE/build.XXXXXX")
  cp -r "$dir/." "$src/" && chmod -R u+w "$src"
  log "building $pkg (progress: one line per 60s)"
  ( while sleep 60; do log "  still building $(basename "$out")..."; done ) &
  local ticker=$!
  ( cd "$src" && CGO_ENABLED=0 go build ${GO_BUILD_P:+-p "$GO_BUILD_P"} -trimpath \
      -ldflags "$ldflags" -o "$out" "$pkg" ) || { kill "$ticker"; rm -rf "$src"; die "build of $mod failed"; }
  kill "$ticker" 2>/dev/null || true
  rm -rf "$src"
  log "built $(basename "$out"): $(du -h "$out" | cut -f1)"
}
