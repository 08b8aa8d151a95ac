package org.rtmmlab.scheduler.example;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.rtmmlab.api.scheduler.Decisions;
import org.rtmmlab.api.scheduler.PropertyReader;
import org.rtmmlab.api.scheduler.PropertySpec;
import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.api.scheduler.SchedulerContext;
import org.rtmmlab.api.scheduler.SchedulerPolicy;
import org.rtmmlab.api.scheduler.SchedulerView;

/**
 * Example third-party policy, the template for your own scheduler bundle: shortest remaining job first.
 *
 * <p>Rule: at every decision point, while an accelerator is idle, take the ready job with the least
 * remaining isolated latency ({@link SchedulerView#remainingLatencyFastestNs}; ties: earlier deadline, then lower
 * job id) and run its next {@code blockLayers} layers on the idle accelerator that is fastest for that block
 * (ties: lower index). Preemptive at block boundaries. It never drops frames.
 *
 * <p>The two annotations are all the registration there is: {@code @Component} makes it a Declarative Services
 * component in the container, {@code @ServiceProvider} makes bnd write {@code META-INF/services} for the command
 * line. Both need the public no-argument constructor.
 */
@Component(service = SchedulerPolicy.class)
@ServiceProvider(value = SchedulerPolicy.class, resolution = Resolution.OPTIONAL)
public final class ShortestRemainingFirstPolicy implements SchedulerPolicy {

    /** Policy id used on the command line: {@code --scheduler example-srf}. */
    public static final String ID = "example-srf";

    /** Property: layers per dispatched block. */
    static final String BLOCK_LAYERS = "blockLayers";

    private static final List<PropertySpec> PROPERTIES = List.of(
            PropertySpec.integer(BLOCK_LAYERS, 1, 1, Integer.MAX_VALUE, "layers per dispatched block"));

    /** Creates the (stateless) policy. */
    public ShortestRemainingFirstPolicy() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "example: shortest remaining (isolated) latency first, preemptive at block boundaries";
    }

    /**
     * The properties it accepts, each with type, default, range and help: {@code rtmm list --all} shows them, the
     * engine rejects any other key (except {@code engine.*}), and {@link PropertyReader} checks a run's values.
     */
    @Override
    public List<PropertySpec> properties() {
        return PROPERTIES;
    }

    @Override
    public Scheduler create(SchedulerContext context) {
        PropertyReader properties = PropertyReader.of(ID, PROPERTIES, context.properties());
        return new SrfScheduler(properties.intValue(BLOCK_LAYERS));
    }

    /** Per-run state: only the block size; all job state is read from the view. */
    static final class SrfScheduler implements Scheduler {
        private final int blockLayers;

        SrfScheduler(int blockLayers) {
            this.blockLayers = blockLayers;
        }

        @Override
        public void decide(SchedulerView view, Decisions decisions) {
            int accs = view.acceleratorCount();
            boolean[] used = new boolean[accs];
            boolean[] taken = new boolean[view.jobCount()];
            while (true) {
                int job = shortestReadyJob(view, taken);
                if (job < 0) {
                    return;
                }
                int m = view.jobModel(job);
                int v = view.jobVariant(job);
                int from = view.nextLayer(job);
                int layers = Math.min(blockLayers, view.layerCount(job) - from);
                int best = -1;
                long bestNs = Long.MAX_VALUE;
                for (int a = 0; a < accs; a++) {
                    if (!used[a] && view.idle(a)) {
                        long ns = view.blockLatencyNs(m, v, from, layers, a);
                        if (ns < bestNs) {
                            bestNs = ns;
                            best = a;
                        }
                    }
                }
                if (best < 0) {
                    return;
                }
                decisions.dispatch(job, best, layers);
                used[best] = true;
                taken[job] = true;
            }
        }

        private static int shortestReadyJob(SchedulerView view, boolean[] taken) {
            int best = -1;
            long bestRemaining = Long.MAX_VALUE;
            for (int j = 0; j < view.jobCount(); j++) {
                if (taken[j] || !view.ready(j)) {
                    continue;
                }
                long rem = view.remainingLatencyFastestNs(view.jobModel(j), view.jobVariant(j), view.nextLayer(j));
                if (best < 0 || rem < bestRemaining
                        || (rem == bestRemaining && view.deadlineNs(j) < view.deadlineNs(best))
                        || (rem == bestRemaining && view.deadlineNs(j) == view.deadlineNs(best)
                            && view.jobId(j) < view.jobId(best))) {
                    best = j;
                    bestRemaining = rem;
                }
            }
            return best;
        }
    }
}
