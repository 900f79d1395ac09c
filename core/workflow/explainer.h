#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <mutex>
#include <vector>

namespace tagwise::ml {
class Predictor;
}

namespace tagwise::workflow {

/// 8-bit pixels, rows packed: 3 bytes (R, G, B) per pixel, or 1 for a grey image.
struct Bitmap
{
    int width = 0;
    int height = 0;
    int channels = 3;
    QByteArray pixels;

    bool isNull() const { return pixels.isEmpty(); }
};

/// One image, what the model says of it and where it looks for some of its tags.
struct Explanation
{
    QString path;
    Bitmap image;                          ///< RGB, as decoded (EXIF applied), shrunk to the asked edge
    std::vector<float> probabilities;      ///< one per tag of the model
    QList<int> tags;                       ///< the tags whose maps follow, as asked
    std::vector<std::vector<float>> maps;  ///< per entry of tags: image.width x image.height, in [0, 1]

    /// The heat map of tags[i] blended over the image with a JET colour map (OpenCV), \a opacity in [0, 1].
    Bitmap overlay(int i, double opacity = 0.5) const;
    /// The heat map of tags[i] alone: grey, brightest where the evidence is.
    Bitmap heat(int i) const;
};

/// Writes \a bitmap as a PNG file; throws ProjectError naming the file when it cannot.
void writePng(const Bitmap &bitmap, const QString &file);

/**
 * A run's model that explains its predictions with Grad-CAM (or Grad-CAM++),
 * for the GUI and the CLI; the header keeps LibTorch out. The network is
 * shared, so explain() calls are serialised; run them off the GUI thread.
 */
class Explainer final
{
public:
    enum class Method { GradCam, GradCamPlusPlus };

    /// The model of \a runDir (a run folder or a bundle folder); throws ProjectError naming the file and the reason.
    static std::unique_ptr<Explainer> load(const QString &runDir);
    /// Explains with a model already loaded (on the device it was loaded on).
    explicit Explainer(std::unique_ptr<ml::Predictor> predictor);
    ~Explainer();

    QStringList tags() const { return m_tags; }
    std::vector<float> thresholds() const;
    int inputSize() const;
    QString architecture() const;
    const ml::Predictor &predictor() const { return *m_predictor; }

    /**
     * Decodes \a path, predicts it, and computes the maps of \a tags (indexes
     * into tags(), predicted or not). With \a maxEdge > 0 the image (and its
     * maps) is shrunk so that its longer side is at most \a maxEdge; 0 keeps
     * the image's own size. The probabilities equal those of a batch
     * prediction of the same file. Throws ProjectError naming the file and the
     * reason (unreadable, too big), std::invalid_argument for a bad tag index.
     */
    Explanation explain(const QString &path, const QList<int> &tags, int maxEdge = 0,
                        Method method = Method::GradCam) const;

private:
    std::unique_ptr<ml::Predictor> m_predictor;
    QStringList m_tags;
    mutable std::mutex m_mutex;
};

}
