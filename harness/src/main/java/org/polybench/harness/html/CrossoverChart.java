package org.polybench.harness.html;

import java.util.ArrayList;
import java.util.List;
import org.polybench.harness.claims.Crossing;
import org.polybench.harness.claims.Estimate;
import org.polybench.harness.claims.Outcome;
import org.polybench.harness.view.Numbers;

/**
 * The FFI crossover: each ratio against size on log-log axes, its 95% intervals as a band, the
 * thresholds as horizontal lines and the crossing sizes marked where the ratio passes them.
 */
final class CrossoverChart {
  private static final double W = 640;
  private static final double H = 424;
  private static final double L = 64;
  private static final double R = 620;
  private static final double T = 64;
  private static final double B = 322;
  private static final String[] COLOURS = {"#0969da", "#8250df", "#bf3989", "#1b7c83"};

  private CrossoverChart() {}

  static String svg(Outcome o, String footer) {
    // one curve per (workload, numerator, denominator); the crossings repeat it per threshold
    List<Crossing> curves = new ArrayList<>();
    for (Crossing c : o.crossings()) {
      if (curves.stream().noneMatch(x -> x.workload().equals(c.workload()) && x.numerator().equals(c.numerator()))) curves.add(c);
    }
    List<Double> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    for (Crossing c : curves) {
      for (Estimate e : c.curve()) {
        xs.add((double) e.size());
        ys.add(e.low());
        ys.add(e.high());
        ys.add(e.point());
      }
    }
    for (Crossing c : o.crossings()) ys.add(c.threshold());
    SvgPlot.LogAxis ax = SvgPlot.LogAxis.covering(xs, L, R);
    SvgPlot.LogAxis ay = SvgPlot.LogAxis.covering(ys, B, T);
    StringBuilder s = new StringBuilder();
    String title = o.spec().id() + ": ratio against size, where it crosses 1x and 10x";
    s.append(SvgPlot.open("chart-" + o.anchor(), W, H, title));
    s.append(SvgPlot.text(16, 20, "start", "t", o.spec().id() + ": time ratio against size"));
    s.append(SvgPlot.text(16, 38, "start", "m", "above 1x the Rust extension is faster; bands: 95% intervals; marks: crossing sizes"));
    for (double t : ax.ticks()) {
      s.append(SvgPlot.line(ax.at(t), T, ax.at(t), B, SvgPlot.GRID, 1, null));
      s.append(SvgPlot.text(ax.at(t), B + 16, "middle", "m", Numbers.sizeCompact(t)));
    }
    for (double t : ay.ticks()) {
      s.append(SvgPlot.line(L, ay.at(t), R, ay.at(t), SvgPlot.GRID, 1, null));
      s.append(SvgPlot.text(L - 6, ay.at(t) + 4, "end", "m", SvgPlot.factor(t)));
    }
    s.append(SvgPlot.text((L + R) / 2, B + 34, "middle", "m", "size (elements)"));
    List<Double> thresholds = o.crossings().stream().map(Crossing::threshold).distinct().toList();
    for (double k : thresholds) {
      s.append(SvgPlot.line(L, ay.at(k), R, ay.at(k), SvgPlot.INK, 1.2, "6 4"));
      s.append(SvgPlot.text(R - 2, ay.at(k) - 4, "end", null, SvgPlot.factor(k)));
    }
    double legendY = B + 56;
    for (int i = 0; i < curves.size(); i++) {
      Crossing c = curves.get(i);
      String colour = COLOURS[i % COLOURS.length];
      StringBuilder band = new StringBuilder();
      StringBuilder top = new StringBuilder();
      StringBuilder bottom = new StringBuilder();
      StringBuilder mid = new StringBuilder();
      List<Estimate> pts = c.curve();
      for (Estimate e : pts) {
        top.append(SvgPlot.n(ax.at(e.size()))).append(',').append(SvgPlot.n(ay.at(e.high()))).append(' ');
        mid.append(SvgPlot.n(ax.at(e.size()))).append(',').append(SvgPlot.n(ay.at(e.point()))).append(' ');
      }
      for (int j = pts.size() - 1; j >= 0; j--) {
        bottom.append(SvgPlot.n(ax.at(pts.get(j).size()))).append(',').append(SvgPlot.n(ay.at(pts.get(j).low()))).append(' ');
      }
      band.append("<polygon points=\"").append(top).append(bottom).append("\" fill=\"").append(colour).append("\" fill-opacity=\"0.18\" stroke=\"none\"/>");
      s.append(band);
      s.append("<polyline points=\"").append(mid).append("\" fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\"/>");
      for (Estimate e : pts) {
        s.append("<circle cx=\"").append(SvgPlot.n(ax.at(e.size()))).append("\" cy=\"").append(SvgPlot.n(ay.at(e.point())))
            .append("\" r=\"3.5\" fill=\"").append(colour).append("\"/>");
      }
      for (Crossing x : o.crossings()) {
        if (!x.workload().equals(c.workload()) || !x.numerator().equals(c.numerator()) || x.size() == null) continue;
        double cx = ax.at(x.size());
        s.append(SvgPlot.line(cx, ay.at(x.threshold()) - 9, cx, ay.at(x.threshold()) + 9, colour, 3, null));
      }
      double lx = 16 + (i % 2) * 310;
      double ly = legendY + (i / 2) * 16;
      s.append(SvgPlot.line(lx, ly - 4, lx + 18, ly - 4, colour, 3, null));
      s.append(SvgPlot.text(lx + 24, ly, "start", null, c.workload() + ": " + c.numerator() + " / " + c.denominator()));
    }
    s.append(SvgPlot.footer(W, H, footer));
    s.append("</svg>");
    return s.toString();
  }
}
