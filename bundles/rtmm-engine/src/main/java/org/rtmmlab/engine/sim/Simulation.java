package org.rtmmlab.engine.sim;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.platform.Accelerator;
import org.rtmmlab.api.platform.AcceleratorModel;
import org.rtmmlab.api.platform.LayerCost;
import org.rtmmlab.api.run.BlockRecord;
import org.rtmmlab.api.run.DropCause;
import org.rtmmlab.api.run.Outcome;
import org.rtmmlab.api.run.RequestRecord;
import org.rtmmlab.api.scheduler.DecisionReason;
import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.api.scheduler.SchedulerPolicy;
import org.rtmmlab.api.workload.Model;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.api.workload.Task;
import org.rtmmlab.engine.RunControl;
import org.rtmmlab.engine.SchedulingException;
import org.rtmmlab.engine.catalog.PluginCatalog;
import org.rtmmlab.engine.catalog.PluginDescriptor;
import org.rtmmlab.engine.metrics.RunMetrics;
import org.rtmmlab.engine.metrics.WindowMetrics;

/**
 * State and operations shared by the default engine and the XRBench compatibility mode: jobs, accelerator
 * occupancy ({@link AcceleratorOccupancy}), the scheduler with its view and decision sink, record emission and metric accounting. Subclasses own
 * the clock and the event loop. Single-threaded; one instance per run.
 */
public abstract class Simulation {

    final SimulationInput in;
    final Scenario scenario;
    final CostTables costs;
    String policyId;
    final int taskCount;
    final int accCount;
    /** current task configuration (events may replace entries). */
    final Task[] tasks;
    final int[] taskModel;
    final String[] taskIds;
    final String[] modelIds;
    final JobTable jobs;
    final RunMetrics metrics;
    final RecordListener listener;
    final SplittableRandom arrivals;
    final SplittableRandom cascades;
    final long schedulerSeed;
    /** seed of the per-(task, frame) trigger draws, see {@link #draw}. */
    final long drawSeed;
    final EngineView view;
    final EngineDecisions decisions;
    Scheduler scheduler;
    /** steering of a run in the container, or {@code null} (command line, tests, benches). */
    Steering steering;
    /** metrics of schedulers replaced by a swap, already prefixed ({@code scheduler.<k>.}). */
    final Map<String, Double> replacedSchedulerMetrics = new TreeMap<>();

    /** what each accelerator runs now, and how long it has been busy. */
    final AcceleratorOccupancy occupancy;
    /** the sequences of accelerators requests ran on, with their record text. */
    final AcceleratorPaths acceleratorPaths;

    long now;
    int reasons;
    long nextRequestId;
    long decisionCount;
    long dispatchCount;
    long eventCount;

    Simulation(SimulationInput in) {
        this.in = in;
        this.scenario = in.scenario();
        this.costs = in.costs();
        this.policyId = in.policy().id();
        this.taskCount = scenario.tasks().size();
        this.accCount = costs.acceleratorCount();
        tasks = scenario.tasks().toArray(new Task[0]);
        taskModel = new int[taskCount];
        taskIds = new String[taskCount];
        modelIds = new String[taskCount];
        for (int t = 0; t < taskCount; t++) {
            taskIds[t] = tasks[t].id();
            modelIds[t] = tasks[t].model();
            taskModel[t] = modelIndex(tasks[t].model());
        }
        jobs = new JobTable();
        long window = in.options().windowNs();
        metrics = new RunMetrics(taskIds, modelIds, in.options().xrbenchAccuracy(),
                window > 0 ? new WindowMetrics(taskCount, window, in.horizonNs()) : null);
        listener = in.listener();
        SplittableRandom root = new SplittableRandom(in.seed());
        arrivals = root.split();
        cascades = root.split();
        schedulerSeed = root.split().nextLong();
        drawSeed = root.split().nextLong();
        int[] partitions = new int[accCount];
        for (int a = 0; a < accCount; a++) {
            partitions[a] = costs.accelerator(a).partitions();
        }
        occupancy = new AcceleratorOccupancy(partitions);
        String[] accIds = new String[accCount];
        for (int a = 0; a < accCount; a++) {
            accIds[a] = costs.accelerator(a).id();
        }
        acceleratorPaths = new AcceleratorPaths(accIds);
        view = new EngineView(this);
        decisions = new EngineDecisions(this);
    }

