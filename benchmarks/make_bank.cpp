// Writes a database holding N synthetic questions, for the whole-process benchmarks.
// Usage: panelist_make_bank DB_PATH N
#include "benchmarks/synthetic_bank.hpp"

#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: panelist_make_bank DB_PATH N\n");
        return 2;
    }
    auto db = panelist::Database::open(argv[1]);
    panelist::bench::fill_bank(db, std::atoi(argv[2]));
    return 0;
}
