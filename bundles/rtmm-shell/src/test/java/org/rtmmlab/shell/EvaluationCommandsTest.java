package org.rtmmlab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.engine.catalog.PluginCatalog;
import org.rtmmlab.engine.catalog.ServiceLoaderCatalog;
import org.rtmmlab.evaluation.EvaluationRequest;
import org.rtmmlab.evaluation.EvaluationState;
import org.rtmmlab.evaluation.ResultEntry;
import org.rtmmlab.shell.Console.Outcome;

/** The evaluation commands against a scripted {@link FakeEvaluationService}: parsing, output, failures, Ctrl-C. */
class EvaluationCommandsTest {

    private static final String SC = "xrbench/VR_gaming";
    private static final String PL = "xrbench/Single_4K__WS";

    private final FakeEvaluationService service = new FakeEvaluationService();
    private final List<BundleProblem> problems = new ArrayList<>();
    private EvaluationCommands commands;
    private ConsoleInterrupt interrupt;

    @BeforeEach
    void setUp() {
        PluginCatalog catalog = ServiceLoaderCatalog.load(getClass().getClassLoader(), p -> { });
        interrupt = ConsoleInterrupt.none();
        commands = new EvaluationCommands(service, catalog, () -> problems, interrupt, 0);
    }

    @Test
    void backgroundRunSubmitsWhatTheOptionsSayAndPrintsTheId() {
        List<String> out = Console.lines(() -> commands.run("--background", "--seed", "7", "--duration", "2s",
                "-s", "blockLayers=4,engine.dropRule=none", "--pace", "10x", "-c", "--report", "json,trace", SC, PL, "edf"));
        EvaluationRequest r = service.lastRequest;
        assertEquals(List.of(SC), r.scenarios());
        assertEquals(List.of(PL), r.platforms());
        assertEquals(List.of("edf"), r.schedulers());
        assertEquals(List.of(7L), r.seeds());
        assertEquals(2_000_000_000L, r.durationNs());
        assertTrue(r.xrbenchCompat());
        assertEquals(Map.of("blockLayers", "4", "engine.dropRule", "none"), r.properties());
        assertEquals(List.of("json", "trace"), r.reporters());
        assertEquals(10.0, r.pace());
        assertEquals(List.of("e0001 submitted (RUNNING): " + SC + " on " + PL + " with edf, seed 7, XRBench compat;"
                + " rtmm:status e0001 to follow it, rtmm:cancel e0001 to stop it"), out);
        assertEquals(List.of("submit"), service.calls, "background: no watch");
    }

    @Test
    void defaultsAreMaxPaceSeedOneAndTheDefaultReporters() {
        Console.lines(() -> commands.run("-b", SC, PL, "fcfs"));
        EvaluationRequest r = service.lastRequest;
        assertEquals(0.0, r.pace());
        assertEquals(List.of(1L), r.seeds());
        assertEquals(0, r.durationNs());
        assertEquals(List.of("json", "csv", "html"), r.reporters());
        assertFalse(r.xrbenchCompat());
    }

    @Test
    void aRunWaitsPrintingProgressUntilItFinishes() {
        List<String> out = Console.lines(() -> commands.run(SC, PL, "edf"));
        assertEquals("e0001 run: " + SC + " on " + PL + " with edf, seed 1, pace max (Ctrl-C detaches; the evaluation"
                + " keeps running)", out.get(0));
        assertTrue(out.get(1).startsWith("e0001  RUNNING"), out.toString());
        assertTrue(out.get(2).contains("sim 350.0/700.0 ms  score 87.50  miss 12.5%  energy 12.3 mJ"), out.toString());
        assertTrue(out.get(out.size() - 2).startsWith("e0001  FINISHED"), out.toString());
        assertEquals("files in " + Path.of("data", "results", "e0001"), out.get(out.size() - 1));
        assertEquals(List.of("submit", "watch e0001", "unwatch e0001"), service.calls);
    }

    @Test
    void aRunThatEndsFailedOrCancelledFailsTheCommandAfterOneErrorLine() {
        service.endWith(EvaluationState.FAILED, "scheduler 'x' threw: boom");
        Outcome o = Console.run(() -> commands.run(SC, PL, "edf"));
        assertInstanceOf(CommandFailedException.class, o.failure());
        assertEquals("rtmm:run failed", o.failure().getMessage());
        assertEquals("error: e0001 ended FAILED: scheduler 'x' threw: boom; what it measured is in "
                + Path.of("data", "results", "e0001"), o.lines().get(o.lines().size() - 1));
        assertEquals(1, o.lines().stream().filter(l -> l.startsWith("error:")).count());

        service.endWith(EvaluationState.CANCELLED, "");
        assertInstanceOf(CommandFailedException.class, Console.run(() -> commands.run(SC, PL, "edf")).failure());
    }

