# Every dependency is a Debian package; .ci/run installs them (see README, "Dependencies").
find_package(yaml-cpp CONFIG REQUIRED)
if(NOT TARGET yaml-cpp::yaml-cpp)
  # Debian 12 ships yaml-cpp 0.7, which exports only the plain `yaml-cpp` target.
  add_library(yaml-cpp::yaml-cpp ALIAS yaml-cpp)
endif()
find_package(fmt CONFIG REQUIRED)
find_package(CLI11 CONFIG REQUIRED)
find_package(nlohmann_json CONFIG REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(NETTLE REQUIRED IMPORTED_TARGET nettle)
if(BUILD_TESTING)
  find_package(GTest CONFIG REQUIRED)
endif()
