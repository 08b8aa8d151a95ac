package org.rtmmlab.sweep;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.spi.exception.RetryableException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The coordinator of a sweep: sends the points that have no result yet to the members of the cluster, keeping each
 * member's cores busy (its {@link SweepCluster#CORES} attribute, plus one point queued), and writes every result as
 * it arrives ({@link ResultStore}). A member's plugins are compared with the coordinator's before it gets a point;
 * a member that differs is refused, with a message naming it and the plugin. A point whose member leaves is sent
 * again; a point that fails {@value #TRIES} times is reported failed. Results are exactly once on disk (keyed by
 * id), runs at least once.
 */
public final class SweepRunner {

    /** Tries of a point that fails with an error (not a member leaving). */
    public static final int TRIES = 3;

    /** What the coordinator reports as it goes (called from the coordinator's thread only). */
    public interface Listener {
        /** The sweep starts: {@code total} points, {@code done} of them already finished earlier. */
        default void started(int total, int done) {
        }

        /** A point's result is written. */
        default void pointDone(SweepPoint point, String member) {
        }

        /** A point failed for good. */
        default void pointFailed(SweepPoint point, String error) {
        }

        /** A non-fatal problem: a refused member, a retried point, a run's warning. */
        default void warning(String line) {
        }
    }

    /** The end of a sweep: how many points ran now, were already done, failed (id -> error). */
    public record Outcome(int ran, int skipped, Map<String, String> failed, int executions) {
    }

    private record Completion(SweepPoint point, UUID member, PointOutcome outcome, Throwable error) {
    }

    private final HazelcastInstance hz;
    private final List<String> inventory;
    private final ResultStore store;
    private final Listener listener;

    /**
     * @param hz        the member or client that coordinates
     * @param inventory the coordinator's plugin inventory ({@link PluginInventory#of})
     * @param store     where results go
     * @param listener  progress
     */
    public SweepRunner(HazelcastInstance hz, List<String> inventory, ResultStore store, Listener listener) {
        this.hz = hz;
        this.inventory = List.copyOf(inventory);
        this.store = store;
        this.listener = listener;
    }

    /** Runs every point of {@code plan} that has no result in the store yet. */
    public Outcome run(SweepPlan plan) throws IOException, InterruptedException {
        Set<String> finished = store.done();
        Deque<SweepPoint> pending = new ArrayDeque<>();
        for (SweepPoint p : plan.points()) {
            if (!finished.contains(p.id())) {
                pending.add(p);
            }
        }
        int skipped = plan.points().size() - pending.size();
        listener.started(plan.points().size(), skipped);
        String digest = PluginInventory.digest(inventory);
        IExecutorService exec = hz.getExecutorService(SweepCluster.EXECUTOR);
        BlockingQueue<Completion> completions = new LinkedBlockingQueue<>();
        Map<UUID, Integer> inFlight = new HashMap<>();
        Map<UUID, Boolean> accepted = new HashMap<>(); // member -> plugins checked equal (false: refused)
        Map<String, Integer> tries = new HashMap<>();
        Map<String, String> failed = new LinkedHashMap<>();
        int ran = 0;
        int executions = 0;
        int running = 0;
        boolean waitingSaid = false;
        while (!pending.isEmpty() || running > 0) {
            boolean dispatched = false;
            for (Member m : hz.getCluster().getMembers()) {
                int cores = cores(m);
                if (cores <= 0 || !accept(m, accepted, exec)) {
                    continue;
                }
                int busy = inFlight.getOrDefault(m.getUuid(), 0);
                while (busy < cores + 1 && !pending.isEmpty()) {
                    SweepPoint p = pending.poll();
                    UUID uuid = m.getUuid();
                    @SuppressWarnings("unchecked")
                    CompletionStage<PointOutcome> f = (CompletionStage<PointOutcome>) exec.submitToMember(
                            new PointTask(p, digest), m);
                    // the callback runs on the completing thread and only enqueues: Hazelcast's default async executor is
                    // the common pool, which starts a thread per callback when its parallelism is 1 (2 cores)
                    f.whenCompleteAsync((r, e) -> completions.add(new Completion(p, uuid, r, e)), Runnable::run);
                    busy++;
                    running++;
                    executions++;
                    dispatched = true;
                }
                inFlight.put(m.getUuid(), busy);
            }
            if (running == 0 && !pending.isEmpty()) {
                if (!waitingSaid) {
                    listener.warning("no member accepts points yet; waiting for members of cluster "
                            + clusterName());
                    waitingSaid = true;
                }
                Thread.sleep(500);
                continue;
            }
            waitingSaid = waitingSaid && !dispatched;
            for (Completion c = completions.poll(200, TimeUnit.MILLISECONDS); c != null; c = completions.poll()) {
                running--;
                inFlight.merge(c.member(), -1, Integer::sum);
                if (c.error() == null) {
                    if (store.write(c.point().id(), c.outcome().files())) {
                        ran++;
                    }
                    for (String w : c.outcome().warnings()) {
                        listener.warning("point " + c.point().id() + ": " + w);
                    }
                    listener.pointDone(c.point(), c.outcome().member());
                } else {
                    Throwable cause = unwrap(c.error());
                    if (isMembershipError(cause)) {
                        pending.addFirst(c.point()); // the member left: run it elsewhere, no try counted
                    } else if (cause instanceof SweepWorker.PluginMismatchException) {
                        accepted.remove(c.member()); // check the member again, by name, before it gets more
                        pending.addFirst(c.point());
                    } else {
                        int n = tries.merge(c.point().id(), 1, Integer::sum);
                        String msg = cause.getMessage() == null ? cause.toString() : cause.getMessage();
                        if (n < TRIES) {
                            listener.warning("point " + c.point().id() + " failed (try " + n + " of " + TRIES + "): "
                                    + msg);
                            pending.addLast(c.point());
                        } else {
                            failed.put(c.point().id(), msg);
                            listener.pointFailed(c.point(), msg);
                        }
                    }
                }
            }
        }
        return new Outcome(ran, skipped, failed, executions);
    }

