package org.rtmmlab.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.rtmmlab.api.InvalidInputException;

/**
 * An output folder the lab publishes into ({@code run --out}, {@code compare --out}) without ever deleting what it did
 * not write.
 *
 * <p><b>Ownership.</b> The lab writes a marker file {@value #MARKER} into every folder it publishes: one line
 * {@code rtmm-lab <kind> <id>} (kind {@code run} or {@code compare}, id 64 hex digits derived from the resolved
 * configuration, so the same inputs give a byte-identical folder). A folder may be published into only if it is
 * absent, empty, or carries a valid marker; anything else (a user's project, a folder with just a
 * {@code config.json}, a file, the file-system root, the current directory or one of its parents) is refused with
 * one line naming it, before the run starts.
 *
 * <p><b>Publishing.</b> Files are written into a staging sibling {@code .<name>.partial} (marker first). On success
 * the staging folder takes the target's place: absent or empty target, one atomic rename; a lab folder, two renames
 * (target to {@code .<name>.old}, staging to target) and then the old copy is deleted. At every instant the earlier
 * result is complete either at the target or in {@code .<name>.old}; nothing half-written is ever at the target.
 *
 * <p><b>Recovery.</b> Before staging, leftovers of an interrupted publish of the same target are resolved: a
 * {@code .<name>.old} whose target is missing (killed between the two renames) is renamed back, one whose target is
 * present (killed before the delete) is deleted, and a {@code .<name>.partial} is deleted. Each only if it is the
 * lab's (marker, or empty); a user's folder of that name is an error, never deleted.
 */
public final class OutputFolder {

    /** Name of the marker file the lab writes into every folder it publishes. */
    public static final String MARKER = ".rtmm-run";

    private static final Pattern MARKER_LINE = Pattern.compile("rtmm-lab (run|compare) [0-9a-f]{64}\n?");
    private static final int MARKER_MAX_BYTES = 256;

    private OutputFolder() {
    }

    /**
     * @param kind what the folder holds, {@code run} or {@code compare}
     * @param text a canonical description of what produced it (its resolved configuration)
     * @return the marker line for a folder of this kind and content: {@code rtmm-lab <kind> <sha-256 of text>}
     */
    public static String markerLine(String kind, String text) {
        if (!kind.equals("run") && !kind.equals("compare")) {
            throw new IllegalArgumentException("kind " + kind);
        }
        return "rtmm-lab " + kind + " " + RunPaths.sha256Hex(text) + "\n";
    }

