#include "ui/labeling/imagepreview.h"

#include <QImageReader>
#include <QPainter>
#include <QtConcurrent>

namespace tagwise {

namespace {

// Large enough for a sharp view on a big screen, small enough to decode fast.
constexpr int kMaxEdge = 1600;

}

ImagePreview::ImagePreview(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("imagePreview"));
    setMinimumSize(160, 120);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

ImagePreview::~ImagePreview()
{
    if (m_watcher)
        m_watcher->waitForFinished();
}

QSize ImagePreview::sizeHint() const
{
    return {360, 300};
}

void ImagePreview::showImage(const QString &path, bool missing)
{
    if (path == m_path && missing == m_missing)
        return;
    m_path = path;
    m_missing = missing;
    m_image = QImage();
    m_originalSize = QSize();
    m_error.clear();
    update();
    if (path.isEmpty() || missing) {
        Q_EMIT loaded();
        return;
    }
    if (m_watcher && m_watcher->isRunning()) {
        // One decode at a time: the newest path waits and the others are skipped.
        m_pendingPath = path;
        return;
    }
    if (!m_watcher) {
        m_watcher = new QFutureWatcher<Result>(this);
        connect(m_watcher, &QFutureWatcher<Result>::finished, this, &ImagePreview::handleLoaded);
    }
    m_pendingPath.clear();
    m_watcher->setProperty("path", path);
    m_watcher->setFuture(QtConcurrent::run(&ImagePreview::load, path, kMaxEdge));
}

ImagePreview::Result ImagePreview::load(const QString &path, int maxEdge)
{
    Result result;
    QImageReader reader(path);
    reader.setAutoTransform(true);
    QSize size = reader.size();
    if (size.isValid()) {
        if (reader.transformation() & QImageIOHandler::TransformationRotate90)
            size.transpose();
        result.original = size;
        if (size.width() > maxEdge || size.height() > maxEdge) {
            QSize scaled = reader.size();
            scaled.scale(maxEdge, maxEdge, Qt::KeepAspectRatio);
            reader.setScaledSize(scaled);
        }
    }
    result.image = reader.read();
    if (result.image.isNull())
        result.error = QCoreApplication::translate("tagwise::ImagePreview", "%1: cannot read the image: %2")
                           .arg(path, reader.errorString());
    else if (!result.original.isValid())
        result.original = result.image.size();
    return result;
}

void ImagePreview::handleLoaded()
{
    const QString loadedPath = m_watcher->property("path").toString();
    if (loadedPath == m_path && !m_missing) {
        const Result result = m_watcher->result();
        m_image = result.image;
        m_originalSize = result.original;
        m_error = result.error;
        update();
        Q_EMIT loaded();
    }
    if (!m_pendingPath.isEmpty()) {
        const QString next = m_pendingPath;
        m_pendingPath.clear();
        if (next == m_path && !m_missing) {
            m_watcher->setProperty("path", next);
            m_watcher->setFuture(QtConcurrent::run(&ImagePreview::load, next, kMaxEdge));
        }
    }
}

void ImagePreview::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QRect area = contentsRect().adjusted(8, 8, -8, -8);
    painter.fillRect(rect(), palette().color(QPalette::Base).darker(104));
    QString message;
    if (m_path.isEmpty())
        message = tr("No image selected");
    else if (m_missing)
        message = tr("The file is missing.\nIts tags are kept; rescan when it is back.");
    else if (!m_error.isEmpty())
        message = m_error;
    else if (m_image.isNull())
        message = tr("Loading…");
    if (!message.isEmpty()) {
        painter.setPen(palette().color(QPalette::Disabled, QPalette::Text));
        painter.drawText(area, Qt::AlignCenter | Qt::TextWordWrap, message);
        return;
    }
    QSize size = m_image.size();
    // Fit the box; small images (icons, 64 px data sets) are enlarged up to
    // eight times so their details can be judged, not further.
    QSize bounded = size;
    bounded.scale(area.size(), Qt::KeepAspectRatio);
    if (bounded.width() > size.width() * 8)
        bounded = size * 8;
    const QRect target(area.center().x() - bounded.width() / 2 + 1, area.center().y() - bounded.height() / 2 + 1,
                       bounded.width(), bounded.height());
    painter.setRenderHint(QPainter::SmoothPixmapTransform, true);
    painter.drawImage(target, m_image);
}

}
