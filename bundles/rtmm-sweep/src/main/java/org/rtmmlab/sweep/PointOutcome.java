package org.rtmmlab.sweep;

import java.io.Serializable;
import java.util.List;
import java.util.TreeMap;

/**
 * What a member sends back for a point: the files of its run directory (small: {@code config.json},
 * {@code summary.json} and whatever other reporters the sweep selected) and its warnings.
 *
 * @param id       the point id
 * @param member   the member that ran it (address)
 * @param files    file name -> bytes, sorted by name
 * @param warnings the run's warnings
 */
public record PointOutcome(String id, String member, TreeMap<String, byte[]> files, List<String> warnings)
        implements Serializable {

    private static final long serialVersionUID = 1L;
}
