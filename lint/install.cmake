# Install rules of the command-line program (included from lint/CMakeLists.txt),
# component `cli`:
#   bin/iamlint
#   share/man/man1/iamlint.1                       (lint/man/iamlint.1, hand-written roff)
#   share/bash-completion/completions/iamlint      (lint/completions/iamlint.bash)
#   share/zsh/{vendor-completions,site-functions}/_iamlint  (lint/completions/_iamlint)
# zsh: Debian's zsh searches /usr/share/zsh/vendor-completions for packages
# and $prefix/share/zsh/site-functions for anything else, so the folder is
# chosen when installing, from the prefix actually used (a .deb installs
# under …/usr).
include(GNUInstallDirs)

install(TARGETS iamlint RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT cli)
install(FILES ${CMAKE_CURRENT_SOURCE_DIR}/man/iamlint.1
  DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT cli)
install(FILES ${CMAKE_CURRENT_SOURCE_DIR}/completions/iamlint.bash
  DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME iamlint COMPONENT cli)
install(CODE [[
  if(CMAKE_INSTALL_PREFIX MATCHES "/usr$")
    set(IAMLINT_ZSH_DIR vendor-completions)
  else()
    set(IAMLINT_ZSH_DIR site-functions)
  endif()
]] COMPONENT cli)
install(FILES ${CMAKE_CURRENT_SOURCE_DIR}/completions/_iamlint
  DESTINATION "${CMAKE_INSTALL_DATADIR}/zsh/\${IAMLINT_ZSH_DIR}" COMPONENT cli)
