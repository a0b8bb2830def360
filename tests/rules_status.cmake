# docs/rules-status.md is what `ntm check --unconfirmed --format md rules/` prints, run from the
# repository root: this fails when the page and the marks in rules/ part ways.
#   cmake -DNTM=... -DROOT=... -P rules_status.cmake
execute_process(
    COMMAND ${CMAKE_COMMAND} -E env NO_COLOR=1 ${NTM} check --unconfirmed --format md rules/
    WORKING_DIRECTORY ${ROOT}
    RESULT_VARIABLE rc
    OUTPUT_VARIABLE out
    ERROR_QUIET)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "ntm check --unconfirmed rules/ exited with ${rc}")
endif()
file(READ ${ROOT}/docs/rules-status.md page)
if(NOT out STREQUAL page)
    set(actual ${CMAKE_CURRENT_BINARY_DIR}/rules-status-actual.md)
    file(WRITE ${actual} "${out}")
    execute_process(COMMAND diff -u ${ROOT}/docs/rules-status.md ${actual})
    message(FATAL_ERROR "docs/rules-status.md differs from the marks in rules/; write it again with "
                        "`ntm check --unconfirmed --format md rules/ > docs/rules-status.md`")
endif()
