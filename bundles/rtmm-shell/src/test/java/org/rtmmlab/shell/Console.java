package org.rtmmlab.shell;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Captures what a command prints on System.out (Gogo gives each session its own System.out the same way). */
final class Console {

    private Console() {
    }

    /** A command's output and the exception it ended with, if any. */
    record Outcome(List<String> lines, RuntimeException failure) {
    }

    /** @return what {@code action} printed, line by line, and what it threw */
    static Outcome run(Runnable action) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        RuntimeException failure = null;
        try {
            action.run();
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            System.setOut(old);
        }
        String text = buf.toString(StandardCharsets.UTF_8);
        return new Outcome(text.isEmpty() ? List.of() : List.of(text.split("\\R")), failure);
    }

    /** @return what {@code action} printed; fails if it threw */
    static List<String> lines(Runnable action) {
        Outcome o = run(action);
        if (o.failure() != null) {
            throw new AssertionError("command failed: " + o.lines(), o.failure());
        }
        return o.lines();
    }
}
