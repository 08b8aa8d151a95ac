package org.rtmmlab.scheduler.adaptive;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.rtmmlab.api.InvalidInputException;
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
    public Map<String, String> defaultProperties() {
        return Map.of(DOWN, "2 (queued jobs of a model at which it steps down one variant)",
                UP, "0 (queued jobs at which it steps back up one variant; must be < " + DOWN + ")",
                BLOCK, "0 (layers per block; 0 = the whole remaining job)");
    }

    @Override
    public Scheduler create(SchedulerContext context) {
        long down = context.longProperty(DOWN, 2);
        long up = context.longProperty(UP, 0);
        long block = context.longProperty(BLOCK, 0);
        if (down < 1) {
            throw new InvalidInputException("scheduler property", DOWN, "must be >= 1, got " + down);
        }
        if (up < 0 || up >= down) {
            throw new InvalidInputException("scheduler property", UP, "must be >= 0 and < " + DOWN + " (" + down
                    + "), got " + up);
        }
        if (block < 0 || block > Integer.MAX_VALUE) {
            throw new InvalidInputException("scheduler property", BLOCK, "must be >= 0, got " + block);
        }
        return new EdfAdaptiveScheduler(context.costs().modelCount(), (int) down, (int) up, (int) block);
    }
}
