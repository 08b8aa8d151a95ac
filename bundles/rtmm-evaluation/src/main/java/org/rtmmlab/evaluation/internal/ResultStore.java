package org.rtmmlab.evaluation.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.rtmmlab.evaluation.EvaluationState;
import org.rtmmlab.evaluation.ResultEntry;

/**
 * The container's durable results under {@code data/results/}: one folder per evaluation ({@code <id>/}), written in
 * {@code .staging/<id>/} and moved into place with one atomic rename when the evaluation ends, so a folder named by an
 * id is always complete; {@code .interrupted/<id>/} keeps what an evaluation had written when the container was killed;
 * {@code index.json} lists every result and is rewritten atomically (temporary file + atomic move) after each change.
 *
 * <p>Thread-safe (one lock). Ids ({@code e0001}, ...) are never reused: the next one is one above the highest id
 * found in any folder or the index.
 */
final class ResultStore {

    /** Index file name. */
    static final String INDEX = "index.json";
    /** An evaluation's own description inside its folder. */
    static final String EVALUATION = "evaluation.json";
    private static final String STAGING = ".staging";
    private static final String INTERRUPTED = ".interrupted";
    private static final Pattern ID = Pattern.compile("e(\\d{4,9})");

    private final Path root;
    private final Map<String, ResultEntry> entries = new TreeMap<>();
    private final Map<String, EvaluationRecord> records = new TreeMap<>();
    private int lastId;

