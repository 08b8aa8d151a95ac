/**
 * Planaria (MICRO 2020) ported to a platform of sub-accelerators: slack- and priority-driven allocation of spatial
 * accelerator shares (or whole sub-accelerators). Implementation package: nothing is exported; the policy is found
 * through Declarative Services or {@link java.util.ServiceLoader}.
 */
package org.rtmmlab.scheduler.planaria;
