#pragma once

// An in-memory ImageLoader for engine tests: it draws each image from its
// path, so tests need no files. A path names its tags as a bit mask,
// "img_<index>_<mask>": bit 0 "red" (a red cast), bit 1 "stripes" (vertical
// bright stripes), bit 2 "square" (a blue square in the middle). Paths
// containing "corrupt" fail to decode.

#include "core/ml/datasetsnapshot.h"
#include "core/ml/imageloader.h"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace tagwise::test {

class SyntheticImageLoader final : public ml::ImageLoader
{
public:
    static std::vector<std::string> tagNames() { return {"red", "stripes", "square"}; }

    static std::string pathFor(int index, unsigned mask)
    {
        return "img_" + std::to_string(index) + "_" + std::to_string(mask);
    }

    /// A data set of \a count images with tag masks cycling through all 8 combinations.
    static std::vector<ml::Sample> samples(int first, int count)
    {
        std::vector<ml::Sample> list;
        for (int i = first; i < first + count; ++i) {
            const unsigned mask = unsigned(i * 5 + i / 8) % 8u;
            ml::Sample sample;
            sample.path = pathFor(i, mask);
            sample.target = {std::uint8_t(mask & 1u), std::uint8_t((mask >> 1) & 1u), std::uint8_t((mask >> 2) & 1u)};
            list.push_back(sample);
        }
        return list;
    }

    static ml::DatasetSnapshot snapshot(int trainCount, int validationCount)
    {
        ml::DatasetSnapshot s;
        s.tags = tagNames();
        s.train = samples(0, trainCount);
        s.validation = samples(trainCount, validationCount);
        return s;
    }

    /// The pixels of one image: S x S x 3 RGB.
    static std::vector<std::uint8_t> draw(const std::string &path, int size)
    {
        const auto underscore = path.rfind('_');
        const unsigned mask = underscore == std::string::npos ? 0u : unsigned(std::stoul(path.substr(underscore + 1)));
        std::vector<std::uint8_t> pixels(std::size_t(size) * std::size_t(size) * 3);
        std::uint64_t state = std::hash<std::string>()(path) | 1u;
        for (int y = 0; y < size; ++y) {
            for (int x = 0; x < size; ++x) {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                int r = 60 + int(state % 50);
                int g = 60 + int((state >> 8) % 50);
                int b = 60 + int((state >> 16) % 50);
                if (mask & 1u)
                    r += 120;
                if ((mask & 2u) && (x / 2) % 2 == 0)
                    r = g = b = 235;
                if ((mask & 4u) && x >= size / 4 && x < 3 * size / 4 && y >= size / 4 && y < 3 * size / 4)
                    b = 250;
                std::uint8_t *p = pixels.data() + (std::size_t(y) * std::size_t(size) + std::size_t(x)) * 3;
                p[0] = std::uint8_t(std::min(r, 255));
                p[1] = std::uint8_t(std::min(g, 255));
                p[2] = std::uint8_t(std::min(b, 255));
            }
        }
        return pixels;
    }

    void loadAll(const std::vector<std::string> &paths, int size, std::vector<std::uint8_t> &pixels,
                 std::vector<std::string> &errors, ml::Feedback *) override
    {
        ++m_calls;
        const std::size_t imageBytes = std::size_t(size) * std::size_t(size) * 3;
        pixels.assign(paths.size() * imageBytes, 0);
        errors.assign(paths.size(), std::string());
        std::lock_guard lock(m_mutex);
        for (std::size_t i = 0; i < paths.size(); ++i) {
            ++m_decodes[paths[i]];
            if (paths[i].find("corrupt") != std::string::npos) {
                errors[i] = "corrupt test image";
                continue;
            }
            const auto image = draw(paths[i], size);
            std::copy(image.begin(), image.end(), pixels.begin() + std::ptrdiff_t(i * imageBytes));
        }
    }

    int calls() const { return m_calls; }
    int decodes(const std::string &path) const
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_decodes.find(path);
        return it == m_decodes.end() ? 0 : it->second;
    }

private:
    std::atomic<int> m_calls{0};
    mutable std::mutex m_mutex;
    std::map<std::string, int> m_decodes;
};

}
