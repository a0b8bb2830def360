# Runs one golden case: `ntm ARGS CASE` in WORKDIR, and compares what it prints (stderr, then
# stdout, then the exit code) with EXPECTED.  With NTM_UPDATE_GOLDEN set in the environment,
# writes EXPECTED instead: review the diff before committing it.
#   cmake -DNTM=... -DCASE=... -DARGS=check;--werror -DEXPECTED=... -DWORKDIR=... -P run_golden.cmake
#
# A workbook written: @OUT@ in the arguments is a file in the build folder (and reads @OUT@ again
# in the output), and CASE.parts beside EXPECTED lists the parts of it to compare (one a line),
# each appended to the output with a line break between its elements.  A directory written
# there (ntm report --by): each of its files, by name, with its first 12 lines.
string(MD5 tag "${EXPECTED}")
set(written ${CMAKE_CURRENT_BINARY_DIR}/golden-out-${tag}.xlsx)
file(REMOVE_RECURSE ${written})
string(REPLACE "@OUT@" "${written}" ARGS "${ARGS}")
execute_process(
    COMMAND ${CMAKE_COMMAND} -E env NO_COLOR=1 ${NTM} ${ARGS} ${CASE}
    WORKING_DIRECTORY ${WORKDIR}
    RESULT_VARIABLE rc
    OUTPUT_VARIABLE out
    ERROR_VARIABLE err)
set(actual "${err}${out}exit: ${rc}\n")
string(REPLACE "${written}" "@OUT@" actual "${actual}")
if(IS_DIRECTORY ${written})
    file(GLOB_RECURSE listed RELATIVE ${written} ${written}/*)
    list(SORT listed)
    foreach(name ${listed})
        file(STRINGS ${written}/${name} lines LIMIT_COUNT 12 ENCODING UTF-8)
        list(JOIN lines "\n" head)
        string(APPEND actual "--- ${name}\n${head}\n")
    endforeach()
endif()
string(REGEX REPLACE "\\.expected$" ".parts" parts_list "${EXPECTED}")
if(EXISTS ${parts_list})
    set(unpacked ${CMAKE_CURRENT_BINARY_DIR}/golden-out-${tag})
    file(REMOVE_RECURSE ${unpacked})
    file(MAKE_DIRECTORY ${unpacked})
    if(EXISTS ${written})
        execute_process(COMMAND ${CMAKE_COMMAND} -E tar xf ${written} WORKING_DIRECTORY ${unpacked})
    endif()
    file(STRINGS ${parts_list} parts REGEX "^[^#]")
    foreach(part ${parts})
        if(EXISTS ${unpacked}/${part})
            file(READ ${unpacked}/${part} content)
            string(REPLACE "><" ">\n<" content "${content}")
        else()
            set(content "(no such part)")
        endif()
        string(APPEND actual "--- ${part}\n${content}\n")
    endforeach()
endif()
# What holds for every case, whatever its expected output says: the records read are those
# accepted and those rejected, and an error means a non-zero exit.
foreach(summary IN ITEMS "read ([0-9]+), accepted ([0-9]+), rejected ([0-9]+)"
                         "đọc ([0-9]+) bản ghi, nhận ([0-9]+), loại ([0-9]+)")
    string(REGEX MATCHALL "${summary}" counts "${actual}")
    foreach(line IN LISTS counts)
        string(REGEX MATCH "${summary}" _ "${line}")
        math(EXPR sum "${CMAKE_MATCH_2} + ${CMAKE_MATCH_3}")
        if(NOT sum EQUAL CMAKE_MATCH_1)
            message(FATAL_ERROR "'${line}': read is not accepted + rejected")
        endif()
    endforeach()
endforeach()
if(rc EQUAL 0 AND actual MATCHES "(^|\n)[^\n]*(error|lỗi)(\\[[A-Z][0-9]+\\])?: ")
    message(FATAL_ERROR "an error was reported, yet the exit code is 0:\n${actual}")
endif()
if(DEFINED ENV{NTM_UPDATE_GOLDEN})
    file(WRITE ${EXPECTED} "${actual}")
    return()
endif()
if(NOT EXISTS ${EXPECTED})
    message(FATAL_ERROR "no expected output ${EXPECTED}; run with NTM_UPDATE_GOLDEN=1 to create it")
endif()
file(READ ${EXPECTED} expected)
if(NOT actual STREQUAL expected)
    set(actual_file ${CMAKE_CURRENT_BINARY_DIR}/golden-actual-${tag}.txt)
    file(WRITE ${actual_file} "${actual}")
    execute_process(COMMAND diff -u ${EXPECTED} ${actual_file})
    message(FATAL_ERROR "output differs from ${EXPECTED}")
endif()
