package org.rtmmlab.scheduler.herald;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.testkit.HandDecisions;
import org.rtmmlab.testkit.HandView;

/** Herald's static map and its per-accelerator FCFS queues, on hand-computable views. */
class HeraldPolicyTest {

    private static final long SECOND = 1_000_000_000L;

    private static List<String> decide(Scheduler s, HandView v) {
        HandDecisions d = new HandDecisions(v);
        s.decide(v, d);
        return d.log();
    }

    @Test
    void eachBlockGoesWhereItsEdpIsLowest() {
        HandView v = new HandView();
        v.accelerator("ws", 64);
        v.accelerator("os", 64);
        // layer 0: 2 ns on ws, 3 on os; layer 1: 5 on ws, 4 on os (energy = latency, so EDP = latency^2)
        int t = v.task("A", v.model("A", new long[][] {{2, 3}, {5, 4}}), SECOND);
        v.job(1, t).arrival(0);
        v.job(2, t).arrival(1).next(1).ranOn(0, 1);
        Scheduler s = new HeraldPolicy().create(v.context(Map.of("balance", "false")));
        assertEquals(List.of("1@wsx1", "2@osx1"), decide(s, v));
    }

    @Test
    void theEnergyObjectiveCanDisagreeWithLatency() {
        HandView v = new HandView();
        v.accelerator("fast", 64);
        v.accelerator("frugal", 64);
        int m = v.model(org.rtmmlab.api.workload.Model.of("A", "", List.of(
                org.rtmmlab.api.workload.Layer.conv("l0", 1, 1, 1, 1, 1, 1, 1))), new long[][] {{2, 3}},
                new double[][] {{9, 1}});
        v.job(1, v.task("A", m, SECOND));
        assertEquals(List.of("1@fastx1"), decide(new HeraldPolicy().create(v.context(Map.of("objective", "latency",
                "balance", "false"))), v));
        // EDP 2 x 9 = 18 on fast, 3 x 1 = 3 on frugal
        assertEquals(List.of("1@frugalx1"), decide(new HeraldPolicy().create(v.context(Map.of("balance", "false"))), v));
        // balancing judges the whole plan (1 fps): on frugal makespan 3 ns/s x energy 1 pJ/s = EDP 3; moving the
        // block to fast would lower the makespan to 2 ns/s but raise the energy to 9 pJ/s: EDP 18 > 3, so it stays
        assertEquals(List.of("1@frugalx1"), decide(new HeraldPolicy().create(v.context(Map.of())), v));
        StaticMap plan = StaticMap.plan(v, v.scenario(), HeraldSettings.DEFAULTS);
        assertEquals(3.0, plan.load(1));
        assertEquals(0.0, plan.load(0));
        // with objective=latency the plan's objective is the makespan: already on fast (2 ns/s), nothing to move
        assertEquals(List.of("1@fastx1"), decide(new HeraldPolicy().create(v.context(Map.of("objective", "latency"))),
                v));
    }

    /** Layers X and Y (1 fps): ns and pJ on a0 and a1; both cheapest (EDP 4) on a0. */
    private static HandView xy() {
        HandView v = new HandView();
        v.accelerator("a0", 64);
        v.accelerator("a1", 64);
        // X: a0 4 ns 1 pJ (EDP 4), a1 5 ns 1.5 pJ (EDP 7.5); Y: a0 4 ns 1 pJ (EDP 4), a1 2 ns 10 pJ (EDP 20)
        int m = v.model(org.rtmmlab.api.workload.Model.of("A", "", List.of(
                org.rtmmlab.api.workload.Layer.conv("X", 1, 1, 1, 1, 1, 1, 1),
                org.rtmmlab.api.workload.Layer.conv("Y", 1, 1, 1, 1, 1, 1, 1))),
                new long[][] {{4, 5}, {4, 2}}, new double[][] {{1, 1.5}, {1, 10}});
        v.task("A", m, SECOND);
        return v;
    }

