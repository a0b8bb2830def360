# The golden test of `ntm template`: writes the template of CASE (its arguments in CASE.args),
# reads it back with `ntm validate`, prints the parts that matter with dump.py (each sheet's header row, data validations and
# pre-filled rows, shared strings resolved) and compares them with CASE.expected.  With
# NTM_UPDATE_GOLDEN set, writes CASE.expected instead: read the diff before committing it.
#   cmake -DNTM=... -DCASE=... -DDIR=... -DOUT=.../template-CASE.xlsx -P run.cmake
file(READ ${DIR}/${CASE}.args args)
string(STRIP "${args}" args)
separate_arguments(args UNIX_COMMAND "${args}")
get_filename_component(out_dir ${OUT} DIRECTORY)
get_filename_component(out_name ${OUT} NAME)
execute_process(COMMAND ${CMAKE_COMMAND} -E env NO_COLOR=1 ${NTM} template --rules ${DIR}/../../../rules
                        ${args} --out ${out_name}
                WORKING_DIRECTORY ${out_dir}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "ntm template exited with ${rc}:\n${err}${out}")
endif()
execute_process(COMMAND python3 ${DIR}/dump.py ${OUT} RESULT_VARIABLE rc OUTPUT_VARIABLE dump ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "dump.py failed:\n${err}")
endif()
# Read back untouched by `ntm validate`: every pre-filled unit, no problem.
execute_process(COMMAND ${CMAKE_COMMAND} -E env NO_COLOR=1 ${NTM} validate --rules ${DIR}/../../../rules
                        --data ${out_name}
                WORKING_DIRECTORY ${out_dir}
                RESULT_VARIABLE rc OUTPUT_VARIABLE validated ERROR_VARIABLE err)
set(actual "${out}${err}${validated}validate: exit ${rc}\n${dump}")
if(DEFINED ENV{NTM_UPDATE_GOLDEN})
    file(WRITE ${DIR}/${CASE}.expected "${actual}")
    return()
endif()
file(READ ${DIR}/${CASE}.expected expected)
if(NOT actual STREQUAL expected)
    file(WRITE ${OUT}.txt "${actual}")
    execute_process(COMMAND diff -u ${DIR}/${CASE}.expected ${OUT}.txt)
    message(FATAL_ERROR "output differs from ${DIR}/${CASE}.expected")
endif()
