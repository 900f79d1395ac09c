#include "core/ml/atomicfile.h"

#include "core/ml/mlerror.h"

#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace tagwise::ml {

namespace {

[[noreturn]] void fail(const std::string &path, const std::string &what, int error)
{
    throw MlError(path + ": " + what + ": " + std::strerror(error));
}

}

void writeFileAtomically(const std::string &path, const std::string &bytes)
{
    const std::string temp = path + ".part";
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        fail(temp, "cannot create", errno);
    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const int error = errno;
            ::close(fd);
            ::unlink(temp.c_str());
            fail(temp, "cannot write", error);
        }
        written += std::size_t(n);
    }
    if (::fsync(fd) != 0) {
        const int error = errno;
        ::close(fd);
        ::unlink(temp.c_str());
        fail(temp, "cannot flush to disk", error);
    }
    if (::close(fd) != 0) {
        const int error = errno;
        ::unlink(temp.c_str());
        fail(temp, "cannot close", error);
    }
    if (::rename(temp.c_str(), path.c_str()) != 0) {
        const int error = errno;
        ::unlink(temp.c_str());
        fail(path, "cannot replace", error);
    }
    // The rename itself lives in the folder: flush that too, or a power cut may undo it.
    std::string folder = std::filesystem::path(path).parent_path().string();
    if (folder.empty())
        folder = ".";
    const int dirFd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd >= 0) {
        ::fsync(dirFd);
        ::close(dirFd);
    }
}

std::string readFileBytes(const std::string &path, std::uint64_t maximumBytes)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        fail(path, "cannot open for reading", errno);
    struct stat info {};
    if (::fstat(fd, &info) != 0) {
        const int error = errno;
        ::close(fd);
        fail(path, "cannot read", error);
    }
    if (!S_ISREG(info.st_mode)) {
        ::close(fd);
        throw MlError(path + ": not a regular file");
    }
    if (std::uint64_t(info.st_size) > maximumBytes) {
        ::close(fd);
        throw MlError(path + ": too large (" + std::to_string(info.st_size) + " bytes; at most "
                      + std::to_string(maximumBytes) + ")");
    }
    std::string bytes(std::size_t(info.st_size), '\0');
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::read(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            const int error = errno;
            ::close(fd);
            fail(path, "read error", error);
        }
        if (n == 0)
            break; // shrank while being read
        done += std::size_t(n);
    }
    ::close(fd);
    bytes.resize(done);
    return bytes;
}

namespace {

constexpr char kTrailerMagic[8] = {'T', 'W', 'C', 'R', 'C', '0', '0', '1'};
constexpr std::size_t kTrailerSize = 20;

void putLittleEndian(std::string &out, std::uint64_t value, int bytes)
{
    for (int i = 0; i < bytes; ++i)
        out.push_back(char((value >> (8 * i)) & 0xff));
}

std::uint64_t getLittleEndian(const char *in, int bytes)
{
    std::uint64_t value = 0;
    for (int i = 0; i < bytes; ++i)
        value |= std::uint64_t(std::uint8_t(in[i])) << (8 * i);
    return value;
}

}

std::uint32_t crc32(const void *data, std::size_t size, std::uint32_t crc)
{
    // Slicing by 8: eight table lookups per 8 bytes, about 1 GB/s.
    static const auto tables = [] {
        std::array<std::array<std::uint32_t, 256>, 8> t{};
        for (std::uint32_t i = 0; i < 256; ++i) {
            std::uint32_t c = i;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[0][i] = c;
        }
        for (std::uint32_t i = 0; i < 256; ++i) {
            for (std::size_t k = 1; k < 8; ++k)
                t[k][i] = (t[k - 1][i] >> 8) ^ t[0][t[k - 1][i] & 0xff];
        }
        return t;
    }();
    const auto *p = static_cast<const std::uint8_t *>(data);
    crc = ~crc;
    while (size >= 8) {
        const std::uint32_t lo = crc ^ (std::uint32_t(p[0]) | std::uint32_t(p[1]) << 8 | std::uint32_t(p[2]) << 16
                                        | std::uint32_t(p[3]) << 24);
        crc = tables[7][lo & 0xff] ^ tables[6][(lo >> 8) & 0xff] ^ tables[5][(lo >> 16) & 0xff] ^ tables[4][lo >> 24]
              ^ tables[3][p[4]] ^ tables[2][p[5]] ^ tables[1][p[6]] ^ tables[0][p[7]];
        p += 8;
        size -= 8;
    }
    while (size-- > 0)
        crc = tables[0][(crc ^ *p++) & 0xff] ^ (crc >> 8);
    return ~crc;
}

void writeChecksummedFile(const std::string &path, const std::string &bytes)
{
    std::string out;
    out.reserve(bytes.size() + kTrailerSize);
    out.append(bytes);
    out.append(kTrailerMagic, sizeof(kTrailerMagic));
    putLittleEndian(out, crc32(bytes.data(), bytes.size()), 4);
    putLittleEndian(out, bytes.size(), 8);
    writeFileAtomically(path, out);
}

std::string readChecksummedFile(const std::string &path)
{
    std::string bytes = readFileBytes(path);
    if (bytes.size() < kTrailerSize
        || bytes.compare(bytes.size() - kTrailerSize, sizeof(kTrailerMagic), kTrailerMagic, sizeof(kTrailerMagic)) != 0)
        throw MlError(path + ": is corrupt or truncated (its checksum is missing)");
    const char *trailer = bytes.data() + bytes.size() - kTrailerSize;
    const std::uint32_t expected = std::uint32_t(getLittleEndian(trailer + 8, 4));
    const std::uint64_t length = getLittleEndian(trailer + 12, 8);
    if (length != bytes.size() - kTrailerSize)
        throw MlError(path + ": is corrupt or truncated (" + std::to_string(bytes.size() - kTrailerSize)
                      + " bytes where its trailer says " + std::to_string(length) + ")");
    bytes.resize(std::size_t(length));
    if (crc32(bytes.data(), bytes.size()) != expected)
        throw MlError(path + ": is corrupt (its bytes do not match their checksum)");
    return bytes;
}

}
