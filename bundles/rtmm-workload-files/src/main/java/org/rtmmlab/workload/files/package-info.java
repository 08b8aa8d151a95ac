/**
 * User scenario files as a {@link org.rtmmlab.api.workload.ScenarioProvider} ({@code file/<name>}).
 * Implementation package: nothing is exported.
 */
package org.rtmmlab.workload.files;
