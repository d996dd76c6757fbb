# What `cmake --install` puts where, the man page, shell completions, and the .deb (CPack).
include(GNUInstallDirs)
install(TARGETS contra RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY rules/ DESTINATION ${CMAKE_INSTALL_DATADIR}/contra/rules)

# The man pages, contra(1) and contra-COMMAND(1) for each command, gzipped: written from the
# binary's own help (cmake/make_man_pages.py), so they cannot drift from it. One page per
# command, as git does: check alone has a hundred options, one per question of the pack.
find_package(Python3 REQUIRED COMPONENTS Interpreter)
set(contra_man_dir ${PROJECT_BINARY_DIR}/man)
add_custom_command(
  OUTPUT ${contra_man_dir}/contra.1.gz
  COMMAND ${CMAKE_COMMAND} -E rm -rf ${contra_man_dir}
  COMMAND Python3::Interpreter ${PROJECT_SOURCE_DIR}/cmake/make_man_pages.py
          $<TARGET_FILE:contra> ${PROJECT_VERSION} ${PROJECT_SOURCE_DIR}/docs/man-sections.h2m
          ${contra_man_dir}
  DEPENDS contra ${PROJECT_SOURCE_DIR}/cmake/make_man_pages.py
          ${PROJECT_SOURCE_DIR}/docs/man-sections.h2m
  COMMENT "Writing the man pages"
  VERBATIM)
add_custom_target(contra-man-pages ALL DEPENDS ${contra_man_dir}/contra.1.gz)
install(DIRECTORY ${contra_man_dir}/ DESTINATION ${CMAKE_INSTALL_MANDIR}/man1
        FILES_MATCHING PATTERN "*.1.gz")

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
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "massage contraindication screening from intake answers")
# The extended description: lines of text, a "." line between paragraphs (deb-control(5)).
set(CPACK_PACKAGE_DESCRIPTION
    "contra screens a massage client for contraindications before vascular leg
massage, manual lymphatic drainage, lymphatic drainage facials and spider-vein
massage, from the client's intake answers and a reviewed rule pack, and says
what to do: proceed, proceed with precautions, postpone and refer, do not
massage, or call emergency services. An unanswered screening question never
produces a clearance.
.
It supports a practitioner's judgement; it does not diagnose.
.
It checks one client (a report, JSON or an SVG body map), interviews a client
at the terminal, screens many intake forms at once (NDJSON, YAML or CSV, and
FHIR QuestionnaireResponses), and lints and tests rule packs.")
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_STRIP_FILES ON)
# Depends: from the libraries the binary links (dpkg-shlibdeps, in dpkg-dev).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)

# /usr/share/doc/contra/copyright in Debian's machine-readable format (DEP-5), its licence
# text taken from LICENSE; and the changelog, gzipped as Debian wants (-n: no name or time).
file(READ ${PROJECT_SOURCE_DIR}/LICENSE contra_license)
string(REGEX MATCH "Copyright \\(c\\) ([^\n]+)" contra_copyright_line "${contra_license}")
set(contra_copyright "${CMAKE_MATCH_1}")
string(REGEX REPLACE "^MIT License\n\n[^\n]*\n\n" "" contra_license_text "${contra_license}")
string(STRIP "${contra_license_text}" contra_license_text)
string(REGEX REPLACE "\n\n" "\n.\n" contra_license_text "${contra_license_text}")
string(REPLACE "\n" "\n " contra_license_text " ${contra_license_text}")
configure_file(cmake/deb/copyright.in ${PROJECT_BINARY_DIR}/deb/copyright @ONLY)
add_custom_command(
  OUTPUT ${PROJECT_BINARY_DIR}/deb/changelog.gz
  COMMAND gzip -9 -n -c ${PROJECT_SOURCE_DIR}/cmake/deb/changelog > ${PROJECT_BINARY_DIR}/deb/changelog.gz
  DEPENDS ${PROJECT_SOURCE_DIR}/cmake/deb/changelog
  VERBATIM)
add_custom_target(contra-changelog ALL DEPENDS ${PROJECT_BINARY_DIR}/deb/changelog.gz)
install(FILES ${PROJECT_BINARY_DIR}/deb/copyright ${PROJECT_BINARY_DIR}/deb/changelog.gz
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
include(CPack)
