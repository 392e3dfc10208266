// demo: sample data so every screen can be seen full.
#include "persistence/store/demo_data.hpp"
#include "ui/cli/terminal.hpp"
#include "persistence/store/people_repository.hpp"
#include "ui/cli/commands.hpp"

#include <fmt/format.h>

namespace panelist {

int demo_command(Database& db) {
    PeopleRepository people(db);
    if (people.find_loop_by_name("MLOps Engineer, Berlin, 2026-Q4")) {
        say_err("{} already holds the demo loop; nothing was added.\n", db.path().string());
        return exit_user_error;
    }
    try {
        const auto s = fill_demo(db);
        say("Added {} loop, {} candidates and {} interviews to {}\n", s.loops, s.candidates, s.interviews,
                   db.path().string());
        return exit_ok;
    } catch (const std::exception& e) { // busy or read-only say so in words (the store's edge)
        say_err("{}\nNothing was added.\n", e.what());
        return exit_user_error;
    }
}

} // namespace panelist
