package @PACKAGE@;

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
 * Scheduler {@code @NAME@}: earliest deadline first at block granularity. At every decision point, while an
 * accelerator is idle, the ready job with the earliest deadline (ties: lower job id) runs its next
 * {@code blockLayers} layers on the idle accelerator that finishes that block first (ties: lower index).
 * It never drops frames. Replace the rule in {@link EdfBlocks#decide} with your own.
 *
 * <p>Registration: {@code @Component} makes it a Declarative Services component in the container,
 * {@code @ServiceProvider} makes bnd write {@code META-INF/services} for the command line. Both need the public
 * no-argument constructor.
 */
@Component(service = SchedulerPolicy.class)
@ServiceProvider(value = SchedulerPolicy.class, resolution = Resolution.OPTIONAL)
public final class @CLASS@ implements SchedulerPolicy {

    /** Policy id: {@code --scheduler @NAME@}. */
    public static final String ID = "@NAME@";

    /** Property: layers per dispatched block. */
    static final String BLOCK_LAYERS = "blockLayers";

    private static final List<PropertySpec> PROPERTIES = List.of(
            PropertySpec.integer(BLOCK_LAYERS, 2, 1, Integer.MAX_VALUE, "layers per dispatched block"));

    /** Creates the (stateless) policy. */
    public @CLASS@() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "earliest deadline first, blocks of blockLayers layers on the fastest idle accelerator";
    }

    @Override
    public List<PropertySpec> properties() {
        return PROPERTIES;
    }

    @Override
    public Scheduler create(SchedulerContext context) {
        PropertyReader properties = PropertyReader.of(ID, PROPERTIES, context.properties());
        return new EdfBlocks(properties.intValue(BLOCK_LAYERS));
    }

    /** Per-run state: only the block size; every job's state is read from the view. */
    static final class EdfBlocks implements Scheduler {
        private final int blockLayers;

        EdfBlocks(int blockLayers) {
            this.blockLayers = blockLayers;
        }

        @Override
        public void decide(SchedulerView view, Decisions decisions) {
            boolean[] used = new boolean[view.acceleratorCount()];
            boolean[] taken = new boolean[view.jobCount()];
            while (true) {
                int job = earliestDeadlineReadyJob(view, taken);
                if (job < 0) {
                    return;
                }
                int from = view.nextLayer(job);
                int layers = Math.min(blockLayers, view.layerCount(job) - from);
                int best = -1;
                long bestNs = Long.MAX_VALUE;
                for (int a = 0; a < used.length; a++) {
                    if (!used[a] && view.idle(a)) {
                        long ns = view.blockLatencyNs(view.jobModel(job), view.jobVariant(job), from, layers, a);
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

        private static int earliestDeadlineReadyJob(SchedulerView view, boolean[] taken) {
            int best = -1;
            for (int j = 0; j < view.jobCount(); j++) {
                if (taken[j] || !view.ready(j)) {
                    continue;
                }
                if (best < 0 || view.deadlineNs(j) < view.deadlineNs(best)
                        || (view.deadlineNs(j) == view.deadlineNs(best) && view.jobId(j) < view.jobId(best))) {
                    best = j;
                }
            }
            return best;
        }
    }
}
