# Build speed, never behaviour: ccache and mold when they are installed (.ci/packages has both).
option(CONTRA_CCACHE "Compile through ccache when it is installed" ON)
option(CONTRA_MOLD "Link with mold when it is installed" ON)

find_program(CONTRA_CCACHE_PROGRAM ccache)
if(CONTRA_CCACHE AND CONTRA_CCACHE_PROGRAM AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  # Paths relative to the checkout and no build folder in the hash, so a preset that compiles
  # the same sources with the same flags as another (tidy after dev) reuses its objects.
  set(CMAKE_CXX_COMPILER_LAUNCHER
      ${CMAKE_COMMAND} -E env CCACHE_BASEDIR=${PROJECT_SOURCE_DIR} CCACHE_NOHASHDIR=1
      ${CONTRA_CCACHE_PROGRAM})
endif()

find_program(CONTRA_MOLD_PROGRAM mold)
if(CONTRA_MOLD AND CONTRA_MOLD_PROGRAM AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU"
   AND CMAKE_CXX_COMPILER_VERSION VERSION_GREATER_EQUAL 12.1)
  add_link_options(-fuse-ld=mold)
endif()
