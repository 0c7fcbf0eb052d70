# Install rules of the engine (included from engine/CMakeLists.txt):
#   lib/libiamlint_engine.a
#   include/iamlint/engine/**.h          (#include "engine/eval/evaluator.h")
#   lib/cmake/iamlint/iamlintConfig.cmake, iamlintConfigVersion.cmake,
#   iamlintTargets*.cmake                 (find_package(iamlint) → iamlint::engine)
# Everything goes to the `dev` component; the CLI's files (lint/install.cmake)
# to `cli`. The config re-finds what the static library links (re2 through
# pkg-config, yaml-cpp); RapidJSON is private and header-only.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(IAMLINT_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/iamlint)

set_target_properties(iamlint_engine PROPERTIES EXPORT_NAME engine)
target_include_directories(iamlint_engine PUBLIC
  $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}/iamlint>)

install(TARGETS iamlint_engine EXPORT iamlintTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT dev)
# `cmake --install --strip` and CPack (CPACK_STRIP_FILES) strip executables
# only; the static library's debug info (90% of its 75 MB in RelWithDebInfo)
# goes too, keeping its symbols (--strip-debug).
if(CMAKE_STRIP)
  install(CODE "
    if(CMAKE_INSTALL_DO_STRIP)
      execute_process(COMMAND \"${CMAKE_STRIP}\" --strip-debug
        \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_LIBDIR}/$<TARGET_FILE_NAME:iamlint_engine>\")
    endif()" COMPONENT dev)
endif()
install(DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR}/
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/iamlint/engine COMPONENT dev
  FILES_MATCHING PATTERN "*.h"
  PATTERN "data" EXCLUDE
  PATTERN "cmake" EXCLUDE)
install(EXPORT iamlintTargets NAMESPACE iamlint::
  DESTINATION ${IAMLINT_INSTALL_CMAKEDIR} COMPONENT dev)

configure_package_config_file(${CMAKE_CURRENT_SOURCE_DIR}/cmake/iamlintConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/iamlintConfig.cmake
  INSTALL_DESTINATION ${IAMLINT_INSTALL_CMAKEDIR})
# 0.x: a minor release may break the API, so only the same minor matches.
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/iamlintConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/iamlintConfig.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/iamlintConfigVersion.cmake
  DESTINATION ${IAMLINT_INSTALL_CMAKEDIR} COMPONENT dev)
