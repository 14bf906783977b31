#!/usr/bin/env bash
# The release workflow's tag logic (.github/workflows/release.yml), kept here
# so scripts/release-tags-test.sh can check it.
#
# usage: scripts/release-tags.sh plan TAG [EXISTING_TAG...]
#   Prints, as key=value lines for $GITHUB_OUTPUT, what releasing TAG does:
#     version=X.Y.Z[-PRE]   image_tag=X.Y.Z[-PRE] (the image ghcr.io/<repo>:<image_tag>)
#     prerelease=true|false
#     major_tag=vX          move_major=true|false
#   Only vX.Y.Z or vX.Y.Z-PRE (semantic versioning) is a release tag. The
#   major tag vX moves only for a non-prerelease X >= 1 that is the highest
#   non-prerelease vX.* among EXISTING_TAG (v1.9.1 after v1.10.0 leaves v1).
#
# usage: scripts/release-tags.sh pin ACTION_YML IMAGE
#   Rewrites runs.image of ACTION_YML to docker://IMAGE (the release commit
#   pins the exact image, e.g. ghcr.io/o/ecom-deploy:1.2.3@sha256:<digest>).
set -euo pipefail

die() { printf 'error: %s\n' "$*" >&2; exit 1; }

semver='^v(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$'

plan() {
  local tag=${1:-}
  [ -n "$tag" ] || die "usage: $0 plan TAG [EXISTING_TAG...]"
  shift
  [[ $tag =~ $semver ]] || die "tag '$tag' is not a release tag: push vMAJOR.MINOR.PATCH (e.g. v1.2.3) or a prerelease vMAJOR.MINOR.PATCH-PRE (e.g. v1.2.3-rc.1)"
  local major=${BASH_REMATCH[1]} prerelease=false move=false
  [ -z "${BASH_REMATCH[4]}" ] || prerelease=true
  if [ "$prerelease" = false ] && [ "$major" -ge 1 ]; then
    # Highest stable vMAJOR.* among the existing tags and this one (sort -V
    # compares numerically: v1.10.0 > v1.9.0).
    local highest
    highest=$(printf '%s\n' "$tag" "$@" | grep -E "^v${major}\.[0-9]+\.[0-9]+$" | sort -V | tail -n 1)
    [ "$highest" != "$tag" ] || move=true
  fi
  echo "version=${tag#v}"
  echo "image_tag=${tag#v}"
  echo "prerelease=${prerelease}"
  echo "major_tag=v${major}"
  echo "move_major=${move}"
}

pin() {
  local file=${1:-} image=${2:-}
  [ -n "$file" ] && [ -n "$image" ] || die "usage: $0 pin ACTION_YML IMAGE"
  [ -f "$file" ] || die "$file not found"
  [[ $image =~ ^[a-z0-9.-]+(/[a-z0-9._-]+)+(:[A-Za-z0-9._-]+)?@sha256:[0-9a-f]{64}$ ]] \
    || die "image '$image' must be REGISTRY/OWNER/NAME[:TAG]@sha256:<64 hex> (pin the digest)"
  # Exactly one "  image:" line inside the top-level runs: block.
  local n
  n=$(awk '/^runs:/{r=1; next} /^[^ #]/{r=0} r && /^  image:/{n++} END{print n+0}' "$file")
  [ "$n" = 1 ] || die "$file: expected one 'image:' under runs:, found $n"
  awk -v img="docker://$image" '
    /^runs:/ { r = 1; print; next }
    /^[^ #]/ { r = 0 }
    r && /^  image:/ { print "  image: " img; next }
    { print }' "$file" >"$file.tmp"
  mv "$file.tmp" "$file"
}

cmd=${1:-}
shift || true
case $cmd in
  plan) plan "$@" ;;
  pin) pin "$@" ;;
  *) die "usage: $0 plan TAG [EXISTING_TAG...] | pin ACTION_YML IMAGE" ;;
esac