    @Test
    void badOptionsPrintOneLineAndFailTheCommand() {
        Outcome pace = Console.run(() -> commands.run("--pace", "fast", SC, PL, "edf"));
        assertEquals(List.of("error: Invalid value for option '--pace': 'fast' is not a pace; use a multiple of real"
                + " time such as 1x or 10x, or max (see rtmm:run --help)"), pace.lines());
        assertInstanceOf(CommandFailedException.class, pace.failure());

        Outcome missing = Console.run(() -> commands.run(SC, PL));
        assertEquals(List.of("error: Missing required parameter: 'SCHEDULER' (see rtmm:run --help)"), missing.lines());
        assertInstanceOf(CommandFailedException.class, missing.failure());

        Outcome duration = Console.run(() -> commands.run("--duration", "10", SC, PL, "edf"));
        assertTrue(duration.lines().get(0).startsWith("error: Invalid value for option '--duration': not a positive"
                + " duration: '10'; write e.g. 500ms"), duration.lines().toString());
        Outcome unknown = Console.run(() -> commands.run("--sed", "1", SC, PL, "edf"));
        assertEquals(List.of("error: Unknown options: '--sed', 'edf' (see rtmm:run --help)"), unknown.lines());
        assertEquals(List.of(), service.calls, "nothing submitted");
    }

    @Test
    void helpPrintsTheUsageAndSucceeds() {
        String help = String.join("\n", Console.lines(() -> commands.run("--help")));
        for (String s : List.of("rtmm:run", "--pace", "--background", "--seed", "--duration", "--set", "SCHEDULER")) {
            assertTrue(help.contains(s), s + " in\n" + help);
        }
        assertTrue(String.join("\n", Console.lines(() -> commands.swap("--help"))).contains("rtmm:swap"));
    }

    @Test
    void serviceRejectionsAreOneLineFailures() {
        service.submitFails = new InvalidInputException("platform", "", "unknown platform 'p'; known: a, b");
        Outcome o = Console.run(() -> commands.run("-b", SC, "p", "edf"));
        assertEquals(List.of("error: platform: unknown platform 'p'; known: a, b"), o.lines());
        assertInstanceOf(CommandFailedException.class, o.failure());
    }

    @Test
    void anUnknownSchedulerNamesAFailedBundleThatMayProvideIt() {
        problems.add(new BundleProblem(42, "rtmm-itest-faulty-plugin", "0.1.0", "file:/lab/deploy/faulty.jar",
                List.of("org.rtmmlab.itest.faulty.FaultyPolicy"), "component FaultyPolicy failed to activate:"
                + " java.lang.IllegalStateException: boom"));
        service.submitFails = new InvalidInputException("scheduler", "", "unknown scheduler 'faulty'; known: edf");
        Outcome o = Console.run(() -> commands.run("-b", SC, PL, "faulty"));
        assertEquals(List.of("error: scheduler: unknown scheduler 'faulty'; known: edf; scheduler 'faulty' may come from"
                + " a bundle that is present but failed: rtmm-itest-faulty-plugin 0.1.0 [42] component FaultyPolicy"
                + " failed to activate: java.lang.IllegalStateException: boom"), o.lines());

        service.submitFails = new InvalidInputException("scheduler", "", "unknown scheduler 'other'; known: edf");
        assertEquals(List.of("error: scheduler: unknown scheduler 'other'; known: edf; note: 1 bundle(s) failed and may"
                + " provide it, see rtmm:list"), Console.run(() -> commands.run("-b", SC, PL, "other")).lines());
    }

    @Test
    void ctrlCDetachesFromTheEvaluationWithoutCancellingIt() throws Exception {
        service.endWith(null, "");
        AtomicReference<Outcome> outcome = new AtomicReference<>();
        Thread t = new Thread(() -> outcome.set(Console.run(() -> commands.run(SC, PL, "edf"))));
        // Console.run swaps System.out globally: this test waits for the command rather than printing meanwhile
        t.start();
        long end = System.currentTimeMillis() + 10_000;
        while (!service.calls.contains("watch e0001") && System.currentTimeMillis() < end) {
            Thread.sleep(10);
        }
        Thread.sleep(50);
        interrupt.interrupted(); // what SIGINT does
        t.join(10_000);
        assertFalse(t.isAlive());
        Outcome o = outcome.get();
        assertNull(o.failure(), "detaching is not a failure");
        assertEquals("detached from e0001 (it keeps running): rtmm:status e0001 to follow it, rtmm:cancel e0001 to"
                + " stop it", o.lines().get(o.lines().size() - 1));
        assertEquals(List.of("submit", "watch e0001", "unwatch e0001"), service.calls, "not cancelled");
    }

