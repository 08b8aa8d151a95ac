package org.rtmmlab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.api.scheduler.SchedulerContext;
import org.rtmmlab.api.scheduler.SchedulerPolicy;
import org.rtmmlab.engine.catalog.PluginCatalog;
import org.rtmmlab.engine.catalog.PluginDescriptor;
import org.rtmmlab.engine.catalog.PluginKind;
import org.rtmmlab.engine.catalog.ServiceLoaderCatalog;

/** rtmm:run and the catalog listener, outside the container: a ServiceLoader catalog of a few bundled plugins. */
class RtmmRunTest {

    private static final String SCENARIO = "xrbench/VR_gaming";
    private static final String PLATFORM = "xrbench/Single_4K__WS";

    @TempDir
    Path data;

    private PluginCatalog catalog;
    private final AtomicBoolean booted = new AtomicBoolean(true);
    private RtmmCommands commands;

    @BeforeEach
    void setUp() {
        catalog = ServiceLoaderCatalog.load(getClass().getClassLoader(), p -> { });
        commands = new RtmmCommands(catalog, data, booted::get);
    }

    @Test
    void argumentErrorsPrintOneLineWithTheUsage() {
        for (String[] args : List.of(new String[] {"a", "b"},
                new String[] {"--seed", "abc", SCENARIO, PLATFORM, "edf"},
                new String[] {"--duration", "0.1ns", SCENARIO, PLATFORM, "edf"},
                new String[] {"-s", "blockLayers", SCENARIO, PLATFORM, "edf"})) {
            List<String> out = lines(() -> commands.run(args));
            assertEquals(1, out.size(), out.toString());
            assertTrue(out.get(0).startsWith("error: ") && out.get(0).endsWith("; usage: " + RtmmCommands.USAGE),
                    out.get(0));
        }
        assertEquals(List.of("error: expected SCENARIO PLATFORM SCHEDULER, got 2 arguments (a b); usage: "
                + RtmmCommands.USAGE), lines(() -> commands.run("a", "b")));
        assertEquals(List.of("usage: " + RtmmCommands.USAGE), lines(() -> commands.run("-h")));
    }

    @Test
    void runsWithDurationAndWritesItsFiles() throws Exception {
        List<String> out = lines(() -> commands.run("--duration", "100ms", "--seed", "7", SCENARIO, PLATFORM, "edf"));
        assertTrue(out.get(out.size() - 1).startsWith("XRBench score"), out.toString());
        Path dir = data.resolve("runs/xrbench_VR_gaming/xrbench_Single_4K__WS/edf-seed7");
        assertTrue(out.get(out.size() - 1).endsWith("files in " + dir), out.toString());
        assertTrue(Files.readString(dir.resolve("config.json")).contains("100000000"));
        assertTrue(Files.exists(dir.resolve("summary.json")));
    }

    @Test
    void anErrorThrownByASchedulerPrintsOneLine() {
        add("asserts", () -> {
            throw new AssertionError("invariant broken\nat job 3");
        });
        add("recurses", () -> {
            throw new StackOverflowError();
        });
        add("multiline", () -> {
            throw new IllegalStateException("line one\nline two");
        });
        assertEquals(List.of("error: the run of scheduler 'asserts' failed with java.lang.AssertionError: invariant"
                + " broken / at job 3"), lines(() -> commands.run(SCENARIO, PLATFORM, "asserts")));
        assertEquals(List.of("error: the run of scheduler 'recurses' failed with java.lang.StackOverflowError"),
                lines(() -> commands.run(SCENARIO, PLATFORM, "recurses")));
        List<String> multi = lines(() -> commands.run(SCENARIO, PLATFORM, "multiline"));
        assertEquals(1, multi.size(), multi.toString());
        assertTrue(multi.get(0).startsWith("error: scheduler policy 'multiline'")
                && multi.get(0).endsWith("line one / line two"), multi.get(0));
    }

    @Test
    void outOfMemoryIsNotSwallowed() {
        add("oom", () -> {
            throw new OutOfMemoryError("test");
        });
        assertThrows(OutOfMemoryError.class, () -> commands.run(SCENARIO, PLATFORM, "oom"));
    }

    @Test
    void aMissingRelativeFileIsReportedWithItsAbsolutePath() {
        String missing = Path.of("no-such-dir", "scenario.json").toString();
        List<String> out = lines(() -> commands.run(missing, PLATFORM, "edf"));
        assertEquals(List.of("error: " + Path.of(missing).toAbsolutePath() + ": scenario file not found"), out);
        List<String> platform = lines(() -> commands.run(SCENARIO, "p.json", "edf"));
        assertEquals(List.of("error: " + Path.of("p.json").toAbsolutePath() + ": platform file not found"), platform);
    }

    @Test
    void shadowingIsAnnouncedAndWarnedAboutInRuns() {
        PluginDescriptor bundled = catalog.find(PluginKind.SCHEDULER, "edf").orElseThrow();
        booted.set(false); // as at boot: only shadowing additions are printed
        List<String> events = lines(() -> {
            catalog.add(new PluginDescriptor(PluginKind.SCHEDULER, "quiet", "", "b", "1", policy("quiet", null)));
            catalog.add(new PluginDescriptor(PluginKind.SCHEDULER, "edf", "", "my-edf", "2.0", bundled.plugin()));
        });
        String shadows = ", shadowing the one of " + bundled.bundle() + " " + bundled.version();
        assertEquals(List.of("[rtmm] added scheduler edf (my-edf 2.0)" + shadows), events);

        List<String> out = lines(() -> commands.run("--duration", "50ms", SCENARIO, PLATFORM, "edf"));
        assertEquals("warning: scheduler 'edf' is the one of my-edf 2.0" + shadows
                + " (rtmm:list marks the shadowed one)", out.get(0));
        assertTrue(out.get(out.size() - 1).startsWith("XRBench score"), out.toString());
        assertTrue(lines(() -> commands.run("--duration", "50ms", SCENARIO, PLATFORM, "fcfs")).get(0)
                .startsWith("  "), "no warning for a scheduler that shadows nothing");
    }

    @Test
    void afterStartUpEveryChangeIsPrintedUntilDeactivated() {
        SchedulerPolicy p = policy("hot", null);
        assertEquals(List.of("[rtmm] added scheduler hot (hot-bundle 1.0.0)", "[rtmm] removed scheduler hot"
                + " (hot-bundle 1.0.0)"), lines(() -> {
                    catalog.add(new PluginDescriptor(PluginKind.SCHEDULER, "hot", "", "hot-bundle", "1.0.0", p));
                    catalog.remove(p);
                }));
        booted.set(false);
        assertEquals(List.of(), lines(() -> catalog.add(new PluginDescriptor(PluginKind.SCHEDULER, "hot", "",
                "hot-bundle", "1.0.0", p))));
        booted.set(true);
        commands.deactivate();
        assertEquals(List.of(), lines(() -> catalog.remove(p)));
    }

    private void add(String id, Supplier<Void> decide) {
        lines(() -> catalog.add(new PluginDescriptor(PluginKind.SCHEDULER, id, "", "test", "1", policy(id, decide))));
    }

    private static SchedulerPolicy policy(String id, Supplier<Void> decide) {
        return new SchedulerPolicy() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String description() {
                return "test";
            }

            @Override
            public Scheduler create(SchedulerContext context) {
                return (view, decisions) -> decide.get();
            }
        };
    }

    /** @return what {@code action} printed on System.out, line by line */
    private static List<String> lines(Runnable action) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(old);
        }
        String text = buf.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : List.of(text.split("\\R")); // every line ends with a line break
    }
}
