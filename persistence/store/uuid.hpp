// Random (version 4) UUIDs: the identity of loops, candidates and interviews across laptops.
#pragma once
#include <string>

namespace panelist {

std::string new_uuid();
bool is_uuid(const std::string&);

} // namespace panelist
