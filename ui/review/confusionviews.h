#pragma once

#include "core/ml/metrics.h"

#include <QStringList>
#include <QWidget>

#include <vector>

namespace tagwise {

/**
 * One 2x2 confusion matrix per tag, as a grid of small heat maps: rows are the
 * truth (no, yes), columns the prediction (no, yes); each cell shows its count
 * and its rate within the row (TN and FP share the negatives, FN and TP the
 * positives), shaded by that rate: green where the model is right, red where
 * it errs. Clicking a tag's matrix emits tagClicked().
 */
class ConfusionGrid final : public QWidget
{
    Q_OBJECT

public:
    explicit ConfusionGrid(QWidget *parent = nullptr);
    void setMetrics(const std::vector<ml::TagMetrics> &tags);
    const std::vector<ml::TagMetrics> &metrics() const { return m_tags; }
    /// The rectangle of tag \a index's matrix (for tests and tooltips).
    QRect tagRect(int index) const;

    QSize sizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;

Q_SIGNALS:
    void tagClicked(int index);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;

private:
    int columns(int width) const;
    int tagAt(const QPoint &point) const;
    std::vector<ml::TagMetrics> m_tags;
};

/**
 * Which tags the model mixes up: a tags x tags heat map whose cell (i, j) is
 * the share of the images that truly have tag i for which tag j is predicted
 * (the diagonal is each tag's recall). Counts show in the cells when they fit,
 * and in a tooltip always.
 */
class TagConfusionView final : public QWidget
{
    Q_OBJECT

public:
    explicit TagConfusionView(QWidget *parent = nullptr);
    /// \a counts: tags x tags row-major (metrics.h, tagConfusion()); \a support: positives per tag.
    void setConfusion(const QStringList &tags, const std::vector<long long> &counts, const std::vector<long long> &support);
    const std::vector<long long> &counts() const { return m_counts; }
    QRect cellRect(int row, int column) const;

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    int labelWidth() const;
    int cellSize() const;
    QStringList m_tags;
    std::vector<long long> m_counts;
    std::vector<long long> m_support;
};

}
