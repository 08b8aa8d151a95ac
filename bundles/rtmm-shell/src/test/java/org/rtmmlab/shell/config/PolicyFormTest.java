package org.rtmmlab.shell.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.ObjectClassDefinition;
import org.rtmmlab.api.scheduler.ConfiguredPolicy;
import org.rtmmlab.api.scheduler.PropertySpec;
import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.api.scheduler.SchedulerContext;
import org.rtmmlab.scheduler.classic.EdfPolicy;

/** The Metatype forms generated from PropertySpecs: fields, types, defaults, options, validation and the text form. */
class PolicyFormTest {

    /** A configured policy declaring one property of every type. */
    static final class AllTypes extends ConfiguredPolicy {
        AllTypes(String id) {
            super(id, "every property type", List.of(
                    PropertySpec.integer("depth", 4, 1, 16, "how deep"),
                    PropertySpec.number("theta", 0.5, 0, 1, "a share"),
                    PropertySpec.bool("drop", false, "drop late jobs"),
                    PropertySpec.choice("mode", "fast", List.of("fast", "exact"), "how to search"),
                    PropertySpec.text("strategy", "", "strategy file")));
        }

        @Override
        public Scheduler create(SchedulerContext context) {
            throw new UnsupportedOperationException("not run here");
        }
    }

    private static Map<String, AttributeDefinition> fields(ObjectClassDefinition ocd) {
        Map<String, AttributeDefinition> out = new java.util.LinkedHashMap<>();
        for (AttributeDefinition a : ocd.getAttributeDefinitions(ObjectClassDefinition.ALL)) {
            out.put(a.getID(), a);
        }
        return out;
    }

    @Test
    void everyPropertyBecomesAFieldOfItsTypeWithDefaultOptionsAndTheRunsCheck() {
        PolicyForm form = PolicyForms.of(List.of(new PolicyForms.Entry("org.example.all", new AllTypes("all"))))
                .get("org.example.all");
        assertEquals("org.example.all", form.getID());
        assertEquals("RTMM scheduler all", form.getName());
        assertEquals("every property type. Defaults of every run; a run's own properties win.",
                form.getDescription());
        Map<String, AttributeDefinition> f = fields(form);
        assertEquals(List.of("depth", "theta", "drop", "mode", "strategy"), List.copyOf(f.keySet()));
        assertEquals(AttributeDefinition.LONG, f.get("depth").getType());
        assertEquals(AttributeDefinition.DOUBLE, f.get("theta").getType());
        assertEquals(AttributeDefinition.BOOLEAN, f.get("drop").getType());
        assertEquals(AttributeDefinition.STRING, f.get("mode").getType());
        assertEquals(AttributeDefinition.STRING, f.get("strategy").getType());
        assertArrayEquals(new String[] {"4"}, f.get("depth").getDefaultValue());
        assertArrayEquals(new String[] {"0.5"}, f.get("theta").getDefaultValue());
        assertArrayEquals(new String[] {"fast", "exact"}, f.get("mode").getOptionValues());
        assertNull(f.get("depth").getOptionValues());
        assertEquals(0, f.get("depth").getCardinality());
        assertEquals("how deep (integer, [1, 16])", f.get("depth").getDescription());
        assertEquals("", f.get("depth").validate("16"));
        assertTrue(f.get("depth").validate("17").contains("depth"), f.get("depth").validate("17"));
        assertTrue(f.get("theta").validate("x").contains("not a number"), f.get("theta").validate("x"));
        assertTrue(!f.get("mode").validate("slow").isEmpty());
        assertEquals("", f.get("drop").validate("TRUE"));
        assertEquals(0, form.getAttributeDefinitions(ObjectClassDefinition.REQUIRED).length);
        assertEquals(5, form.getAttributeDefinitions(ObjectClassDefinition.OPTIONAL).length);
    }

    @Test
    void aConfiguredDefaultIsTheFormsDefault() {
        EdfPolicy edf = new EdfPolicy();
        PolicyForm before = PolicyForms.of(List.of(new PolicyForms.Entry(EdfPolicy.PID, edf))).get(EdfPolicy.PID);
        assertArrayEquals(new String[] {"1"}, fields(before).get("blockLayers").getDefaultValue());
        edf.configure(Map.of("blockLayers", 3));
        PolicyForm after = PolicyForms.of(List.of(new PolicyForms.Entry(EdfPolicy.PID, edf))).get(EdfPolicy.PID);
        assertArrayEquals(new String[] {"3"}, fields(after).get("blockLayers").getDefaultValue());
    }

    @Test
    void policiesSharingAPidShareOneFormNamedAfterAllOfThem() {
        Map<String, PolicyForm> forms = PolicyForms.of(List.of(
                new PolicyForms.Entry("org.example.shared", new AllTypes("b-ablation")),
                new PolicyForms.Entry("org.example.shared", new AllTypes("a")),
                new PolicyForms.Entry(EdfPolicy.PID, new EdfPolicy())));
        assertEquals(List.of("org.example.shared", EdfPolicy.PID).stream().sorted().toList(),
                List.copyOf(forms.keySet()));
        PolicyForm shared = forms.get("org.example.shared");
        assertEquals(List.of("a", "b-ablation"), shared.policies());
        assertEquals("RTMM scheduler a, b-ablation", shared.getName());
    }

    @Test
    void theTextFormNamesPidFileAndEveryPropertyInColumns() {
        List<String> lines = PolicyForms.of(List.of(new PolicyForms.Entry("org.example.all", new AllTypes("all"))))
                .get("org.example.all").lines();
        assertEquals("ConfigAdmin PID org.example.all (file etc/org.example.all.cfg), read by all", lines.get(0));
        assertEquals(7, lines.size());
        assertTrue(lines.get(1).matches("  key +type +default +range +help"), lines.get(1));
        assertTrue(lines.get(2).matches("  depth +integer +4 +\\[1, 16] +how deep"), lines.get(2));
        assertTrue(lines.get(5).matches("  mode +choice +fast +fast\\|exact +how to search"), lines.get(5));
        int helpColumn = lines.get(1).indexOf("help");
        assertEquals(helpColumn, lines.get(2).indexOf("how deep"));
        assertEquals(helpColumn, lines.get(6).indexOf("strategy file"));
    }
}
