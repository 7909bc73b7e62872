package org.polybench.harness.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The small amount of drawing the report's own charts share: a log axis, numbers in SVG, and the
 * provenance footer every chart carries so it stands on its own when cut out of the page.
 */
final class SvgPlot {
  static final String SUPPORTED = "#1a7f37";
  static final String REFUTED = "#cf222e";
  static final String INCONCLUSIVE = "#9a6700";
  static final String FINDING = "#0969da";
  static final String GRID = "#d0d7de";
  static final String INK = "#1f2328";
  static final String MUTED = "#59636e";

  private SvgPlot() {}

  /** A log10 axis from lo to hi mapped onto [x0, x1] pixels. */
  record LogAxis(double lo, double hi, double x0, double x1) {
    static LogAxis covering(List<Double> values, double x0, double x1) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (double v : values) {
        if (v > 0 && Double.isFinite(v)) {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
      if (!Double.isFinite(min)) {
        min = 0.1;
        max = 10;
      }
      double lo = Math.pow(10, Math.floor(Math.log10(min) - 0.05));
      double hi = Math.pow(10, Math.ceil(Math.log10(max) + 0.05));
      if (hi / lo < 100) {
        lo /= 3;
        hi *= 3;
      }
      return new LogAxis(lo, hi, x0, x1);
    }

    double at(double v) {
      double c = Math.max(lo, Math.min(hi, v));
      return x0 + (Math.log10(c) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)) * (x1 - x0);
    }

    /** Powers of ten inside the axis. */
    List<Double> ticks() {
      List<Double> t = new ArrayList<>();
      for (double p = Math.pow(10, Math.ceil(Math.log10(lo) - 1e-9)); p <= hi * (1 + 1e-9); p *= 10) t.add(p);
      return t;
    }
  }

  static String n(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  static String text(double x, double y, String anchor, String cls, String content) {
    return "<text x=\"" + n(x) + "\" y=\"" + n(y) + "\" text-anchor=\"" + anchor + "\"" + (cls == null ? "" : " class=\"" + cls + "\"")
        + ">" + Html.esc(content) + "</text>";
  }

  static String line(double x1, double y1, double x2, double y2, String stroke, double width, String dash) {
    return "<line x1=\"" + n(x1) + "\" y1=\"" + n(y1) + "\" x2=\"" + n(x2) + "\" y2=\"" + n(y2) + "\" stroke=\"" + stroke
        + "\" stroke-width=\"" + n(width) + "\"" + (dash == null ? "" : " stroke-dasharray=\"" + dash + "\"") + "/>";
  }

  /** The opening tag: a viewBox so it scales to a phone, a title for screen readers. */
  static String open(String id, double w, double h, String title) {
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"" + Html.esc(id) + "\" class=\"chart\" viewBox=\"0 0 " + n(w) + " " + n(h)
        + "\" width=\"" + n(w) + "\" height=\"" + n(h) + "\" role=\"img\" aria-label=\"" + Html.esc(title) + "\">"
        + "<title>" + Html.esc(title) + "</title>"
        + "<style>text{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;font-size:12px;fill:" + INK + "}"
        + ".m{fill:" + MUTED + ";font-size:11px}.t{font-size:14px;font-weight:600}</style>"
        + "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>";
  }

  /** The provenance line at the bottom of every chart. */
  static String footer(double w, double h, String footer) {
    return line(0, h - 22, w, h - 22, GRID, 1, null) + text(8, h - 7, "start", "m", footer);
  }

  static String factor(double v) {
    if (!Double.isFinite(v)) return "n/a";
    return new java.math.BigDecimal(org.polybench.harness.view.Numbers.sig3(v)).stripTrailingZeros().toPlainString() + "x";
  }
}
