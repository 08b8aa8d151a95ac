package org.rtmmlab.scheduler.planaria;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import org.osgi.service.component.annotations.Component;
import org.rtmmlab.api.scheduler.ConfiguredPolicy;
import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.api.scheduler.SchedulerContext;
import org.rtmmlab.api.scheduler.SchedulerPolicy;

/**
 * Policy {@code planaria}: Planaria, S. Ghodrati et al., "Planaria: Dynamic Architecture Fission for Spatial
 * Multi-Tenant Acceleration of Deep Neural Networks", MICRO 2020, section V (the task scheduler: re-allocation at task
 * arrival and completion; each task gets the fewest resources that meet its QoS slack; when not all fit, tasks are
 * ranked by priority / (slack x resources), infeasible ones get negative scores; spare resources shared by score).
 * Ported as in {@code docs/baselines.md}, "Planaria", and this bundle's README: a fissionable pod becomes a spatial
 * share of an accelerator with {@code partitions() > 1}, else a whole sub-accelerator ({@link Allocation}).
 *
 * <p>Never drops. Properties {@code blockLayers}, {@code shareSpare}; ConfigAdmin PID
 * {@code org.rtmmlab.scheduler.planaria} sets defaults, run properties win.
 */
@Component(service = SchedulerPolicy.class, configurationPid = PlanariaPolicy.PID)
@ServiceProvider(value = SchedulerPolicy.class, resolution = Resolution.OPTIONAL)
public final class PlanariaPolicy extends ConfiguredPolicy {

    /** Policy id. */
    public static final String ID = "planaria";
    /** ConfigAdmin PID of the defaults. */
    public static final String PID = "org.rtmmlab.scheduler.planaria";

    /** Creates the policy with built-in defaults. */
    public PlanariaPolicy() {
        super(ID, "Planaria (MICRO'20): fewest resources (shares or sub-accelerators) meeting each task's slack, by score",
                PlanariaSettings.SPECS);
    }

    @Override
    public Scheduler create(SchedulerContext context) {
        return new PlanariaScheduler(PlanariaSettings.read(defaults(), context.properties()));
    }
}
