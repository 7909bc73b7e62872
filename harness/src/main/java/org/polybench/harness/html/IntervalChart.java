package org.polybench.harness.html;

import java.util.ArrayList;
import java.util.List;
import org.polybench.harness.claims.ClaimSpec;
import org.polybench.harness.claims.Estimate;
import org.polybench.harness.claims.Outcome;
import org.polybench.harness.view.Durations;

/**
 * A claim's estimates drawn against its range: one row per estimate, its 95% interval as a bar
 * and its point estimate as a dot, on a log axis with the claimed range shaded. Colour says where
 * each interval lies: inside (green), outside (red), straddling a bound (amber).
 */
final class IntervalChart {
  private static final double W = 640;
  private static final double LEFT = 16;
  private static final double RIGHT = 624;
  private static final double ROW = 40;
  private static final double TOP = 58;

  private IntervalChart() {}

  static String svg(Outcome o, String footer) {
    List<Estimate> est = o.estimates();
    ClaimSpec.Range r = o.range();
    String unit = est.isEmpty() ? "x" : est.get(0).unit();
    List<Double> values = new ArrayList<>();
    for (Estimate e : est) {
      values.add(e.point());
      if (e.interval() != null) {
        values.add(e.low());
        values.add(e.high());
      }
    }
    if (r != null) {
      if (r.low() != null) values.add(r.low());
      if (r.high() != null) values.add(r.high());
    }
    SvgPlot.LogAxis ax = SvgPlot.LogAxis.covering(values, LEFT + 4, RIGHT - 4);
    int rows = Math.max(1, est.size());
    double plotBottom = TOP + rows * ROW;
    double h = plotBottom + 28 + 30;
    StringBuilder s = new StringBuilder();
    String title = o.spec().id() + ": estimates and 95% intervals against the claimed range";
    s.append(SvgPlot.open("chart-" + o.anchor(), W, h, title));
    s.append(SvgPlot.text(LEFT, 20, "start", "t", o.spec().id()));
    s.append(SvgPlot.text(LEFT, 38, "start", "m", r == null ? "estimates with 95% intervals (a finding: no claimed range)"
        : "shaded: the claimed range " + org.polybench.harness.claims.Evaluator.rangeText(r, unit) + "; bars: 95% intervals; dots: estimates"));
    if (r != null) {
      double x0 = r.low() == null ? ax.x0() : ax.at(r.low());
      double x1 = r.high() == null ? ax.x1() : ax.at(r.high());
      s.append("<rect class=\"claimed-range\" x=\"").append(SvgPlot.n(x0)).append("\" y=\"").append(SvgPlot.n(TOP - 8))
          .append("\" width=\"").append(SvgPlot.n(Math.max(1, x1 - x0))).append("\" height=\"").append(SvgPlot.n(plotBottom - TOP + 8))
          .append("\" fill=\"#dafbe1\"/>");
    }
    for (double t : ax.ticks()) {
      double x = ax.at(t);
      s.append(SvgPlot.line(x, TOP - 8, x, plotBottom, SvgPlot.GRID, 1, null));
      s.append(SvgPlot.text(x, plotBottom + 16, "middle", "m", label(t, unit)));
    }
    if (r != null) {
      for (Double b : new Double[] {r.low(), r.high()}) {
        if (b == null) continue;
        double x = ax.at(b);
        s.append(SvgPlot.line(x, TOP - 8, x, plotBottom, SvgPlot.SUPPORTED, 1.5, "4 3"));
      }
    }
    if (est.isEmpty()) {
      s.append(SvgPlot.text(W / 2, TOP + ROW / 2 + 4, "middle", "m", "no estimate: a cell it needs is missing (listed below the chart)"));
    }
    for (int i = 0; i < est.size(); i++) {
      Estimate e = est.get(i);
      double y = TOP + i * ROW;
      String colour = switch (e.position()) {
        case INSIDE -> SvgPlot.SUPPORTED;
        case OUTSIDE -> SvgPlot.REFUTED;
        case STRADDLES, NO_INTERVAL -> SvgPlot.INCONCLUSIVE;
        case NO_RANGE -> SvgPlot.FINDING;
      };
      s.append(SvgPlot.text(LEFT, y + 8, "start", null, e.label() + " = " + e.text()));
      double yb = y + 22;
      if (e.interval() != null) {
        double a = ax.at(e.low());
        double b = ax.at(e.high());
        s.append(SvgPlot.line(a, yb, Math.max(b, a + 1), yb, colour, 4, null));
        s.append(SvgPlot.line(a, yb - 6, a, yb + 6, colour, 2, null));
        s.append(SvgPlot.line(b, yb - 6, b, yb + 6, colour, 2, null));
      }
      s.append("<circle cx=\"").append(SvgPlot.n(ax.at(e.point()))).append("\" cy=\"").append(SvgPlot.n(yb))
          .append("\" r=\"5\" fill=\"#ffffff\" stroke=\"").append(colour).append("\" stroke-width=\"2.5\"/>");
    }
    s.append(SvgPlot.footer(W, h, footer));
    s.append("</svg>");
    return s.toString();
  }

  private static String label(double v, String unit) {
    return "ns".equals(unit) ? Durations.formatCompact(v) : SvgPlot.factor(v);
  }
}
