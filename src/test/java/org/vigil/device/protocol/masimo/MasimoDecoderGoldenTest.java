package org.vigil.device.protocol.masimo;

import org.vigil.device.protocol.StreamFeeder;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vigil.testsupport.ResearchPack;
import org.junit.jupiter.api.Test;
import org.vigil.device.protocol.DeviceFrame;

/**
 * Real and published Masimo lines against hand-written expected values
 * ({@code captures/masimo/*.expected.csv}). Inputs without a redistributable licence are read
 * from the shared research pack and the test is skipped when it is absent.
 */
class MasimoDecoderGoldenTest {


    @Test
    void rad8AsciiOneCaptureDecodesToExpectedValues() throws IOException {
        Path capture = shared("rad8_ascii1_yahnatan_pulseox_2016.txt");
        List<String> lines = Files.readAllLines(capture, StandardCharsets.US_ASCII);
        assertGolden("rad8_ascii1_yahnatan_pulseox_2016", lines);
    }

    @Test
    void rad8CaptureWithDeviceCrLfGivesOneFramePerLine() throws IOException {
        byte[] wire = Files.readAllBytes(shared("rad8_ascii1_yahnatan_pulseox_2016.crlf.bin"));
        List<String> lines = Files.readAllLines(shared("rad8_ascii1_yahnatan_pulseox_2016.txt"), StandardCharsets.US_ASCII);
        MasimoDecoder decoder = new MasimoDecoder();
        List<DeviceFrame> frames = new StreamFeeder(decoder).feed(wire).frames();
        assertEquals(render(lines), render(frames));
        assertEquals(0, decoder.discardedBytes());
    }

    @Test
    void theRad8CaptureNamesTheOximeterByItsSerialOnEveryLine() throws IOException {
        List<DeviceFrame> frames = new StreamFeeder(new MasimoDecoder())
                .feed(Files.readAllBytes(shared("rad8_ascii1_yahnatan_pulseox_2016.crlf.bin"))).frames();
        assertEquals(5, frames.size());
        for (DeviceFrame f : frames) {
            assertEquals(java.util.Optional.of(org.vigil.domain.DeviceIdentity.serialOnly("0000056661")), f.identity(),
                    "SN=0000056661; ASCII 1 names no model, software or manufacturer");
        }
    }

    @Test
    void codeQuotedEdgeCaseLinesDecodeToExpectedValues() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String row : resourceText("edge_cases_bsd.txt").split("\n")) {
            if (!row.isBlank() && !row.startsWith("#")) {
                lines.add(row.substring(row.indexOf('\t') + 1));
            }
        }
        assertEquals(5, lines.size());
        assertGolden("edge_cases_bsd", lines);
    }

    @Test
    void manualTrendDumpDecodesToExpectedValues() throws IOException {
        Path dump = shared("rad8_trend_dump_manual_example.txt");
        assertGolden("rad8_trend_dump_manual_example", Files.readAllLines(dump, StandardCharsets.US_ASCII));
    }

    /** Each line alone, and all lines as one CR LF stream, must give the expected rows. */
    private static void assertGolden(String name, List<String> lines) throws IOException {
        String expected = resourceText(name + ".expected.csv");
        assertEquals(expected, render(lines), name + ", line by line");
        StringBuilder stream = new StringBuilder();
        lines.forEach(l -> stream.append(l).append("\r\n"));
        MasimoDecoder decoder = new MasimoDecoder();
        List<DeviceFrame> frames = new StreamFeeder(decoder).feed(stream.toString().getBytes(StandardCharsets.US_ASCII)).frames();
        assertEquals(expected, render(frames), name + ", as one stream");
        assertEquals(0, decoder.discardedBytes(), name + " discarded bytes");
    }

    private static String render(List<?> linesOrFrames) {
        StringBuilder sb = new StringBuilder(FrameCsv.HEADER);
        int n = 0;
        for (Object o : linesOrFrames) {
            n++;
            if (o instanceof DeviceFrame f) {
                sb.append(FrameCsv.rows(n, f));
            } else {
                byte[] bytes = (o + "\r\n").getBytes(StandardCharsets.US_ASCII);
                for (DeviceFrame f : StreamFeeder.decodeAll(new MasimoDecoder(), bytes)) {
                    sb.append(FrameCsv.rows(n, f));
                }
            }
        }
        return sb.toString();
    }

    private static Path shared(String file) {
        return ResearchPack.file("masimo", file);
    }

    static String resourceText(String file) throws IOException {
        try (InputStream in = MasimoDecoderGoldenTest.class.getResourceAsStream("/captures/masimo/" + file)) {
            if (in == null) {
                throw new IOException("missing test resource captures/masimo/" + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
