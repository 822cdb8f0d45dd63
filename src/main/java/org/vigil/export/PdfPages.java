package org.vigil.export;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Flowing text and tables on A4 pages with a top-down cursor; a new page starts when the next
 * block does not fit. Black on white only. The header and footer of every page are added at the
 * end ({@link #finish}), when the page count is known.
 */
final class PdfPages implements AutoCloseable {

    static final float MARGIN = 42;
    static final float TOP = PDRectangle.A4.getHeight() - MARGIN - 18;
    static final float BOTTOM = MARGIN + 18;
    static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    private final PDDocument doc;
    private final List<PDPage> pages = new ArrayList<>();
    private PDPageContentStream cs;
    private float y;

    PdfPages(PDDocument doc) throws IOException {
        this.doc = doc;
        newPage();
    }

    PDPageContentStream content() {
        return cs;
    }

    float y() {
        return y;
    }

    void newPage() throws IOException {
        if (cs != null) {
            cs.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        pages.add(page);
        cs = new PDPageContentStream(doc, page);
        y = TOP;
    }

    /** Makes room for {@code height} points, starting a new page when needed. */
    void need(float height) throws IOException {
        if (y - height < BOTTOM) {
            newPage();
        }
    }

    /** Moves the cursor down. */
    void down(float h) {
        y -= h;
    }

    void heading(String text) throws IOException {
        need(30);
        down(8);
        text(bold, 12, MARGIN, y - 12, text);
        down(17);
    }

    void line(String text) throws IOException {
        line(regular, 9, text);
    }

    void line(PDType1Font font, float size, String text) throws IOException {
        for (String part : wrap(font, size, safe(text), WIDTH)) {
            need(size + 3);
            text(font, size, MARGIN, y - size, part);
            down(size + 3);
        }
    }

    /** One table row: cells at the given x offsets (from the margin), cut to fit their column. */
    void row(PDType1Font font, float size, float[] columns, String... cells) throws IOException {
        need(size + 3);
        for (int i = 0; i < cells.length && i < columns.length; i++) {
            float w = (i + 1 < columns.length ? columns[i + 1] : WIDTH) - columns[i] - 4;
            text(font, size, MARGIN + columns[i], y - size, fit(font, size, safe(cells[i]), w));
        }
        down(size + 3);
    }

    void rule() throws IOException {
        need(4);
        cs.setLineWidth(0.5f);
        cs.moveTo(MARGIN, y - 2);
        cs.lineTo(MARGIN + WIDTH, y - 2);
        cs.stroke();
        down(4);
    }

    void text(PDType1Font font, float size, float x, float baseline, String text) throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, baseline);
        cs.showText(safe(text));
        cs.endText();
    }

    float width(PDType1Font font, float size, String text) throws IOException {
        return font.getStringWidth(safe(text)) / 1000 * size;
    }

    /** Header (who and which session) and footer (page i of n, software) on every page. */
    void finish(String header, String footer) throws IOException {
        cs.close();
        cs = null;
        int n = pages.size();
        for (int i = 0; i < n; i++) {
            try (PDPageContentStream s = new PDPageContentStream(doc, pages.get(i), PDPageContentStream.AppendMode.APPEND,
                    true, true)) {
                float top = PDRectangle.A4.getHeight() - MARGIN + 4;
                s.beginText();
                s.setFont(bold, 8);
                s.newLineAtOffset(MARGIN, top);
                s.showText(fit(bold, 8, safe(header), WIDTH));
                s.endText();
                s.setLineWidth(0.5f);
                s.moveTo(MARGIN, top - 4);
                s.lineTo(MARGIN + WIDTH, top - 4);
                s.stroke();
                String page = "Page " + (i + 1) + " of " + n;
                s.beginText();
                s.setFont(regular, 8);
                s.newLineAtOffset(MARGIN, MARGIN - 6);
                s.showText(fit(regular, 8, safe(footer), WIDTH - 80));
                s.endText();
                s.beginText();
                s.setFont(regular, 8);
                s.newLineAtOffset(MARGIN + WIDTH - regular.getStringWidth(page) / 1000 * 8, MARGIN - 6);
                s.showText(page);
                s.endText();
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (cs != null) {
            cs.close();
            cs = null;
        }
    }

    private List<String> wrap(PDType1Font font, float size, String text, float width) throws IOException {
        List<String> out = new ArrayList<>();
        StringBuilder lineText = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = lineText.length() == 0 ? word : lineText + " " + word;
            if (width(font, size, candidate) <= width || lineText.length() == 0) {
                lineText.setLength(0);
                lineText.append(fit(font, size, candidate, width));
            } else {
                out.add(lineText.toString());
                lineText.setLength(0);
                lineText.append(fit(font, size, word, width));
            }
        }
        out.add(lineText.toString());
        return out;
    }

    private String fit(PDType1Font font, float size, String text, float width) throws IOException {
        if (width(font, size, text) <= width) {
            return text;
        }
        String t = text;
        while (t.length() > 1 && width(font, size, t + "...") > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "...";
    }

    /** The text in characters the standard fonts can show (WinAnsi); others are spelled out or replaced. */
    static String safe(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '≥' -> b.append(">=");
                case '≤' -> b.append("<=");
                case '→' -> b.append("->");
                case '×' -> b.append('x');
                case '₂' -> b.append('2');
                case '\n', '\r', '\t' -> b.append(' ');
                default -> {
                    if (c >= 32 && c < 127 || c >= 160 && c <= 255 || c == '·' || c == '–' || c == '—') {
                        b.append(c);
                    } else {
                        b.append('?');
                    }
                }
            }
        }
        return b.toString();
    }
}
