using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading;

namespace NegLR;

/// <summary>
/// The one training loop: for every step, pick the batch, compute loss and gradient, let the optimizer step (it may call
/// back for a Lookahead trial), count the cost, record, checkpoint, call back, and check the stopping rules. Generic
/// over the model so generated ansätze run without virtual calls; once constructed, a step in exact mode allocates nothing.
/// </summary>
internal sealed partial class TrainingLoop<TModel> : ITrainingLoop, ITrialEvaluator
    where TModel : struct, IExpectationModel
{
    private readonly TModel _model;
    private readonly IOptimizer _optimizer;
    private readonly IKeepsBest? _keepsBest;
    private readonly Spsa? _spsa;
    private readonly TrainerOptions _options;
    private readonly TrainingObjective _objective;
    private readonly int _n;
    private readonly int _shotsPerEvaluation;
    private readonly double[] _gradient;
    private readonly double[] _sampleGradient;
    private readonly double[] _shifted;
    private readonly double[] _delta;
    private readonly int[] _order;
    private readonly SeededRandom _batchRandom;
    private readonly SeededRandom _shotRandom;
    private readonly SeededRandom _spsaRandom;
    private readonly long _gradientEvaluations;
    private readonly long _trialEvaluations;

    // Run state: everything below is in the checkpoint.
    private long _iteration;
    private long _evaluations;
    private long _shots;
    private int _cursor;
    private int _batchStart;
    private double _bestLoss;
    private double _patienceReference;
    private long _sinceImprovement;
    private long _elapsedTicksBefore;
    private TrainingStep[] _history = Array.Empty<TrainingStep>();
    private int _historyCount;

    private long _startTimestamp;

    public TrainingLoop(TModel model, IOptimizer optimizer, TrainerOptions? options, TrainingObjective? objective)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        _model = model;
        _optimizer = optimizer;
        _options = options ?? TrainerOptions.Default;
        _objective = objective ?? TrainingObjective.Expectation;
        _n = model.WeightCount;
        _keepsBest = optimizer as IKeepsBest;
        _spsa = optimizer as Spsa ?? (optimizer as NegativeLearningRate)?.Base as Spsa;
        if (optimizer.ParameterCount != _n)
        {
            throw new ArgumentException(Invariant(
                $"The optimizer was made for {optimizer.ParameterCount} parameters, but the circuit has {_n} weights; create it with the circuit's weight count."), nameof(optimizer));
        }

        CheckObjective(model);
        Method = ResolveMethod();
        _shotsPerEvaluation = _options.Shots ?? 0;
        if (_options.Shots is int shots && shots < model.MinimumShots)
        {
            throw new ArgumentException(Invariant(
                $"Shots = {shots} is too few: each estimate needs at least one shot per measurement group ({model.MinimumShots})."), "options");
        }

        _gradient = new double[_n];
        _sampleGradient = new double[_n];
        _shifted = new double[_n];
        _delta = new double[_n];
        _order = new int[_objective.SampleCount];
        _batchRandom = SeededRandom.ForStream(_options.Seed, 0);
        _shotRandom = SeededRandom.ForStream(_options.Seed, 1);
        _spsaRandom = SeededRandom.ForStream(_options.Seed, 2);
        _gradientEvaluations = GradientEvaluationsPerSample() * _objective.BatchSize;
        _trialEvaluations = (long)optimizer.MaxTrialEvaluationsPerStep * _objective.BatchSize;
    }

    public GradientMethod Method { get; }

    /// <summary>Most circuit evaluations one step costs (gradient, plus the Lookahead trial if the optimizer may ask).</summary>
    public long EvaluationsPerStep => _gradientEvaluations + _trialEvaluations;

    /// <summary>Most shots one step costs (every evaluation in shot mode spends <see cref="TrainerOptions.Shots"/>).</summary>
    public long ShotsPerStep => EvaluationsPerStep * _shotsPerEvaluation;

    public TrainingResult Run(Span<double> parameters, CancellationToken cancellationToken)
    {
        CheckParameters(parameters);
        _optimizer.Reset();
        ResetRunState();
        return Loop(parameters, resumedAt: -1, cancellationToken);
    }

    public TrainingResult Resume(string checkpointPath, Span<double> parameters, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(checkpointPath);
        CheckParameters(parameters);
        LoadCheckpoint(checkpointPath, parameters);
        return Loop(parameters, _iteration, cancellationToken);
    }

    /// <summary>Counted trial evaluation on the current batch (NLR's Lookahead calls this).</summary>
    public double EvaluateTrial(ReadOnlySpan<double> parameters) => BatchLoss(parameters);

    private TrainingResult Loop(Span<double> parameters, long resumedAt, CancellationToken cancellationToken)
    {
        EnsureHistoryCapacity(_options.MaxSteps);
        _startTimestamp = Stopwatch.GetTimestamp();
        StopReason reason;
        long lastCheckpoint = -1;
        while (true)
        {
            if (_iteration >= _options.MaxSteps)
            {
                reason = StopReason.MaxSteps;
                break;
            }

            if (cancellationToken.IsCancellationRequested)
            {
                reason = StopReason.Cancelled;
                break;
            }

            if (_options.MaxCircuitEvaluations is long maxEvaluations && _evaluations + EvaluationsPerStep > maxEvaluations)
            {
                reason = StopReason.EvaluationBudget;
                break;
            }

            if (_options.MaxShots is long maxShots && _shots + ShotsPerStep > maxShots)
            {
                reason = StopReason.ShotBudget;
                break;
            }

            NextBatch();
            double loss = LossAndGradient(parameters, _gradient);
            double gradientNorm = Norm(_gradient);
            var step = _optimizer.Step(parameters, _gradient, loss, this);
            // Keras's rule: only an improvement of more than MinDelta over the reference resets the count (and moves it).
            if (loss < _patienceReference - _options.MinDelta)
            {
                _patienceReference = loss;
                _sinceImprovement = 0;
            }
            else
            {
                _sinceImprovement++;
            }

            _bestLoss = Math.Min(_bestLoss, loss);
            var record = new TrainingStep(_iteration, loss, gradientNorm, step.LearningRate, step.Phase, step.TrialLoss,
                _evaluations, _shots, Elapsed());
            _history[_historyCount++] = record;
            _iteration++;
            if (_options.CheckpointPath is string path && _iteration % _options.CheckpointInterval == 0)
            {
                SaveCheckpoint(path, parameters);
                lastCheckpoint = _iteration;
            }

            _options.OnStep?.Invoke(in record);
            if (_options.TargetLoss is double target && loss <= target)
            {
                reason = StopReason.TargetLoss;
                break;
            }

            if (_options.GradientTolerance is double tolerance && gradientNorm <= tolerance)
            {
                reason = StopReason.GradientTolerance;
                break;
            }

            if (_options.Patience is int patience && _sinceImprovement >= patience)
            {
                reason = StopReason.NoImprovement;
                break;
            }
        }

        // The checkpoint holds the training state (last parameters), so a resumed run continues training from there;
        // keep-best is applied to the returned parameters only.
        if (_options.CheckpointPath is string finalPath && lastCheckpoint != _iteration)
        {
            SaveCheckpoint(finalPath, parameters);
        }

        bool restoredBest = _keepsBest is { KeepsBest: true } && _keepsBest.TryCopyBest(parameters);
        double finalLoss = ExactLoss(parameters);
        return new TrainingResult(reason, _iteration, finalLoss, _bestLoss, restoredBest, _evaluations, _shots, Elapsed(),
            new TrainingHistory(_history.AsSpan(0, _historyCount)), resumedAt);
    }

    private void ResetRunState()
    {
        _iteration = 0;
        _evaluations = 0;
        _shots = 0;
        _bestLoss = double.PositiveInfinity;
        _patienceReference = double.PositiveInfinity;
        _sinceImprovement = 0;
        _elapsedTicksBefore = 0;
        _historyCount = 0;
        ResetRandom(_batchRandom);
        ResetRandom(_shotRandom);
        ResetRandom(_spsaRandom);
        for (int i = 0; i < _order.Length; i++)
        {
            _order[i] = i;
        }

        if (_objective.Shuffle)
        {
            Shuffle();
        }

        _cursor = 0;
        _batchStart = 0;
    }

    private static void ResetRandom(SeededRandom random)
    {
        Span<ulong> state = stackalloc ulong[4];
        new SeededRandom(random.Seed).SaveState(state);
        random.RestoreState(state);
    }

    /// <summary>Moves to the next batch: consecutive rows of the (shuffled) order; reshuffles when an epoch runs out.</summary>
    private void NextBatch()
    {
        int batch = _objective.BatchSize;
        if (batch >= _order.Length)
        {
            _batchStart = 0;
            return;
        }

        if (_cursor + batch > _order.Length)
        {
            if (_objective.Shuffle)
            {
                Shuffle();
            }

            _cursor = 0;
        }

        _batchStart = _cursor;
        _cursor += batch;
    }

    /// <summary>Fisher–Yates with the batch generator.</summary>
    private void Shuffle()
    {
        for (int i = _order.Length - 1; i > 0; i--)
        {
            int j = _batchRandom.NextInt(i + 1);
            (_order[i], _order[j]) = (_order[j], _order[i]);
        }
    }

    private void EnsureHistoryCapacity(int steps)
    {
        int needed = Math.Max(steps, _historyCount);
        if (_history.Length < needed)
        {
            Array.Resize(ref _history, needed);
        }
    }

    private TimeSpan Elapsed() => TimeSpan.FromTicks(_elapsedTicksBefore) + Stopwatch.GetElapsedTime(_startTimestamp);

    private void CheckParameters(Span<double> parameters)
    {
        if (parameters.Length != _n)
        {
            throw new ArgumentException(Invariant($"The circuit has {_n} weights, but {parameters.Length} parameters were given."), nameof(parameters));
        }

        for (int i = 0; i < parameters.Length; i++)
        {
            if (!double.IsFinite(parameters[i]))
            {
                throw new ArgumentException(Invariant($"parameters[{i}] is {parameters[i]}; start from finite parameters."), nameof(parameters));
            }
        }
    }

    private void CheckObjective(TModel model)
    {
        if (_objective.IsExpectation && model.InputCount > 0)
        {
            throw new ArgumentException(Invariant(
                $"The circuit reads {model.InputCount} data inputs, so minimising ⟨O⟩ alone has nothing to feed them; pass TrainingObjective.Classification(...) with the data."), "objective");
        }

        if (!_objective.IsExpectation && _objective.FeatureCount < model.InputCount)
        {
            throw new ArgumentException(Invariant(
                $"The circuit reads {model.InputCount} inputs, but each data row has {_objective.FeatureCount} features."), "objective");
        }
    }

    private GradientMethod ResolveMethod()
    {
        bool shots = _options.Shots is not null;
        var method = _options.Gradient;
        if (_spsa is not null)
        {
            if (method is not (GradientMethod.Auto or GradientMethod.Spsa))
            {
                throw new ArgumentException(Invariant(
                    $"The optimizer is SPSA, which estimates its own gradients; leave Gradient at Auto (or Spsa) instead of {method}."), "options");
            }

            return GradientMethod.Spsa;
        }

        if (method == GradientMethod.Auto)
        {
            return shots ? GradientMethod.ParameterShift : GradientMethod.Adjoint;
        }

        if (shots && method is GradientMethod.Adjoint or GradientMethod.FiniteDifference)
        {
            throw new ArgumentException(Invariant(
                $"{method} gradients need exact expectations; with Shots set use ParameterShift or Spsa (or Auto)."), "options");
        }

        return method;
    }

    /// <summary>Circuit evaluations of one row's loss-and-gradient with the resolved method (see GradientMethod's docs).</summary>
    private long GradientEvaluationsPerSample() => Method switch
    {
        GradientMethod.Adjoint => _options.AdjointEvaluationCost,
        GradientMethod.ParameterShift => (long)_model.ParameterShiftRuns + 1,
        GradientMethod.FiniteDifference => (2L * _n) + 1,
        _ => 2,
    };

    private static double Norm(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (double v in values)
        {
            sum += v * v;
        }

        return Math.Sqrt(sum);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