    /**
     * Checks that the lab may publish into {@code target} (see the class comment) and resolves leftovers of an
     * interrupted publish there.
     *
     * @param option how the user named the folder in messages, e.g. {@code --out}
     * @return the absolute, normalised target
     * @throws InvalidInputException naming the folder, if it is not the lab's to replace
     */
    public static Path check(Path target, String option) {
        Path abs = target.toAbsolutePath().normalize();
        String name = option.isEmpty() ? target.toString() : option + " " + target;
        Path parent = abs.getParent();
        if (parent == null || abs.getFileName() == null) {
            throw new InvalidInputException(name, "", "is the file-system root; choose a folder of its own");
        }
        Path cwd = Path.of("").toAbsolutePath().normalize();
        if (cwd.startsWith(abs)) {
            throw new InvalidInputException(name, "", "is the current directory or one of its parents; choose a "
                    + "folder of its own (it would be replaced as a whole)");
        }
        recover(abs, name);
        if (Files.isSymbolicLink(abs)) {
            throw new InvalidInputException(name, "", "is a symbolic link; give the folder it points to, or another");
        }
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS)) {
            throw new InvalidInputException(name, "", "is a file, not a folder");
        }
        if (Files.isDirectory(abs) && !ownedOrEmpty(abs)) {
            throw new InvalidInputException(name, "", "is not empty and was not written by RTMM Lab (no valid "
                    + MARKER + " marker): refusing to replace it; choose another folder or empty it");
        }
        return abs;
    }

    /**
     * Checks {@code target} ({@link #check}) and creates its staging folder, with the marker in it.
     *
     * @param marker the marker line ({@link #markerLine})
     * @return the fresh staging folder, next to the target
     * @throws InvalidInputException if the target is not the lab's, or the staging folder cannot be created
     */
    public static Path stage(Path target, String option, String marker) {
        Path abs = check(target, option);
        if (!MARKER_LINE.matcher(marker).matches()) {
            throw new IllegalArgumentException("not a marker line: " + marker);
        }
        try {
            Files.createDirectories(abs.getParent());
            Path staging = Files.createDirectory(staging(abs));
            Files.writeString(staging.resolve(MARKER), marker, StandardCharsets.UTF_8);
            return staging;
        } catch (IOException e) {
            throw new InvalidInputException(option.isEmpty() ? target.toString() : option + " " + target, "",
                    "cannot create the output folder: " + e.getMessage());
        }
    }

    /**
     * Puts a staged folder in place of {@code target} (see the class comment).
     *
     * @throws InvalidInputException if the target became a user's folder meanwhile (the staging folder is removed)
     */
    public static void publish(Path staging, Path target) {
        Path abs = target.toAbsolutePath().normalize();
        try {
            if (Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS) && isEmpty(abs)) {
                Files.delete(abs);
            }
            if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(staging, abs, StandardCopyOption.ATOMIC_MOVE);
                return;
            }
            if (!Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS) || !hasMarker(abs)) {
                discard(staging);
                throw new InvalidInputException(abs.toString(), "", "was changed by someone else during the run and "
                        + "is no longer the lab's: not replaced");
            }
            Path old = old(abs);
            deleteTree(old);
            Files.move(abs, old, StandardCopyOption.ATOMIC_MOVE);
            pauseForCrashTest();
            Files.move(staging, abs, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(old);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the files from " + staging + " to " + target, e);
        }
    }

    /**
     * Test hook of {@code scripts/kill9-cli-test.sh}: with the system property {@value #CRASH_TEST_PAUSE} = N, waits N
     * ms between the two renames of a publish, so that a {@code kill -9} lands exactly there. Unset: nothing.
     */
    private static void pauseForCrashTest() {
        long ms = Long.getLong(CRASH_TEST_PAUSE, 0L);
        if (ms > 0) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** System property of the crash test's pause between the two renames, ms. */
    static final String CRASH_TEST_PAUSE = "rtmm.crashTest.publishPauseMs";

    /** Deletes a staging folder of a failed run; a failure to delete is not worth a second error. */
    public static void discard(Path staging) {
        try {
            deleteTree(staging);
        } catch (IOException | RuntimeException e) {
            // the run already failed with its own message; the next run of this target removes it
        }
    }

    /** @return true if {@code dir} holds a valid marker file */
    public static boolean hasMarker(Path dir) {
        Path m = dir.resolve(MARKER);
        try {
            if (!Files.isRegularFile(m, LinkOption.NOFOLLOW_LINKS) || Files.size(m) > MARKER_MAX_BYTES) {
                return false;
            }
            return MARKER_LINE.matcher(Files.readString(m, StandardCharsets.UTF_8)).matches();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static Path staging(Path abs) {
        return abs.resolveSibling("." + abs.getFileName() + ".partial");
    }

    static Path old(Path abs) {
        return abs.resolveSibling("." + abs.getFileName() + ".old");
    }

    /** Resolves the leftovers of an interrupted publish of {@code abs} (see the class comment). */
    private static void recover(Path abs, String name) {
        Path old = old(abs);
        Path staging = staging(abs);
        try {
            if (Files.exists(old, LinkOption.NOFOLLOW_LINKS)) {
                requireOwned(old, name);
                if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
                    deleteTree(old); // killed after the second rename: the new result is in place
                } else {
                    Files.move(old, abs, StandardCopyOption.ATOMIC_MOVE); // killed between the renames: restore
                }
            }
            if (Files.exists(staging, LinkOption.NOFOLLOW_LINKS)) {
                requireOwned(staging, name);
                deleteTree(staging); // an interrupted or concurrent run's files: never published
            }
        } catch (IOException e) {
            throw new InvalidInputException(name, "", "cannot clean up an interrupted earlier publish: " + e);
        }
    }

    private static void requireOwned(Path leftover, String name) {
        if (!Files.isDirectory(leftover, LinkOption.NOFOLLOW_LINKS) || !ownedOrEmpty(leftover)) {
            throw new InvalidInputException(name, "", leftover + " is in the way of the lab's staging and was not "
                    + "written by it; move it away");
        }
    }

    private static boolean ownedOrEmpty(Path dir) {
        try {
            return isEmpty(dir) || hasMarker(dir);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        }
    }

    /**
     * Deletes a tree without following symbolic links (a link is removed, not what it points to). The marker goes
     * last, just before the folder itself: a kill midway leaves a folder that is still recognisably the lab's, so
     * the next run can finish the job.
     */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(root);
            return;
        }
        Path marker = root.resolve(MARKER);
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                if (!p.equals(marker) && !p.equals(root)) {
                    Files.delete(p);
                }
            }
        }
        Files.deleteIfExists(marker);
        Files.delete(root);
    }
}