    @Test
    void aMoveIsAcceptedWhenMakespanTimesEnergyDropsEvenIfEnergyRises() {
        HandView v = xy();
        // both on a0: loads (8, 0) ns/s, energy 2 pJ/s, EDP 16. Moving X: loads (4, 5), energy 1 + 1.5 = 2.5,
        // EDP 5 x 2.5 = 12.5 < 16: accepted although the energy rises. Moving Y instead: loads (4, 2), the lowest
        // makespan, but energy 11, EDP 44. After X moved the bottleneck is a1, whose only block has moved: stop.
        StaticMap edp = StaticMap.plan(v, v.scenario(), HeraldSettings.DEFAULTS);
        assertEquals(List.of(1, 0), List.of(edp.acceleratorOf(0, 0), edp.acceleratorOf(0, 1)));
        assertEquals(4.0, edp.load(0));
        assertEquals(5.0, edp.load(1));
        // the energy objective never balances: every block already sits where its energy is lowest
        StaticMap energy = StaticMap.plan(v, v.scenario(), HeraldSettings.read(Map.of("objective", "energy"),
                Map.of()));
        assertEquals(List.of(0, 0), List.of(energy.acceleratorOf(0, 0), energy.acceleratorOf(0, 1)));
        assertEquals(8.0, energy.load(0));
    }

    @Test
    void balancingWaitsUntilTheBottleneckNearsCapacity() {
        HandView v = xy();
        // the bottleneck a0 carries 8 ns/s = 8e-9 of capacity: with balanceAbove 1e-9 it balances, with 1e-8 not
        StaticMap low = StaticMap.plan(v, v.scenario(), HeraldSettings.read(Map.of("balanceAbove", "1e-9"), Map.of()));
        assertEquals(1, low.acceleratorOf(0, 0));
        StaticMap high = StaticMap.plan(v, v.scenario(), HeraldSettings.read(Map.of("balanceAbove", "1e-8"),
                Map.of()));
        assertEquals(List.of(0, 0), List.of(high.acceleratorOf(0, 0), high.acceleratorOf(0, 1)));
    }

    @Test
    void loadBalancingMovesBlocksToTheSecondBestWhileTheEdpDrops() {
        HandView v = new HandView();
        v.accelerator("a0", 64);
        v.accelerator("a1", 64);
        // 4 layers, each 1 ns (1 pJ) on a0 and 2 ns (2 pJ) on a1: all on a0 gives loads (4, 0), energy 4, EDP 16;
        // moving layer 0 gives (3, 2), energy 5, EDP 15; moving another would give (2, 4), energy 6, EDP 24: stop.
        int t = v.task("A", v.model("A", new long[][] {{1, 2}, {1, 2}, {1, 2}, {1, 2}}), SECOND);
        StaticMap balanced = StaticMap.plan(v, v.scenario(), HeraldSettings.read(Map.of(), Map.of()));
        assertEquals(List.of(1, 0, 0, 0), List.of(balanced.acceleratorOf(0, 0), balanced.acceleratorOf(0, 1),
                balanced.acceleratorOf(0, 2), balanced.acceleratorOf(0, 3)));
        assertEquals(3.0, balanced.load(0));
        assertEquals(2.0, balanced.load(1));
        StaticMap greedy = StaticMap.plan(v, v.scenario(), HeraldSettings.read(Map.of("balance", "false"), Map.of()));
        assertEquals(4.0, greedy.load(0));
        v.job(1, t).arrival(0);
        v.job(2, t).arrival(5).next(2).ranOn(0, 4);
        assertEquals(List.of("2@a0x1", "1@a1x1"), decide(new HeraldPolicy().create(v.context(Map.of())), v));
    }

    @Test
    void loadIsWeightedByFrameRate() {
        HandView v = new HandView();
        v.accelerator("a0", 64);
        v.accelerator("a1", 64);
        // model Hot (100 fps) and model Cold (1 fps), each one layer: 1 ns on a0, 2 ns on a1. Both start on a0
        // (loads 101, 0, energy 101 pJ/s, EDP 10201). Moving Hot gives (1, 200), energy 201, EDP 40200; moving Cold
        // gives (100, 2), energy 102, EDP 10200: Cold moves.
        v.task("Hot", v.model("Hot", new long[][] {{1, 2}}), SECOND / 100);
        v.task("Cold", v.model("Cold", new long[][] {{1, 2}}), SECOND);
        StaticMap map = StaticMap.plan(v, v.scenario(), HeraldSettings.DEFAULTS);
        assertEquals(0, map.acceleratorOf(0, 0));
        assertEquals(1, map.acceleratorOf(1, 0));
    }

