package org.rtmmlab.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.rtmmlab.engine.bench.EngineBench;
import org.rtmmlab.shell.options.DurationConverter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code rtmm bench}: engine throughput (events/s, decisions/s, simulated seconds per wall second, heap) and what the
 * cost-table cache saves, printed as tables; see {@link EngineBench}. A benchmark, not a test: nothing is asserted.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure the engine: events/s, decisions/s, simulated s per wall s, heap, and the cost-table cache.")
public class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PluginOptions pluginOptions;

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

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        EngineBench bench = new EngineBench(pluginOptions.catalog(w -> spec.commandLine().getErr().println(
                "warning: " + w)), out);
        List<String> ps = platforms == null || platforms.isEmpty() ? EngineBench.DEFAULT_PLATFORMS : platforms;
        bench.throughput(scenario, scheduler, durationNs, ps);
        out.println();
        bench.costCache(scenario, scheduler, ps);
        return 0;
    }
}
