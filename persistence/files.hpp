// Reading and writing whole files safely: size limits on read, atomic replace on write.
#pragma once
#include <filesystem>
#include <string>
#include <sys/types.h>

namespace panelist {

constexpr std::uintmax_t max_input_file_bytes = 64u << 20;

// The whole file as bytes. Throws FileError naming the file if it is missing, a folder,
// unreadable or larger than max_input_file_bytes.
std::string read_text_file(const std::filesystem::path&);
// Writes to a temporary file beside `path`, flushes it to disk, then renames it over `path`:
// a crash leaves either the old file or the new one, never half of one.
void write_file_atomically(const std::filesystem::path& path, const std::string& bytes,
                           mode_t mode = 0600);

} // namespace panelist
