# Runs lupdate over the sources into a copy of the .ts file and fails when the
# copy differs: a tr() string was added, changed or removed without
# `cmake --build build/dev --target update_translations`.
# Called by ctest with LUPDATE, PROJECT_CMAKE, GENERATE_PROJECT, TS_FILE, WORK_DIR.
file(MAKE_DIRECTORY "${WORK_DIR}")
set(copy "${WORK_DIR}/current.ts")
file(COPY_FILE "${TS_FILE}" "${copy}")
execute_process(COMMAND "${CMAKE_COMMAND}" "-DIN_FILE=${PROJECT_CMAKE}" "-DOUT_FILE=${WORK_DIR}/project.json"
                        -P "${GENERATE_PROJECT}"
                COMMAND_ERROR_IS_FATAL ANY)
execute_process(COMMAND "${LUPDATE}" -project "${WORK_DIR}/project.json" -locations none -no-obsolete
                        -ts "${copy}"
                OUTPUT_QUIET ERROR_QUIET
                COMMAND_ERROR_IS_FATAL ANY)
execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${TS_FILE}" "${copy}" RESULT_VARIABLE differs)
if(differs)
    message(FATAL_ERROR "${TS_FILE} is stale: run `cmake --build <build dir> --target update_translations`, "
                        "translate the new strings (or leave them unfinished) and commit the file.")
endif()
message(STATUS "${TS_FILE} holds every tr() string of the sources.")
