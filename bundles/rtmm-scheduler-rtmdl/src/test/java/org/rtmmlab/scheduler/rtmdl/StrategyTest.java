package org.rtmmlab.scheduler.rtmdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.InvalidInputException;

/** The strategy file's {@code kept} list: read, and refused where a task would run a variant it does not keep. */
class StrategyTest {

    private static Strategy parse(String json) {
        return Strategy.parse("s.json", new StringReader(json));
    }

    @Test
    void keptVariantsAreRead() {
        Strategy s = parse("{\"version\": 1, \"tasks\": {\"a\": {\"variant\": \"w0.5\", \"priority\": 2,"
                + " \"kept\": [\"w0.75\", \"w0.5\", \"w0.25\"]}, \"b\": {\"priority\": 1}}}");
        assertEquals(List.of("w0.75", "w0.5", "w0.25"), s.tasks().get("a").kept());
        assertEquals(List.of(), s.tasks().get("b").kept());
    }

    @Test
    void aTaskMustRunAVariantItKeeps() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> parse(
                "{\"version\": 1, \"tasks\": {\"a\": {\"variant\": \"w0.75\", \"kept\": [\"w0.5\", \"w0.25\"]}}}"));
        assertTrue(e.getMessage().contains("s.json") && e.getMessage().contains("tasks.a.kept")
                && e.getMessage().contains("'w0.75'"), e.getMessage());
        // no variant = the full model, which must then be kept too
        e = assertThrows(InvalidInputException.class, () -> parse(
                "{\"version\": 1, \"tasks\": {\"a\": {\"kept\": [\"w0.5\"]}}}"));
        assertTrue(e.getMessage().contains("'full'"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> parse(
                "{\"version\": 1, \"tasks\": {\"a\": {\"variant\": \"w0.5\", \"kept\": [\"w0.5\", \"w0.5\"]}}}"));
        assertTrue(e.getMessage().contains("tasks.a.kept[1]") && e.getMessage().contains("twice"), e.getMessage());
    }
}
