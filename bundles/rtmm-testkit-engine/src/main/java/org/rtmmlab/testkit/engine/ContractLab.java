package org.rtmmlab.testkit.engine;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.RtmmPlugin;
import org.rtmmlab.api.run.RunConfig;
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.api.scheduler.SchedulerPolicy;
import org.rtmmlab.engine.Evaluator;
import org.rtmmlab.engine.SchedulingException;
import org.rtmmlab.engine.catalog.DefaultPluginCatalog;
import org.rtmmlab.engine.catalog.PluginDescriptor;
import org.rtmmlab.engine.catalog.PluginKind;
import org.rtmmlab.engine.catalog.ServiceLoaderCatalog;
import org.rtmmlab.testkit.ContractScenarioProvider;
import org.rtmmlab.testkit.FixedLatencyModel;
import org.rtmmlab.testkit.RunRecorder;

/**
 * The engine set up for one policy under test: every plugin on the test classpath (found through
 * {@link java.util.ServiceLoader}, e.g. the XRBench scenarios and the table cost model), plus the testkit's
 * {@link FixedLatencyModel}, {@link ContractScenarioProvider} and {@link RunRecorder}, plus the policy under test
 * (added last, so it wins look-ups of its id). Runs are recorded and guarded by a wall-clock limit.
 */
final class ContractLab {

    private final SchedulerPolicy policy;
    private final RunRecorder recorder = new RunRecorder();
    private final List<String> loadErrors = new ArrayList<>();
    private final DefaultPluginCatalog catalog;
    private final Evaluator evaluator;

    ContractLab(SchedulerPolicy policy, ClassLoader loader) {
        this.policy = policy;
        this.catalog = ServiceLoaderCatalog.load(loader, loadErrors::add);
        add(new FixedLatencyModel());
        add(new ContractScenarioProvider());
        add(recorder);
        add(policy);
        this.evaluator = new Evaluator(catalog);
    }

    /** Adds a plugin to the catalog; it wins look-ups of its kind and id over plugins added before. */
    private void add(RtmmPlugin plugin) {
        catalog.add(new PluginDescriptor(PluginKind.of(plugin), plugin.id(), plugin.description(),
                "rtmm-testkit-engine", "0", plugin));
    }

    /**
     * Runs {@code scenario} on {@code platform} with the policy under test in the default engine mode and returns the
     * recording. Fails (as a test failure) if the run throws, in particular if the engine rejects one of the policy's
     * decisions, or if it does not end within {@code limit}.
     */
    synchronized RunRecorder.Recording run(String scenario, String platform, long seed, long durationNs,
                                           Map<String, String> properties, Duration limit) {
        RunConfig config = new RunConfig(scenario, platform, policy.id(), seed, durationNs, false, properties,
                List.of(RunRecorder.ID));
        String what = "policy '" + policy.id() + "' on " + scenario + " / " + platform + " (seed " + seed + ")";
        recorder.clear();
        RunResult result = assertTimeoutPreemptively(limit, () -> runOnce(config, what),
                () -> what + " did not finish within the wall-clock limit of " + limit
                        + " (a scheduler that loops, or one far too slow)");
        RunRecorder.Recording recording = recorder.last();
        if (recording.result() != result) {
            fail(what + ": the recorder saw a different run");
        }
        return recording;
    }

    private RunResult runOnce(RunConfig config, String what) {
        List<String> warnings = new ArrayList<>();
        try {
            return evaluator.run(config, null, warnings::add);
        } catch (InvalidInputException e) {
            return fail(what + ": input rejected: " + e.getMessage()
                    + (loadErrors.isEmpty() ? "" : "; plugins that failed to load: " + loadErrors), e);
        } catch (SchedulingException e) {
            return fail(what + ": the run failed because of the policy: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            return fail(what + ": the run failed: " + e, e);
        }
    }
}
