# cmake -DNM=nm "-DLIBRARIES=a.so;b.so" -P check_library_hygiene.cmake
# An embedded library must not write to the host's terminal or end its process: fails when a
# library references printf/puts, the standard streams or abort/exit.
set(forbidden printf puts putchar fprintf fputs vprintf vfprintf perror abort exit _exit stdout
              stderr _ZSt4cout _ZSt4cerr _ZSt4clog _ZSt7wcout _ZSt5wcerr)
set(found "")
foreach(library IN LISTS LIBRARIES)
  execute_process(COMMAND ${NM} -D --undefined-only ${library}
                  OUTPUT_VARIABLE listing RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "${NM} failed on ${library}")
  endif()
  string(REPLACE "\n" ";" lines "${listing}")
  foreach(line IN LISTS lines)
    if(line MATCHES "U ([^@ ]+)")
      list(FIND forbidden "${CMAKE_MATCH_1}" index)
      if(NOT index EQUAL -1)
        list(APPEND found "${library}: ${CMAKE_MATCH_1}")
      endif()
    endif()
  endforeach()
endforeach()
if(found)
  list(JOIN found "\n  " found)
  message(FATAL_ERROR "forbidden references (printing or ending the process):\n  ${found}")
endif()
message(STATUS "no printing or aborting references in ${LIBRARIES}")
