# ntm_target_defaults(TARGET): the one place that sets the language standard, warnings and
# sanitizers for a target of this project.  CI configures with NTM_WERROR=ON and, in a second
# build, NTM_SANITIZE=ON; local builds get the same warnings without -Werror.
option(NTM_WERROR "Treat compiler warnings as errors" OFF)
option(NTM_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
# Fuzzing (fuzz/, scripts/fuzz.sh): every target is instrumented for libFuzzer's coverage and
# checked by AddressSanitizer and UndefinedBehaviorSanitizer, which stop at the first finding so
# that the fuzzer records it as a crash.  Needs clang; the GCC builds do not change.
option(NTM_FUZZ "Build the libFuzzer harnesses of fuzz/ (clang only)" OFF)
if(NTM_FUZZ AND NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "NTM_FUZZ needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++, "
                        "not ${CMAKE_CXX_COMPILER_ID}")
endif()

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
    if(NTM_FUZZ)
        target_compile_options(${target} PRIVATE -fsanitize=fuzzer-no-link,address,undefined
                                                 -fno-omit-frame-pointer -fno-sanitize-recover=all)
        target_link_options(${target} PRIVATE -fsanitize=address,undefined)
    endif()
endfunction()
