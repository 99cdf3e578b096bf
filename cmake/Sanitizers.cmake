# ASan + UBSan as an INTERFACE target; the debug preset (used by the tests) turns it on.
add_library(dangvu_sanitizers INTERFACE)
if(DANGVU_SANITIZE)
  target_compile_options(dangvu_sanitizers INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  target_link_options(dangvu_sanitizers INTERFACE -fsanitize=address,undefined)
endif()