    private int modelIndex(String id) {
        for (int m = 0; m < costs.modelCount(); m++) {
            if (costs.model(m).id().equals(id)) {
                return m;
            }
        }
        throw new InvalidInputException(scenario.id(), "tasks", "unknown model '" + id + "'");
    }

    /** Creates the run's scheduler; a policy failure becomes a {@link SchedulingException}. */
    final void createScheduler() {
        scheduler = newScheduler(in.policy(), in.properties());
    }

    /**
     * Creates a scheduler of {@code policy} for this run: same scenario, platform, costs, seed stream and windows as
     * the run's first scheduler, with {@code properties}; a policy failure becomes a {@link SchedulingException}.
     */
    final Scheduler newScheduler(SchedulerPolicy policy, Map<String, String> properties) {
        RunSchedulerContext ctx = new RunSchedulerContext(scenario, in.platform(), costs, in.compat(), schedulerSeed,
                properties, in.horizonNs(), metrics.windows());
        Scheduler s;
        String id = policy.id();
        try {
            s = policy.create(ctx);
        } catch (InvalidInputException e) {
            throw e.in("scheduler " + id, "");
        } catch (RuntimeException e) {
            throw new SchedulingException(id, "create() threw " + e, e);
        }
        if (s == null) {
            throw new SchedulingException(id, "create() returned null", null);
        }
        return s;
    }

    /**
     * Lets {@code control} steer this run (pause, resume, cancel, pace, swap, live progress); see {@link Steering}.
     * A compatibility-mode run is not steered (the control only learns its phases; it already refused pace and swap).
     *
     * @param catalog       where a swapped-in policy is looked up by id
     * @param running       the catalog entry of the policy the run starts with (its bundle and version)
     * @param propertyCheck rejects properties a policy does not declare (as for a new run)
     */
    public final void steer(RunControl control, PluginCatalog catalog, PluginDescriptor running,
                            BiConsumer<SchedulerPolicy, Map<String, String>> propertyCheck) {
        if (in.compat()) {
            control.phase(RunControl.Phase.RUNNING, "");
            return; // compatibility mode: RunControl already refused pace and swap; the rest waits for the run's end
        }
        steering = new Steering(this, control, catalog, running, propertyCheck);
    }

    /**
     * Creates the simulation of one run (default engine or XRBench compatibility mode, as the input says) and the
     * run's scheduler.
     *
     * @throws SchedulingException   if the policy fails to create a scheduler
     * @throws InvalidInputException if the policy rejects its properties, or the scenario cannot run in this mode
     */
    public static Simulation create(SimulationInput in) {
        return in.compat() ? new CompatSimulation(in) : new DefaultSimulation(in);
    }

    /** Runs the simulation to its end. */
    public abstract SimulationOutcome run();

    /** @return true if job {@code j} may be dispatched now (waiting, and engine-enforced dependencies met) */
    abstract boolean ready(Job j);

    /** @return why {@code j} is not ready, for error messages */
    String notReadyReason(Job j) {
        if (j.ended) {
            return "it has ended";
        }
        if (j.runningOn >= 0) {
            return "it is running on accelerator " + j.runningOn;
        }
        return "its dependency is not met";
    }

    /** Starts a validated block. */
    abstract void startBlock(Job j, int a, int layers, double share);

    /** Drops a validated waiting job on the policy's request. */
    abstract void dropByPolicy(Job j);

    /** Registers a validated wake-up at {@code timeNs} (&gt; now). */
    abstract void wake(long timeNs);

    /** @return current time in ns as the scheduler sees it */
    long nowNs() {
        return now;
    }

    /** Applies a validated variant selection. */
    void selectVariant(Job j, int variant) {
        j.variant = variant;
        j.layerCount = costs.layerCount(j.model, variant);
    }

