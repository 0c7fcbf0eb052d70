#!/usr/bin/env bash
# ctest `install_embed`: `cmake --install` into a scratch prefix puts every
# promised file there, and samples/embed (a separate CMake project with
# find_package(iamlint REQUIRED)) configures, builds and runs against it.
#
#   install_embed_test.sh BUILD_DIR SOURCE_DIR SCRATCH_DIR CXX_COMPILER
set -euo pipefail
build=$1 src=$2 scratch=$3 cxx=$4
rm -rf "$scratch"
mkdir -p "$scratch"
prefix=$scratch/prefix

cmake --install "$build" --prefix "$prefix" >"$scratch/install.log"
for f in bin/iamlint share/man/man1/iamlint.1 share/bash-completion/completions/iamlint \
         share/zsh/site-functions/_iamlint lib/libiamlint_engine.a \
         include/iamlint/engine/eval/evaluator.h include/iamlint/engine/policy/policy_reader.h \
         lib/cmake/iamlint/iamlintConfig.cmake lib/cmake/iamlint/iamlintConfigVersion.cmake \
         lib/cmake/iamlint/iamlintTargets.cmake; do
  [ -e "$prefix/$f" ] || { echo "FAIL: cmake --install did not install $f"; exit 1; }
done
# Only the engine's own headers, and nothing from the build-only helpers.
if find "$prefix/include" -name '*.cc' -o -name 'data' | grep -q .; then
  echo "FAIL: sources or data folders installed under include/"; exit 1
fi
if grep -q 'iamlint_warnings\|iamlint_rapidjson' "$prefix"/lib/cmake/iamlint/*.cmake; then
  echo "FAIL: the exported targets name a build-only helper"; exit 1
fi
"$prefix/bin/iamlint" --version

cmake -S "$src/samples/embed" -B "$scratch/embed" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_PREFIX_PATH="$prefix" >"$scratch/configure.log"
cmake --build "$scratch/embed" >"$scratch/build.log"

cd "$src"
policy=samples/policies/identity/ec2-s3-list-buckets.json
out=$("$scratch/embed/embed_iamlint" "$policy")
expected="s3:ListAllMyBuckets on *: Allow
  identity[0] statement ListAllBuckets at $policy:4:5: applies"
if [ "$out" != "$expected" ]; then
  printf 'FAIL: embed_iamlint printed\n%s\nexpected\n%s\n' "$out" "$expected"; exit 1
fi
set +e
out=$("$scratch/embed/embed_iamlint" "$policy" s3:GetObject arn:aws:s3:::example-reports/q1.csv)
code=$?
set -e
expected="s3:GetObject on arn:aws:s3:::example-reports/q1.csv: ImplicitDeny (no allow in identity)
  identity[0] statement ListAllBuckets at $policy:4:5: does not apply (action: action \`s3:GetObject\` is not listed)"
if [ "$out" != "$expected" ] || [ "$code" != 1 ]; then
  printf 'FAIL: embed_iamlint (exit %s) printed\n%s\nexpected (exit 1)\n%s\n' "$code" "$out" "$expected"
  exit 1
fi
echo "install_embed: ok ($(du -sh "$prefix" | cut -f1) installed)"