    private String clusterName() {
        try {
            return hz.getConfig().getClusterName();
        } catch (UnsupportedOperationException e) { // a client
            return "?";
        }
    }

    /** @return the points member {@code m} runs at once (0: a coordinator-only member or a lite member) */
    private static int cores(Member m) {
        if (m.isLiteMember()) {
            return 0;
        }
        String a = m.getAttribute(SweepCluster.CORES);
        try {
            return a == null ? 0 : Integer.parseInt(a);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Compares a member's plugins with ours once; a member that differs is refused with a warning. */
    private boolean accept(Member m, Map<UUID, Boolean> accepted, IExecutorService exec) throws InterruptedException {
        Boolean ok = accepted.get(m.getUuid());
        if (ok != null) {
            return ok;
        }
        String problem;
        try {
            List<String> there = exec.submitToMember(new InventoryTask(), m).get(60, TimeUnit.SECONDS);
            problem = PluginInventory.difference(m.getAddress().toString(), inventory, there);
        } catch (ExecutionException e) {
            Throwable cause = unwrap(e);
            if (isMembershipError(cause)) {
                return false; // gone already; not remembered, in case it was a hiccup
            }
            problem = "member " + m.getAddress() + " cannot run sweep points: " + cause.getMessage();
        } catch (TimeoutException e) {
            problem = "member " + m.getAddress() + " did not answer the plugin check within 60 s";
        }
        accepted.put(m.getUuid(), problem == null);
        if (problem != null) {
            listener.warning("refused: " + problem);
        }
        return problem == null;
    }

    private static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof ExecutionException || c instanceof java.util.concurrent.CompletionException)
                && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    private static boolean isMembershipError(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof RetryableException || c instanceof HazelcastInstanceNotActiveException
                    || c instanceof com.hazelcast.core.MemberLeftException) {
                return true;
            }
        }
        return false;
    }

    /** @return the members currently in the cluster that run points, with their cores (for messages) */
    public static List<String> workers(HazelcastInstance hz) {
        List<String> out = new ArrayList<>();
        for (Member m : hz.getCluster().getMembers()) {
            int c = cores(m);
            if (c > 0) {
                out.add(m.getAddress() + " (" + c + " cores)");
            }
        }
        return out;
    }
}
