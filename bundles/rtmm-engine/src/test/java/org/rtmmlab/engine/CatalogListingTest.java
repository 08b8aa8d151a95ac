package org.rtmmlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtmmlab.engine.catalog.CatalogListing;
import org.rtmmlab.engine.support.Lab;

/** The text of {@code rtmm list} / {@code rtmm:list}. */
class CatalogListingTest {

    @Test
    void listsPluginsByKindAndWithAllAlsoSchedulerPropertiesScenariosAndPlatforms() {
        Lab lab = new Lab();
        lab.single();
        lab.scenario("s", List.of(Lab.model("m", 1)), List.of(org.rtmmlab.api.workload.Task.periodic("t", "m",
                Lab.MS)), List.of(), 10 * Lab.MS);
        List<String> brief = CatalogListing.lines(lab.catalog, false);
        assertEquals("schedulers (4):", brief.get(0));
        assertTrue(brief.get(1).matches("  edf-chunks +test 0 +test policy edf-chunks"), brief.get(1));
        assertFalse(brief.stream().anyMatch(l -> l.contains("--set")), "properties only with --all");
        assertEquals("1 scenarios, 1 platforms (list them with --all / rtmm:list -a)", brief.get(brief.size() - 1));
        List<String> all = CatalogListing.lines(lab.catalog, true);
        int fifo = all.indexOf(all.stream().filter(l -> l.startsWith("  fifo ")).findFirst().orElseThrow());
        assertTrue(all.get(fifo + 1).strip().equals("--set a=unused test property"), all.get(fifo + 1));
        assertTrue(all.get(fifo + 2).strip().equals("--set b=unused test property"), all.get(fifo + 2));
        assertTrue(all.contains("scenarios (1):") && all.contains("platforms (1):"), String.join("\n", all));
    }

    @Test
    void aSecondPluginWithTheSameIdWinsAndTheFirstIsMarkedShadowed() {
        Lab lab = new Lab();
        java.util.List<String> events = new java.util.ArrayList<>();
        lab.catalog.addListener(events::add);
        org.rtmmlab.api.scheduler.SchedulerPolicy newer = org.rtmmlab.engine.support.Policies.fifo();
        lab.catalog.add(new org.rtmmlab.engine.catalog.PluginDescriptor(org.rtmmlab.engine.catalog.PluginKind.SCHEDULER,
                "fifo", "newer fifo", "my-plugin", "2.0", newer));
        assertTrue(events.get(0).endsWith("(my-plugin 2.0), shadowing the one of test 0"), events.get(0));
        assertTrue(lab.catalog.scheduler("fifo") == newer, "the newest wins look-ups");
        List<String> lines = CatalogListing.lines(lab.catalog, false);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("  fifo ") && l.contains("test 0")
                && l.endsWith("[shadowed: another plugin with this id is used]")), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("  fifo ") && l.contains("my-plugin 2.0")
                && !l.contains("shadowed")), String.join("\n", lines));
    }
}
