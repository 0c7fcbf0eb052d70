#!/usr/bin/env bash
# ctest `deb_package`: `cpack -G DEB` builds iamlint and iamlint-dev; the
# packages declare their runtime dependencies; `dpkg --root` installs them
# into a scratch root (its own dpkg database, not this machine's); the
# installed iamlint runs and lints a sample; and samples/embed builds against
# the installed iamlint-dev. Exit 77 (SKIPPED) without dpkg-deb.
#
#   deb_test.sh BUILD_DIR SOURCE_DIR SCRATCH_DIR CXX_COMPILER
set -euo pipefail
build=$1 src=$2 scratch=$3 cxx=$4
command -v dpkg-deb >/dev/null || { echo "SKIPPED: dpkg-deb not found"; exit 77; }
rm -rf "$scratch"
mkdir -p "$scratch/out"

(cd "$build" && cpack -G DEB -B "$scratch/out" >"$scratch/cpack.log") ||
  { cat "$scratch/cpack.log"; exit 1; }
cli=$(ls "$scratch"/out/iamlint_*.deb)
dev=$(ls "$scratch"/out/iamlint-dev_*.deb)

depends=$(dpkg-deb --field "$cli" Depends)
echo "iamlint Depends: $depends"
# libre2-9 only when the binary needs it: no engine code calls re2 today, so
# the linker (--as-needed, Debian's default) drops it and so does dpkg-shlibdeps.
needs=(libc6 libstdc++6 libyaml-cpp0.7)
if readelf -d "$build/lint/iamlint" | grep -q 'NEEDED.*libre2'; then needs+=(libre2-9); fi
for d in "${needs[@]}"; do
  case ", $depends" in
    *", $d"*) ;;
    *) echo "FAIL: iamlint does not depend on $d"; exit 1 ;;
  esac
done
echo "iamlint-dev Depends: $(dpkg-deb --field "$dev" Depends)"
dpkg-deb --contents "$cli" >"$scratch/cli.contents"
dpkg-deb --contents "$dev" >"$scratch/dev.contents"
for f in /usr/bin/iamlint /usr/share/man/man1/iamlint.1 \
         /usr/share/bash-completion/completions/iamlint /usr/share/zsh/vendor-completions/_iamlint; do
  grep -q " \.$f\$" "$scratch/cli.contents" || { echo "FAIL: iamlint lacks $f"; exit 1; }
done
for f in /usr/lib/libiamlint_engine.a /usr/include/iamlint/engine/eval/evaluator.h \
         /usr/lib/cmake/iamlint/iamlintConfig.cmake; do
  grep -q " \.$f\$" "$scratch/dev.contents" || { echo "FAIL: iamlint-dev lacks $f"; exit 1; }
done

# A scratch root with an empty dpkg database: dpkg --root installs for real
# (unpack, configure, record) without touching this machine's packages.
root=$scratch/root
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates"
: >"$root/var/lib/dpkg/status"
dpkg --root="$root" --force-not-root --force-depends --force-script-chrootless \
  --log=/dev/null -i "$cli" "$dev" >"$scratch/dpkg.log" 2>&1 || { cat "$scratch/dpkg.log"; exit 1; }
dpkg --root="$root" -s iamlint | grep -q '^Status: install ok installed' ||
  { echo "FAIL: iamlint not recorded as installed"; exit 1; }

iamlint=$root/usr/bin/iamlint
version=$("$iamlint" --version)
[[ "$version" == "iamlint "* ]] || { echo "FAIL: --version printed '$version'"; exit 1; }
cd "$src"
"$iamlint" samples/policies/identity/ec2-s3-list-buckets.json
set +e
"$iamlint" samples/policies/broken/many-mistakes.json >/dev/null 2>&1
code=$?
set -e
[ "$code" = 1 ] || { echo "FAIL: the broken sample exited $code, expected 1"; exit 1; }
[ -s "$root/usr/share/man/man1/iamlint.1" ] || { echo "FAIL: no man page"; exit 1; }

cmake -S "$src/samples/embed" -B "$scratch/embed" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_PREFIX_PATH="$root/usr" >"$scratch/configure.log"
cmake --build "$scratch/embed" >"$scratch/build.log"
"$scratch/embed/embed_iamlint" samples/policies/identity/ec2-s3-list-buckets.json | head -1

echo "deb_package: ok: $(basename "$cli") $(du -h "$cli" | cut -f1)" \
     "(Installed-Size $(dpkg-deb --field "$cli" Installed-Size) KiB)," \
     "$(basename "$dev") $(du -h "$dev" | cut -f1)" \
     "(Installed-Size $(dpkg-deb --field "$dev" Installed-Size) KiB)"
