# Runs one golden case: `ntm ARGS CASE` in WORKDIR, and compares what it prints (stderr, then
# stdout, then the exit code) with EXPECTED.  With NTM_UPDATE_GOLDEN set in the environment,
# writes EXPECTED instead: review the diff before committing it.
#   cmake -DNTM=... -DCASE=... -DARGS=check;--werror -DEXPECTED=... -DWORKDIR=... -P run_golden.cmake
execute_process(
    COMMAND ${CMAKE_COMMAND} -E env NO_COLOR=1 ${NTM} ${ARGS} ${CASE}
    WORKING_DIRECTORY ${WORKDIR}
    RESULT_VARIABLE rc
    OUTPUT_VARIABLE out
    ERROR_VARIABLE err)
set(actual "${err}${out}exit: ${rc}\n")
if(DEFINED ENV{NTM_UPDATE_GOLDEN})
    file(WRITE ${EXPECTED} "${actual}")
    return()
endif()
if(NOT EXISTS ${EXPECTED})
    message(FATAL_ERROR "no expected output ${EXPECTED}; run with NTM_UPDATE_GOLDEN=1 to create it")
endif()
file(READ ${EXPECTED} expected)
if(NOT actual STREQUAL expected)
    string(MD5 tag "${EXPECTED}")
    set(actual_file ${CMAKE_CURRENT_BINARY_DIR}/golden-actual-${tag}.txt)
    file(WRITE ${actual_file} "${actual}")
    execute_process(COMMAND diff -u ${EXPECTED} ${actual_file})
    message(FATAL_ERROR "output differs from ${EXPECTED}")
endif()