    @Test
    void eachQueueIsFirstComeFirstServedAndNeverSpillsToAnotherAccelerator() {
        HandView v = new HandView();
        v.accelerator("a0", 64);
        v.accelerator("a1", 64);
        int t = v.task("A", v.model("A", new long[][] {{1, 5}, {1, 5}}), SECOND);
        v.job(7, t).arrival(30);
        v.job(3, t).arrival(10);
        v.job(5, t).arrival(20);
        Scheduler s = new HeraldPolicy().create(v.context(Map.of("balance", "false")));
        assertEquals(List.of("3@a0x1"), decide(s, v)); // a1 stays idle: nothing is mapped to it
        v.busy(0, 1.0);
        assertTrue(decide(s, v).isEmpty());
    }

    @Test
    void everyIdleAcceleratorGetsItsOwnQueueHeadByArrivalThenFrameThenId() {
        HandView v = new HandView();
        v.accelerator("a0", 64);
        v.accelerator("a1", 64);
        int a = v.task("A", v.model("A", new long[][] {{1, 5}}), SECOND); // mapped to a0
        int b = v.task("B", v.model("B", new long[][] {{5, 1}}), SECOND); // mapped to a1
        v.job(9, a).arrival(10).frame(2);
        v.job(5, a).arrival(0).notReady();
        v.job(6, a).arrival(10).frame(1);
        v.job(8, a).arrival(20).frame(0);
        v.job(4, b).arrival(10).frame(3);
        v.job(1, b).arrival(30).frame(0);
        v.job(2, b).arrival(10).frame(3);
        Scheduler s = new HeraldPolicy().create(v.context(Map.of("balance", "false")));
        assertEquals(List.of("6@a0x1", "2@a1x1"), decide(s, v));
        v.busy(0, 1.0);
        assertEquals(List.of("2@a1x1"), decide(s, v)); // a busy accelerator's queue waits, the other is served
    }

    @Test
    void blocksOfSeveralLayersAreDispatchedFromWhereTheJobStandsToTheBlockEnd() {
        HandView v = new HandView();
        v.accelerator("a0", 64);
        int t = v.task("A", v.model("A", new long[][] {{1}, {1}, {1}, {1}, {1}}), SECOND);
        v.job(1, t);
        v.job(2, t).next(4);
        Scheduler s = new HeraldPolicy().create(v.context(Map.of("blockLayers", "3")));
        assertEquals(List.of("1@a0x3"), decide(s, v));
        HandView tail = new HandView();
        tail.accelerator("a0", 64);
        tail.job(2, tail.task("A", tail.model("A", new long[][] {{1}, {1}, {1}, {1}, {1}}), SECOND)).next(4);
        assertEquals(List.of("2@a0x1"), decide(new HeraldPolicy().create(tail.context(Map.of("blockLayers", "3"))),
                tail));
    }

    @Test
    void badPropertiesNameThePolicyAndTheKeyAndConfigAdminSetsDefaults() {
        HandView v = new HandView();
        v.accelerator("a0", 64);
        v.task("A", v.model("A", new long[][] {{1}}), SECOND);
        for (Map.Entry<String, String> bad : Map.of("objective", "speed", "blockLayers", "0", "balance", "maybe",
                "balanceAbove", "-0.5").entrySet()) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> new HeraldPolicy().create(v.context(Map.of(bad.getKey(), bad.getValue()))));
            assertEquals("herald", e.source());
            assertEquals(bad.getKey(), e.path());
        }
        assertEquals("herald: objective: must be one of edp|latency|energy, got 'speed'",
                assertThrows(InvalidInputException.class, () -> new HeraldPolicy().create(
                        v.context(Map.of("objective", "speed")))).getMessage());
        HeraldPolicy p = new HeraldPolicy();
        p.configure(Map.of("objective", "latency", "service.pid", "x"));
        assertEquals(Map.of("objective", "latency", "blockLayers", "1", "balance", "true", "balanceAbove", "0.0"),
                p.defaultProperties());
        p.configure(Map.of("objective", "nonsense"));
        assertEquals("edp", p.defaultProperties().get("objective"), "a bad configured value lists the built-in");
        assertThrows(InvalidInputException.class, () -> p.create(v.context(Map.of())));
        p.create(v.context(Map.of("objective", "edp"))); // the run's value wins over a bad default
    }
}