    /** Applies a validated restart (PREMA kill): progress is lost, energy spent is kept. */
    void restart(Job j) { // overridden by the default engine to re-arm the deadline rule
        j.nextLayer = 0;
    }

    /**
     * The probability draw of task {@code t}'s frame {@code frame} (a cascade trigger or a periodic task's skip),
     * uniform in [0, 1): a pure function of (run seed, task, frame), so every scheduler compared on one seed sees the
     * same frames triggered, whatever order its completions happen in (a shared sequential stream would hand a
     * different draw to a frame when the schedule changes). SplitMix64 finalizer over the three values.
     */
    final double draw(int t, long frame) {
        long z = mix64(drawSeed + (t + 1) * 0x9E3779B97F4A7C15L);
        z = mix64(z ^ (frame * 0xD1B54A32D192ED03L + 0x632BE59BD9B4E019L));
        return (z >>> 11) * 0x1.0p-53;
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Releases a request: a new job at the end of the release order. */
    Job release(int task, long frame, long arrivalNs, long deadlineNs) {
        int m = taskModel[task];
        Job j = jobs.add(nextRequestId++, task, m, frame, arrivalNs, deadlineNs, costs.layerCount(m, 0));
        metrics.released(task, arrivalNs);
        reasons |= DecisionReason.ARRIVAL.bit();
        return j;
    }

    /** Calls the scheduler once at the current time with the accumulated reasons. */
    final void callScheduler() {
        jobs.compact();
        view.begin(jobs.size(), jobs.array());
        decisions.begin();
        decisionCount++;
        try {
            scheduler.decide(view, decisions);
        } catch (SchedulingException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SchedulingException(policyId, "decide() threw at t=" + nowNs() + " ns: " + e, e);
        } finally {
            decisions.end();
            reasons = 0;
        }
    }

    /**
     * Prices a block and stores it in the job's block fields: switch cost when the job moves from another
     * accelerator ({@code withSwitch}), latency and energy on the whole accelerator from the tables or, for a
     * partial share, through the cost model.
     */
    final void priceBlock(Job j, int a, int layers, double share, boolean withSwitch) {
        j.blockFirst = j.nextLayer;
        j.blockLayers = layers;
        j.blockShare = share;
        j.blockSwitchNs = 0;
        j.blockSwitchPj = 0;
        if (withSwitch && j.lastAccelerator >= 0 && j.lastAccelerator != a) {
            Accelerator acc = costs.accelerator(a);
            AcceleratorModel cm = costs.costModel(a);
            Model model = costs.model(j.model);
            LayerCost sc;
            Accelerator from = costs.accelerator(j.lastAccelerator);
            try {
                sc = cm.switchCost(model, j.variant, j.nextLayer, from, acc);
            } catch (RuntimeException e) {
                throw new InvalidInputException("cost model " + cm.id(), "switch of model " + model.id() + " from "
                        + from.id() + " to " + acc.id() + " before layer " + j.nextLayer, "failed: " + e.getMessage());
            }
            if (sc != null) {
                j.blockSwitchNs = sc.latencyNs();
                j.blockSwitchPj = sc.energyPj();
            }
        }
        long latency;
        double energy;
        if (share >= 1.0) {
            latency = costs.blockLatencyNs(j.model, j.variant, j.nextLayer, layers, a);
            energy = costs.blockEnergyPj(j.model, j.variant, j.nextLayer, layers, a);
        } else {
            Accelerator acc = costs.accelerator(a);
            AcceleratorModel cm = costs.costModel(a);
            Model model = costs.model(j.model);
            latency = 0;
            energy = 0;
            for (int l = j.nextLayer; l < j.nextLayer + layers; l++) {
                LayerCost c;
                try {
                    c = cm.layerCost(model, j.variant, l, acc, share);
                } catch (RuntimeException e) {
                    throw new InvalidInputException("cost model " + cm.id(), CostTables.where(model, j.variant, l, acc)
                            + " at share " + share, "failed: " + e.getMessage());
                }
                latency += c.latencyNs();
                energy += c.energyPj();
            }
        }
        j.blockEnergyPj = energy;
        j.blockLatencyNs = latency;
    }

    /** Emits the record of the block job {@code j} just finished on {@code a} and books its energy. */
    final void finishBlock(Job j, int a, long startNs, long endNs) {
        j.nextLayer += j.blockLayers;
        j.lastAccelerator = a;
        j.lastEndNs = endNs;
        j.runningOn = -1;
        j.energyPj += j.blockEnergyPj + j.blockSwitchPj;
        j.usedPath = acceleratorPaths.use(j.usedPath, a);
        metrics.block(j.task, j.blockEnergyPj, j.blockSwitchPj);
        if (listener.wantsBlocks()) {
            listener.onBlock(new BlockRecord(j.id, taskIds[j.task], j.frame, a, j.blockFirst, j.blockLayers, startNs,
                    endNs, j.blockSwitchNs, j.blockEnergyPj + j.blockSwitchPj, j.blockShare));
        }
    }

    /** Ends job {@code j}: emits its request record, tells the scheduler and the metrics. */
    final void endRequest(Job j, Outcome outcome, DropCause cause, long finishNs) {
        Model model = costs.model(j.model);
        switch (outcome) {
            case ON_TIME, LATE -> metrics.completed(j.task, finishNs - j.arrivalNs, finishNs - j.deadlineNs,
                    j.energyPj, outcome == Outcome.ON_TIME, j.arrivalNs, model.accuracyOf(j.variant));
            case DROPPED -> metrics.dropped(j.task, j.arrivalNs);
            case IN_FLIGHT -> metrics.inFlight(j.task, j.arrivalNs);
            default -> throw new IllegalStateException(outcome.toString());
        }
        jobs.end(j);
        RequestRecord r = new RequestRecord(j.id, taskIds[j.task], modelIds[j.task], model.variantId(j.variant),
                j.frame, j.arrivalNs, j.deadlineNs, j.startNs, outcome == Outcome.IN_FLIGHT ? -1 : finishNs, outcome,
                cause, j.energyPj, acceleratorPaths.name(j.usedPath), model.accuracyOf(j.variant));
        listener.onRequest(r);
        try {
            scheduler.observe(r);
        } catch (RuntimeException e) {
            throw new SchedulingException(policyId, "observe() threw " + e, e);
        }
    }

    /**
     * Asks the scheduler for its own figures ({@link Scheduler#metrics()}): keys that are blank or that the engine
     * also reports are dropped later (the engine's win), non-finite values are left out here.
     */
    final Map<String, Double> schedulerMetrics() {
        Map<String, Double> now = currentSchedulerMetrics();
        if (replacedSchedulerMetrics.isEmpty()) {
            return now;
        }
        Map<String, Double> out = new TreeMap<>(replacedSchedulerMetrics);
        out.putAll(now);
        return out;
    }

    /** @return the figures of the scheduler deciding now (see {@link #schedulerMetrics()}) */
    final Map<String, Double> currentSchedulerMetrics() {
        Map<String, Double> m;
        try {
            m = scheduler.metrics();
        } catch (RuntimeException e) {
            throw new SchedulingException(policyId, "metrics() threw " + e, e);
        }
        if (m == null || m.isEmpty()) {
            return Map.of();
        }
        Map<String, Double> out = new TreeMap<>();
        for (Map.Entry<String, Double> e : m.entrySet()) {
            if (e.getKey() != null && !e.getKey().isBlank() && e.getValue() != null && Double.isFinite(e.getValue())) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /** Reports every job still queued or running as IN_FLIGHT, in release order. */
    final void reportInFlight() {
        jobs.compact();
        int n = jobs.size();
        for (int i = 0; i < n; i++) {
            Job j = jobs.get(i);
            if (!j.ended) {
                endRequest(j, Outcome.IN_FLIGHT, DropCause.NONE, -1);
            }
        }
        jobs.compact();
    }
}
