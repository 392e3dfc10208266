// How many bytes this process has moved through the kernel so far, from /proc/self/io: tests
// that show a whole file was (or was not) read or copied.
#pragma once
#include <cstdint>
#include <fstream>
#include <string>

namespace panelist::test {

// One counter of /proc/self/io ("rchar:", "wchar:"), or 0 if it cannot be read.
inline std::uint64_t process_io(const std::string& counter) {
    std::ifstream io("/proc/self/io");
    std::string key;
    std::uint64_t value = 0;
    while (io >> key >> value)
        if (key == counter) return value;
    return 0;
}

// Read through read(2) and pread(2) so far.
inline std::uint64_t bytes_read_so_far() { return process_io("rchar:"); }
// Written through write(2) and pwrite(2) so far.
inline std::uint64_t bytes_written_so_far() { return process_io("wchar:"); }

} // namespace panelist::test
