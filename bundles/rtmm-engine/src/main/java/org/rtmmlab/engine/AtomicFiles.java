package org.rtmmlab.engine;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Putting a finished file into place so that a reader (the container's FileInstall, a browser, another process) never
 * sees half of it: written next to its target first, then moved over it.
 *
 * @since 1.3
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * Moves {@code written} over {@code target} in one step where the file system can (same file system), else with
     * a plain replacing move.
     *
     * @throws IOException when the move fails
     */
    public static void replace(Path written, Path target) throws IOException {
        try {
            Files.move(written, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(written, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
