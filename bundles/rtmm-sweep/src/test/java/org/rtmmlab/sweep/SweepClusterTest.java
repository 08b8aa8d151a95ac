package org.rtmmlab.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtmmlab.engine.Evaluator;
import org.rtmmlab.engine.catalog.DefaultPluginCatalog;
import org.rtmmlab.engine.catalog.ServiceLoaderCatalog;

/**
 * Sweeps on real Hazelcast members in this JVM (loopback only, a cluster name of their own): every point's files
 * equal the same run made alone the way {@code rtmm run} makes it, a member shut down mid-sweep costs no point and
 * duplicates none, and a resumed sweep runs only the missing points.
 */
class SweepClusterTest {

    /** 4 schedulers x 2 scenarios x 2 platforms x 4 seeds = 64 points of 40 ms simulated time. */
    static final String SPEC = """
            {"version": 1, "name": "test",
             "schedulers": ["fcfs", "edf", "rr", {"id": "xrbench-greedy", "label": "greedy"}],
             "scenarios": ["xrbench/VR_gaming", "xrbench/AR_gaming"],
             "platforms": ["xrbench/Dual_4K__WS_OS", "xrbench/Single_4K__WS"],
             "seeds": {"from": 1, "to": 4}, "durationMs": [40]}""";

    static DefaultPluginCatalog catalog;

    @TempDir
    Path tmp;

    final String cluster = "rtmm-sweep-test-" + UUID.randomUUID();
    final List<HazelcastInstance> members = new ArrayList<>();

    @BeforeAll
    static void plugins() {
        catalog = ServiceLoaderCatalog.load(SweepClusterTest.class.getClassLoader(), w -> { });
    }

    @AfterEach
    void stop() {
        members.forEach(m -> m.getLifecycleService().terminate());
    }

    HazelcastInstance member(int cores, DefaultPluginCatalog plugins) {
        HazelcastInstance hz = SweepCluster.start(new SweepCluster.Options(cluster, "s3cret", cores, null),
                new SweepWorker(plugins));
        members.add(hz);
        return hz;
    }

    SweepPlan plan(Path out) {
        return SweepPlan.build(SweepSpecReader.parse("test.json", tmp, new StringReader(SPEC)), out, catalog);
    }

    /** Records who ran what, and lets a test act after the n-th result. */
    static final class Recorder implements SweepRunner.Listener {
        final Map<String, Integer> perMember = new HashMap<>();
        final List<String> done = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        int total;
        int skipped;
        int actAt = -1;
        Runnable action = () -> { };

        @Override
        public void started(int t, int d) {
            total = t;
            skipped = d;
        }

        @Override
        public void pointDone(SweepPoint p, String member) {
            done.add(p.id());
            perMember.merge(member, 1, Integer::sum);
            if (done.size() == actAt) {
                action.run();
            }
        }

        @Override
        public void warning(String line) {
            warnings.add(line);
        }
    }

