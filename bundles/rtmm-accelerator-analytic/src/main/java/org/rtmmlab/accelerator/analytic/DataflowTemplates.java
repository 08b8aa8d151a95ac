package org.rtmmlab.accelerator.analytic;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.platform.Accelerator;
import org.rtmmlab.api.platform.Dataflow;
import org.rtmmlab.json.JsonNode;

/**
 * The MAESTRO directive list of each dataflow: XRBench's WS ("NVDLA"), OS and RS ("Eyeriss-like") dataflow files,
 * kept as data in {@code dataflows.json} (copied from XRBench's {@code hardware.json} (docs/xrbench-data.md) {@code ->
 * dataflow_files["single/WS"|"single/OS"|"single/RS"].per_accelerator_directives[0]}, the same lists as every
 * {@code costs.json accelerators[*].directives}). An accelerator may give its own list in attribute
 * {@value #ATTRIBUTE} (directives separated by {@code ;}), which then replaces the template of its dataflow.
 */
final class DataflowTemplates {

    /** Accelerator attribute: a custom MAESTRO directive list, {@code ;}-separated, outermost first. */
    static final String ATTRIBUTE = "directives";

    private static final Map<Dataflow, List<Directive>> TEMPLATES = load();

    private DataflowTemplates() {
    }

    /** @return the directive list of {@code a}: attribute {@value #ATTRIBUTE} or its dataflow's template */
    static List<Directive> of(Accelerator a) {
        String custom = a.attribute(ATTRIBUTE, null);
        if (custom != null) {
            return parse(a.id() + ".attributes." + ATTRIBUTE, List.of(custom.split(";")));
        }
        List<Directive> t = TEMPLATES.get(a.dataflow());
        if (t == null) {
            throw new InvalidInputException(AnalyticAcceleratorModel.ID, a.id() + ".dataflow",
                    "the analytic model needs a PE-array dataflow (WS, OS or RS) or attribute '" + ATTRIBUTE
                            + "', got " + a.dataflow());
        }
        return t;
    }

    /** @return the template of {@code df} ({@code null} if none) */
    static List<Directive> template(Dataflow df) {
        return TEMPLATES.get(df);
    }

    /** @return the directives of {@code texts}, validated: at least one cluster level with a spatial map each */
    static List<Directive> parse(String where, List<String> texts) {
        List<Directive> out = new ArrayList<>();
        for (String t : texts) {
            if (!t.isBlank()) {
                out.add(Directive.parse(where, t));
            }
        }
        if (out.isEmpty()) {
            throw new InvalidInputException(AnalyticAcceleratorModel.ID, where, "no directives");
        }
        boolean spatial = false;
        for (int i = 0; i <= out.size(); i++) {
            boolean end = i == out.size() || out.get(i).kind() == Directive.Kind.CLUSTER;
            if (end) {
                if (!spatial) {
                    throw new InvalidInputException(AnalyticAcceleratorModel.ID, where,
                            "every cluster level needs a SpatialMap (MAESTRO's rule), level ending at directive " + i
                                    + " has none");
                }
                spatial = false;
            } else if (out.get(i).kind() == Directive.Kind.SPATIAL) {
                spatial = true;
            }
        }
        return List.copyOf(out);
    }

    private static Map<Dataflow, List<Directive>> load() {
        JsonNode root = JsonNode.resource(DataflowTemplates.class, "dataflows.json");
        Map<Dataflow, List<Directive>> out = new EnumMap<>(Dataflow.class);
        for (Dataflow df : new Dataflow[] {Dataflow.WS, Dataflow.OS, Dataflow.RS}) {
            JsonNode list = root.get(df.name());
            List<String> texts = new ArrayList<>();
            for (JsonNode d : list.items()) {
                texts.add(d.string());
            }
            out.put(df, parse("dataflows.json:" + list.path(), texts));
        }
        return out;
    }
}
