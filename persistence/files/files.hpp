// Reading and writing whole files safely: size limits on read, atomic replace on write.
#pragma once
#include <filesystem>
#include <string>
#include <vector>
#include <sys/types.h>

namespace panelist {

// What one reading takes in at most. Parsed, a text takes four to five times its size (toml++
// and nlohmann build a node per value; the text stays until the import is done): 32 MiB keeps
// any input under 200 MB, and holds an export of 16,000 questions or a bundle of 3,500 interviews.
constexpr std::uintmax_t max_input_file_bytes = 32u << 20;

// What a reader accepts besides regular files. A person may give a pipe, a FIFO or a device on
// purpose; a folder kept by a sync engine holds only files, and anything else in it (a FIFO
// swapped in between listing and reading) must not block the thread that reads it.
enum class FileKinds { any, regular_only };

// The whole file as bytes. Throws FileError naming the file if it is missing, a folder,
// unreadable, gives more than `limit` bytes, or (regular_only) is not a regular file or is a
// symbolic link.
std::string read_text_file(const std::filesystem::path&, std::uintmax_t limit = max_input_file_bytes,
                           FileKinds kinds = FileKinds::any);
// A file's text with the name its errors are reported under (usually the path).
struct NamedText {
    std::string name;
    std::string text;
};

// Every file's bytes, named by its path; throws one FileError listing every file that could
// not be read, so the user sees all of them at once. The files of one import are parsed and
// held together, so max_input_file_bytes bounds them together.
std::vector<NamedText> read_text_files(const std::vector<std::filesystem::path>&);
// Writes to a temporary file beside `path`, flushes it to disk, then renames it over `path`:
// a crash leaves either the old file or the new one, never half of one.
void write_file_atomically(const std::filesystem::path& path, const std::string& bytes,
                           mode_t mode = 0600);

} // namespace panelist
