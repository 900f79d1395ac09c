#include "core/workflow/explainer.h"

#include "core/imaging/heatmapoverlay.h"
#include "core/imaging/imagedecoder.h"
#include "core/ml/gradcam.h"
#include "core/ml/mlerror.h"
#include "core/ml/predictor.h"
#include "core/project/projecterror.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <torch/torch.h>

#include <cstring>
#include <stdexcept>

namespace tagwise::workflow {

namespace {

Bitmap toBitmap(const cv::Mat &image)
{
    Bitmap bitmap;
    bitmap.width = image.cols;
    bitmap.height = image.rows;
    bitmap.channels = image.channels();
    const std::size_t row = std::size_t(image.cols) * std::size_t(image.channels());
    bitmap.pixels.resize(qsizetype(row * std::size_t(image.rows)));
    for (int y = 0; y < image.rows; ++y)
        std::memcpy(bitmap.pixels.data() + std::size_t(y) * row, image.ptr(y), row);
    return bitmap;
}

cv::Mat matOf(const Bitmap &bitmap)
{
    return cv::Mat(bitmap.height, bitmap.width, bitmap.channels == 1 ? CV_8UC1 : CV_8UC3,
                   const_cast<char *>(bitmap.pixels.constData()));
}

cv::Mat mapOf(const Explanation &explanation, int i)
{
    if (i < 0 || i >= int(explanation.maps.size()))
        throw std::invalid_argument("Explanation: no map " + std::to_string(i));
    auto &map = explanation.maps[std::size_t(i)];
    return cv::Mat(explanation.image.height, explanation.image.width, CV_32FC1, const_cast<float *>(map.data()));
}

}

void writePng(const Bitmap &bitmap, const QString &file)
{
    cv::Mat bgr;
    if (bitmap.channels == 3)
        cv::cvtColor(matOf(bitmap), bgr, cv::COLOR_RGB2BGR);
    else
        bgr = matOf(bitmap);
    bool written = false;
    try {
        written = cv::imwrite(file.toStdString(), bgr);
    } catch (const cv::Exception &) {
    }
    if (!written)
        throw ProjectError(QStringLiteral("%1: cannot write the image").arg(file));
}

Bitmap Explanation::overlay(int i, double opacity) const
{
    return toBitmap(overlayHeatmap(matOf(image), mapOf(*this, i), opacity, ChannelOrder::Rgb));
}

Bitmap Explanation::heat(int i) const
{
    cv::Mat grey;
    mapOf(*this, i).convertTo(grey, CV_8UC1, 255.0);
    return toBitmap(grey);
}

std::unique_ptr<Explainer> Explainer::load(const QString &runDir)
{
    try {
        return std::unique_ptr<Explainer>(new Explainer(ml::Predictor::load(runDir.toStdString())));
    } catch (const ml::MlError &error) {
        throw ProjectError(QString::fromStdString(error.what()));
    }
}

Explainer::Explainer(std::unique_ptr<ml::Predictor> predictor)
    : m_predictor(std::move(predictor))
{
    for (const std::string &tag : m_predictor->bundle().tags)
        m_tags << QString::fromStdString(tag);
}

Explainer::~Explainer() = default;

std::vector<float> Explainer::thresholds() const
{
    return m_predictor->bundle().thresholds;
}

int Explainer::inputSize() const
{
    return m_predictor->inputSize();
}

QString Explainer::architecture() const
{
    return QString::fromStdString(m_predictor->bundle().architecture);
}

Explanation Explainer::explain(const QString &path, const QList<int> &tags, int maxEdge, Method method) const
{
    for (const int tag : tags) {
        if (tag < 0 || tag >= m_tags.size())
            throw std::invalid_argument("Explainer: tag index " + std::to_string(tag) + " is out of range");
    }
    const int size = inputSize();
    const ImageDecoder decoder;
    // The network sees what a batch prediction sees: the same decode and the same resize.
    const DecodedImage small = decoder.decodeFile(path, size);
    if (!small.ok())
        throw ProjectError(small.error);
    cv::Mat input;
    cv::cvtColor(ImageDecoder::resizeSquare(small.image, size), input, cv::COLOR_BGR2RGB);
    const DecodedImage full = decoder.decodeFile(path);
    if (!full.ok())
        throw ProjectError(full.error);
    cv::Mat shown = full.image;
    if (maxEdge > 0 && std::max(shown.cols, shown.rows) > maxEdge)
        shown = ImageDecoder::resizeToFit(shown, maxEdge);
    cv::Mat rgb;
    cv::cvtColor(shown, rgb, cv::COLOR_BGR2RGB);

    Explanation explanation;
    explanation.path = path;
    explanation.image = toBitmap(rgb);
    explanation.tags = tags;
    const std::lock_guard lock(m_mutex);
    explanation.probabilities = m_predictor->predict(input.ptr(), 1);
    if (tags.isEmpty())
        return explanation;
    const torch::Tensor batch = m_predictor->input(input.ptr(), 1);
    const ml::CamMethod camMethod = method == Method::GradCam ? ml::CamMethod::GradCam : ml::CamMethod::GradCamPlusPlus;
    for (const int tag : tags) {
        const torch::Tensor map = ml::gradCam(m_predictor->network(), batch, tag, camMethod)[0].to(torch::kCPU).contiguous();
        const cv::Mat small(int(map.size(0)), int(map.size(1)), CV_32FC1, map.data_ptr<float>());
        cv::Mat resized;
        cv::resize(small, resized, cv::Size(rgb.cols, rgb.rows), 0, 0, cv::INTER_LINEAR);
        cv::max(resized, 0.0, resized);
        cv::min(resized, 1.0, resized);
        explanation.maps.emplace_back(resized.begin<float>(), resized.end<float>());
    }
    return explanation;
}

}
