package org.rtmmlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rtmmlab.engine.support.Lab.MS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.run.RunConfig;
import org.rtmmlab.api.workload.Task;
import org.rtmmlab.engine.support.Lab;
import org.rtmmlab.engine.support.Policies;

/** Issue 17, item 1: the lab never deletes what it did not write, and publishing survives a kill at every step. */
class OutputFolderSafetyTest {

    private final Lab lab = new Lab();

    @BeforeEach
    void setUp() {
        lab.single();
        lab.scenario("s", List.of(Lab.model("m", 1)), List.of(Task.periodic("t", "m", 10 * MS)), List.of(), 30 * MS);
        lab.policy(Policies.fifo());
    }

    private RunConfig config(long seed) {
        return new RunConfig("s", "one", "fifo", seed, 0, false, Map.of(), List.of("record"));
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aUsersFolderWithAConfigJsonIsRefusedAndKeptWhole(@TempDir Path root) throws IOException {
        Path p = root.resolve("p");
        Files.createDirectories(p.resolve("src"));
        Files.writeString(p.resolve("config.json"), "{}");
        Files.writeString(p.resolve("important.txt"), "x");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> lab.evaluator.run(config(1), p, null));
        assertTrue(e.getMessage().startsWith(p + ": is not empty and was not written by RTMM Lab"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertEquals(List.of("config.json", "important.txt", "src"), names(p));
        assertEquals(List.of("p"), names(root), "no staging folder left");
    }

    @Test
    void anAbsentOrEmptyFolderIsPublishedAndCarriesTheMarker(@TempDir Path root) throws IOException {
        Path empty = Files.createDirectories(root.resolve("empty"));
        lab.evaluator.run(config(1), empty, null);
        assertTrue(OutputFolder.hasMarker(empty));
        String marker = Files.readString(empty.resolve(OutputFolder.MARKER));
        assertTrue(marker.matches("rtmm-lab run [0-9a-f]{64}\n"), marker);
        lab.evaluator.run(config(1), root.resolve("absent"), null);
        assertEquals(marker, Files.readString(root.resolve("absent").resolve(OutputFolder.MARKER)),
                "the same inputs give the same run id (byte-identical folders)");
        lab.evaluator.run(config(2), empty, null);
        assertFalse(marker.equals(Files.readString(empty.resolve(OutputFolder.MARKER))), "its own run id");
    }

    @Test
    void aForgedOrBrokenMarkerIsNotEnough(@TempDir Path root) throws IOException {
        Path p = Files.createDirectories(root.resolve("p"));
        Files.writeString(p.resolve(OutputFolder.MARKER), "rtmm-lab run not-an-id\n");
        Files.writeString(p.resolve("mine.txt"), "x");
        assertThrows(InvalidInputException.class, () -> lab.evaluator.run(config(1), p, null));
        assertTrue(Files.exists(p.resolve("mine.txt")));
    }

    @Test
    void theRootTheCurrentDirectoryAFileAndALinkAreRefusedInOneLine(@TempDir Path root) throws IOException {
        for (Path bad : List.of(Path.of("/"), Path.of("."), Path.of(""), Path.of("..")))  {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> lab.evaluator.run(config(1), bad, null), bad.toString());
            assertTrue(e.getMessage().contains("file-system root") || e.getMessage().contains("current directory"),
                    e.getMessage());
        }
        Path file = Files.writeString(root.resolve("f"), "x");
        assertTrue(assertThrows(InvalidInputException.class, () -> lab.evaluator.run(config(1), file, null))
                .getMessage().contains("is a file"));
        Path target = Files.createDirectories(root.resolve("t"));
        Path link = Files.createSymbolicLink(root.resolve("l"), target);
        assertTrue(assertThrows(InvalidInputException.class, () -> lab.evaluator.run(config(1), link, null))
                .getMessage().contains("symbolic link"));
    }

    @Test
    void aKillBetweenTheTwoRenamesIsRepairedByTheNextRun(@TempDir Path root) throws IOException {
        Path out = root.resolve("run");
        lab.evaluator.run(config(1), out, null);
        String earlier = Files.readString(out.resolve("config.json"));
        // the state a kill -9 leaves between "target -> .old" and "staging -> target"
        Files.move(out, OutputFolder.old(out.toAbsolutePath()));
        Files.createDirectories(OutputFolder.staging(out.toAbsolutePath()));
        Files.writeString(OutputFolder.staging(out.toAbsolutePath()).resolve(OutputFolder.MARKER),
                Files.readString(OutputFolder.old(out.toAbsolutePath()).resolve(OutputFolder.MARKER)));
        OutputFolder.check(out, "--out");
        assertEquals(earlier, Files.readString(out.resolve("config.json")), "the earlier result is back");
        assertEquals(List.of("run"), names(root), "no .old or .partial left");
        // killed after the second rename, before the old copy was deleted
        Files.createDirectories(OutputFolder.old(out.toAbsolutePath()));
        Files.writeString(OutputFolder.old(out.toAbsolutePath()).resolve(OutputFolder.MARKER),
                Files.readString(out.resolve(OutputFolder.MARKER)));
        lab.evaluator.run(config(2), out, null);
        assertEquals(List.of("run"), names(root));
    }

    @Test
    void aUsersFolderNamedLikeALeftoverIsNeverDeleted(@TempDir Path root) throws IOException {
        Path out = root.resolve("run");
        Path fake = Files.createDirectories(root.resolve(".run.partial"));
        Files.writeString(fake.resolve("keep.txt"), "x");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> lab.evaluator.run(config(1), out, null));
        assertTrue(e.getMessage().contains(".run.partial"), e.getMessage());
        assertTrue(Files.exists(fake.resolve("keep.txt")));
    }
}
