package org.rtmmlab.workload.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.api.workload.ScenarioProvider;

class FilesScenarioProviderTest {

    static final String GOOD = """
            {"version": 1, "description": "eyes and a toy net", "durationMs": 500,
             "models": [{"ref": "xrbench:ES_RITNet"},
                        {"id": "toy", "layers": [{"name": "l0", "K": 4, "C": 3, "Y": 8, "X": 8, "R": 3, "S": 3}]}],
             "tasks": [{"model": "ES_RITNet", "fps": 60}, {"model": "toy", "fps": 10}]}
            """;

    static void write(Path dir, String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void listsEveryJsonFileAndLoadsItUnderFileSlashName(@TempDir Path dir) throws IOException {
        write(dir, "b-good.json", GOOD);
        write(dir, "a-bad.json", GOOD.replace("\"fps\": 10", "\"fps\": -10"));
        write(dir, "notes.txt", "ignored");
        FilesScenarioProvider p = new FilesScenarioProvider(dir);
        List<ScenarioProvider.Info> infos = p.scenarios();
        assertEquals(List.of("file/a-bad", "file/b-good"), infos.stream().map(ScenarioProvider.Info::id).toList());
        assertEquals("INVALID: a-bad.json: $.tasks[1].fps: must be > 0 (and at most 1e9), got -10",
                infos.get(0).description());
        assertEquals("eyes and a toy net", infos.get(1).description());
        Scenario s = p.load("file/b-good");
        assertEquals("file/b-good", s.id());
        assertEquals(42, s.model("ES_RITNet").layers().size(), "ref resolved through the xrbench provider");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> p.load("file/a-bad"));
        assertEquals("a-bad.json", e.source());
        assertEquals("$.tasks[1].fps", e.path());
    }

    @Test
    void filesDroppedInAppearAndRemovedOnesDisappear(@TempDir Path dir) throws IOException {
        FilesScenarioProvider p = new FilesScenarioProvider(dir);
        assertEquals(List.of(), p.scenarios());
        write(dir, "late.json", GOOD);
        assertEquals("file/late", p.scenarios().get(0).id());
        Files.delete(dir.resolve("late.json"));
        assertEquals(List.of(), p.scenarios());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> p.load("file/late"));
        assertTrue(e.getMessage().endsWith("unknown scenario id 'file/late'; files in " + dir + ": (none)"),
                e.getMessage());
        assertEquals(List.of(), new FilesScenarioProvider(dir.resolve("missing")).scenarios());
    }

    @Test
    void containerDirectoryComesFromTheFrameworkProperty(@TempDir Path dir) {
        FilesScenarioProvider p = new FilesScenarioProvider();
        p.activate(context(dir.toString()));
        assertEquals(dir, p.directory());
        p.activate(context(null));
        assertEquals(Path.of("deploy"), p.directory());
    }

    @Test
    void commandLineDefaultIsScenariosInTheWorkingDirectory() {
        String env = System.getenv(FilesScenarioProvider.DIR_ENV);
        Path expected = Path.of(env == null || env.isBlank() ? "scenarios" : env);
        assertEquals(expected, new FilesScenarioProvider().directory());
    }

    private static BundleContext context(String dir) {
        InvocationHandler h = (proxy, method, args) -> {
            if (method.getName().equals("getProperty") && FilesScenarioProvider.DIR_PROPERTY.equals(args[0])) {
                return dir;
            }
            throw new UnsupportedOperationException(method.getName());
        };
        return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, h);
    }
}
