/**
 * DREAM (ASPLOS 2023; first version SDRM3), reconstructed: MapScore per (job, accelerator) pair, admission-control
 * drops, an online parameter tuner and supernet switching, with the ablations {@code dream-notune},
 * {@code dream-nosupernet} and {@code dream-static}. Implementation package: nothing is exported; the policies are
 * found through Declarative Services or {@link java.util.ServiceLoader}.
 */
package org.rtmmlab.scheduler.dream;
