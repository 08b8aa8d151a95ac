package org.rtmmlab.shell;

/**
 * Thrown by an {@code rtmm:*} Gogo function after it printed its one-line {@code error: ...}, so that the shell
 * treats the command as failed: Gogo's session rethrows it (the plain Felix console prints
 * {@code gogo: CommandFailedException: rtmm:run failed}; Karaf prints {@code Error executing command}), and a script
 * stops or sees a non-zero status instead of 0.
 */
public class CommandFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message short, e.g. {@code rtmm:run failed}; the reason was printed before */
    public CommandFailedException(String message) {
        super(message);
    }
}
