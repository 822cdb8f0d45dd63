package org.vigil.testsupport;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class ResearchPackTest {

    @Test
    void anAbsentFileSkipsOnAUsersCloneAndFailsUnderCi() {
        if (ResearchPack.runningInCi()) {
            AssertionFailedError e = assertThrows(AssertionFailedError.class,
                    () -> ResearchPack.file("masimo", "no-such-capture.bin"));
            assertTrue(e.getMessage().contains("CI=true"), e.getMessage());
        } else {
            TestAbortedException e = assertThrows(TestAbortedException.class,
                    () -> ResearchPack.file("masimo", "no-such-capture.bin"));
            assertTrue(e.getMessage().contains("no-such-capture.bin"), e.getMessage());
        }
    }
}
