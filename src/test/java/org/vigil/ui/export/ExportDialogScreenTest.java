package org.vigil.ui.export;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vigil.export.ExportFormat;

/** The export dialog on screen: the password fields open with the box, the file shown follows, and a click exports. */
@ExtendWith(ApplicationExtension.class)
class ExportDialogScreenTest {

    private final List<String> runs = new CopyOnWriteArrayList<>();
    private ExportDialogModel model;

    @Start
    void start(Stage stage) {
        model = new ExportDialogModel(9, Path.of("exports"), (format, deidentify, protection, out, progress) ->
                runs.add(format.key() + " " + protection + " " + out.getFileName()), Runnable::run, Runnable::run);
        stage.setScene(new Scene(new ExportDialog(model)));
        stage.show();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(5, SECONDS);
    }

    @Test
    void aNurseProtectsAnHl7ExportWithAPassword(FxRobot robot) throws Exception {
        PasswordField password = robot.lookup("#exportPassword").queryAs(PasswordField.class);
        PasswordField again = robot.lookup("#exportPasswordAgain").queryAs(PasswordField.class);
        Label file = robot.lookup("#exportFolder").queryAs(Label.class);
        assertTrue(fx(password::isDisabled), "no password until asked for");
        fx(() -> {
            model.formatProperty().set(ExportFormat.HL7);
            return null;
        });
        assertEquals(Path.of("exports", "session-9.hl7").toString(), fx(file::getText));
        robot.clickOn("#exportProtect");
        assertTrue(fx(() -> robot.lookup("#exportProtect").queryAs(CheckBox.class).isSelected()));
        assertFalse(fx(password::isDisabled));
        assertEquals(Path.of("exports", "session-9.hl7.zip").toString(), fx(file::getText), "the file it writes is shown");
        robot.clickOn("#exportPassword").write("bedside 2026");
        robot.clickOn("#exportPasswordAgain").write("bedside 2026");
        robot.clickOn("#exportStart");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("hl7 password-protected session-9.hl7.zip"), runs);
        assertEquals("", fx(password::getText), "the password is not left in the dialog");
        assertEquals("", fx(again::getText));
        assertTrue(fx(() -> robot.lookup("#exportMessage").queryAs(Label.class).getText())
                .endsWith("session-9.hl7.zip (password-protected)"));
    }
}
