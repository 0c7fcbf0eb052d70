# CPack: `cpack -G DEB` in the build folder writes two Debian packages,
#   iamlint_<version>_<arch>.deb      component cli: the binary, man page, completions
#   iamlint-dev_<version>_<arch>.deb  component dev: libiamlint_engine.a, headers,
#                                     find_package(iamlint) files
# both installing under /usr. The runtime dependencies of the binary come
# from dpkg-shlibdeps (Debian's dpkg-dev, with file(1)) when it is there, else from the
# list below, which is what dpkg-shlibdeps finds on Debian 12. libre2-9 is
# not among them: the engine links re2 but no code calls it yet, and the
# linker's --as-needed (Debian's default) drops the library from the binary.
set(CPACK_PACKAGE_NAME iamlint)
set(CPACK_PACKAGE_VENDOR "iamlint")
# Debian requires a maintainer; override with -DCPACK_PACKAGE_CONTACT=... when releasing.
if(NOT CPACK_PACKAGE_CONTACT)
  set(CPACK_PACKAGE_CONTACT "iamlint maintainers <maintainers@iamlint.invalid>")
endif()
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "exact answers about AWS IAM policies: validate, lint, simulate")
set(CPACK_PACKAGE_DESCRIPTION
  "iamlint reads IAM policy JSON with the exact position of every element, validates it the\n"
  "way AWS does, and evaluates requests with AWS's decision logic, explaining which\n"
  "statements decided.")
string(JOIN "" CPACK_PACKAGE_DESCRIPTION ${CPACK_PACKAGE_DESCRIPTION})
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)  # executables only; CMake never strips static libraries

set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL cli dev)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_CLI_PACKAGE_NAME iamlint)
set(CPACK_DEBIAN_CLI_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_CLI_DESCRIPTION "${CPACK_PACKAGE_DESCRIPTION_SUMMARY}\n${CPACK_PACKAGE_DESCRIPTION}")
set(CPACK_DEBIAN_CLI_PACKAGE_SUGGESTS "bash-completion")
set(CPACK_DEBIAN_DEV_PACKAGE_NAME iamlint-dev)
set(CPACK_DEBIAN_DEV_DESCRIPTION
  "iamlint engine: static C++20 library, headers and CMake package (find_package(iamlint))\n"
  "Link iamlint::engine to read, validate and evaluate IAM policies in-process.")
string(JOIN "" CPACK_DEBIAN_DEV_DESCRIPTION ${CPACK_DEBIAN_DEV_DESCRIPTION})
# What a consumer's find_package(iamlint) and link need.
set(CPACK_DEBIAN_DEV_PACKAGE_DEPENDS "libre2-dev, libyaml-cpp-dev, pkg-config")

find_program(IAMLINT_DPKG_SHLIBDEPS dpkg-shlibdeps)
find_program(IAMLINT_FILE_PROGRAM file)  # CPack's shlibdeps step needs file(1) too
if(IAMLINT_DPKG_SHLIBDEPS AND IAMLINT_FILE_PROGRAM)
  set(CPACK_DEBIAN_CLI_PACKAGE_SHLIBDEPS ON)
else()
  set(CPACK_DEBIAN_CLI_PACKAGE_DEPENDS
    "libc6 (>= 2.34), libgcc-s1 (>= 3.0), libstdc++6 (>= 11), libyaml-cpp0.7 (>= 0.7.0)")
endif()

include(CPack)
