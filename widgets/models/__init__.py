"""Stage 2: the computations, plain pandas, no HTML: ``budget`` (packages of
measures and their totals), ``series`` (time series of Bijlage 9) and
``dublin`` (transfer rates). Models import only ``widgets.data``."""
