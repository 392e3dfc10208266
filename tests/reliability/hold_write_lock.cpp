// Test helper: a second Panelist busy writing. Holds a write lock on DATABASE (BEGIN IMMEDIATE)
// for SECONDS, longer than Panelist's busy timeout, then ends without committing.
#include <SQLiteCpp/Database.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: hold_write_lock DATABASE SECONDS\n");
        return 2;
    }
    try {
        SQLite::Database db(argv[1], SQLite::OPEN_READWRITE);
        db.exec("BEGIN IMMEDIATE");
        std::printf("holding\n");
        std::fflush(stdout); // the test starts Panelist only once the lock is held
        std::this_thread::sleep_for(std::chrono::seconds(std::atoi(argv[2])));
        db.exec("ROLLBACK");
    } catch (const std::exception& e) {
        std::fprintf(stderr, "hold_write_lock: %s\n", e.what());
        return 1;
    }
    return 0;
}
