# Warning options as an INTERFACE target that every dangvu target links.
add_library(dangvu_warnings INTERFACE)
target_compile_options(dangvu_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
  -Wold-style-cast -Woverloaded-virtual -Wnull-dereference -Wimplicit-fallthrough)
if(DANGVU_WERROR)
  target_compile_options(dangvu_warnings INTERFACE -Werror)
endif()
