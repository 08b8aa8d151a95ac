/**
 * Variant-aware scheduling: {@code edf-adaptive}. Implementation package: nothing is exported.
 */
package org.rtmmlab.scheduler.adaptive;
