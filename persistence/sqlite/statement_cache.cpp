#include "persistence/sqlite/statement_cache.hpp"

namespace panelist {

StatementCache::Handle::~Handle() {
    try {
        s_->reset();
        s_->clearBindings();
    } catch (...) {
        // reset reports the last step's error again; it was already thrown to the caller
    }
}

StatementCache::Handle StatementCache::use(const std::string& sql) {
    auto& slot = statements_[sql];
    if (!slot) slot = std::make_unique<SQLite::Statement>(db_, sql);
    return Handle(*slot);
}

} // namespace panelist
