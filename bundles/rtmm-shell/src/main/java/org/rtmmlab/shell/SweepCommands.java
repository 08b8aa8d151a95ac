package org.rtmmlab.shell;

import com.hazelcast.core.HazelcastInstance;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.engine.catalog.PluginCatalog;
import org.rtmmlab.sweep.PluginInventory;
import org.rtmmlab.sweep.ResultStore;
import org.rtmmlab.sweep.SweepCluster;
import org.rtmmlab.sweep.SweepMemberComponent;
import org.rtmmlab.sweep.SweepPlan;
import org.rtmmlab.sweep.SweepPoint;
import org.rtmmlab.sweep.SweepReport;
import org.rtmmlab.sweep.SweepRunner;
import org.rtmmlab.sweep.SweepSpecReader;
import org.rtmmlab.sweep.SweepWorker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rtmm:sweep}: runs a sweep file from the container's shell (bundles/rtmm-sweep/README.md). When the container
 * is a sweep member (configuration {@code org.rtmmlab.sweep.member}) the points go to every member of that cluster;
 * otherwise a member of its own with {@code --jobs} cores runs them and stops afterwards. Waits, printing progress
 * lines; finished points are kept, so running it again resumes.
 */
@Component(service = SweepCommands.class, property = {
    "osgi.command.scope=rtmm",
    "osgi.command.function=sweep"
})
public class SweepCommands {

    private final PluginCatalog catalog;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SweepMemberComponent member;

    /** @param catalog the container's plugins */
    @Activate
    public SweepCommands(@Reference PluginCatalog catalog) {
        this.catalog = catalog;
    }

    /** rtmm:sweep. */
    @Descriptor("run a sweep file's points on this container's sweep cluster (or a member of its own): "
            + "rtmm:sweep --spec FILE [--out DIR] [--jobs N]; rerun to resume")
    public void sweep(@Descriptor("--spec FILE [--out DIR] [--jobs N]") String... args) {
        ShellParser.execute("sweep", new Sweep(System.out), args, System.out);
    }

    @Command(name = "sweep", mixinStandardHelpOptions = true,
            description = "Run a sweep file's points; finished points are kept, so running it again resumes.")
    final class Sweep implements Callable<Integer> {
        private final PrintStream out;

        @Option(names = "--spec", required = true, paramLabel = "FILE", description = "the sweep file")
        Path spec;

        @Option(names = "--out", paramLabel = "DIR", description = "output directory (default: "
                + "results/sweeps/<name of the sweep>)")
        Path dir;

        @Option(names = "--jobs", paramLabel = "N", description = "points at once when the container is no sweep "
                + "member (default: number of cores)")
        int jobs = Runtime.getRuntime().availableProcessors();

        Sweep(PrintStream out) {
            this.out = out;
        }

        @Override
        public Integer call() throws IOException, InterruptedException {
            if (jobs < 1) {
                throw new InvalidInputException("--jobs", "", "must be >= 1, got " + jobs);
            }
            var sweep = SweepSpecReader.read(spec);
            Path target = dir != null ? dir : Path.of("results", "sweeps", sweep.name());
            SweepPlan plan = SweepPlan.build(sweep, target, catalog);
            ResultStore store = new ResultStore(target);
            SweepMemberComponent configured = member;
            HazelcastInstance hz = configured != null ? configured.member(60)
                    : SweepCluster.start(new SweepCluster.Options(null, null, jobs, null), new SweepWorker(catalog));
            SweepRunner.Outcome o;
            try {
                o = new SweepRunner(hz, PluginInventory.of(catalog), store, new Lines(out)).run(plan);
            } finally {
                if (configured == null) {
                    hz.shutdown();
                }
            }
            SweepReport.write(plan, store, o.failed(), target, catalog, w -> out.println("warning: " + w));
            out.println(plan.points().size() + " points: " + o.ran() + " ran now, " + o.skipped() + " already done, "
                    + o.failed().size() + " failed; files in " + target);
            if (!o.failed().isEmpty()) {
                out.println("error: " + o.failed().size() + " points failed (listed in " + target.resolve(
                        SweepReport.SUMMARY) + ")");
                throw new CommandFailedException("rtmm:sweep failed");
            }
            return 0;
        }
    }

    /** Progress as a line per tenth of the points, and warnings. */
    private static final class Lines implements SweepRunner.Listener {
        private final PrintStream out;
        private int total;
        private int done;
        private int printedTenth = -1;

        Lines(PrintStream out) {
            this.out = out;
        }

        @Override
        public void started(int t, int d) {
            total = t;
            done = d;
            out.println(d + "/" + t + " points done before this run");
        }

        @Override
        public void pointDone(SweepPoint point, String m) {
            step();
        }

        @Override
        public void pointFailed(SweepPoint point, String error) {
            out.println("error: point " + point.id() + " " + point.dimensions() + " failed: "
                    + RtmmCommands.oneLine(error));
            step();
        }

        @Override
        public void warning(String line) {
            out.println("warning: " + RtmmCommands.oneLine(line));
        }

        private void step() {
            done++;
            int tenth = total == 0 ? 10 : done * 10 / total;
            if (tenth != printedTenth) {
                printedTenth = tenth;
                out.println(done + "/" + total + " points");
            }
        }
    }
}
