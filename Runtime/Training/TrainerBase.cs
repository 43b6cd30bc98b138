using System;
using System.Threading;

namespace NegLR;

/// <summary>
/// What every trainer offers: run, resume from a checkpoint, the step's cost, and starting weights drawn by an
/// initialization strategy. <see cref="Trainer"/> runs a runtime <see cref="Circuit"/> on the interpreter;
/// <see cref="Trainer{TAnsatz}"/> runs a generated ansatz.
/// </summary>
public abstract class TrainerBase
{
    private readonly ITrainingLoop _loop;

    private protected TrainerBase(ITrainingLoop loop, IOptimizer optimizer, TrainerOptions? options, TrainingObjective? objective)
    {
        _loop = loop;
        Optimizer = optimizer;
        Options = options ?? TrainerOptions.Default;
        Objective = objective ?? TrainingObjective.Expectation;
    }

    /// <summary>The optimizer being driven.</summary>
    public IOptimizer Optimizer { get; }

    /// <summary>The run's options.</summary>
    public TrainerOptions Options { get; }

    /// <summary>What is minimised.</summary>
    public TrainingObjective Objective { get; }

    /// <summary>Number of trainable weights.</summary>
    public int ParameterCount => Optimizer.ParameterCount;

    /// <summary>The gradient method in use (<see cref="GradientMethod.Auto"/> resolved).</summary>
    public GradientMethod GradientMethod => _loop.Method;

    /// <summary>
    /// Most circuit evaluations one step can cost: the gradient's per row × batch size (or the loss alone for an optimizer
    /// that needs no gradient), plus the batch again for each trial the optimizer may evaluate, plus a circuit-aware
    /// optimizer's own evaluations. Budgets reserve this much before each step.
    /// </summary>
    public long EvaluationsPerStep => _loop.EvaluationsPerStep;

    /// <summary>Most shots one step can cost (<see cref="EvaluationsPerStep"/> × shots per evaluation; 0 in exact mode).</summary>
    public long ShotsPerStep => _loop.ShotsPerStep;

    /// <summary>Most sequential device round trips one step can take (1, plus one per trial and per dependent batch).</summary>
    public long RoundTripsPerStep => _loop.RoundTripsPerStep;

    /// <summary>The circuit's structure: its weights' spectra and parametrised layers.</summary>
    public CircuitStructure Structure => _loop.Structure;

    /// <summary>
    /// Trains from <paramref name="parameters"/> (updated in place) with a freshly reset optimizer until a stopping rule
    /// fires. With NLR keep-best the best parameters seen are returned; with restarts, the chosen restart's.
    /// </summary>
    /// <exception cref="ArgumentException">Wrong number of parameters, or a non-finite one.</exception>
    public TrainingResult Run(Span<double> parameters, CancellationToken cancellationToken = default) =>
        _loop.Run(parameters, cancellationToken);

    /// <summary>
    /// Continues the run saved at <paramref name="checkpointPath"/>: parameters, optimizer state, generators, counters and
    /// history are restored (the span is overwritten), and the run goes on bit-identically to an uninterrupted one.
    /// </summary>
    /// <exception cref="System.IO.FileNotFoundException">There is no checkpoint at the path.</exception>
    /// <exception cref="CheckpointException">The file is truncated, corrupt, holds impossible values, or is from a different
    /// setup (optimizer, seed, shots, data shape): never a silent restart, never a crash later.</exception>
    public TrainingResult Resume(string checkpointPath, Span<double> parameters, CancellationToken cancellationToken = default) =>
        _loop.Resume(checkpointPath, parameters, cancellationToken);

    /// <summary>The exact loss over the whole objective at <paramref name="parameters"/>; not counted in any budget.</summary>
    public double EvaluateLoss(ReadOnlySpan<double> parameters) => _loop.ExactLoss(parameters);

    /// <summary>
    /// Starting weights for this trainer's circuit drawn by <paramref name="initializer"/> — or, when it is null, by the
    /// strategy the optimizer declares (<see cref="IDeclaresInitialization"/>, e.g. a generated optimizer with
    /// <c>[GaussianInitialization]</c>), else uniform in [0, 2π) — from a generator seeded with <paramref name="seed"/>.
    /// </summary>
    public double[] InitialWeights(ulong seed, IWeightInitializer? initializer = null)
    {
        initializer ??= (Optimizer as IDeclaresInitialization)?.Initialization ?? UniformInitialization.FullPeriod;
        var weights = new double[ParameterCount];
        initializer.Initialize(weights, Structure, new SeededRandom(seed));
        return weights;
    }
}
