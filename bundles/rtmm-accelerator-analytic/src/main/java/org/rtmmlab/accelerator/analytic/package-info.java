/**
 * Analytic dataflow cost model {@code analytic}: MAESTRO's data-centric directive analysis of a weight-, output- or
 * row-stationary PE array (latency and energy of a layer from its dims and the accelerator's PEs, bandwidths,
 * buffers and clock); plus
 * {@link org.rtmmlab.accelerator.analytic.MaestroValidation}, its comparison with XRBench's MAESTRO tables.
 * Implementation package: nothing is exported (the model is found as an {@code AcceleratorModel} service).
 */
package org.rtmmlab.accelerator.analytic;
