package org.rtmmlab.scheduler.adaptive;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.scheduler.PropertyReader;
import org.rtmmlab.api.scheduler.PropertySpec;
import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.api.scheduler.SchedulerContext;
import org.rtmmlab.api.scheduler.SchedulerPolicy;

/**
 * Policy {@code edf-adaptive}: earliest deadline first that trades accuracy for time with model variants.
 *
 * <p>Rule, at every decision point: per model, count its queue (released jobs not yet finished, waiting or running;
 * with the engine's default deadline rule a waiting job is dropped at its deadline, so a queue of 2 means the model
 * falls behind by a frame). If the queue is at least {@value #DOWN} (default 2), the model steps one variant down (variant index + 1, i.e. the next
 * cheaper one: variants are listed from largest to smallest, as the XRBench width variants are); if it is at most
 * {@value #UP} (default 0), it steps one variant up, towards the full model. Every job not yet started runs the
 * model's current variant ({@code selectVariant} before its first layer). Then, while an accelerator is idle, the
 * ready job with the earliest absolute deadline (ties: earlier arrival, lower job id) runs its next
 * {@value #BLOCK} layers (default 0 = all remaining) on the idle accelerator with the lowest latency for that block
 * (ties: lower energy, lower index). Never drops. Models without variants are plain EDF.
 */
@Component(service = SchedulerPolicy.class)
@ServiceProvider(value = SchedulerPolicy.class, resolution = Resolution.OPTIONAL)
public final class EdfAdaptivePolicy implements SchedulerPolicy {

    /** Policy id. */
    public static final String ID = "edf-adaptive";
    /** Property: queue length (unfinished jobs of the model) at or above which it steps down one variant. */
    public static final String DOWN = "adaptive.downQueue";
    /** Property: queue length at or below which a model steps back up one variant. */
    public static final String UP = "adaptive.upQueue";
    /** Property: layers per dispatched block (0 = the whole remaining job). */
    public static final String BLOCK = "adaptive.blockLayers";

    private static final List<PropertySpec> SPECS = List.of(
            PropertySpec.integer(DOWN, 2, 1, Integer.MAX_VALUE, "queued jobs of a model at which it steps down one"
                    + " variant"),
            PropertySpec.integer(UP, 0, 0, Integer.MAX_VALUE, "queued jobs at which it steps back up one variant;"
                    + " must be < " + DOWN),
            PropertySpec.integer(BLOCK, 0, 0, Integer.MAX_VALUE, "layers per block; 0 = the whole remaining job"));

    /** Creates the (stateless) policy. */
    public EdfAdaptivePolicy() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "EDF that steps a model down to a cheaper variant while its queue is long and back up when it drains";
    }

    @Override
    public List<PropertySpec> properties() {
        return SPECS;
    }

    @Override
    public Scheduler create(SchedulerContext context) {
        PropertyReader p = PropertyReader.of(ID, SPECS, context.properties());
        int down = p.intValue(DOWN);
        int up = p.intValue(UP);
        if (up >= down) {
            throw new InvalidInputException(ID, UP, "must be >= 0 and < " + DOWN + " (" + down + "), got " + up);
        }
        return new EdfAdaptiveScheduler(context.costs(), down, up, p.intValue(BLOCK));
    }
}
