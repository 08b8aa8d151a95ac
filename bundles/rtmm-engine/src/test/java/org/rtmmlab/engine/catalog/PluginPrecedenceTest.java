package org.rtmmlab.engine.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtmmlab.engine.support.Policies;

/**
 * Same-id plugins: the winner depends on ranking, bundle version and bundle name only, never on the order the
 * plugins were added (the order services bind in after a restart), and the messages and listing follow it.
 */
class PluginPrecedenceTest {

    private static PluginDescriptor edf(String bundle, String version, int ranking) {
        return new PluginDescriptor(PluginKind.SCHEDULER, "edf", bundle, bundle, version, Policies.fifo(), ranking);
    }

    /** @return the winner of look-ups after adding {@code ds} in every order; fails if two orders disagree */
    private static PluginDescriptor winnerInEveryOrder(List<PluginDescriptor> ds) {
        PluginDescriptor winner = null;
        for (List<PluginDescriptor> order : permutations(ds)) {
            DefaultPluginCatalog c = new DefaultPluginCatalog();
            order.forEach(c::add);
            PluginDescriptor w = c.find(PluginKind.SCHEDULER, "edf").orElseThrow();
            if (winner != null) {
                assertSame(winner, w, "added in the order " + order.stream().map(PluginDescriptor::origin).toList());
            }
            winner = w;
            for (PluginDescriptor d : ds) {
                assertEquals(d != w, c.shadowed(d), d.origin());
            }
            assertSame(w, c.plugins(PluginKind.SCHEDULER).get(0), "the listing shows the winner first");
        }
        return winner;
    }

    private static List<List<PluginDescriptor>> permutations(List<PluginDescriptor> ds) {
        if (ds.isEmpty()) {
            return List.of(List.of());
        }
        List<List<PluginDescriptor>> out = new ArrayList<>();
        for (PluginDescriptor first : ds) {
            List<PluginDescriptor> rest = new ArrayList<>(ds);
            rest.remove(first);
            for (List<PluginDescriptor> p : permutations(rest)) {
                List<PluginDescriptor> l = new ArrayList<>();
                l.add(first);
                l.addAll(p);
                out.add(l);
            }
        }
        return out;
    }

    @Test
    void theHigherServiceRankingWinsOverANewerVersion() {
        PluginDescriptor ranked = edf("old-but-ranked", "1.0.0", 10);
        assertSame(ranked, winnerInEveryOrder(List.of(edf("newer", "3.0.0", 0), ranked, edf("negative", "9.0.0", -5))));
    }

    @Test
    void ofEqualRankingsTheHigherBundleVersionWinsComparedAsNumbers() {
        PluginDescriptor newest = edf("b", "1.10.0", 0);
        assertSame(newest, winnerInEveryOrder(List.of(edf("a", "1.9.0", 0), newest, edf("c", "1.2", 0),
                edf("d", "?", 0))));
        PluginDescriptor qualified = edf("x", "2.0.0.202612071200", 0);
        assertSame(qualified, winnerInEveryOrder(List.of(edf("y", "2.0.0", 0), qualified, edf("z", "2.0.0.2026", 0))));
    }

    @Test
    void ofEqualRankingsAndVersionsTheBundleNameFirstInAlphabeticalOrderWins() {
        PluginDescriptor first = edf("org.a.plugin", "1.0.0", 0);
        assertSame(first, winnerInEveryOrder(List.of(edf("org.b.plugin", "1.0.0", 0), first,
                edf("org.c.plugin", "1.0.0", 0))));
    }

    @Test
    void versionsCompareLikeOsgiVersionsAndNonVersionsComeLast() {
        assertTrue(PluginPrecedence.compareVersions("1.10", "1.9.9") > 0);
        assertEquals(0, PluginPrecedence.compareVersions("1", "1.0.0"));
        assertTrue(PluginPrecedence.compareVersions("1.0.0.SNAPSHOT", "1.0.0") > 0, "a qualifier sorts after none");
        assertTrue(PluginPrecedence.compareVersions("0.0.1", "?") > 0);
        assertTrue(PluginPrecedence.compareVersions("?", "classes") < 0, "non-versions compare as text");
    }

    @Test
    void messagesSayWhichPluginShadowsWhichAndWhichIsUsedAfterARemoval() {
        DefaultPluginCatalog c = new DefaultPluginCatalog();
        List<String> events = new ArrayList<>();
        c.addListener(events::add);
        PluginDescriptor v2 = edf("lab", "2.0.0", 0);
        PluginDescriptor v1 = edf("mine", "1.0.0", 0);
        PluginDescriptor ranked = edf("mine", "0.1.0", 5);
        c.add(v2);
        c.add(v1);
        c.add(ranked);
        c.remove(ranked.plugin());
        c.remove(v1.plugin());
        assertEquals(List.of(
                "added scheduler edf (lab 2.0.0)",
                "added scheduler edf (mine 1.0.0), shadowed by the one of lab 2.0.0",
                "added scheduler edf (mine 0.1.0 ranking 5), shadowing the one of lab 2.0.0",
                "removed scheduler edf (mine 0.1.0 ranking 5); the one of lab 2.0.0 is used now",
                "removed scheduler edf (mine 1.0.0)"), events);
        assertSame(v2, c.find(PluginKind.SCHEDULER, "edf").orElseThrow());
    }

    @Test
    void ofTwoPluginsEqualOnPrecedenceTheOneAddedLastWins() {
        DefaultPluginCatalog c = new DefaultPluginCatalog();
        PluginDescriptor first = edf("same", "1.0.0", 0);
        PluginDescriptor second = edf("same", "1.0.0", 0);
        c.add(first);
        c.add(second);
        assertSame(second, c.find(PluginKind.SCHEDULER, "edf").orElseThrow());
        assertTrue(c.shadowed(first));
        assertFalse(c.shadowed(second));
        assertSame(second, c.plugins().get(0), "the listing shows the winner first");
    }

    @Test
    void aClosedListenerHearsNothingMoreAndClosingTwiceIsHarmless() {
        DefaultPluginCatalog c = new DefaultPluginCatalog();
        List<String> kept = new ArrayList<>();
        List<String> closed = new ArrayList<>();
        c.addListener(kept::add);
        PluginCatalog.Registration r = c.addListener(closed::add);
        PluginCatalog.Registration sameHandlerAgain = c.addListener(closed::add);
        assertEquals(3, c.listenerCount());
        c.add(edf("a", "1", 0));
        r.close();
        r.close();
        assertEquals(2, c.listenerCount(), "closing one registration removes only that one");
        sameHandlerAgain.close();
        assertEquals(1, c.listenerCount());
        c.add(edf("b", "1", 0));
        assertEquals(2, kept.size());
        assertEquals(List.of("added scheduler edf (a 1)", "added scheduler edf (a 1)"), closed);
    }
}
