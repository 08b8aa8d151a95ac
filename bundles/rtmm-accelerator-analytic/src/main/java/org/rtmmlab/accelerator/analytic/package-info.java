/**
 * Analytic dataflow cost model {@code analytic}: latency and energy of a layer on a weight-, output- or
 * row-stationary PE array from the layer's dims and the accelerator's PEs, bandwidths, buffers and clock; plus
 * {@link org.rtmmlab.accelerator.analytic.MaestroValidation}, its comparison with XRBench's MAESTRO tables.
 * Implementation package: nothing is exported (the model is found as an {@code AcceleratorModel} service).
 */
package org.rtmmlab.accelerator.analytic;
