#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace tagwise::ml {

/// The largest file readFileBytes() reads by default (checkpoints of big networks fit).
inline constexpr std::uint64_t kMaximumFileBytes = std::uint64_t(8) << 30;

/**
 * Replaces \a path with \a bytes so that a crash at any moment leaves either
 * the old file or the new one, never a torn one: the bytes go to
 * "<path>.part", are flushed to disk (fsync), and the temp file is renamed
 * over \a path. A leftover "<path>.part" from an earlier crash is simply
 * overwritten; readers never look at it. Throws MlError naming the file and
 * the reason.
 */
void writeFileAtomically(const std::string &path, const std::string &bytes);

/**
 * The whole content of \a path; throws MlError naming the file and the
 * reason. Refuses what is not a regular file (a FIFO would block, a device
 * never end) and files over \a maximumBytes.
 */
std::string readFileBytes(const std::string &path, std::uint64_t maximumBytes = kMaximumFileBytes);

/**
 * writeFileAtomically() of \a bytes followed by a trailer that lets
 * readChecksummedFile() tell a damaged file from a good one: "TWCRC001",
 * the CRC-32 of \a bytes and their length (little-endian, 20 bytes in all).
 * LibTorch's archive reader checks no CRC: without this, zeroed or random
 * bytes inside a checkpoint load as different weights.
 */
void writeChecksummedFile(const std::string &path, const std::string &bytes);

/**
 * What writeChecksummedFile() wrote, trailer removed; throws MlError naming
 * the file when it is truncated, has no trailer, or its bytes do not match
 * the checksum ("... is corrupt").
 */
std::string readChecksummedFile(const std::string &path);

/// CRC-32 (IEEE 802.3, as zlib's crc32()) of \a size bytes at \a data, continuing from \a crc.
std::uint32_t crc32(const void *data, std::size_t size, std::uint32_t crc = 0);

}
