# One place for the warning flags of our own targets (never of third-party headers).
function(panelist_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
    -Wno-sign-conversion -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual)
  if(PANELIST_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
