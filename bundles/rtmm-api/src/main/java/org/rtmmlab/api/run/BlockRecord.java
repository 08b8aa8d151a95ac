package org.rtmmlab.api.run;

/**
 * One executed block: consecutive layers of one request on one accelerator (share).
 * Times in nanoseconds since the run started.
 *
 * @param requestId   request id
 * @param task        task id
 * @param frame       frame number
 * @param accelerator accelerator index on the platform
 * @param firstLayer  index of the first layer of the block
 * @param layers      number of layers in the block, &gt; 0
 * @param startNs     start time (after any switch cost)
 * @param endNs       end time
 * @param switchNs    switch cost paid before the block (0 if none)
 * @param energyPj    dynamic energy of the block including switch energy, pJ
 * @param share       fraction of the accelerator used, in (0, 1]
 */
public record BlockRecord(long requestId, String task, long frame, int accelerator, int firstLayer, int layers,
                          long startNs, long endNs, long switchNs, double energyPj, double share) {
}
