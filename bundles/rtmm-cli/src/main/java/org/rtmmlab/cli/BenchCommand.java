package org.rtmmlab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.engine.bench.DecisionBench;
import org.rtmmlab.engine.bench.EngineBench;
import org.rtmmlab.engine.catalog.PluginCatalog;
import org.rtmmlab.shell.options.DurationConverter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rtmm bench}: engine throughput (events/s, decisions/s, simulated seconds per wall second, heap), what the
 * cost-table cache saves, and the decision time of every installed scheduler (median and p99 ns per
 * {@code decide()} call with 16 and 256 ready jobs on 4 accelerators), printed as tables; see {@link EngineBench}
 * and {@link DecisionBench}. A benchmark, not a test: nothing is asserted.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure the engine (events/s, decisions/s, simulated s per wall s, heap, the cost-table cache) "
                + "and every installed scheduler's decide() time (median and p99 ns per call).")
public class BenchCommand extends PluginCommand implements Callable<Integer> {

    @Option(names = "--scenario", defaultValue = "xrbench/VR_gaming", description = "scenario id or file (default: ${DEFAULT-VALUE})")
    String scenario;

    @Option(names = "--scheduler", defaultValue = "xrbench-greedy", description = "scheduler id (default: ${DEFAULT-VALUE})")
    String scheduler;

    @Option(names = "--duration", defaultValue = "60s", converter = DurationConverter.class,
            description = "simulated time of the throughput runs (default: ${DEFAULT-VALUE})")
    long durationNs;

    @Option(names = "--platforms", split = ",", description = "platform ids or files (default: "
            + "xrbench/Single_4K__WS,xrbench/Dual_4K__WS_OS,xrbench/Quad_8K__WS_OS_WS_OS)")
    List<String> platforms;

    @Option(names = "--decisions-only", description = "only the scheduler decision-time table")
    boolean decisionsOnly;

    @Option(names = "--decision-platform", defaultValue = DecisionBench.DEFAULT_PLATFORM, paramLabel = "ID",
            description = "platform of the decision-time table (default: ${DEFAULT-VALUE}, 4 accelerators)")
    String decisionPlatform;

    @Option(names = "--decision-jobs", split = ",", paramLabel = "N", defaultValue = "16,256",
            description = "ready jobs in the decision-time snapshot (default: ${DEFAULT-VALUE})")
    List<Integer> decisionJobs;

    @Option(names = "--decision-schedulers", split = ",", paramLabel = "ID",
            description = "schedulers of the decision-time table (default: every installed one)")
    List<String> decisionSchedulers = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = out();
        PluginCatalog catalog = catalog();
        for (int n : decisionJobs) {
            if (n < 1 || n > 100_000) {
                throw new InvalidInputException("--decision-jobs", "", "must be in [1, 100000], got " + n);
            }
        }
        for (String id : decisionSchedulers) {
            catalog.scheduler(id); // an unknown id fails before any measurement
        }
        if (!decisionsOnly) {
            EngineBench bench = new EngineBench(catalog, out);
            List<String> ps = platforms == null || platforms.isEmpty() ? EngineBench.DEFAULT_PLATFORMS : platforms;
            bench.throughput(scenario, scheduler, durationNs, ps);
            out.println();
            bench.costCache(scenario, scheduler, ps);
            out.println();
        }
        DecisionBench decisions = new DecisionBench(catalog);
        List<DecisionBench.Row> rows = decisions.measure(scenario, decisionPlatform, decisionJobs, decisionSchedulers);
        DecisionBench.print(rows, scenario, decisionPlatform, decisions.accelerators(decisionPlatform), out);
        return 0;
    }
}
