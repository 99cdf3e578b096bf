# ASan + UBSan as an INTERFACE target; the debug preset (used by the tests) turns it on.
# UBSan's vptr check is off: it needs typeinfo that Debian's libsoci does not export.
add_library(dangvu_sanitizers INTERFACE)
if(DANGVU_SANITIZE)
  target_compile_options(dangvu_sanitizers INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-sanitize=vptr -fno-omit-frame-pointer)
  target_link_options(dangvu_sanitizers INTERFACE -fsanitize=address,undefined -fno-sanitize=vptr)
endif()
