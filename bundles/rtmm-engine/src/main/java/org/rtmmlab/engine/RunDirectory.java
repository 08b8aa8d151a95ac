package org.rtmmlab.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.rtmmlab.api.InvalidInputException;

/**
 * A run's output directory, written through a staging sibling ({@code .<name>.partial}) that takes its place only
 * when the run succeeds: a run that fails (a policy that throws, a bad property) leaves results already in the
 * directory intact and no half-written files. On success a directory that held an earlier run (it has a
 * {@code config.json}) is replaced as a whole, so no file of the earlier run is left beside the new ones; a
 * directory without one (e.g. the user's own folder) keeps its other files and gets the run's files added.
 */
final class RunDirectory {

    private RunDirectory() {
    }

    /** @return a fresh, empty staging directory next to {@code target} (parents created) */
    static Path stage(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        try {
            if (Files.exists(abs) && !Files.isDirectory(abs)) {
                throw new InvalidInputException(target.toString(), "", "the output directory is a file");
            }
            Files.createDirectories(parent);
            Path staging = parent.resolve("." + abs.getFileName() + ".partial");
            deleteTree(staging);
            return Files.createDirectory(staging);
        } catch (IOException e) {
            throw new InvalidInputException(target.toString(), "", "cannot create output directory: " + e);
        }
    }

    /** Puts the staged files in place of {@code target}'s (see the class comment). */
    static void publish(Path staging, Path target) {
        Path abs = target.toAbsolutePath().normalize();
        try {
            if (!Files.exists(abs)) {
                Files.move(staging, abs, StandardCopyOption.ATOMIC_MOVE);
            } else if (Files.isRegularFile(abs.resolve(RunConfigJson.FILE))) {
                Path old = abs.resolveSibling("." + abs.getFileName() + ".old");
                deleteTree(old);
                Files.move(abs, old, StandardCopyOption.ATOMIC_MOVE);
                Files.move(staging, abs, StandardCopyOption.ATOMIC_MOVE);
                deleteTree(old);
            } else {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(staging)) {
                    for (Path f : files) {
                        Files.move(f, abs.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                deleteTree(staging);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the run's files from " + staging + " to " + target, e);
        }
    }

    /** Deletes the staging directory of a failed run; a failure to delete is not worth a second error. */
    static void discard(Path staging) {
        try {
            deleteTree(staging);
        } catch (IOException | RuntimeException e) {
            // the run already failed with its own message
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
