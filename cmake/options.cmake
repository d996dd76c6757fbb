# Compiler settings shared by our own targets only, never by third-party code.
add_library(contra_options INTERFACE)
target_compile_options(contra_options INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Woverloaded-virtual -Wimplicit-fallthrough
  # A narrowing or a change of sign is written out where the value is known to fit, checked where
  # it may not: never left to the compiler.
  -Wconversion -Wsign-conversion
  $<$<BOOL:${CONTRA_WARNINGS_AS_ERRORS}>:-Werror>)
if(CONTRA_SANITIZERS)
  target_compile_options(contra_options INTERFACE
    -fsanitize=${CONTRA_SANITIZERS} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  target_link_options(contra_options INTERFACE -fsanitize=${CONTRA_SANITIZERS})
endif()
