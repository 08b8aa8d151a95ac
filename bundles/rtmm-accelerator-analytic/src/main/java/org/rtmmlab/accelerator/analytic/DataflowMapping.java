package org.rtmmlab.accelerator.analytic;

/**
 * Maps a layer onto a PE array with one dataflow (loop order, spatial dims and cluster sizes as in the MAESTRO
 * data-centric directives of XRBench's dataflow files, Kwon et al., MICRO 2019) and counts steps, NoC traffic and
 * L1 accesses. Implementations are stateless.
 */
interface DataflowMapping {

    /**
     * @param d   the layer's loop bounds
     * @param pes PEs of the array, &gt; 0
     * @return the mapping's counts
     */
    Mapping map(LayerDims d, int pes);
}
