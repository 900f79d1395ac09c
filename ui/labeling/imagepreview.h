#pragma once

#include <QFutureWatcher>
#include <QImage>
#include <QWidget>

namespace tagwise {

/**
 * A larger view of one image, scaled to fit with its aspect ratio kept. The
 * file is decoded on a worker thread (QImageReader, EXIF orientation applied,
 * scaled while decoding); when the current image changes faster than files
 * load, only the latest one is shown.
 */
class ImagePreview final : public QWidget
{
    Q_OBJECT

public:
    explicit ImagePreview(QWidget *parent = nullptr);
    ~ImagePreview() override;

    /// Shows the image in \a path (absolute); an empty path clears the view.
    /// \a missing shows a "file missing" note instead of trying to read it.
    void showImage(const QString &path, bool missing = false);
    QString path() const { return m_path; }
    /// The decoded image, or a null image while loading or on failure.
    const QImage &image() const { return m_image; }
    /// Size of the file's image in pixels (after EXIF rotation), once loaded.
    QSize originalSize() const { return m_originalSize; }
    /// Why the image could not be shown, or empty.
    QString error() const { return m_error; }

    QSize sizeHint() const override;

Q_SIGNALS:
    /// The image (or its error) for the current path is in.
    void loaded();

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    struct Result
    {
        QImage image;
        QSize original;
        QString error;
    };
    static Result load(const QString &path, int maxEdge);
    void handleLoaded();

    QString m_path;
    bool m_missing = false;
    QImage m_image;
    QSize m_originalSize;
    QString m_error;
    QFutureWatcher<Result> *m_watcher = nullptr;
    QString m_pendingPath;
};

}
