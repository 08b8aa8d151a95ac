package org.rtmmlab.api.platform;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.rtmmlab.api.Checks;
import org.rtmmlab.api.InvalidInputException;

/**
 * The accelerators of one device, e.g. XRBench {@code Dual_4K WS+OS}. Accelerator index {@code a} in the
 * scheduler view is the position in {@link #accelerators()}.
 *
 * @param id           platform id, e.g. {@code xrbench/Dual_4K__WS_OS}
 * @param description  one line for listings
 * @param accelerators the accelerators, non-empty, unique ids
 */
public record Platform(String id, String description, List<Accelerator> accelerators) {

    /** Validates ids. */
    public Platform {
        Checks.id(id, "id");
        description = description == null ? "" : description;
        accelerators = Checks.list(accelerators, "accelerators");
        if (accelerators.isEmpty()) {
            throw new InvalidInputException("", "accelerators", "platform " + id + " has no accelerators");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < accelerators.size(); i++) {
            if (!ids.add(accelerators.get(i).id())) {
                throw new InvalidInputException("", "accelerators[" + i + "].id",
                        "duplicate accelerator id '" + accelerators.get(i).id() + "'");
            }
        }
    }
}
