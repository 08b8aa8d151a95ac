/**
 * PREMA (HPCA 2020) ported to block dispatch on several accelerators: token-based, preemptive at block boundaries,
 * with drain / checkpoint / kill preemption. Implementation package: nothing is exported; the policy is found through
 * Declarative Services or {@link java.util.ServiceLoader}.
 */
package org.rtmmlab.scheduler.prema;