    @Test
    void compareSubmitsTheCartesianSelection() {
        Console.lines(() -> commands.compare("-b", "--schedulers", "fcfs,edf", "--baseline", "edf", "--scenarios",
                SC + ",xrbench/AR_gaming", "--platforms", PL, "--seeds", "1..2", "--pace", "1x"));
        EvaluationRequest r = service.lastRequest;
        assertEquals(List.of("fcfs", "edf"), r.schedulers());
        assertEquals(List.of(SC, "xrbench/AR_gaming"), r.scenarios());
        assertEquals(List.of(1L, 2L), r.seeds());
        assertEquals("edf", r.baseline());
        assertEquals(1.0, r.pace());
        Outcome both = Console.run(() -> commands.compare("--seed", "3", "--seeds", "1,2"));
        assertEquals(List.of("error: --seeds: cannot be combined with --seed; give one seed as --seed N or several as"
                + " --seeds LIST"), both.lines());
        Outcome bad = Console.run(() -> commands.compare("--schedulers", "fcfs,edf", "--baseline", "rr"));
        assertEquals(List.of("error: --baseline: 'rr' is not among --schedulers [fcfs, edf]"), bad.lines());
        assertInstanceOf(CommandFailedException.class, bad.failure());
    }

    @Test
    void statusPauseResumeCancelAndSwapGoToTheService() {
        Console.lines(() -> commands.run("-b", SC, PL, "edf"));
        List<String> all = Console.lines(() -> commands.status());
        assertEquals("1 evaluation(s)", all.get(0));
        assertTrue(all.get(1).startsWith("e0001  RUNNING               edf"), all.toString());
        List<String> one = Console.lines(() -> commands.status("e0001"));
        assertTrue(one.contains("  what       " + SC + " on " + PL + " with edf, seed 1"), one.toString());
        assertTrue(one.contains("  pace       max"), one.toString());

        assertTrue(Console.lines(() -> commands.pause("e0001")).get(0).startsWith("e0001  PAUSED"));
        Outcome twice = Console.run(() -> commands.pause("e0001"));
        assertEquals(List.of("error: cannot pause e0001: it is PAUSED"), twice.lines());
        assertInstanceOf(CommandFailedException.class, twice.failure());
        assertTrue(Console.lines(() -> commands.resume("e0001")).get(0).startsWith("e0001  RUNNING"));

        List<String> swap = Console.lines(() -> commands.swap("e0001", "prema", "-s", "a=1,b=2"));
        assertEquals("swap of e0001 to prema requested; it takes effect at the next decision point (rtmm:status e0001"
                + " shows it)", swap.get(0));
        assertTrue(service.calls.contains("swap e0001 prema {a=1, b=2}"), service.calls.toString());
        Outcome badSwap = Console.run(() -> commands.swap("e0001", "nope"));
        assertEquals(List.of("error: scheduler: unknown scheduler 'nope'; known: edf, fcfs"), badSwap.lines());

        assertTrue(Console.lines(() -> commands.cancel("e0001")).get(0).startsWith("e0001  CANCELLED"));
        Outcome unknown = Console.run(() -> commands.status("e0999"));
        assertEquals(List.of("error: unknown evaluation 'e0999' (rtmm:status lists them)"), unknown.lines());
        assertInstanceOf(CommandFailedException.class, unknown.failure());
        assertInstanceOf(CommandFailedException.class, Console.run(() -> commands.cancel()).failure());
    }

    @Test
    void resultsListsTheIndexAndOneResultsFiles() {
        Path dir = Path.of("data", "results", "e0002");
        service.results.add(new ResultEntry("e0002", EvaluationState.FINISHED, "", List.of(SC), List.of(PL),
                List.of("fcfs", "edf"), Map.of("rtmm-scheduler-classic", "0.1.0.1"), dir,
                List.of("run/summary.json", "run/report.html"), Instant.parse("2026-12-07T10:00:05Z")));
        List<String> all = Console.lines(() -> commands.results());
        assertEquals("1 result(s) in " + Path.of("data", "results"), all.get(0));
        assertEquals("e0002  FINISHED    2026-12-07 10:00:05  fcfs,edf on " + SC + " / " + PL + "  " + dir, all.get(1));
        List<String> one = Console.lines(() -> commands.results("e0002"));
        assertEquals(List.of(all.get(1), "  plugin rtmm-scheduler-classic 0.1.0.1", "  " + dir.resolve("run/summary.json"),
                "  " + dir.resolve("run/report.html")), one);
        assertInstanceOf(CommandFailedException.class, Console.run(() -> commands.results("e0009")).failure());
    }
}
