package org.rtmmlab.sweep;

import com.hazelcast.core.HazelcastInstance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.engine.Evaluator;
import org.rtmmlab.engine.catalog.PluginCatalog;

/**
 * The member side of a sweep: runs points with this member's plugins, exactly as {@code rtmm run} runs them
 * ({@link Evaluator#run}), in a scratch directory whose files it sends back. Put in the member's user context under
 * {@link #KEY} ({@link SweepCluster} does).
 */
public final class SweepWorker {

    /** User-context key of the worker. */
    public static final String KEY = "org.rtmmlab.sweep.worker";

    private final PluginCatalog catalog;
    private final Evaluator evaluator;
    private volatile String member = "?";

    /** @param catalog the plugins points run with (in the container: the live catalog, plugins come and go) */
    public SweepWorker(PluginCatalog catalog) {
        this.catalog = catalog;
        this.evaluator = new Evaluator(catalog);
    }

    /** @return the worker of the member {@code hz} @throws IllegalStateException if it has none */
    static SweepWorker of(HazelcastInstance hz) {
        Object w = hz == null ? null : hz.getUserContext().get(KEY);
        if (!(w instanceof SweepWorker worker)) {
            throw new IllegalStateException("member " + (hz == null ? "?" : hz.getCluster().getLocalMember())
                    + " runs no RTMM sweep worker");
        }
        worker.member = hz.getCluster().getLocalMember().getAddress().toString();
        return worker;
    }

    /** @return this member's plugin inventory, now */
    public List<String> inventory() {
        return PluginInventory.of(catalog);
    }

    /** Runs one point and returns its files. */
    PointOutcome run(PointTask task) {
        if (!PluginInventory.digest(inventory()).equals(task.pluginDigest())) {
            throw new PluginMismatchException("member " + member + ": its plugins differ from the coordinator's");
        }
        for (InputFile f : task.inputs()) {
            prepare(f);
        }
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("rtmm-sweep-");
            Path dir = scratch.resolve(task.id());
            List<String> warnings = new ArrayList<>();
            evaluator.run(task.config(), dir, w -> {
                synchronized (warnings) {
                    warnings.add(w);
                }
            });
            TreeMap<String, byte[]> files = new TreeMap<>();
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.toList()) {
                    if (Files.isRegularFile(p)) {
                        files.put(p.getFileName().toString(), Files.readAllBytes(p));
                    }
                }
            }
            return new PointOutcome(task.id(), member, files, List.copyOf(warnings));
        } catch (IOException e) {
            throw new UncheckedIOException("member " + member + ": " + e.getMessage(), e);
        } finally {
            delete(scratch);
        }
    }

    /** Writes a shipped input file where the point expects it, or checks a local one has the coordinator's bytes. */
    private void prepare(InputFile f) {
        Path p = Path.of(f.path());
        try {
            if (f.content() != null) {
                if (!(Files.isRegularFile(p) && Arrays.equals(Files.readAllBytes(p), f.content()))) {
                    SweepPlan.write(p, new String(f.content(), java.nio.charset.StandardCharsets.UTF_8));
                }
                return;
            }
            if (!Files.isRegularFile(p)) {
                throw new InvalidInputException(f.path(), "", "member " + member + " has no such file (input files "
                        + "must be at the same path on every member)");
            }
            if (!InputFile.sha256(Files.readAllBytes(p)).equals(f.sha256())) {
                throw new InvalidInputException(f.path(), "", "member " + member + " has other bytes in this file "
                        + "than the coordinator");
            }
        } catch (IOException e) {
            throw new InvalidInputException(f.path(), "", "member " + member + " cannot read it: " + e.getMessage());
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // scratch space only: a leftover directory in the temp folder is harmless
        }
    }

    /** A point sent to a member whose plugins differ from the coordinator's. */
    public static final class PluginMismatchException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        PluginMismatchException(String message) {
            super(message);
        }
    }
}
