package org.polybench.harness.chart;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Writes a figure as {@code base.png} and {@code base.svg}: the XChart chart, then an optional
 * overlay painted in the chart's own coordinates, then a footer strip under the chart saying
 * where the numbers come from. Both formats are painted by the same code, so they match.
 */
final class ChartFiles {
  /** Paints on top of a chart that has just been painted, so its axis transforms are valid. */
  @FunctionalInterface
  interface Overlay {
    void paint(Graphics2D g);
  }

  private ChartFiles() {}

  /**
   * Draws text as filled glyph outlines centred on x with its baseline at y. XChart draws its own
   * text this way, so in the SVG our labels keep the exact font and position of the PNG instead
   * of depending on the fonts of whoever opens it.
   */
  static void drawCentered(Graphics2D g, String text, java.awt.Font font, double x, double y) {
    java.awt.font.TextLayout layout = new java.awt.font.TextLayout(text, font, g.getFontRenderContext());
    double width = layout.getAdvance();
    java.awt.Shape outline =
        layout.getOutline(java.awt.geom.AffineTransform.getTranslateInstance(x - width / 2, y));
    g.fill(outline);
  }

  static void ensureHeadless() {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  /** Writes PNG and SVG; returns [png, svg]. */
  static List<Path> write(
      org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, Overlay overlay, String footer, Path dir, String baseName)
      throws IOException {
    ensureHeadless();
    Files.createDirectories(dir);
    int w = chart.getWidth();
    int h = chart.getHeight();
    int total = h + ChartStyle.FOOTER_HEIGHT;

    BufferedImage img = new BufferedImage(w, total, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      paint(g, chart, overlay, footer, w, h, total);
    } finally {
      g.dispose();
    }
    Path png = dir.resolve(baseName + ".png");
    if (!ImageIO.write(img, "png", png.toFile())) {
      throw new IOException("no PNG writer available for " + png);
    }

    VectorGraphics2D vg = new VectorGraphics2D();
    paint(vg, chart, overlay, footer, w, h, total);
    Path svg = dir.resolve(baseName + ".svg");
    try (OutputStream out = Files.newOutputStream(svg)) {
      new SVGProcessor().getDocument(vg.getCommands(), new PageSize(0, 0, w, total)).writeTo(out);
    }
    vg.dispose();
    return List.of(png, svg);
  }

  private static void paint(
      Graphics2D g,
      org.knowm.xchart.internal.chartpart.Chart<?, ?> chart,
      Overlay overlay,
      String footer,
      int w,
      int h,
      int total) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, w, total);
    Graphics2D c = (Graphics2D) g.create();
    try {
      chart.paint(c, w, h);
    } finally {
      c.dispose();
    }
    if (overlay != null) {
      Graphics2D o = (Graphics2D) g.create();
      try {
        o.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        o.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        overlay.paint(o);
      } finally {
        o.dispose();
      }
    }
    // footer strip: a rule, then one line of provenance, shrunk if it would not fit. It stays real
    // text (not outlines) so the SVG can be searched for the run id.
    g.setColor(new Color(0xDD, 0xDD, 0xDD));
    g.drawLine(12, h, w - 12, h);
    java.awt.Font font = ChartStyle.FOOTER_FONT;
    FontMetrics fm = g.getFontMetrics(font);
    while (fm.stringWidth(footer) > w - 24 && font.getSize2D() > 8) {
      font = font.deriveFont(font.getSize2D() - 0.5f);
      fm = g.getFontMetrics(font);
    }
    g.setFont(font);
    g.setColor(ChartStyle.FOOTER_TEXT);
    int baseline = h + (ChartStyle.FOOTER_HEIGHT + fm.getAscent() - fm.getDescent()) / 2;
    g.drawString(footer, 12, baseline);
  }
}
