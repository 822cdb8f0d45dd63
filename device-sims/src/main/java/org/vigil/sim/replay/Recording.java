package org.vigil.sim.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.vigil.domain.Vital;
import org.vigil.sim.DeviceScript;
import org.vigil.sim.protocol.SimDriver;
import org.vigil.sim.scenario.Nibp;

/**
 * A recorded trend of 1-minute numerics to replay through a simulated device, read from a CSV in
 * the MIMIC-II numerics layout:
 * <pre>
 * minute,HR[bpm],ABPSys[mmHg],...,PULSE[bpm],RESP[pm],SpO2[%],NBPSys[mmHg],NBPDias[mmHg],NBPMean[mmHg]
 * 14,55.6,0,0,0,55,12.4,96,120,72,89
 * </pre>
 * Columns are found by the name before {@code [}: {@code HR}→hr, {@code PULSE}→pr, {@code SpO2}→spo2,
 * {@code RESP}→rr, {@code NBPSys/NBPDias/NBPMean}→NIBP; others are ignored. An empty cell is
 * missing and 0 means the sensor was not attached: both give no value. A row with NBP values is a
 * cuff measurement. Minutes must increase; gaps hold the previous row. Immutable.
 */
public final class Recording {

    /** One minute of the file. */
    public record Row(int minute, Map<Vital, Double> values, Nibp nibp) {
    }

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");
    private static final Map<String, Vital> COLUMNS = Map.of(
            "hr", Vital.HR, "pulse", Vital.PR, "spo2", Vital.SPO2, "resp", Vital.RR,
            "nbpsys", Vital.NIBP_SYS, "nbpdias", Vital.NIBP_DIA, "nbpmean", Vital.NIBP_MEAN);

    private final String source;
    private final List<Row> rows;

    private Recording(String source, List<Row> rows) {
        this.source = source;
        this.rows = Collections.unmodifiableList(rows);
    }

    /** Reads {@code csv}; errors name it by its file name. */
    public static Recording read(Path csv) throws IOException, RecordingException {
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return read(csv.getFileName().toString(), in);
        }
    }

    /** Reads CSV text; {@code source} names the file in errors. */
    public static Recording read(String source, String csv) throws RecordingException {
        try {
            return read(source, new StringReader(csv));
        } catch (IOException e) {
            throw new IllegalStateException("reading a string failed", e);
        }
    }

    /** Reads CSV from {@code in}; {@code source} names the file in errors. */
    public static Recording read(String source, Reader in) throws IOException, RecordingException {
        BufferedReader r = new BufferedReader(in);
        String header = r.readLine();
        if (header == null || header.isBlank()) {
            throw new RecordingException(source, 1, 0, "empty file (expected a header such as minute,HR[bpm],SpO2[%],...)");
        }
        String[] names = header.replace("\uFEFF", "").split(",", -1);
        if (!names[0].trim().equalsIgnoreCase("minute")) {
            throw new RecordingException(source, 1, 1, "first column must be 'minute', not '" + names[0].trim() + "'");
        }
        Vital[] columns = new Vital[names.length];
        boolean any = false;
        for (int c = 1; c < names.length; c++) {
            String n = names[c].trim();
            int bracket = n.indexOf('[');
            columns[c] = COLUMNS.get((bracket < 0 ? n : n.substring(0, bracket)).trim().toLowerCase(Locale.ROOT));
            any |= columns[c] != null;
        }
        if (!any) {
            throw new RecordingException(source, 1, 0, "no vital column (expected some of HR, PULSE, SpO2, RESP, NBPSys, NBPDias, NBPMean)");
        }
        List<Row> rows = new ArrayList<>();
        int lineNo = 1;
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            Row row = row(source, lineNo, line, names, columns);
            if (!rows.isEmpty() && row.minute() <= rows.get(rows.size() - 1).minute()) {
                throw new RecordingException(source, lineNo, 1, "minute " + row.minute()
                        + " does not follow minute " + rows.get(rows.size() - 1).minute());
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new RecordingException(source, lineNo, 0, "no data rows after the header");
        }
        return new Recording(source, rows);
    }

    private static Row row(String source, int lineNo, String line, String[] names, Vital[] columns)
            throws RecordingException {
        String[] cells = line.split(",", -1);
        if (cells.length != names.length) {
            throw new RecordingException(source, lineNo, 0, cells.length + " fields, the header has " + names.length);
        }
        String m = cells[0].trim();
        if (!m.matches("\\d{1,7}")) {
            throw new RecordingException(source, lineNo, 1, "'" + m + "' is not a minute number");
        }
        Map<Vital, Double> values = new EnumMap<>(Vital.class);
        for (int c = 1; c < cells.length; c++) {
            String cell = cells[c].trim();
            if (columns[c] == null || cell.isEmpty()) {
                continue;
            }
            if (!NUMBER.matcher(cell).matches()) {
                throw new RecordingException(source, lineNo, c + 1, "'" + cell + "' is not a number (" + names[c].trim() + ")");
            }
            double v = Double.parseDouble(cell);
            if (v < 0) {
                throw new RecordingException(source, lineNo, c + 1, "negative value " + cell + " (" + names[c].trim() + ")");
            }
            if (v > 0) {
                values.put(columns[c], v);
            }
        }
        Nibp nibp = null;
        Double sys = values.remove(Vital.NIBP_SYS);
        Double dia = values.remove(Vital.NIBP_DIA);
        Double mean = values.remove(Vital.NIBP_MEAN);
        if (sys != null && dia != null) {
            nibp = mean != null ? new Nibp(sys, dia, mean) : Nibp.of(sys, dia);
        }
        return new Row(Integer.parseInt(m), values, nibp);
    }

    /** The file name given when reading. */
    public String source() {
        return source;
    }

    /** The first minute in the file. */
    public int firstMinute() {
        return rows.get(0).minute();
    }

    /** The last minute in the file. */
    public int lastMinute() {
        return rows.get(rows.size() - 1).minute();
    }

    /** How many rows carry a cuff measurement. */
    public int nibpMeasurements() {
        return (int) rows.stream().filter(r -> r.nibp() != null).count();
    }

    public List<Row> rows() {
        return rows;
    }

    /**
     * The schedule of a device of {@code protocol} replaying this recording: one report per second
     * with the vitals that protocol carries, and a cuff measurement whenever a row has NBP values.
     *
     * @throws IllegalArgumentException for a start minute past the file's end
     */
    public DeviceScript script(String deviceId, SimDriver protocol, ReplayOptions options) {
        return new RecordingScript(deviceId, protocol, this, options);
    }
}
