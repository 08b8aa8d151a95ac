package org.rtmmlab.testkit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rtmmlab.api.run.FrameCounts;
import org.rtmmlab.api.run.Outcome;
import org.rtmmlab.api.run.RequestRecord;
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.api.scheduler.PropertyReader;
import org.rtmmlab.api.scheduler.PropertySpec;
import org.rtmmlab.api.scheduler.SchedulerPolicy;
import org.rtmmlab.testkit.ContractScenarios;
import org.rtmmlab.testkit.RecordInvariants;
import org.rtmmlab.testkit.RunRecorder;

/**
 * Contract every {@link SchedulerPolicy} must meet. Extend it in your scheduler bundle's tests (JUnit 5) and supply
 * {@link #policy()}; override {@link #properties()} to run with scheduler properties. The policy runs through the
 * real engine ({@link org.rtmmlab.engine.Evaluator}) in its default mode, with every plugin
 * {@link java.util.ServiceLoader} finds on the test classpath; this kit brings rtmm-engine, rtmm-workload-xrbench
 * (the XRBench scenarios) and rtmm-accelerator-table (their platforms) as compile dependencies.
 *
 * <p>Scenarios: the hand-built ones of {@link ContractScenarios} (one task on one accelerator; two tasks on two
 * heterogeneous accelerators; a cascade; an overload; a spatially partitioned accelerator), each with a
 * hand-computable expectation, and XRBench {@code VR_gaming}, {@code social_interactionA} and {@code AR_gaming} on
 * {@code Single_4K__WS}, {@code Dual_4K__WS_OS} and {@code Quad_8K__WS_OS_WS_OS}.
 *
 * <p>Every run must: not fail (the engine rejects invalid decisions with a {@code SchedulingException}, and a policy
 * that throws fails the run); end within {@link #wallClockLimit()}; obey {@link RecordInvariants} (no accelerator
 * over-committed, each request's layers in order, contiguous and once unless restarted, no block before arrival,
 * cascades after their upstream frame, every released request accounted exactly once); and give an identical record
 * stream when run again with the same seed. The contract does not demand work conservation: a policy may leave
 * accelerators idle (XRBench's greedy dispatcher does).
 *
 * <p>The test methods are public so a test can call them directly, e.g. to show with
 * {@code assertThrows(AssertionFailedError.class, ...)} that a broken policy fails them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SchedulerPolicyContract {

    private ContractLab lab;

    /** @return the policy under test (one instance is used for every run of the test class) */
    protected abstract SchedulerPolicy policy();

    /** @return scheduler properties for every run (as with {@code --set key=value}); default none */
    protected Map<String, String> properties() {
        return Map.of();
    }

    /** @return the root seed of every run; default 42 */
    protected long seed() {
        return 42;
    }

    /** @return the most wall-clock time one run may take; default 120 s */
    protected Duration wallClockLimit() {
        return Duration.ofSeconds(120);
    }

    /** @return simulated time of the XRBench runs, ns; default 0 = the scenarios' own (700 ms) */
    protected long xrbenchDurationNs() {
        return 0;
    }

    /** @return the XRBench scenario ids run by {@link #xrbenchRunsObeyTheRules} */
    protected List<String> xrbenchScenarios() {
        return List.of("xrbench/VR_gaming", "xrbench/social_interactionA", "xrbench/AR_gaming");
    }

    /** @return the XRBench platform ids run by {@link #xrbenchRunsObeyTheRules} */
    protected List<String> xrbenchPlatforms() {
        return List.of("xrbench/Single_4K__WS", "xrbench/Dual_4K__WS_OS", "xrbench/Quad_8K__WS_OS_WS_OS");
    }

    /**
     * The declared properties ({@link SchedulerPolicy#properties()}) have distinct keys, {@code defaultProperties()}
     * lists exactly their defaults, and those defaults read back through {@link PropertyReader} as themselves (so
     * {@code config.json} and {@code rtmm list} show values a run accepts), also when passed as run properties.
     */
    @Test
    public void declaredDefaultsRoundTripThroughTheReader() {
        SchedulerPolicy p = policy();
        List<PropertySpec> specs = p.properties();
        Map<String, String> defaults = p.defaultProperties();
        if (specs.isEmpty()) {
            return; // a policy written before API 1.3 only lists defaultProperties(): checked above
        }
        Map<String, String> declared = new java.util.TreeMap<>();
        specs.forEach(s -> assertEquals(null, declared.put(s.key(), s.defaultValue()), "key declared twice: "
                + s.key()));
        assertEquals(declared, defaults, "defaultProperties() must be the declared defaults");
        PropertyReader builtIn = PropertyReader.of(p.id(), specs, Map.of());
        PropertyReader explicit = PropertyReader.of(p.id(), specs, defaults);
        assertEquals(builtIn.values(), explicit.values(), "a default passed as a run value reads the same");
        assertEquals(defaults.keySet(), builtIn.values().keySet());
    }

    /** The id, description, defaults and constructor a plugin needs to be listed and loaded. */
    @Test
    public void identifiesItselfAndLoadsWithoutOsgi() {
        SchedulerPolicy p = policy();
        assertFalse(p.id() == null || p.id().isBlank(), "id must be set");
        assertFalse(p.description() == null || p.description().isBlank(), "description must be set");
        assertFalse(p.description().contains("\n"), "description must be one line");
        for (Map.Entry<String, String> e : p.defaultProperties().entrySet()) {
            assertFalse(e.getKey().isBlank() || e.getValue().isBlank(), "blank default property " + e);
        }
        try {
            Constructor<?> c = p.getClass().getConstructor();
            assertTrue(Modifier.isPublic(p.getClass().getModifiers()), "the policy class must be public");
            assertEquals(p.id(), ((SchedulerPolicy) c.newInstance()).id(), "a fresh instance has another id");
        } catch (NoSuchMethodException e) {
            fail("the policy needs a public no-argument constructor for java.util.ServiceLoader");
        } catch (ReflectiveOperationException e) {
            fail("the no-argument constructor failed: " + e);
        }
        boolean registered;
        try {
            registered = java.util.ServiceLoader.load(SchedulerPolicy.class, p.getClass().getClassLoader()).stream()
                    .anyMatch(provider -> provider.type() == p.getClass());
        } catch (java.util.ServiceConfigurationError e) {
            registered = false;
        }
        assertTrue(registered, p.getClass().getName() + " is not registered for java.util.ServiceLoader, so the"
                + " command line will not find it: annotate it with @ServiceProvider(value = SchedulerPolicy.class,"
                + " resolution = Resolution.OPTIONAL) (bnd writes META-INF/services/" + SchedulerPolicy.class.getName()
                + ")");
    }

    /** {@link ContractScenarios#SINGLE}: 10 frames of 3 ms every 10 ms on one accelerator all finish on time. */
    @Test
    public void oneTaskOnOneAcceleratorFinishesEveryFrameOnTime() {
        RunResult r = checkedRun(ContractScenarios.SINGLE, ContractScenarios.ONE, 0).result();
        assertEquals(new FrameCounts(10, 10, 0, 0, 0), r.frames(), "one 3 ms task every 10 ms on one accelerator");
    }

    /** {@link ContractScenarios#PAIR}: 2 x 10 frames on two heterogeneous accelerators all finish on time. */
    @Test
    public void twoTasksOnTwoAcceleratorsFinishEveryFrameOnTime() {
        RunResult r = checkedRun(ContractScenarios.PAIR, ContractScenarios.TWO, 0).result();
        assertEquals(new FrameCounts(20, 20, 0, 0, 0), r.frames(), "two tasks with 8 ms of work at worst every 20 ms");
    }

    /** {@link ContractScenarios#CASCADE}: every {@code track} frame follows its {@code detect} frame; all on time. */
    @Test
    public void cascadeRunsAfterItsUpstreamAndFinishesOnTime() {
        RunRecorder.Recording rec = checkedRun(ContractScenarios.CASCADE, ContractScenarios.ONE, 0);
        assertEquals(new FrameCounts(20, 20, 0, 0, 0), rec.result().frames(), "detect + track, 4 ms every 10 ms");
        assertEquals(10, rec.requests().stream().filter(q -> q.task().equals("track")).count(),
                "track released once per detect frame (probability 1)");
    }

    /** {@link ContractScenarios#OVERLOAD}: 20 frames of 8 ms every 5 ms: between 1 and 12 complete, all accounted. */
    @Test
    public void overloadIsAccountedAndMakesProgress() {
        FrameCounts f = checkedRun(ContractScenarios.OVERLOAD, ContractScenarios.ONE, 0).result().frames();
        assertEquals(20, f.released(), "frames released every 5 ms for 100 ms");
        long completed = f.onTime() + f.late();
        assertTrue(completed >= 1, "nothing completed under overload: " + f);
        assertTrue(completed <= 12, "more 8 ms frames completed in 100 ms than one accelerator can run: " + f);
    }

    /** {@link ContractScenarios#SHARED}: shares of the 4-way partitioned accelerator never exceed it; both tasks run. */
    @Test
    public void partitionedAcceleratorIsNeverOverCommitted() {
        RunRecorder.Recording rec = checkedRun(ContractScenarios.SHARED, ContractScenarios.FISSION, 0);
        assertEquals(20, rec.result().frames().released());
        for (String task : List.of("conv", "tri")) {
            assertTrue(rec.requests().stream().anyMatch(q -> q.task().equals(task) && completed(q)),
                    "no frame of " + task + " completed on a mostly idle accelerator");
        }
    }

    /** XRBench scenarios x platforms: the run ends, obeys every rule and repeats exactly. */
    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("xrbenchCases")
    public void xrbenchRunsObeyTheRules(String scenario, String platform) {
        RunResult r = checkedRun(scenario, platform, xrbenchDurationNs()).result();
        assertTrue(r.frames().released() > 0, "no frame released");
    }

    /** @return the XRBench (scenario, platform) pairs */
    public List<Arguments> xrbenchCases() {
        List<Arguments> out = new ArrayList<>();
        for (String s : xrbenchScenarios()) {
            for (String p : xrbenchPlatforms()) {
                out.add(Arguments.of(s, p));
            }
        }
        return out;
    }

    /**
     * Runs {@code scenario} on {@code platform} twice with the same seed, checks {@link RecordInvariants} on the
     * first run and that the second gives the same records and figures.
     *
     * @return the first run's recording
     */
    protected final RunRecorder.Recording checkedRun(String scenario, String platform, long durationNs) {
        ContractLab l = lab();
        RunRecorder.Recording first = l.run(scenario, platform, seed(), durationNs, properties(), wallClockLimit());
        RecordInvariants.checkAll(first);
        RunRecorder.Recording second = l.run(scenario, platform, seed(), durationNs, properties(), wallClockLimit());
        String what = "policy '" + policy().id() + "' on " + scenario + " / " + platform;
        assertEquals(first.stream().size(), second.stream().size(), what + ": record count differs between two runs"
                + " with the same seed (non-deterministic policy?)");
        for (int i = 0; i < first.stream().size(); i++) {
            if (!first.stream().get(i).equals(second.stream().get(i))) {
                fail(what + ": record " + i + " differs between two runs with the same seed (non-deterministic"
                        + " policy?): " + first.stream().get(i) + " vs " + second.stream().get(i));
            }
        }
        assertEquals(first.result().frames(), second.result().frames(), what + ": frame counts differ");
        assertEquals(first.result().energyMj(), second.result().energyMj(), what + ": energy differs");
        return first;
    }

    private ContractLab lab() {
        if (lab == null) {
            lab = new ContractLab(policy(), getClass().getClassLoader());
        }
        return lab;
    }

    private static boolean completed(RequestRecord r) {
        return r.outcome() == Outcome.ON_TIME || r.outcome() == Outcome.LATE;
    }
}
