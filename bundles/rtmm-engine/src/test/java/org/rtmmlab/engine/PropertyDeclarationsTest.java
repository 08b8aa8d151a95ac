package org.rtmmlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rtmmlab.engine.support.Lab.MS;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.run.RunConfig;
import org.rtmmlab.api.scheduler.PropertyReader;
import org.rtmmlab.api.scheduler.PropertySpec;
import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.api.scheduler.SchedulerContext;
import org.rtmmlab.api.scheduler.SchedulerPolicy;
import org.rtmmlab.api.workload.Task;
import org.rtmmlab.engine.catalog.CatalogListing;
import org.rtmmlab.engine.support.Lab;
import org.rtmmlab.engine.support.Policies;

/** A policy's {@link PropertySpec}s in {@code rtmm list --all}, the unknown-key check and {@code config.json}. */
class PropertyDeclarationsTest {

    private final Lab lab = new Lab();

    /** FIFO with two declared properties it reads (and does not otherwise use). */
    static final class Declaring implements SchedulerPolicy {
        static final List<PropertySpec> SPECS = List.of(
                PropertySpec.integer("blockLayers", 4, 0, 64, "layers per block"),
                PropertySpec.choice("objective", "edp", List.of("edp", "latency"), "what the map minimises"));

        @Override public String id() { return "declaring"; }
        @Override public String description() { return "declares its properties"; }
        @Override public List<PropertySpec> properties() { return SPECS; }

        @Override
        public Scheduler create(SchedulerContext context) {
            PropertyReader.of(id(), SPECS, context.properties());
            return Policies::fifoDecide;
        }
    }

    @BeforeEach
    void setUp() {
        lab.single();
        lab.scenario("s", List.of(Lab.model("m", 1)), List.of(Task.periodic("t", "m", 10 * MS)), List.of(), 30 * MS);
        lab.policy(new Declaring());
    }

    private RunConfig config(Map<String, String> properties) {
        return new RunConfig("s", "one", "declaring", 1, 0, false, properties, List.of("record"));
    }

    @Test
    void listAllShowsKeyDefaultTypeRangeAndHelpInDeclarationOrder() {
        List<String> all = CatalogListing.lines(lab.catalog, true);
        int at = all.indexOf(all.stream().filter(l -> l.startsWith("  declaring ")).findFirst().orElseThrow());
        assertEquals("--set blockLayers=4  integer [0, 64]     layers per block", all.get(at + 1).strip());
        assertEquals("--set objective=edp  choice edp|latency  what the map minimises", all.get(at + 2).strip());
    }

    @Test
    void theEngineRejectsUndeclaredKeysAndAcceptsDeclaredAndEngineOnes() {
        Evaluator.checkPropertyKeys(new Declaring(), Map.of("blockLayers", "2", "engine.window", "5ms"));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Evaluator.checkPropertyKeys(new Declaring(), Map.of("blocklayers", "2")));
        assertEquals("run properties: blocklayers: unknown property of scheduler 'declaring'; known: blockLayers,"
                + " objective (and engine.* keys)", e.getMessage());
    }

    @Test
    void configJsonRecordsPlainDefaultsAndTheEffectiveValuesByteIdenticallyAcrossRuns(@TempDir Path root)
            throws IOException {
        lab.evaluator.run(config(Map.of("blockLayers", "08")), root.resolve("a"), null);
        lab.evaluator.run(config(Map.of("blockLayers", "08")), root.resolve("b"), null);
        String a = Files.readString(root.resolve("a/config.json"));
        assertEquals(a, Files.readString(root.resolve("b/config.json")));
        JsonObject o = JsonParser.parseString(a).getAsJsonObject();
        assertEquals("{\"blockLayers\":\"4\",\"objective\":\"edp\"}", o.get("schedulerDefaults").toString());
        assertEquals("{\"blockLayers\":\"8\",\"objective\":\"edp\"}", o.get("schedulerProperties").toString());
        assertEquals("{\"blockLayers\":\"08\"}", o.get("properties").toString(), "the run's own text stays");
    }

    @Test
    void aBadValueFailsTheRunWithItsKey(@TempDir Path root) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> lab.evaluator.run(config(Map.of("objective", "fast")), root.resolve("x"), null));
        assertTrue(e.getMessage().endsWith("declaring: objective: must be one of edp|latency, got 'fast'"),
                e.getMessage());
    }

    @Test
    void aPolicyWithOnlyOldStyleDefaultsRecordsItsDefaultsOverriddenByTheRun() {
        assertEquals(Map.of("a", "x", "b", "unused test property"), Evaluator.effectiveProperties(Policies.fifo(),
                Policies.PROPERTIES, Map.of("a", "x", "engine.window", "5ms")));
        assertTrue(new Declaring().defaultProperties().equals(Map.of("blockLayers", "4", "objective", "edp")));
    }
}
