// A value a screen read from the store, kept until the store changes or the key it was read
// for does: screens draw from it every frame without querying SQLite every frame.
#pragma once
#include "persistence/store/database.hpp"

#include <optional>

namespace panelist {

template <typename Key, typename Value>
class StoreCache {
public:
    // The cached value, reloaded with `load()` when the data or `key` changed since it was read.
    template <typename Load>
    const Value& get(Database& db, const Key& key, Load&& load) {
        const StoreVersion now = db.version();
        if (!value_ || !(now == version_) || !(key == key_)) {
            value_ = load();
            version_ = now;
            key_ = key;
            ++generation_;
        }
        return *value_;
    }
    // Counts the loads: a screen that keeps a working copy (sorted, say) knows when to renew it.
    int generation() const { return generation_; }

private:
    std::optional<Value> value_;
    StoreVersion version_;
    Key key_{};
    int generation_ = 0;
};

} // namespace panelist
