package org.rtmmlab.scheduler.prema;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import org.osgi.service.component.annotations.Component;
import org.rtmmlab.api.scheduler.ConfiguredPolicy;
import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.api.scheduler.SchedulerContext;
import org.rtmmlab.api.scheduler.SchedulerPolicy;

/**
 * Policy {@code prema}: PREMA, Y. Choi and M. Rhu, "PREMA: A Predictive Multi-task Scheduling Algorithm For
 * Preemptible Neural Processing Units", HPCA 2020: section IV-B (token-based scheduling, Algorithm 2: tokens grow by
 * priority x waiting time / isolated time; threshold from the priority levels 9, 3, 1; shortest estimated job among
 * the candidates) and section IV-A (preemption mechanisms: checkpoint, kill, drain, chosen dynamically). Ported as in
 * {@code docs/baselines.md}, "PREMA", and this bundle's README; the rule itself is {@link PremaScheduler}'s.
 *
 * <p>Priorities are {@code Task.priority()}; the XRBench scenarios give 1 to every task, so there every token starts
 * at 1, the threshold only rises for jobs that waited at least twice (3) or eight times (9) their isolated time, and
 * PREMA behaves as shortest-remaining-time-first with aging. Never drops. Properties {@code blockLayers},
 * {@code checkpointNs}; ConfigAdmin PID {@code org.rtmmlab.scheduler.prema} sets defaults, run properties win.
 */
@Component(service = SchedulerPolicy.class, configurationPid = PremaPolicy.PID)
@ServiceProvider(value = SchedulerPolicy.class, resolution = Resolution.OPTIONAL)
public final class PremaPolicy extends ConfiguredPolicy {

    /** Policy id. */
    public static final String ID = "prema";
    /** ConfigAdmin PID of the defaults. */
    public static final String PID = "org.rtmmlab.scheduler.prema";

    /** Creates the policy with built-in defaults. */
    public PremaPolicy() {
        super(ID, "PREMA (HPCA'20): token-based preemptive scheduling, shortest job among threshold candidates",
                PremaSettings.SPECS);
    }

    @Override
    public Scheduler create(SchedulerContext context) {
        return new PremaScheduler(PremaSettings.read(defaults(), context.properties()));
    }
}
