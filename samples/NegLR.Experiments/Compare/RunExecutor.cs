using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using NegLR.Experiments.Benchmarks;
using NegLR.Experiments.Optimizers;

namespace NegLR.Experiments.Compare;

/// <summary>The budget of one benchmark in one mode: the same for every optimizer.</summary>
/// <param name="Evaluations">Circuit evaluations in all.</param>
/// <param name="Shots">Shots in all (0 in exact mode).</param>
/// <param name="GradientStepCost">Evaluations of one loss-and-gradient step over the batch: rows × (shift runs + 1).</param>
internal readonly record struct Budget(long Evaluations, long Shots, long GradientStepCost);

/// <summary>Runs one (benchmark, mode, optimizer, seed) cell through the NegLR <see cref="Trainer"/>.</summary>
internal static class RunExecutor
{
    /// <summary>
    /// The budget: <paramref name="steps"/> gradient steps' worth of circuit evaluations, where one step over a batch of
    /// B rows costs B·(R + 1) evaluations with R the circuit's parameter-shift runs (2 per trainable rotation, 4 per
    /// controlled rotation) — what a device pays for a loss and its gradient. Shot modes multiply by the shots per
    /// evaluation. Optimizers spend it differently: NLR Lookahead B·(R + 2) per step, SPSA 2B.
    /// </summary>
    public static Budget BudgetFor(BenchmarkInstance instance, int steps, int shots)
    {
        int runs = new CircuitInterpreter(instance.Circuit).ParameterShiftEvaluations();
        long perStep = (long)instance.Rows * (runs + 1);
        long evaluations = steps * perStep;
        return new Budget(evaluations, shots > 0 ? evaluations * shots : 0, perStep);
    }

    /// <summary>Runs the cell; null when cancelled before it finished (nothing is written then).</summary>
    /// <summary>
    /// The trainer for the benchmark's device: the interpreter on an ideal device; under noise the density-matrix engine
    /// (exact mode, and shot mode when it samples the exact noisy distribution) or one trajectory per shot.
    /// </summary>
    private static TrainerBase CreateTrainer(BenchmarkInstance instance, CircuitInterpreter interpreter, IOptimizer optimizer, TrainerOptions options)
    {
        if (instance.Noise is not { } noise)
        {
            return new Trainer(interpreter, instance.Observable, optimizer, options, instance.Objective);
        }

        if (noise.Trajectories && options.Shots is not null)
        {
            return new NoisyTrainer(new TrajectorySimulator(instance.Circuit, noise.Model), instance.Observable, optimizer, options, instance.Objective);
        }

        return new NoisyTrainer(new DensityMatrixSimulator(instance.Circuit, noise.Model), instance.Observable, optimizer, options, instance.Objective);
    }

    /// <summary>
    /// The start: the benchmark's own (uniform, shared by every optimizer of a seed), a small-angle Gaussian from the
    /// circuit's depth and the cost's locality (Zhang et al. 2022), or identity blocks on a mirrored-block testbed.
    /// </summary>
    private static double[] StartingWeights(BenchmarkInstance instance, StudyOptimizer? study, CircuitStructure structure, ulong seed)
    {
        switch (study?.Init ?? StudyInit.Uniform)
        {
            case StudyInit.Gaussian:
            {
                var w = new double[structure.WeightCount];
                GaussianInitialization.ForCircuit(structure, instance.Observable).Initialize(w, structure, SeededRandom.ForStream(seed, 12));
                return w;
            }

            case StudyInit.IdentityBlocks:
            {
                var init = instance.IdentityBlocks ?? throw new ArgumentException(
                    $"'{study!.Id}' starts from identity blocks, which only the mirrored-block testbeds (bp-idb{{n}}-l{{L}}-…) are built of.", nameof(study));
                var w = new double[structure.WeightCount];
                init.Initialize(w, structure, SeededRandom.ForStream(seed, 12));
                return w;
            }

            default:
                return instance.InitialWeights;
        }
    }

