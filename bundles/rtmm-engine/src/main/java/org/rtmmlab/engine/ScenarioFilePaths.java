package org.rtmmlab.engine;

import java.nio.file.Path;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.engine.sim.CostTables;

/**
 * Points a cost model's failure to price a layer of a scenario file at that file and the layer's JSON path
 * ({@code vr-hands.json: $.models[3].variants[0].layers[1]}), so the user sees which part of their file the cost
 * model could not handle (issue 17). Models are listed in the file in scenario order; variant 0 is the model's own
 * layers, variant v its {@code variants[v - 1]}. For a model given by {@code ref}, the layers are the referenced
 * model's, not written in the file: the path then ends at the model.
 */
final class ScenarioFilePaths {

    private ScenarioFilePaths() {
    }

    /** @return "file: $.models[m]...layers[l]" of the layer that failed, or null if it is not one of the file's */
    static String layer(Path file, Scenario scenario, CostTables.PricingException e) {
        if (e.model().isEmpty()) {
            return null;
        }
        int m = 0;
        while (m < scenario.models().size() && !scenario.models().get(m).id().equals(e.model())) {
            m++;
        }
        if (m == scenario.models().size()) {
            return null;
        }
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        return name + ": $.models[" + m + "]" + (e.variant() > 0 ? ".variants[" + (e.variant() - 1) + "]" : "")
                + ".layers[" + e.layer() + "]";
    }

    /** @return the error of a layer that could not be priced on a shipped platform, named by its place in the file */
    static InvalidInputException pricing(String layer, Platform platform, CostTables.PricingException e) {
        int colon = layer.indexOf(": ");
        String acc = e.accelerator() < platform.accelerators().size()
                ? platform.accelerators().get(e.accelerator()).id() : "#" + e.accelerator();
        return new InvalidInputException(layer.substring(0, colon), layer.substring(colon + 2), "cannot be priced on "
                + "accelerator " + acc + " of platform " + platform.id() + ": " + e.getMessage());
    }
}
