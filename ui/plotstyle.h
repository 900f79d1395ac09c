#pragma once

class QCustomPlot;

namespace tagwise {

/// The look every plot of the application shares: the palette's colours, light grids.
void styleAxes(QCustomPlot *plot);

}
