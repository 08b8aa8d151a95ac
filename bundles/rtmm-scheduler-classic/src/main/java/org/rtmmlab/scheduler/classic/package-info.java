/**
 * Classic scheduler policies: the XRBench runtime's own greedy dispatcher ({@code xrbench-greedy}), first come
 * first served ({@code fcfs}), earliest deadline first ({@code edf}), round-robin over models ({@code rr}) and least
 * slack first ({@code lsf}). Implementation package: nothing is
 * exported; the policies are found through Declarative Services or {@link java.util.ServiceLoader}.
 */
package org.rtmmlab.scheduler.classic;
