#!/usr/bin/env bash
# Creates the Python venv (moto, pytest, boto3, Powertools) keyed by the hash
# of requirements-dev.txt and points $CACHE/venv at it; checkov gets a venv of
# its own, linked into .tools/bin.
source "$(dirname "$0")/lib.sh"

make_venv() { # make_venv DIR PIP-ARGS...
  local dir=$1; shift
  [ -f "$dir/.complete" ] && return 0
  log "python venv $dir: pip install $*"
  rm -rf "$dir"
  python3 -m venv "$dir"
  "$dir/bin/pip" install --quiet --upgrade pip
  "$dir/bin/pip" install --quiet "$@"
  touch "$dir/.complete"
}

req="$ROOT/requirements-dev.txt"
venv="$CACHE/venv-$(sha256sum "$req" | cut -c1-12)"
make_venv "$venv" -r "$req"
ln -sfn "$venv" "$CACHE/venv"

make_venv "$CACHE/checkov-$CHECKOV_VERSION" "checkov==$CHECKOV_VERSION"
ln -sf "$CACHE/checkov-$CHECKOV_VERSION/bin/checkov" "$TOOLS_BIN/checkov"
log "python ready: $("$venv/bin/python" --version), moto $("$venv/bin/python" -c 'import moto; print(moto.__version__)'), checkov $CHECKOV_VERSION"
