package org.rtmmlab.optimizer.rtmdl;

import org.moeaframework.core.Solution;
import org.moeaframework.core.variable.EncodingUtils;
import org.moeaframework.problem.AbstractProblem;

/**
 * The search problem for MOEA Framework: integer variables (per task a variant index in [0, K_i - 1], then per task
 * a priority in [1, n], then per task the largest kept variant in [0, K_i - 1]; a task runs the larger index of its
 * variant and kept variables, so it always runs a variant it keeps); objectives (both minimised) f1 = sum_i LOSS_i / ACC_i^max and f2 = sum_i predicted MIS_i;
 * constraints predicted MIS_i - zeta_i &lt;= 0 per task and storage - bound &lt;= 0 (a constraint value of 0 means
 * satisfied, a positive one is the violation, MOEA Framework 4's convention).
 */
final class StrategyProblem extends AbstractProblem {

    private final StrategySpace space;
    private final MissRateProxy proxy;

    StrategyProblem(StrategySpace space, MissRateProxy proxy) {
        super(3 * space.size(), 2, space.size() + 1);
        this.space = space;
        this.proxy = proxy;
    }

    /** @return the strategy a solution encodes */
    Candidate decode(Solution s) {
        int n = space.size();
        int[] v = new int[n];
        int[] p = new int[n];
        int[] kept = new int[n];
        for (int i = 0; i < n; i++) {
            kept[i] = EncodingUtils.getInt(s.getVariable(2 * n + i));
            v[i] = Math.max(kept[i], EncodingUtils.getInt(s.getVariable(i)));
            p[i] = EncodingUtils.getInt(s.getVariable(n + i));
        }
        return new Candidate(v, p, kept);
    }

    @Override
    public void evaluate(Solution s) {
        Candidate c = decode(s);
        double[] miss = proxy.predict(c);
        double sumMiss = 0;
        for (int i = 0; i < miss.length; i++) {
            sumMiss += miss[i];
            s.setConstraint(i, Math.max(0, miss[i] - space.zeta()[i]));
        }
        s.setConstraint(space.size(), Math.max(0, space.storageOf(c) - space.boundBytes()) / 1e6);
        s.setObjective(0, space.lossOf(c));
        s.setObjective(1, sumMiss);
    }

    @Override
    public Solution newSolution() {
        int n = space.size();
        Solution s = new Solution(3 * n, 2, n + 1);
        for (int i = 0; i < n; i++) {
            s.setVariable(i, EncodingUtils.newInt(0, space.variantIds().get(i).size() - 1));
            s.setVariable(n + i, EncodingUtils.newInt(1, n));
            s.setVariable(2 * n + i, EncodingUtils.newInt(0, space.variantIds().get(i).size() - 1));
        }
        return s;
    }
}
