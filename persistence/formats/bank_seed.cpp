#include "persistence/formats/bank_seed.hpp"
#include "persistence/store/store_edge.hpp"

#include "persistence/formats/question_import.hpp"
#include "persistence/sqlite/write_transaction.hpp"

namespace panelist {

bool bank_seeded(Database& db) {
    return db.sql().execAndGet("SELECT count(*) FROM meta WHERE key = 'bank_seeded'").getInt() > 0;
}

void seed_bank(Database& db, const std::vector<std::filesystem::path>& files) {
    return at_store_edge(db.sql(), [&]() -> void {
        WriteTransaction tx(db.sql());
        import_question_files(db, files);
        db.sql().exec("INSERT OR REPLACE INTO meta (key, value) "
                      "VALUES ('bank_seeded', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
        tx.commit();
    });
}

} // namespace panelist
