using System;
using System.Collections.Generic;
using System.Linq;

namespace NegLR.Tests.Optimizers;

/// <summary>
/// Small versions of the experiment benchmarks (VQE H2 and TFIM, QAOA MaxCut, an angle-embedding classifier, a
/// random-circuit barren-plateau testbed), used to choose and guard NLR's defaults.
/// </summary>
internal static class NlrBenchmarks
{
    internal sealed record Problem(string Name, Circuit Circuit, PauliSum Observable, TrainingObjective? Objective, double Optimum,
        double InitialScale)
    {
        public int Weights => Circuit.WeightCount;

        public double[] Start(ulong seed)
        {
            var random = new SeededRandom(seed * 7919);
            return Enumerable.Range(0, Weights).Select(_ => random.NextDouble(-InitialScale, InitialScale)).ToArray();
        }

        /// <summary>
        /// A trainer with a budget of circuit evaluations equal to <paramref name="budgetInBaseSteps"/> steps of plain Adam,
        /// or, with <paramref name="equalSteps"/>, simply that many steps whatever they cost.
        /// </summary>
        public Trainer Trainer(IOptimizer optimizer, long budgetInBaseSteps, ulong seed, bool equalSteps = false, int? shots = null)
        {
            long perBaseStep = new Trainer(Circuit, Observable, new Adam(Weights), new TrainerOptions { Shots = shots }, Objective).EvaluationsPerStep;
            return new Trainer(Circuit, Observable, optimizer,
                new TrainerOptions
                {
                    MaxSteps = (int)budgetInBaseSteps,
                    MaxCircuitEvaluations = equalSteps ? null : budgetInBaseSteps * perBaseStep,
                    Seed = seed,
                    Shots = shots,
                },
                Objective);
        }

        /// <summary>Fraction of the starting gap to the optimum left after training (0 = solved, 1 = no progress).</summary>
        public double RemainingGap(IOptimizer optimizer, long budgetInBaseSteps, ulong seed, bool equalSteps = false, int? shots = null)
        {
            var w = Start(seed);
            var trainer = Trainer(optimizer, budgetInBaseSteps, seed, equalSteps, shots);
            double initial = trainer.EvaluateLoss(w);
            double final = trainer.Run(w).FinalLoss;
            return Math.Max(0, final - Optimum) / Math.Max(1e-12, initial - Optimum);
        }
    }

    public static IReadOnlyList<Problem> All { get; } = Build();

    private static List<Problem> Build()
    {
        var problems = new List<Problem>();

        var h2 = Hamiltonians.H2Sto3g4Qubits();
        problems.Add(new("VQE H2 (HEA, 4q, 16 w)", new Circuit(4).HardwareEfficient(2), h2, null, ExactSolver.GroundState(h2, 4).Energy, Math.PI));

        var tfim = Hamiltonians.TransverseFieldIsing(4, 1.0, 1.0, periodic: false);
        problems.Add(new("VQE TFIM (4 sites, h = J, 24 w)", new Circuit(4).HardwareEfficient(3), tfim, null, ExactSolver.GroundState(tfim, 4).Energy, Math.PI));

        // QAOA p = 2 on a 5-cycle with one chord; minimise −C, whose minimum is −(max cut).
        var edges = new[] { (0, 1), (1, 2), (2, 3), (3, 4), (4, 0), (0, 2) };
        var negCut = new PauliSum(edges.Select(e => new PauliTerm(0.5, 0, (1 << e.Item1) | (1 << e.Item2))), -0.5 * edges.Length);
        problems.Add(new("QAOA MaxCut (5 nodes, p = 2)", new Circuit(5).QaoaMaxCut(edges, 2), negCut, null, ExactSolver.GroundState(negCut, 5).Energy, 1.0));

        // Two interleaving half-moons, angle-embedded on 2 qubits, StronglyEntanglingLayers(2), MSE on ⟨Z0⟩.
        var random = new SeededRandom(2024);
        int rows = 40;
        var features = new double[rows * 2];
        var labels = new double[rows];
        for (int r = 0; r < rows; r++)
        {
            bool upper = r % 2 == 0;
            double t = random.NextDouble(0, Math.PI);
            double x = upper ? Math.Cos(t) : 1 - Math.Cos(t);
            double y = upper ? Math.Sin(t) : 0.5 - Math.Sin(t);
            features[2 * r] = (x + random.NextDouble(-0.1, 0.1)) * 1.2;
            features[(2 * r) + 1] = (y + random.NextDouble(-0.1, 0.1)) * 1.2;
            labels[r] = upper ? 1 : -1;
        }

        var classifier = new Circuit(2).AngleEmbedding(2, Rotation.Y).StronglyEntanglingLayers(2);
        problems.Add(new("Classifier (moons, 2q, 12 w)", classifier, PauliSum.Z(0),
            TrainingObjective.Classification(features, 2, labels), 0, Math.PI));

        // McClean et al. (2018): RY(π/4) on every qubit, then layers of randomly chosen Pauli rotations (X, Y or Z, fixed by
        // a seed) and a CZ ladder; cost Z0 Z1 (minimum −1), random starting angles. 8 qubits, 12 layers, 96 weights.
        const int n = 8, layers = 12;
        var bp = new Circuit(n);
        for (int q = 0; q < n; q++)
        {
            bp.RY(q, Math.PI / 4);
        }

        var axes = new SeededRandom(77);
        for (int layer = 0; layer < layers; layer++)
        {
            for (int q = 0; q < n; q++)
            {
                bp.Rotate((Rotation)axes.NextInt(3), q, bp.Weight());
            }

            for (int q = 0; q + 1 < n; q++)
            {
                bp.CZ(q, q + 1);
            }
        }

        problems.Add(new("Barren-plateau testbed (McClean, 8q, 96 w)", bp, PauliSum.Parse("Z0 Z1"), null, -1, Math.PI));
        return problems;
    }
}
