# cmake -DROOT=<source dir> -P check_layers.cmake
#
# The stages depend on each other one way.  Each folder may include only the folders listed
# for it here (and the standard library and Debian's headers); an #include "X/..." of any
# other folder of the project fails this check, naming the file and line.  The order is the
# pipeline's, and docs/architecture.md draws it:
#
#   text ← dsl ← engine ← data ← merge ← report ← diff
#                            ↖ generate ←──────────┴── ruletest
#   server (ntm serve's API) uses them up to diff/, and web/ (its app's files); cli uses them all; engine/example shows embedding programs: one reads a file (data/) and
#   words its results (report/), the other links the engine alone.
#   bench measures the pipeline up to its renderers (report/).
cmake_minimum_required(VERSION 3.25)
set(allowed_text     text)
set(allowed_dsl      text dsl)
set(allowed_engine   text dsl engine)
set(allowed_data     text dsl engine data)
set(allowed_merge    text dsl engine data merge)
set(allowed_report   text dsl engine data merge report)
set(allowed_generate text dsl engine data generate)
set(allowed_diff     text dsl engine data merge report diff)
set(allowed_ruletest text dsl engine data merge report generate ruletest)
set(allowed_web      web)
set(allowed_server   text dsl engine data merge report diff web server)
set(allowed_cli      text dsl engine data merge report generate diff ruletest server cli)
set(allowed_example  text dsl engine data report)
set(allowed_bench    text dsl engine data merge report bench)
set(folders text dsl engine data merge report generate diff ruletest web server cli bench)

set(failures "")
set(checked 0)
foreach(folder IN LISTS folders)
    file(GLOB_RECURSE sources RELATIVE ${ROOT} ${ROOT}/${folder}/*.cpp ${ROOT}/${folder}/*.hpp)
    foreach(source IN LISTS sources)
        set(allowed ${allowed_${folder}})
        if(source MATCHES "^engine/example/")
            set(allowed ${allowed_example})
        endif()
        file(STRINGS ${ROOT}/${source} lines)
        set(number 0)
        foreach(line IN LISTS lines)
            math(EXPR number "${number} + 1")
            if(line MATCHES "^[ \t]*#[ \t]*include[ \t]*\"([a-z_]+)/")
                set(target ${CMAKE_MATCH_1})
                if(NOT target IN_LIST allowed)
                    string(APPEND failures "${source}:${number}: ${folder}/ may not include ${target}/ (it may include: ${allowed})\n")
                endif()
            endif()
        endforeach()
        math(EXPR checked "${checked} + 1")
    endforeach()
endforeach()

if(failures)
    message(FATAL_ERROR "includes that run against the stages' order:\n${failures}")
endif()
message(STATUS "${checked} files: every include runs one way")
