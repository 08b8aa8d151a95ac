package org.rtmmlab.sweep;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The finished points of a sweep on disk: {@code <out>/points/<id>/} holds a point's files. A point's directory is
 * written under a hidden temporary name in the same folder and renamed into place atomically, so a point is done if
 * and only if its directory exists; a crash leaves at most a temporary directory, which the next run removes. A
 * point written twice (re-run after a member failure) keeps the first copy; both have the same bytes, since a
 * point's result depends only on its configuration. One coordinator writes to an output directory at a time.
 */
public final class ResultStore {

    /** Sub-directory of the points. */
    public static final String POINTS = "points";

    private final Path dir;

    /** @param out the sweep's output directory */
    public ResultStore(Path out) throws IOException {
        this.dir = out.resolve(POINTS);
        Files.createDirectories(dir);
        try (Stream<Path> s = Files.list(dir)) { // leftovers of a crash mid-write
            for (Path p : s.toList()) {
                if (p.getFileName().toString().startsWith(".")) {
                    deleteTree(p);
                }
            }
        }
    }

    /** @return the ids of the finished points */
    public Set<String> done() throws IOException {
        Set<String> ids = new TreeSet<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                if (!n.startsWith(".") && Files.isDirectory(p)) {
                    ids.add(n);
                }
            }
        }
        return ids;
    }

    /** @return the directory of point {@code id} */
    public Path pointDir(String id) {
        return dir.resolve(id);
    }

    /**
     * Writes a point's files atomically.
     *
     * @return true if written, false if the point was already there
     */
    public boolean write(String id, Map<String, byte[]> files) throws IOException {
        Path target = dir.resolve(id);
        if (Files.isDirectory(target)) {
            return false;
        }
        Path tmp = dir.resolve("." + id + "." + UUID.randomUUID() + ".tmp");
        Files.createDirectory(tmp);
        try {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Files.write(tmp.resolve(f.getKey()), f.getValue());
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + dir + " cannot rename atomically", e);
        } catch (FileSystemException e) { // another copy of the point got there first (same bytes)
            if (Files.isDirectory(target)) {
                return false;
            }
            throw e;
        } finally {
            if (Files.exists(tmp)) {
                deleteTree(tmp);
            }
        }
    }

    private static void deleteTree(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }
}
