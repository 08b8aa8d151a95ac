package org.rtmmlab.cli;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.run.RunConfig;
import org.rtmmlab.api.run.RunFailure;
import org.rtmmlab.engine.OutputFolder;
import org.rtmmlab.engine.SchedulingException;

/**
 * How {@code compare} publishes its files and reports failed runs: the {@code --csv} target checked before any run,
 * the comparison's marker, a CSV outside {@code --out} replaced atomically, and the failed runs as table lines and
 * JSON documents.
 */
final class ComparePublishing {

    private ComparePublishing() {
    }

    /**
     * Checks {@code --csv FILE} before any run.
     *
     * @return the file's path relative to {@code --out} when it lies inside it (it is then published with the
     *         comparison), else null (it is written beside, atomically)
     * @throws InvalidInputException naming {@code --csv} if the file cannot be written: a folder, an unwritable
     *                               folder, an unwritable file, or the marker file
     */
    static Path checkCsv(Path csv, Path out) {
        Path abs = csv.toAbsolutePath().normalize();
        Path root = out.toAbsolutePath().normalize();
        String name = "--csv " + csv;
        if (Files.isDirectory(abs) || abs.getFileName() == null) {
            throw new InvalidInputException(name, "", "is a folder; give a file name, e.g. results/compare.csv");
        }
        if (abs.startsWith(root)) {
            Path rel = root.relativize(abs);
            if (rel.toString().equals(OutputFolder.MARKER)) {
                throw new InvalidInputException(name, "", "is the lab's marker file; give another name");
            }
            return rel;
        }
        Path parent = abs.getParent();
        for (Path p = parent; p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) {
                throw new InvalidInputException(name, "", "its folder " + p + " is a file");
            }
        }
        try {
            Files.createDirectories(parent);
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException(name, "", "cannot create its folder " + parent + " (" + e.getClass()
                    .getSimpleName() + ": " + e.getMessage() + ")");
        }
        if (!Files.isWritable(parent)) {
            throw new InvalidInputException(name, "", "its folder " + parent + " is not writable");
        }
        if (Files.exists(abs) && !Files.isWritable(abs)) {
            throw new InvalidInputException(name, "", "the file exists and is not writable");
        }
        return null;
    }

    /** Writes a file beside its target and renames it into place: a kill leaves the earlier file or the new one. */
    static void writeAtomically(Path file, IoWriter writer) throws IOException {
        Path abs = file.toAbsolutePath().normalize();
        Path tmp = abs.resolveSibling("." + abs.getFileName() + ".partial");
        try {
            writer.write(tmp);
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes a file. */
    @FunctionalInterface
    interface IoWriter {
        /** @param file where to write */
        void write(Path file) throws IOException;
    }

    /** @return the marker line of a comparison of these runs (its id derived from their configurations) */
    static String marker(List<RunConfig> configs) {
        StringBuilder sb = new StringBuilder();
        for (RunConfig c : configs) {
            sb.append(c).append('\n');
        }
        return OutputFolder.markerLine("compare", sb.toString());
    }

    /** @return why a run failed, in one line: the engine's message (it names the plugin), else the exception */
    static String reason(Throwable e) {
        if ((e instanceof SchedulingException || e instanceof InvalidInputException) && e.getMessage() != null) {
            return Main.oneLine(e.getMessage());
        }
        if (e instanceof OutOfMemoryError) {
            return "ran out of memory (" + Main.oneLine(e.getMessage()) + ")";
        }
        return Main.oneLine(e.toString());
    }

    /** @return "scheduler on scenario / platform, seed N" */
    static String describe(RunConfig c) {
        return c.scheduler() + " on " + c.scenario() + " / " + c.platform() + ", seed " + c.seed();
    }

    /** @return the failed runs as lines under the table */
    static List<String> failureLines(List<RunFailure> failures) {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add(failures.size() + " failed run" + (failures.size() == 1 ? "" : "s")
                + " (left out of the table and the means):");
        TextTable t = new TextTable(6, "scheduler", "scenario", "platform", "seed", "status", "reason");
        for (RunFailure f : failures) {
            t.row(f.config().scheduler(), f.config().scenario(), f.config().platform(), f.config().seed(), "FAILED",
                    f.reason());
        }
        lines.addAll(t.lines());
        return lines;
    }

    /** @return the JSON document of a failed run: its ids, seed, {@code "status": "failed"} and the reason */
    static JsonObject failureJson(RunFailure f) {
        JsonObject o = new JsonObject();
        o.addProperty("scenario", f.config().scenario());
        o.addProperty("platform", f.config().platform());
        o.addProperty("scheduler", f.config().scheduler());
        o.addProperty("seed", f.config().seed());
        o.addProperty("xrbenchCompat", f.config().xrbenchCompat());
        o.addProperty("status", "failed");
        o.addProperty("reason", f.reason());
        return o;
    }
}