    /** Opens (creating) {@code root}, recovers interrupted evaluations and rebuilds the index. */
    ResultStore(Path root, Consumer<String> warnings) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root.resolve(STAGING));
            Files.createDirectories(this.root.resolve(INTERRUPTED));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + this.root, e);
        }
        recover(warnings);
        rebuild(warnings);
    }

    /** @return {@code data/results} */
    Path root() {
        return root;
    }

    /** @return a fresh id, never used in this folder before */
    synchronized String nextId() {
        lastId++;
        return String.format("e%04d", lastId);
    }

    /** @return the staging folder of evaluation {@code id} (not created) */
    Path staging(String id) {
        return root.resolve(STAGING).resolve(id);
    }

    /** @return where evaluation {@code id} is published */
    Path published(String id) {
        return root.resolve(id);
    }

    /** Creates the staging folder with the evaluation's description (state running) before anything runs. */
    void begin(EvaluationRecord record) {
        Path dir = staging(record.id());
        try {
            Files.createDirectories(dir);
            writeAtomically(dir.resolve(EVALUATION), EvaluationJson.write(record));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    /**
     * Publishes an ended evaluation: writes its final {@code evaluation.json} into its staging folder, renames the
     * folder to {@code <id>} and rewrites the index.
     */
    synchronized ResultEntry publish(EvaluationRecord record) {
        Path dir = staging(record.id());
        Path target = published(record.id());
        try {
            Files.createDirectories(dir);
            writeAtomically(dir.resolve(EVALUATION), EvaluationJson.write(record));
            pauseForCrashTest(record.id(), "before", "before the rename");
            Files.move(dir, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish " + record.id() + " to " + target, e);
        }
        pauseForCrashTest(record.id(), "after", "after the rename, before the index");
        ResultEntry entry = entry(record, target);
        entries.put(record.id(), entry);
        records.put(record.id(), record);
        writeIndex();
        return entry;
    }

    /** System property of {@code scripts/kill9-test.sh}: pause N ms inside a publish. */
    static final String CRASH_TEST_PAUSE = "rtmm.crashTest.storePauseMs";
    /** System property of {@code scripts/kill9-test.sh}: where to pause, {@code before} or {@code after} the rename. */
    static final String CRASH_TEST_PAUSE_AT = "rtmm.crashTest.storePauseAt";

    /**
     * Test hook of {@code scripts/kill9-test.sh}: with the system properties {@value #CRASH_TEST_PAUSE} = N and
     * {@value #CRASH_TEST_PAUSE_AT} = {@code point}, says where it is and waits N ms, so that a {@code kill -9} lands
     * exactly inside the publish step. Unset: nothing.
     */
    private static void pauseForCrashTest(String id, String point, String where) {
        long ms = Long.getLong(CRASH_TEST_PAUSE, 0L);
        if (ms > 0 && point.equals(System.getProperty(CRASH_TEST_PAUSE_AT))) {
            System.err.println("[rtmm] crash test: publish of " + id + " paused " + where);
            System.err.flush();
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** @return every result, newest first (by end time, then id) */
    synchronized List<ResultEntry> entries() {
        List<ResultEntry> out = new ArrayList<>(entries.values());
        out.sort(Comparator.comparing((ResultEntry e) -> e.ended() == null ? Instant.EPOCH : e.ended())
                .thenComparing(ResultEntry::id).reversed());
        return out;
    }

    /** @return the descriptions of every result, by id */
    synchronized Map<String, EvaluationRecord> records() {
        return new TreeMap<>(records);
    }

    /** Moves what unfinished evaluations left in {@code .staging/} to {@code .interrupted/<id>/}. */
    private void recover(Consumer<String> warnings) {
        Path staging = root.resolve(STAGING);
        List<Path> main = new ArrayList<>();
        List<Path> partial = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(staging)) {
            for (Path p : ds) {
                (p.getFileName().toString().startsWith(".") ? partial : main).add(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + staging, e);
        }
        main.sort(null);
        partial.sort(null);
        for (Path p : main) {
            String id = p.getFileName().toString();
            Path target = root.resolve(INTERRUPTED).resolve(id);
            try {
                if (Files.exists(target)) {
                    target = root.resolve(INTERRUPTED).resolve(id + "-" + System.currentTimeMillis());
                }
                Files.move(p, target, StandardCopyOption.ATOMIC_MOVE);
                Path json = target.resolve(EVALUATION);
                EvaluationRecord r = Files.isRegularFile(json) ? EvaluationJson.read(Files.readString(json)) : null;
                if (r != null) {
                    writeAtomically(json, EvaluationJson.write(r.interrupted(
                            "the container stopped before the evaluation ended; its partial files are kept here",
                            Instant.now())));
                }
            } catch (IOException | RuntimeException e) {
                warnings.accept("results: cannot set aside the unfinished evaluation " + p + ": " + e);
            }
        }
        for (Path p : partial) { // a run's own staging (.<name>.partial) beside an evaluation's folder
            String name = p.getFileName().toString();
            String id = name.replaceFirst("^\\.", "").replaceFirst("\\.partial$", "");
            Path dir = root.resolve(INTERRUPTED).resolve(id);
            try {
                Files.createDirectories(dir);
                Files.move(p, dir.resolve(name.substring(1)), StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                warnings.accept("results: cannot set aside " + p + ": " + e);
            }
        }
    }

    /** Rebuilds the index from the folders (the folders are the truth; the index is a cache of them). */
    private void rebuild(Consumer<String> warnings) {
        for (Path base : List.of(root, root.resolve(INTERRUPTED))) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(base, Files::isDirectory)) {
                for (Path dir : ds) {
                    String name = dir.getFileName().toString();
                    noteId(name);
                    Path json = dir.resolve(EVALUATION);
                    if (name.startsWith(".") || !Files.isRegularFile(json)) {
                        continue;
                    }
                    try {
                        EvaluationRecord r = EvaluationJson.read(Files.readString(json));
                        if (base != root) {
                            r = r.state() == EvaluationState.INTERRUPTED ? r : r.interrupted(
                                    "the container stopped before the evaluation ended", Instant.now());
                        } else if (!r.state().isFinal()) {
                            continue; // cannot happen: published folders carry a final state
                        }
                        String key = base == root ? r.id() : name;
                        entries.put(key, entry(r, dir));
                        records.put(key, r);
                        noteId(r.id());
                    } catch (IOException | RuntimeException e) {
                        warnings.accept("results: " + json + " unreadable, not listed: " + e.getMessage());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + base, e);
            }
        }
        Path index = root.resolve(INDEX);
        if (Files.isRegularFile(index)) {
            try {
                EvaluationJson.indexIds(Files.readString(index)).forEach(this::noteId);
            } catch (IOException | RuntimeException e) {
                warnings.accept("results: old " + index + " unreadable, rebuilt from the folders: " + e.getMessage());
            }
        }
        writeIndex();
    }

    private void noteId(String name) {
        Matcher m = ID.matcher(name);
        if (m.lookingAt()) {
            lastId = Math.max(lastId, Integer.parseInt(m.group(1)));
        }
    }

    private ResultEntry entry(EvaluationRecord r, Path dir) {
        return new ResultEntry(r.id(), r.state(), r.message(), r.request().scenarios(), r.request().platforms(),
                r.schedulers(), r.plugins(), dir, files(dir), r.ended());
    }

    private static List<String> files(Path dir) {
        List<String> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).forEach(p -> out.add(dir.relativize(p).toString().replace('\\', '/')));
        } catch (IOException e) {
            return List.of();
        }
        out.sort(null);
        return out;
    }

    private void writeIndex() {
        try {
            writeAtomically(root.resolve(INDEX), EvaluationJson.index(entries(), root));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + root.resolve(INDEX), e);
        }
    }

    /** Writes {@code file} through a temporary sibling and an atomic move: readers see the old or the new text. */
    static void writeAtomically(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
