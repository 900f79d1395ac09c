#pragma once

#include "core/ml/modelbundle.h"
#include "core/ml/trainconfig.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace at {
class Tensor;
}

namespace tagwise::ml {

class NetworkImpl;

/**
 * A trained model ready to answer: the bundle's network on a device, in
 * evaluation mode. The header keeps LibTorch out, so any layer can hold one.
 * One call at a time per Predictor (predict() is not re-entrant).
 */
class Predictor final
{
public:
    /**
     * Loads the bundle in \a path (a bundle folder, or a run folder with
     * model/ in it). Throws MlError naming the file and the reason.
     */
    static std::unique_ptr<Predictor> load(const std::string &path, DeviceChoice device = DeviceChoice::Auto);
    ~Predictor();

    const ModelBundle &bundle() const;
    int inputSize() const { return bundle().inputSize; }
    std::size_t tagCount() const { return bundle().tags.size(); }

    /**
     * Probabilities, \a count rows of tagCount() (row-major), for \a count
     * images of inputSize() x inputSize() RGB uint8 HWC laid one after the
     * other in \a pixels. Runs in inference mode, \a batchSize at a time.
     */
    std::vector<float> predict(const std::uint8_t *pixels, std::size_t count, int batchSize = 32) const;

    /// Indexes of the tags whose probability in \a row reaches the bundle's threshold.
    std::vector<std::size_t> predictedTags(const float *row) const;

    /// The network (evaluation mode, on the predictor's device), for Grad-CAM.
    std::shared_ptr<NetworkImpl> network() const;
    /// Normalised network input (N x 3 x S x S, on the device) for \a count images as in predict().
    at::Tensor input(const std::uint8_t *pixels, std::size_t count) const;

private:
    struct Private;
    explicit Predictor(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

}
