# Every dependency is a Debian package; .ci/run installs them (see README, "Dependencies").
find_package(yaml-cpp CONFIG REQUIRED)
if(NOT TARGET yaml-cpp::yaml-cpp)
  # Debian 12 ships yaml-cpp 0.7, which exports only the plain `yaml-cpp` target.
  add_library(yaml-cpp::yaml-cpp ALIAS yaml-cpp)
endif()
find_package(fmt CONFIG REQUIRED)
find_package(CLI11 CONFIG REQUIRED)
find_package(nlohmann_json CONFIG REQUIRED)
find_package(Threads REQUIRED)
find_package(simdjson CONFIG REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(NETTLE REQUIRED IMPORTED_TARGET nettle)
pkg_check_modules(TINYXML2 REQUIRED IMPORTED_TARGET tinyxml2)
# libedit (BSD licence, unlike GNU readline): line editing and completion for `contra interview`.
pkg_check_modules(LIBEDIT REQUIRED IMPORTED_TARGET libedit)
if(BUILD_TESTING)
  find_package(GTest CONFIG REQUIRED)
endif()
# libcsv (libcsv-dev) reads CSV intake exports; it ships neither a CMake nor a pkg-config file.
find_path(LIBCSV_INCLUDE_DIR csv.h REQUIRED)
find_library(LIBCSV_LIBRARY csv REQUIRED)
add_library(libcsv::libcsv UNKNOWN IMPORTED)
set_target_properties(libcsv::libcsv PROPERTIES
  IMPORTED_LOCATION ${LIBCSV_LIBRARY} INTERFACE_INCLUDE_DIRECTORIES ${LIBCSV_INCLUDE_DIR})
