# What `cmake --install` puts where, the man page, shell completions, and the .deb (CPack).
include(GNUInstallDirs)
install(TARGETS contra RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES README.md LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY rules/ DESTINATION ${CMAKE_INSTALL_DATADIR}/contra/rules)

# The man page is the binary's own --help, so it cannot drift from it (help2man).
find_program(CONTRA_HELP2MAN help2man REQUIRED)
set(contra_man_page ${PROJECT_BINARY_DIR}/contra.1)
add_custom_command(
  OUTPUT ${contra_man_page}
  COMMAND ${CMAKE_COMMAND} -E env NO_COLOR=1 ${CONTRA_HELP2MAN} --no-info --section=1
          --name=${PROJECT_DESCRIPTION}
          --include=${PROJECT_SOURCE_DIR}/docs/man-sections.h2m
          --output=${contra_man_page} $<TARGET_FILE:contra>
  DEPENDS contra ${PROJECT_SOURCE_DIR}/docs/man-sections.h2m
  COMMENT "Writing the man page"
  VERBATIM)
add_custom_target(contra-man-page ALL DEPENDS ${contra_man_page})
install(FILES ${contra_man_page} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

# Completion scripts, written by the binary for the pack it carries.
foreach(shell bash zsh fish)
  set(script ${PROJECT_BINARY_DIR}/completion/contra.${shell})
  add_custom_command(
    OUTPUT ${script}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/completion
    COMMAND $<TARGET_FILE:contra> completion ${shell} > ${script}
    DEPENDS contra
    VERBATIM)
  list(APPEND contra_completion_scripts ${script})
endforeach()
add_custom_target(contra-completions ALL DEPENDS ${contra_completion_scripts})
install(FILES ${PROJECT_BINARY_DIR}/completion/contra.bash
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME contra)
install(FILES ${PROJECT_BINARY_DIR}/completion/contra.zsh
        DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions RENAME _contra)
install(FILES ${PROJECT_BINARY_DIR}/completion/contra.fish
        DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d RENAME contra.fish)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME contra)
set(CPACK_PACKAGE_VENDOR "contra")
set(CPACK_PACKAGE_CONTACT "contra maintainers <contra@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "Massage contraindication screening (supports a practitioner's judgement; does not diagnose)")
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# Depends: from the libraries the binary links (dpkg-shlibdeps, in dpkg-dev).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
include(CPack)