    @Test
    void twoMembersLosingOneMidSweepStillGiveEveryPointOnceAndAsRunAlone() throws Exception {
        HazelcastInstance a = member(2, catalog);
        HazelcastInstance b = member(2, catalog);
        assertEquals(2, a.getCluster().getMembers().size());
        Path out = tmp.resolve("out");
        SweepPlan plan = plan(out);
        assertTrue(plan.points().size() >= 50, "points: " + plan.points().size());
        ResultStore store = new ResultStore(out);
        Recorder rec = new Recorder();
        rec.actAt = 20;
        rec.action = () -> b.getLifecycleService().terminate(); // while points are in flight on it
        SweepRunner.Outcome o = new SweepRunner(a, PluginInventory.of(catalog), store, rec).run(plan);

        assertEquals(Map.of(), o.failed());
        assertEquals(2, rec.perMember.size(), "both members ran points: " + rec.perMember);
        Set<String> ids = new TreeSet<>(plan.points().stream().map(SweepPoint::id).toList());
        assertEquals(ids, store.done(), "every point has exactly one result directory");
        assertEquals(ids.size(), rec.done.size(), "every point reported done once");
        assertEquals(ids, new TreeSet<>(rec.done));
        assertTrue(o.executions() >= ids.size(), "executions " + o.executions());
        try (Stream<Path> s = Files.list(out.resolve(ResultStore.POINTS))) {
            assertEquals(ids.size(), s.count(), "no temporary leftovers");
        }
        // every point's files equal the same configuration run alone, as RunCommand runs it
        Evaluator alone = new Evaluator(catalog);
        for (SweepPoint p : plan.points()) {
            Path dir = tmp.resolve("alone").resolve(p.id());
            alone.run(p.config(), dir, w -> { });
            for (String f : List.of("config.json", "summary.json")) {
                assertArrayEquals(Files.readAllBytes(dir.resolve(f)), Files.readAllBytes(store.pointDir(p.id())
                        .resolve(f)), p.id() + " " + f);
            }
        }
        // one CSV row per point and figure, and every point has the headline figures
        SweepReport.write(plan, store, o.failed(), out, catalog, w -> { });
        List<String> lines = Files.readAllLines(out.resolve(SweepReport.CSV));
        assertEquals("point,scheduler,scenario,platform,seed,durationMs,xrbenchCompat,figure,value", lines.get(0));
        Map<String, Integer> rows = new HashMap<>();
        Map<String, Integer> scores = new HashMap<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] c = l.split(",");
            rows.merge(c[0] + " " + c[7], 1, Integer::sum);
            if (c[7].equals("xrbench.score")) {
                scores.merge(c[0], 1, Integer::sum);
            }
        }
        assertEquals(Set.of(1), new TreeSet<>(rows.values()), "a point and figure appear once");
        assertEquals(ids, new TreeSet<>(scores.keySet()));
        assertEquals(Set.of(1), new TreeSet<>(scores.values()));
        String summary = Files.readString(out.resolve(SweepReport.SUMMARY));
        assertTrue(summary.contains("\"done\": " + ids.size()), summary);
        assertTrue(summary.contains("\"greedy\": {"), summary);
        assertTrue(Files.isRegularFile(out.resolve("compare.html")));
    }

    @Test
    void anInterruptedSweepResumesWithOnlyTheMissingPoints() throws Exception {
        HazelcastInstance a = member(2, catalog);
        Path out = tmp.resolve("out");
        SweepPlan plan = plan(out);
        Recorder first = new Recorder();
        first.actAt = 12;
        first.action = () -> Thread.currentThread().interrupt(); // the coordinator stops at its next wait
        assertThrows(InterruptedException.class, () -> new SweepRunner(a, PluginInventory.of(catalog),
                new ResultStore(out), first).run(plan));
        Thread.interrupted();
        ResultStore store = new ResultStore(out);
        Set<String> before = store.done();
        assertTrue(before.size() >= 12 && before.size() < plan.points().size(), "done before: " + before.size());
        Map<String, byte[]> kept = new HashMap<>();
        for (String id : before) {
            kept.put(id, Files.readAllBytes(store.pointDir(id).resolve("summary.json")));
        }
        Files.createDirectories(out.resolve(ResultStore.POINTS).resolve("." + before.iterator().next() + ".x.tmp"));

        Recorder second = new Recorder();
        SweepRunner.Outcome o = new SweepRunner(a, PluginInventory.of(catalog), new ResultStore(out), second)
                .run(plan);
        assertEquals(before.size(), second.skipped);
        assertEquals(plan.points().size() - before.size(), o.executions(), "only the missing points ran");
        assertTrue(second.done.stream().noneMatch(before::contains), "no finished point ran again");
        assertEquals(plan.points().size(), store.done().size());
        for (String id : before) {
            assertArrayEquals(kept.get(id), Files.readAllBytes(store.pointDir(id).resolve("summary.json")));
        }
        Recorder third = new Recorder();
        assertEquals(0, new SweepRunner(a, PluginInventory.of(catalog), new ResultStore(out), third).run(plan)
                .executions());
    }

    @Test
    void aMemberWithOtherPluginsIsRefusedByName() throws Exception {
        HazelcastInstance a = member(1, catalog);
        DefaultPluginCatalog fewer = ServiceLoaderCatalog.load(SweepClusterTest.class.getClassLoader(), w -> { });
        fewer.remove(fewer.find(org.rtmmlab.engine.catalog.PluginKind.SCHEDULER, "rr").orElseThrow().plugin());
        HazelcastInstance b = member(2, fewer);
        Path out = tmp.resolve("out");
        SweepPlan plan = SweepPlan.build(SweepSpecReader.parse("t.json", tmp, new StringReader(SPEC.replace(
                "{\"from\": 1, \"to\": 4}", "[1]"))), out, catalog);
        Recorder rec = new Recorder();
        SweepRunner.Outcome o = new SweepRunner(a, PluginInventory.of(catalog), new ResultStore(out), rec).run(plan);
        assertEquals(Map.of(), o.failed());
        assertEquals(Set.of(a.getCluster().getLocalMember().getAddress().toString()), rec.perMember.keySet());
        String refused = "refused: member " + b.getCluster().getLocalMember().getAddress() + " lacks plugin "
                + "scheduler 'rr'";
        assertTrue(rec.warnings.stream().anyMatch(w -> w.startsWith(refused)), rec.warnings.toString());
    }
}
