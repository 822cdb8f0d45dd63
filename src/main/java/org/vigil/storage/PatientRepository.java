package org.vigil.storage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.vigil.session.Patient;
import org.vigil.session.PatientDirectory;

/**
 * The clinic's patients in the session database ({@code patient}, schema step 3). Shares the
 * session repository's connection and lock. Searching reads at most {@code max} rows through the
 * MRN's unique index and the name index; every call blocks on the disk, so screens call it off
 * the FX thread.
 */
public final class PatientRepository implements PatientDirectory {

    /** Plausible weights a patient record may carry, kg. */
    static final double WEIGHT_MIN = 2;
    static final double WEIGHT_MAX = 400;

    private final Connection connection;
    private final Path file;
    private final Object lock;

    PatientRepository(Connection connection, Path file, Object lock) {
        this.connection = connection;
        this.file = file;
        this.lock = lock;
    }

    @Override
    public List<Patient> search(String text, int max) {
        String q = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        synchronized (lock) {
            try (PreparedStatement p = connection.prepareStatement("""
                    SELECT id, mrn, name, birth_date, weight_kg, allergies FROM patient
                    WHERE ? = '' OR lower(mrn) LIKE ? ESCAPE '\\' OR lower(name) LIKE ? ESCAPE '\\'
                    ORDER BY (lower(mrn) = ?) DESC, (lower(name) LIKE ? ESCAPE '\\') DESC, name COLLATE NOCASE, id
                    LIMIT ?""")) {
                String like = "%" + escape(q) + "%";
                p.setString(1, q);
                p.setString(2, like);
                p.setString(3, like);
                p.setString(4, q);
                p.setString(5, escape(q) + "%");
                p.setInt(6, Math.max(1, max));
                List<Patient> out = new ArrayList<>();
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.add(patient(rs, 1));
                    }
                }
                return out;
            } catch (SQLException e) {
                throw failure("search patients", e);
            }
        }
    }

    @Override
    public Optional<Patient> byMrn(String mrn) {
        synchronized (lock) {
            try (PreparedStatement p = connection.prepareStatement(
                    "SELECT id, mrn, name, birth_date, weight_kg, allergies FROM patient WHERE mrn = ?")) {
                p.setString(1, mrn == null ? "" : mrn.trim());
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? Optional.of(patient(rs, 1)) : Optional.empty();
                }
            } catch (SQLException e) {
                throw failure("find a patient by MRN", e);
            }
        }
    }

    @Override
    public Patient create(Patient patient) {
        check(patient);
        synchronized (lock) {
            if (byMrn(patient.mrn()).isPresent()) {
                throw new IllegalArgumentException("this MRN belongs to another patient");
            }
            try {
                return patient.withId(insert(connection, patient, Instant.now()));
            } catch (SQLException e) {
                throw failure("create a patient", e);
            }
        }
    }

    @Override
    public void updateWeight(long patientId, double weightKg) {
        if (!(weightKg >= WEIGHT_MIN && weightKg <= WEIGHT_MAX)) {
            throw new IllegalArgumentException("weight " + weightKg + " kg is not plausible");
        }
        synchronized (lock) {
            try (PreparedStatement p = connection.prepareStatement("UPDATE patient SET weight_kg = ? WHERE id = ?")) {
                p.setDouble(1, weightKg);
                p.setLong(2, patientId);
                p.executeUpdate();
            } catch (SQLException e) {
                throw failure("update the weight of patient " + patientId, e);
            }
        }
    }

    @Override
    public int sessionCount(long patientId) {
        synchronized (lock) {
            try (PreparedStatement p = connection.prepareStatement("SELECT count(*) FROM session WHERE patient_id = ?")) {
                p.setLong(1, patientId);
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            } catch (SQLException e) {
                throw failure("count the sessions of patient " + patientId, e);
            }
        }
    }

    private static void check(Patient p) {
        if (p.weightKg() != null && !(p.weightKg() >= WEIGHT_MIN && p.weightKg() <= WEIGHT_MAX)) {
            throw new IllegalArgumentException("weight " + p.weightKg() + " kg is not plausible");
        }
        if (p.birthDate() != null && (p.birthDate().isAfter(LocalDate.now()) || p.birthDate().getYear() < 1900)) {
            throw new IllegalArgumentException("date of birth " + p.birthDate() + " is not plausible");
        }
        if (p.mrn().length() > 64 || p.name().length() > 200) {
            throw new IllegalArgumentException("MRN or name too long");
        }
    }

    /** Inserts {@code p} on {@code c} (inside the caller's transaction); returns its id. */
    static long insert(Connection c, Patient p, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO patient (mrn, name, birth_date, weight_kg, allergies, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, p.mrn());
            s.setString(2, p.name());
            s.setString(3, p.birthDate() == null ? null : p.birthDate().toString());
            if (p.weightKg() == null) {
                s.setNull(4, java.sql.Types.REAL);
            } else {
                s.setDouble(4, p.weightKg());
            }
            s.setString(5, p.allergies());
            s.setLong(6, at.toEpochMilli());
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Reads id, mrn, name, birth_date, weight_kg, allergies from column {@code first} on. */
    static Patient patient(ResultSet rs, int first) throws SQLException {
        String birth = rs.getString(first + 3);
        double w = rs.getDouble(first + 4);
        Double weight = rs.wasNull() ? null : w;
        return new Patient(rs.getLong(first), rs.getString(first + 1), rs.getString(first + 2),
                birth == null ? null : LocalDate.parse(birth), weight, rs.getString(first + 5));
    }

    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private StorageException failure(String what, SQLException e) {
        return new StorageException("cannot " + what + " in session database " + file + ": " + e.getMessage(), e);
    }
}
