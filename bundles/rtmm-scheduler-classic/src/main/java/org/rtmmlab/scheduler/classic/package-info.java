/**
 * Classic scheduler policies: the XRBench runtime's own greedy dispatcher ({@code xrbench-greedy}), first come
 * first served ({@code fcfs}) and earliest deadline first ({@code edf}). Implementation package: nothing is
 * exported; the policies are found through Declarative Services or {@link java.util.ServiceLoader}.
 */
package org.rtmmlab.scheduler.classic;