    public static RunRecord? Execute(RunKey key, Benchmark benchmark, OptimizerSettings settings, int steps, BenchmarkSizes sizes,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        ulong seed = (ulong)key.Seed;
        var instance = benchmark.Create(seed, sizes);
        var interpreter = new CircuitInterpreter(instance.Circuit);
        int shiftRuns = interpreter.ParameterShiftEvaluations();
        var budget = BudgetFor(instance, steps, key.Shots);
        int rows = instance.Rows;
        int maxSteps = (int)Math.Min(int.MaxValue - 1, budget.Evaluations / (2L * rows)) + 1;
        var spec = OptimizerCatalog.Get(key.Optimizer);
        var study = spec.Study;
        var structure = new CircuitStructure(instance.Circuit);
        var options = new TrainerOptions
        {
            MaxSteps = maxSteps,
            MaxCircuitEvaluations = budget.Evaluations,
            MaxShots = key.Shots > 0 ? budget.Shots : null,
            Shots = key.Shots > 0 ? key.Shots : null,
            // Shot noise is drawn from the same stream for every optimizer of a seed (common random numbers).
            Seed = SeededRandom.ForStream(seed, 33).NextUInt64(),
            // Exact mode simulates gradients by the adjoint method but counts them as a device would (parameter shift).
            AdjointEvaluationCost = shiftRuns + 1,
            Restarts = study?.Restarts ?? 1,
            // Restarts draw from the same distribution as the run's first start.
            RestartInitialization = study?.Init == StudyInit.Gaussian
                ? GaussianInitialization.ForCircuit(structure, instance.Observable)
                : UniformInitialization.FullPeriod,
        };
        var start = StartingWeights(instance, study, structure, seed);
        var weights = (double[])start.Clone();
        TrainingResult result;
        double initialLoss;
        if (study is { Layerwise: true })
        {
            if (instance.Noise is not null || instance.LayerwiseBlocks < 1 || instance.CircuitForBlocks is null)
            {
                throw new ArgumentException(
                    $"'{key.Optimizer}' trains layerwise, which '{key.Benchmark}' does not offer (layerwise training runs on the ideal barren-plateau testbeds bp-random… and bp-hea… only).",
                    nameof(key));
            }

            var schedule = new LayerwiseSchedule
            {
                StepsPerPhase = Math.Max(1, steps / 8),
                TrainedBlocks = 1,
                Sweeps = 64,
                PartitionBlocks = instance.LayerwiseBlocks,
            };
            var layerwise = new LayerwiseTrainer(instance.CircuitForBlocks, instance.LayerwiseBlocks, instance.Observable,
                n => study.Create(n, maxSteps, seed), schedule, options, instance.Objective);
            // The run starts with block 1's weights; later blocks enter at the schedule's new weight (0).
            var (_, firstEnd) = layerwise.BlockWeights(1);
            Array.Fill(weights, schedule.NewWeight, firstEnd, weights.Length - firstEnd);
            initialLoss = new Trainer(interpreter, instance.Observable, new GradientDescent(weights.Length, 0.1), null, instance.Objective).EvaluateLoss(weights);
            result = layerwise.Run(weights, cancellationToken);
        }
        else
        {
            var optimizer = OptimizerCatalog.Create(spec, settings, interpreter.WeightCount, maxSteps, seed);
            var trainer = CreateTrainer(instance, interpreter, optimizer, options);
            initialLoss = trainer.EvaluateLoss(weights);
            result = trainer.Run(weights, cancellationToken);
        }

        if (result.StopReason == StopReason.Cancelled)
        {
            return null;
        }

        var history = result.History;
        var phases = new StringBuilder(history.Count);
        foreach (var s in history)
        {
            phases.Append(s.Phase == NlrPhase.Negative ? '-' : '+');
        }

        var extras = instance.Extras(weights);

        foreach (var k in extras.Where(kv => !double.IsFinite(kv.Value)).Select(kv => kv.Key).ToList())
        {
            extras.Remove(k);
        }

        return new RunRecord
        {
            Benchmark = key.Benchmark,
            Shots = key.Shots,
            Optimizer = key.Optimizer,
            Seed = key.Seed,
            Weights = interpreter.WeightCount,
            Rows = rows,
            BudgetEvaluations = budget.Evaluations,
            BudgetShots = budget.Shots,
            StopReason = result.StopReason.ToString(),
            Steps = result.Steps,
            EvaluationsUsed = result.CircuitEvaluations,
            ShotsUsed = result.Shots,
            InitialLoss = initialLoss,
            InitialMetric = instance.Metric(initialLoss),
            FinalLoss = result.FinalLoss,
            Metric = instance.Metric(result.FinalLoss),
            Extras = extras,
            History = new RunHistory
            {
                Loss = history.Select(s => s.Loss).ToArray(),
                GradientNorm = history.Select(s => s.GradientNorm).ToArray(),
                LearningRate = history.Select(s => s.LearningRate).ToArray(),
                Phases = phases.ToString(),
                TrialLoss = history.Select(s => s.HasTrialLoss ? s.TrialLoss : (double?)null).ToArray(),
                Evaluations = history.Select(s => s.CircuitEvaluations).ToArray(),
                Shots = history.Select(s => s.Shots).ToArray(),
            },
            WallSeconds = clock.Elapsed.TotalSeconds,
        };
    }
}
