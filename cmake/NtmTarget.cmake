# ntm_target_defaults(TARGET): the one place that sets the language standard, warnings and
# sanitizers for a target of this project.  CI configures with NTM_WERROR=ON and, in a second
# build, NTM_SANITIZE=ON; local builds get the same warnings without -Werror.
option(NTM_WERROR "Treat compiler warnings as errors" OFF)
option(NTM_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)

function(ntm_target_defaults target)
    target_compile_features(${target} PUBLIC cxx_std_20)
    set_target_properties(${target} PROPERTIES CXX_EXTENSIONS OFF)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wshadow -Wpedantic
                                             -Wnon-virtual-dtor -Wold-style-cast)
    if(NTM_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
    if(NTM_SANITIZE)
        target_compile_options(${target} PRIVATE -fsanitize=address,undefined
                                                 -fno-omit-frame-pointer -fno-sanitize-recover=all)
        target_link_options(${target} PRIVATE -fsanitize=address,undefined)
    endif()
endfunction()
